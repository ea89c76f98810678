/*
 * cli.h: what the command files of the kngg CLI share: global options, the
 * command table, option parsing and output helpers. Only the CLI prints.
 */
#ifndef KNGG_CLI_H
#define KNGG_CLI_H

#include <stdio.h>

#include "kngg/defs.h"
#include "kngg/store.h"
#include "kngg/people.h"
#include "kngg/readiness.h"
#include "kngg/track.h"
#include "mod/modules.h"

/* Exit codes. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct {
	const char *phases_dir; /* --phases, or NULL */
	const char *db_path;    /* --db, or NULL */
	kngg_defs *defs;        /* loaded on first use by cli_defs() */
	kngg_store *store;      /* opened by cli_tracker() */
	int committed;          /* this run has changed a database (cli_finish) */
	kngg_tracker tracker;
} kngg_cli;

typedef int (*cmd_fn)(kngg_cli *cli, int argc, char **argv);

typedef struct {
	const char *name;
	cmd_fn fn;
	const char *usage;   /* "kngg show ID" */
	const char *summary; /* one line for the overview */
	const char *help;    /* the rest of `kngg help NAME` */
} cmd_def;

/* The command table (commands.c), terminated by a NULL name. */
extern const cmd_def kngg_commands[];
const cmd_def *cmd_find(const char *name);

int cmd_help(kngg_cli *cli, int argc, char **argv);
int cmd_init(kngg_cli *cli, int argc, char **argv);
int cmd_demo(kngg_cli *cli, int argc, char **argv);
int cmd_municipality(kngg_cli *cli, int argc, char **argv);
int cmd_area(kngg_cli *cli, int argc, char **argv);
int cmd_cycle(kngg_cli *cli, int argc, char **argv);
int cmd_step(kngg_cli *cli, int argc, char **argv);
int cmd_activity(kngg_cli *cli, int argc, char **argv);
int cmd_deliverable(kngg_cli *cli, int argc, char **argv);
int cmd_quickscan(kngg_cli *cli, int argc, char **argv);
int cmd_factor(kngg_cli *cli, int argc, char **argv);
int cmd_status(kngg_cli *cli, int argc, char **argv);
int cmd_org(kngg_cli *cli, int argc, char **argv);
int cmd_stakeholder(kngg_cli *cli, int argc, char **argv);
int cmd_role(kngg_cli *cli, int argc, char **argv);
int cmd_risks(kngg_cli *cli, int argc, char **argv);
int cmd_signoff(kngg_cli *cli, int argc, char **argv);
int cmd_correct(kngg_cli *cli, int argc, char **argv);
int cmd_verify(kngg_cli *cli, int argc, char **argv);
int cmd_person(kngg_cli *cli, int argc, char **argv);
int cmd_readiness(kngg_cli *cli, int argc, char **argv);
int cmd_phase(kngg_cli *cli, int argc, char **argv);
int cmd_region(kngg_cli *cli, int argc, char **argv);
int cmd_export(kngg_cli *cli, int argc, char **argv);
int cmd_doc(kngg_cli *cli, int argc, char **argv);
int cmd_log(kngg_cli *cli, int argc, char **argv);
int cmd_serve(kngg_cli *cli, int argc, char **argv);
int cmd_user(kngg_cli *cli, int argc, char **argv);

/* The modules with the heavy libraries (src/mod/modules.h), loaded on
 * first use; NULL after one line on stderr when one cannot be loaded. */
const kngg_xml_module *cli_xml(void);
const kngg_web_module *cli_web(void);

/* Runs one command line (argv[0] is the command name) with cli's options. */
int cli_dispatch(kngg_cli *cli, int argc, char **argv);
int cmd_phases(kngg_cli *cli, int argc, char **argv);
int cmd_show(kngg_cli *cli, int argc, char **argv);
int cmd_validate(kngg_cli *cli, int argc, char **argv);

/* Prints "kngg: " msg tail as one line on stderr, control characters
 * escaped (tail may be NULL). */
void cli_message(const char *msg, const char *tail);
/* The end of a run: flushes stdout and turns anything that failed after a
 * committed change into a warning (exit 0). Returns the exit code. */
int cli_finish(kngg_cli *cli, int rc);
/* Prints "kngg: MESSAGE" on stderr; returns EXIT_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "kngg: MESSAGE (zie 'kngg help CMD')" on stderr; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Which directory the definitions come from: --phases, KNGG_PHASES, the
 * installed share/kngg/phases, else the source tree's phases/. */
