/*
 * cli.h: what the command files of the kngg CLI share: global options, the
 * command table, option parsing and output helpers. Only the CLI prints.
 */
#ifndef KNGG_CLI_H
#define KNGG_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "kngg/defs.h"
#include "kngg/people.h"
#include "kngg/limits.h"
#include "kngg/readiness.h"
#include "kngg/table.h"
#include "kngg/track.h"
#include "mod/modules.h"

/* Exit codes. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct {
	const char *phases_dir; /* --phases, or NULL */
	const char *db_path;    /* --db, or NULL */
	kngg_defs *defs;        /* loaded on first use by cli_defs() */
	int committed;          /* this run has changed a database (cli_finish) */
	kngg_tracker *tracker;  /* opened by cli_tracker() */
} kngg_cli;

/*
 * The command table. A command is a list of subcommands; a subcommand
 * names its positional arguments, the options it takes and the function
 * that runs it. Dispatch, usage errors and help are all generated from
 * these tables (options.c, cmd_help.c), so they cannot disagree.
 */
typedef struct cli_call cli_call;
typedef int (*cli_fn)(kngg_cli *cli, const cli_call *call);

/* How an option takes its value, and so the type of its field. */
enum {
	CLI_FLAG,  /* no value: an int, set to 1 */
	CLI_VALUE, /* one value: a const char *, the last one given */
	CLI_MULTI, /* repeatable: a cli_multi with every value in order */
	CLI_ONCE   /* one value, a const char *; given twice is a usage error */
};

typedef struct {
	const char *name;       /* long name without "--" */
	char short_name;        /* or 0 */
	unsigned char kind;     /* CLI_FLAG, CLI_VALUE, CLI_MULTI or CLI_ONCE */
	unsigned char required; /* shown without brackets; the handler says why it is missing */
	const char *metavar;    /* the value in usage text (DATUM, text|json); NULL for a flag */
	const char *help;       /* a few words of Dutch for the option list */
	size_t offset;          /* its field in the subcommand's options struct */
} cli_option;

typedef struct {
	const char *name;       /* the word after the command, or NULL for none */
	const char *key;        /* name NULL: the option that selects this form, or NULL */
	const char *args;       /* positional arguments: "CODE STAP", "[MAP]", "NAAM CODE..." */
	cli_fn fn;
	const cli_option *opts; /* terminated by a NULL name; NULL: no options */
	size_t size;            /* the size of the struct that opts fill */
	const char *summary;    /* one line; may be NULL when it is the command's only form */
	const char *hint;       /* NULL, or a few words added to a usage error */
} cli_sub;

typedef struct {
	const char *name;
	const cli_sub *subs;    /* terminated by a NULL fn */
	const char *summary;    /* one line for the overview */
	const char *help;       /* free text after the generated usage and options */
} cmd_def;

/* The hint of a subcommand that takes a name. */
#define CLI_HINT_QUOTED "naam met spaties tussen aanhalingstekens"
#define CLI_SUB_END {0}

/* What a handler gets: the positional arguments after the subcommand word
 * and the options struct (sub->size bytes, zeroed, then filled). */
struct cli_call {
	const cmd_def *cmd;
	const cli_sub *sub;
	int nargs;
	char **args;
	void *opts;
};

/* The command table (commands.c), terminated by a NULL name. */
extern const cmd_def kngg_commands[];
const cmd_def *cmd_find(const char *name);

/* The subcommand tables, one per cmd_*.c. */
extern const cli_sub cmd_help_subs[], cmd_init_subs[], cmd_demo_subs[],
	cmd_municipality_subs[], cmd_area_subs[], cmd_cycle_subs[], cmd_step_subs[],
	cmd_activity_subs[], cmd_deliverable_subs[], cmd_quickscan_subs[], cmd_factor_subs[],
	cmd_status_subs[], cmd_org_subs[], cmd_stakeholder_subs[], cmd_role_subs[],
	cmd_risks_subs[], cmd_signoff_subs[], cmd_correct_subs[], cmd_verify_subs[],
	cmd_person_subs[], cmd_readiness_subs[], cmd_phase_subs[], cmd_region_subs[],
	cmd_export_subs[], cmd_doc_subs[], cmd_log_subs[], cmd_serve_subs[], cmd_user_subs[],
	cmd_phases_subs[], cmd_show_subs[], cmd_validate_subs[], cmd_config_subs[],
	cmd_funding_subs[], cmd_handover_subs[];
