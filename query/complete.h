/*
 * complete.h - the candidates for shell completion, printed by the hidden
 * `codekb --complete WHAT [ARG] [PREFIX] [--db PATH] [--protocol P]`:
 *
 *   commands [PREFIX]        the commands
 *   options [COMMAND]        the options COMMAND takes (without one,
 *                            every option): "--name", then " VALUE" if
 *                            it takes one, then " -n" if it has a short
 *                            form
 *   formats COMMAND [PFX]    the formats COMMAND writes
 *   choices COMMAND [PFX]    the words COMMAND's argument is one of
 *                            (export's codes, texts, ...)
 *   protocols [PREFIX]       the protocols of the database
 *   languages [PREFIX]       its languages
 *   vendors [PROTO] [PFX]    the vendors with codes (of PROTO, or of
 *                            --protocol)
 *   classes [PROTO] [PFX]    PROTO's (or --protocol's) class labels
 *   codes PROTO [PREFIX]     PROTO's codes, in their order
 *
 * One candidate a line, those starting with PREFIX.  PROTO is an id or an
 * alias, in any case.  The database is --db's, else the usual one.
 */
#ifndef CODEKB_COMPLETE_H
#define CODEKB_COMPLETE_H

/* Run it on argv[1..argc) (argv[0] is "--complete"); an exit status. */
int complete_main(int argc, char **argv);

#endif