const char *cli_phases_dir(const kngg_cli *cli);
/* A data directory: opt if given, else $env_name, else installed if it
 * exists, else the source tree's copy. */
const char *cli_data_dir(const char *opt, const char *env_name, const char *installed,
			 const char *source);

/* Loads the definitions once; on failure prints one line and returns NULL. */
const kngg_defs *cli_defs(kngg_cli *cli);

/* The database path: --db, else KNGG_DB, else ./kngg.db. */
const char *cli_db_path(const kngg_cli *cli);

/*
 * Loads the definitions and opens the database (once), and sets up
 * cli->tracker with diagnostics printed as "kngg: ..." lines. On failure
 * prints one line and returns NULL.
 */
kngg_tracker *cli_tracker(kngg_cli *cli);

/* A kngg_diag_fn that prints "kngg: MESSAGE" on stderr. */
void cli_print_diag(void *ctx, const char *msg);

/* Releases what cli_tracker() opened. */
void cli_close(kngg_cli *cli);

/* Parses a whole number in [min, max] given for option what. */
int cli_int(const char *cmd, const char *what, const char *s, int min, int max, int *out);
/* A person or event number: a whole number from 1. */
int cli_id(const char *cmd, const char *s, int64_t *id);

/* A growing list of municipality codes (regions, the whole country). */
typedef struct {
	char **codes;
	size_t n, cap;
} cli_codes;
/* A kngg_code_fn that appends to a cli_codes. */
int cli_code_collect(void *ctx, const char *code);
void cli_codes_free(cli_codes *l);

/* The options every recording command takes: --date --by --note. */
#define CLI_TRACK_OPTS(o)                                        \
	{"date", 0, 1, &(o).date, NULL}, {"by", 0, 1, &(o).by, NULL}, \
		{"note", 0, 1, &(o).note, NULL}

/* Option parsing for a command. */
typedef struct {
	const char *name;   /* long name without "--" */
	char short_name;    /* or 0 */
	int has_arg;        /* 0, 1, or CLI_ARG_MULTI */
	const char **value; /* for options with an argument */
	int *flag;          /* for options without */
} cli_opt;

/*
 * A repeatable option (--argument A --argument B): every value in order.
 * Its cli_opt has has_arg CLI_ARG_MULTI and value &multi.last, the struct's
 * first member, through which cli_parse reaches the whole struct (so that
 * cli_opt keeps five fields and every positional initialiser stays
 * complete). items point into argv; the array is malloc'd: release it with
 * cli_multi_free(), also when cli_parse() failed.
 */
typedef struct {
	const char *last;   /* the last value given, or NULL; must stay first */
	const char **items;
	size_t n, cap;
} cli_multi;

enum { CLI_ARG_MULTI = 2 };

/* The cli_opt of a repeatable option NAME collected into m (a cli_multi). */
#define CLI_MULTI_OPT(name, m) {(name), 0, CLI_ARG_MULTI, &(m).last, NULL}

void cli_multi_free(cli_multi *m);

/*
 * Parses argv[1..argc-1] of command cmd. Options may appear anywhere;
 * "--help"/"-h" prints the command's help and sets *help_shown. The
 * positional arguments are moved to the front of argv+1 and counted in
 * *npos. Returns EXIT_OK or EXIT_USAGE (message printed).
 */
int cli_parse(const char *cmd, int argc, char **argv, const cli_opt *opts, int *npos,
	      int *help_shown);

/* Prints the overview of all commands on f. */
void cli_print_overview(FILE *f);

/* Prints a command's usage and help on f. */
void cli_print_help(FILE *f, const cmd_def *c);

/* Output helpers (output.c). */
size_t utf8_width(const char *s);
/* Prints s padded with spaces to width display columns. */
void print_padded(FILE *f, const char *s, size_t width);
/* Prints text word-wrapped to 78 columns; each line starts with indent
 * spaces; the first line with first_indent (0 means indent). */
void print_wrapped(FILE *f, const char *text, size_t indent, size_t first_indent);
/* Prints text wrapped, the cursor already at column col; further lines
 * start at column indent. */
void print_wrapped_at(FILE *f, const char *text, size_t col, size_t indent);
/* Prints "- text" at indent, wrapped under the text. */
/* One RFC 4180 field (NULL: empty): quoted when it holds a comma, quote
 * or line break; then a comma, or CRLF after the last of a row. */
void print_csv_field(FILE *f, const char *s, int last);
void print_bullet(FILE *f, const char *text, size_t indent);

#endif