/* issue 18 */
extern const cli_sub cmd_plan_subs[];

/*
 * A repeatable option (--argument A --argument B): every value in order.
 * items point into argv; the array is malloc'd and released by the
 * dispatcher after the handler returns.
 */
typedef struct {
	const char *last; /* the last value given, or NULL */
	const char **items;
	size_t n, cap;
} cli_multi;

void cli_multi_free(cli_multi *m);

/* The offset of field f (of type type) in struct T; any other type is a
 * compile error, so that a table row and its field cannot disagree. */
#define CLI_FIELD_(T, f, type) _Generic(&((T *)0)->f, type *: offsetof(T, f))

/* Table rows: an option with a value, a required one, one with a short
 * name, a flag (optional or required), a required option that may be given
 * only once, a repeatable option, and the end of a list. */
#define CLI_OPT(T, f, name, meta, help) \
	{(name), 0, CLI_VALUE, 0, (meta), (help), CLI_FIELD_(T, f, const char *)}
#define CLI_OPT_REQ(T, f, name, meta, help) \
	{(name), 0, CLI_VALUE, 1, (meta), (help), CLI_FIELD_(T, f, const char *)}
#define CLI_OPT_SHORT(T, f, name, c, meta, help) \
	{(name), (c), CLI_VALUE, 0, (meta), (help), CLI_FIELD_(T, f, const char *)}
#define CLI_FLAG_OPT(T, f, name, help) \
	{(name), 0, CLI_FLAG, 0, NULL, (help), CLI_FIELD_(T, f, int)}
#define CLI_FLAG_REQ(T, f, name, help) \
	{(name), 0, CLI_FLAG, 1, NULL, (help), CLI_FIELD_(T, f, int)}
#define CLI_ONCE_REQ(T, f, name, meta, help) \
	{(name), 0, CLI_ONCE, 1, (meta), (help), CLI_FIELD_(T, f, const char *)}
#define CLI_MULTI_OPT(T, f, name, meta, help) \
	{(name), 0, CLI_MULTI, 0, (meta), (help), CLI_FIELD_(T, f, cli_multi)}
#define CLI_OPT_END {NULL, 0, 0, 0, NULL, NULL, 0}

/* The options shared by many commands, each written once. */
/* --date --by --note of a recording command, into the kngg_track_opts m. */
#define CLI_DATE_HELP "de dag (1-7-2026, 1 juli 2026 of 2026-07-01), standaard vandaag"
#define CLI_TRACK_OPTS(T, m) \
	CLI_OPT(T, m.date, "date", "DATUM", CLI_DATE_HELP), \
	CLI_BY_OPT(T, m), \
	CLI_OPT(T, m.note, "note", "TEKST", "een toelichting in het logboek")
#define CLI_DATE_OPT(T, m) CLI_OPT(T, m.date, "date", "DATUM", CLI_DATE_HELP)
/* --by names a person in the register (name or number; standaard KNGG_BY of
 * 'door' in het configuratiebestand); --new-person adds a name on purpose. */
#define CLI_BY_OPT(T, m) \
	CLI_OPT(T, m.by, "by", "NAAM", "wie het vastlegt: naam of nummer uit het register"), \
	CLI_FLAG_OPT(T, m.new_person, "new-person", \
		     "een naam (--by, --signer) die nog niet in het register staat, is een nieuwe persoon")
#define CLI_AREA_OPT(T, f) CLI_OPT(T, f, "area", "GEBIED", "het gebied (fase 2)")
#define CLI_ASOF_OPT(T, f) \
	CLI_OPT(T, f, "as-of", "DATUM", "zoals het logboek het op die dag gaf")
/* --format with the formats a command can write, e.g. "text|json". */
#define CLI_FORMAT_OPT(T, f, formats) \
	CLI_OPT(T, f, "format", (formats), "het formaat van de uitvoer")

/* The modules with the heavy libraries (src/mod/modules.h), loaded on
 * first use; NULL after one line on stderr when one cannot be loaded. */
