#ifndef CODEKB_SPLITVFS_H
#define CODEKB_SPLITVFS_H

/*
 * Make "codekb-split" the default VFS: the default one, except that
 * statement journals are written to disk in pieces small enough for it
 * (see splitvfs.c).  Call after sqlite3_config(), before opening a
 * database.  Returns an SQLite result code.
 */
int splitvfs_register(void);

#endif
