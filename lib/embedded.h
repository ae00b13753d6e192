/*
 * embedded.h - the SQL files of schema/, compiled in by cmake/embed.cmake.
 *
 * Each symbol is the text of one file, NUL-terminated; SYMBOL_len is its
 * length.  Adding a file: list it in EMBEDDED_SQL in CMakeLists.txt and
 * declare it here.
 */
#ifndef CODEKB_EMBEDDED_H
#define CODEKB_EMBEDDED_H

#include <stddef.h>

extern const char sql_migration_0001[];
extern const char sql_migration_0002[];
extern const char sql_migration_0003[];
extern const char sql_migration_0004[];
extern const char sql_migration_0005[];
extern const char sql_migration_0006[];
extern const char sql_migration_0007[];
extern const char sql_migration_0008[];
extern const char sql_seed[];
extern const char sql_views[];
extern const char sql_queries_import[];
extern const char sql_queries_query[];
extern const char sql_queries_export[];

#endif