const kngg_xml_module *cli_xml(void);
const kngg_web_module *cli_web(void);
const kngg_sheet_module *cli_sheet(void);
const kngg_ical_module *cli_ical(void);

/* Runs one command line (argv[0] is the command name) with cli's options:
 * finds the command and subcommand, checks the arguments against the
 * table and calls the handler. */
int cli_dispatch(kngg_cli *cli, int argc, char **argv);

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

/*
 * Defaults, so that a projectleider does not repeat them on every line.
 * Explicit arguments always win. The config file (cli_config_path():
 * $XDG_CONFIG_HOME/kngg/config, else ~/.config/kngg/config) holds lines
 * "sleutel = waarde" ('#' starts a comment): door = NAAM (--by), gemeente =
 * CODE or name. The environment wins over the file: KNGG_BY, KNGG_GEMEENTE.
 * Without either, a database that holds one municipality makes that one the
 * default (options.c). *source names where a default came from.
 */
const char *cli_config_path(void);
int cli_config_each(int (*fn)(void *ctx, const char *key, const char *value), void *ctx);
const char *cli_default_by(const char **source);
const char *cli_default_municipality(const char **source);
/* The municipality a command names not as its first argument (doc NAAM
 * [CODE]): typed as a code or name, or, when typed is NULL, the default;
 * into code. EXIT_OK, or reported. */
int cli_municipality_or_default(kngg_cli *cli, const char *typed, char code[7]);
/* A person of code given (for option what) as a number or a name, into
 * *id; EXIT_OK, or one kngg: line (missing, unknown, or a name several
 * persons have). */
int cli_person(const char *cmd, kngg_tracker *t, const char *code, const char *what,
	       const char *s, int64_t *id);

/* For confirmations: the id of list_id's item typed means (any case, with
 * or without accents), else typed; the registered name of organisation
 * typed of code, else typed (a static buffer). */
const char *cli_list_id(const kngg_defs *defs, const char *list_id, const char *typed);
const char *cli_org_name(kngg_tracker *t, const char *code, const char *typed);

/* Releases what cli_tracker() opened. */
void cli_close(kngg_cli *cli);

/* Parses a whole number in [min, max] given for option what. */
int cli_int(const char *cmd, const char *what, const char *s, int min, int max, int *out);
/* A score on scale (--score of factor and quickscan): a whole number in
 * [min, max]; else a usage error that names the scale. */
int cli_score(const char *cmd, const char *s, const kngg_scale *scale, int *out);
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

/* The numbers of positional arguments spec ("CODE NAAM", "[MAP]", "NAAM
 * CODE...") allows; *max is INT_MAX when the last one repeats. */
void cli_args_range(const char *spec, int *min, int *max);

/* One usage line of sub, e.g. "kngg factor CODE FACTOR --score N [--date
 * DATUM]", into buf. Tokens (an option with its value is one token) are
 * separated by sep, so that a caller can wrap between them. Returns the
 * length it needed, as snprintf does. */
size_t cli_usage_line(const cmd_def *c, const cli_sub *s, char sep, char *buf, size_t size);

/* How a subcommand is named in messages: "municipality add", "readiness
 * --all", "signoff CODE ID", "factor". */
void cli_sub_label(const cmd_def *c, const cli_sub *s, char *buf, size_t size);

/*
 * A usage error for sub: "kngg: WHY[ (HINT)]; gebruik: USAGE (zie 'kngg
 * help CMD')" on stderr, the usage generated from the table. Returns
 * EXIT_USAGE.
 */
