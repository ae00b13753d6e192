/*
 * splitvfs.c - the default VFS, with statement journals written to disk in
 * pieces of at most 64 KiB.
 *
 * SQLite keeps a statement journal in memory, in one block of
 * SQLITE_CONFIG_STMTJRNL_SPILL bytes, until it outgrows the block; it then
 * opens a temporary file and writes the whole block to it with one xWrite.
 * The unix VFS writes at most 128 KiB per call (seekAndWriteFd() masks the
 * length with 0x1ffff), so a larger block is cut short and the statement
 * fails with "database or disk is full".  That held the importer's block
 * under 128 KiB, less than the 10 to 20 pages of 16 KiB that one row's
 * INSERT and its triggers change, and so every statement of an import went
 * through the file (6.9 GB of writes for 20,000 codes).
 *
 * This VFS opens every file through the default VFS and, for statement
 * journals only, swaps in a copy of the file's methods whose xWrite passes
 * the data on in pieces.  Every other file, and every other method, is the
 * default VFS's own.
 */
#include <string.h>

#include <sqlite3.h>

#include "splitvfs.h"

#define PIECE (64 * 1024)

static sqlite3_vfs split_vfs;
static sqlite3_vfs *base_vfs;
/* The methods of the first statement journal opened, and the same with
 * xWrite replaced.  A journal whose methods differ keeps its own. */
static const sqlite3_io_methods *base_methods;
static sqlite3_io_methods split_methods;

static int split_write(sqlite3_file *file, const void *buf, int amount,
		       sqlite3_int64 offset)
{
	const char *p = buf;

	while (amount > 0) {
		int n = amount < PIECE ? amount : PIECE;
		int rc = base_methods->xWrite(file, p, n, offset);

		if (rc != SQLITE_OK)
			return rc;
		p += n;
		offset += n;
		amount -= n;
	}
	return SQLITE_OK;
}

static int split_open(sqlite3_vfs *vfs, sqlite3_filename name,
		      sqlite3_file *file, int flags, int *out_flags)
{
	int rc = base_vfs->xOpen(base_vfs, name, file, flags, out_flags);

	(void)vfs;
	if (rc != SQLITE_OK || !(flags & SQLITE_OPEN_SUBJOURNAL) ||
	    !file->pMethods)
		return rc;
	if (!base_methods) {
		base_methods = file->pMethods;
		split_methods = *base_methods;
		split_methods.xWrite = split_write;
	}
	if (file->pMethods == base_methods)
		file->pMethods = &split_methods;
	return rc;
}

int splitvfs_register(void)
{
	if (base_vfs)
		return SQLITE_OK;
	base_vfs = sqlite3_vfs_find(NULL);
	if (!base_vfs)
		return SQLITE_ERROR;
	split_vfs = *base_vfs;
	split_vfs.zName = "codekb-split";
	split_vfs.pNext = NULL;
	split_vfs.xOpen = split_open;
	return sqlite3_vfs_register(&split_vfs, 1);
}
