/*
 * fuzz_import.c - libFuzzer target for the importer's parse-and-validate
 * path.
 *
 * Each input is written to a file and imported with --dry-run into a
 * database made once from data/ (so SIP and HTTP exist and rows meet real
 * codes, classes and templates).  The first byte picks the kind, as
 * --kind would (0 is auto, from the header); the rest is the file.  Any
 * crash, leak or sanitizer report is a bug; messages are discarded.
 *
 * Build and run: scripts/fuzz SECONDS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char db_path[4096];
static char input_path[4096];
static FILE *sink;

static void remove_files(void)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	char name[4200];

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", db_path, suffixes[i]);
		unlink(name);
	}
	unlink(input_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct import_options opt = {0};
	const char *tmp = getenv("TMPDIR");
	char *data = getenv("CODEKB_DATA");

	(void)argc;
	(void)argv;
	snprintf(db_path, sizeof(db_path), "%s/fuzz-%d.db", tmp ? tmp : "/tmp",
		 (int)getpid());
	snprintf(input_path, sizeof(input_path), "%s/fuzz-%d.csv",
		 tmp ? tmp : "/tmp", (int)getpid());
	sink = fopen("/dev/null", "w");
	if (!sink || !data) {
		fprintf(stderr, "fuzz_import: set CODEKB_DATA to the data/ folder\n");
		exit(1);
	}
	opt.db_path = db_path;
	atexit(remove_files);
	if (import_run(&opt, &data, 1, sink, stderr) != 0)
		exit(1);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_options opt = {0};
	char *paths[] = {input_path};
	FILE *fp;

	if (size == 0)
		return 0;
	fp = fopen(input_path, "wb");
	if (!fp)
		return 0;
	fwrite(data + 1, 1, size - 1, fp);
	fclose(fp);
	opt.db_path = db_path;
	opt.dry_run = 1;
	opt.kind = (enum kind)(data[0] % KIND_COUNT);
	opt.protocol = data[0] & 0x80 ? "SIP" : NULL;
	opt.on_conflict = (enum on_conflict)(data[0] % 3);
	import_run(&opt, paths, 1, sink, sink);
	return 0;
}