int cli_sub_usage(const cmd_def *c, const cli_sub *s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * After a write the guide allows out of order (step done, cycle start):
 * "kngg: let op: WHAT; nog open:" and one "let op: - ..." line per binding
 * rule of the phase or step (in area, or every area) that is not met, on
 * stderr; nothing when all is met. Never fails: the write is committed.
 * Returns how many rules are open.
 */
size_t cli_warn_open(kngg_tracker *t, const char *code, int phase, const char *step,
		     const char *area, const char *what);
/* A kngg_diag_fn that drops the message: for what is only looked up to
 * warn after a commit, when nothing may be reported as a failure. */
void cli_quiet_diag(void *ctx, const char *msg);

/* Prints the overview of all commands on f. */
void cli_print_overview(FILE *f);

/* Prints a command's help on f: its usage lines, subcommands and options
 * (generated from the tables), then its free text, wrapped to 80 columns. */
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
/* The same with the words separated by sep (a usage line's tokens hold
 * spaces and are separated by tabs). */
void print_wrapped_by(FILE *f, const char *text, char sep, size_t col, size_t indent);
/* Prints "- text" at indent, wrapped under the text. */
/* One RFC 4180 field (NULL: empty): quoted when it holds a comma, quote
 * or line break; then a comma, or CRLF after the last of a row. */
void print_csv_field(FILE *f, const char *s, int last);
void print_bullet(FILE *f, const char *text, size_t indent);

/*
 * Tables out (output.c): --format csv or xlsx. CSV goes to stdout with
 * --separator (';', ',' or tab; default comma) and --bom; xlsx goes to
 * -o FILE (--force replaces it) through kngg-sheet.so, never to a
 * terminal. A command checks its options with cli_sheet_check before it
 * does any work, then builds a kngg_table and hands it to
 * cli_table_write. Commands that print CSV themselves (print_csv_field)
 * call cli_sheet_check and cli_csv_start and get the same separator.
 */
typedef struct {
	const char *separator;
	int bom;
	const char *output;
	int force;
} cli_sheet_opts;

#define CLI_CSV_OPTS(T, m) \
	CLI_OPT(T, m.separator, "separator", "TEKEN", \
		"CSV: scheidingsteken ';', ',' of tab (standaard ',')"), \
	CLI_FLAG_OPT(T, m.bom, "bom", "CSV met BOM, voor Excel")
#define CLI_OUT_OPTS(T, m) \
	CLI_OPT_SHORT(T, m.output, "output", 'o', "BESTAND", "xlsx: schrijf naar BESTAND"), \
	CLI_FLAG_OPT(T, m.force, "force", "xlsx: vervang een bestaand bestand")
#define CLI_SHEET_OPTS(T, m) CLI_CSV_OPTS(T, m), CLI_OUT_OPTS(T, m)

/* EXIT_USAGE (reported) when the options do not fit format; sets the CSV
 * separator. */
int cli_sheet_check(const char *cmd, const char *format, const cli_sheet_opts *o);
/* The byte order mark, when --bom. */
void cli_csv_start(FILE *f, const cli_sheet_opts *o);
/* Writes t as format ("csv" or "xlsx"); several tables are the sheets of
 * one workbook (CSV writes the first). */
int cli_table_write(const kngg_table *t, const char *format, const cli_sheet_opts *o);
int cli_tables_write(const kngg_table *const *tabs, size_t n, const char *format,
		     const cli_sheet_opts *o);

/* Terminal output fits in this many columns; --wide lifts the limit of a
 * table. kngg does not ask the terminal its width. */
#define CLI_COLUMNS 80
/* Cuts s in place to width display columns, the last one "…" (s must have
 * room for 2 more bytes); returns s. */
char *cut_to_width(char *s, size_t width);
/* Prints s cut to width columns, padded to width when pad. */
void print_cut(FILE *f, const char *s, size_t width, int pad);

/* A column of print_table. */
typedef struct {
	const char *head;
	size_t min;    /* 0: never cut; else it may be cut down to min columns */
	int wide;      /* only with --wide */
	int right;     /* right-aligned (numbers) */
} cli_column;

/*
 * Prints a head row and nrows rows of ncols cells (row by row; NULL is
 * empty), columns two spaces apart, each line after indent spaces. Unless
 * wide, the wide columns are left out and the cuttable ones shortened
 * (with "…") until a line fits in CLI_COLUMNS.
 */
void print_table(FILE *f, const cli_column *cols, size_t ncols, const char *const *cells,
		 size_t nrows, size_t indent, int wide);

/* Prints lead and a shell command after indent spaces, broken between
 * words (never inside quotes) with " \" so that a copy still runs, each
 * further line indented by two more. */
void print_command(FILE *f, const char *lead, const char *cmd, size_t indent);

#endif
