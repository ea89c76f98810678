/*
 * defs_internal.h: the layout of kngg_defs, shared by the loader
 * (defs_load.c) and the model's checks and look-ups (defs_model.c).
 */
#ifndef KNGG_DEFS_INTERNAL_H
#define KNGG_DEFS_INTERNAL_H

#include "kngg/defs.h"
#include "util/util.h"

/* The largest definitions file read. The largest real one (fase-1.xml) is
 * 30 KiB; 4 MiB leaves a hundredfold room for longer local texts and
 * still refuses a wrong file (a log, a database, /proc) before parsing it. */
#define DEFS_MAX_FILE ((size_t)4 << 20)

typedef struct {
	const char *id;
	const kngg_def *def;
} defs_index_entry;

/* A reference that can only be resolved once every file is read. */
typedef struct pending_ref {
	struct pending_ref *next;
	const kngg_def *from;   /* the definition holding the reference */
	const char *list;       /* list id to resolve in, or NULL: global id */
	const char *id;
	const char *what;       /* attribute name, for messages */
	int line;
	const kngg_def **slot;  /* where to store a resolved global def, or NULL */
} pending_ref;

struct kngg_defs {
	int builtin;               /* the compiled-in model (static, never freed) */
	kngg_arena *arena;
	const char *dir;
	const char *version;
	const char *version_file;
	const char *citation;

	kngg_phase *phases[4];     /* by number - 1; NULL while missing */
	kngg_factor *factors;
	size_t nfactors;
	kngg_scale factor_scale;
	const char *factors_file;
	kngg_quickscan *quickscan;
	const char *quickscan_file;
	kngg_def *levels;
	size_t nlevels;
	const char *monitoring_file;
	kngg_list *lists;
	size_t nlists;
	const char *lists_file;

	kngg_ruleset *rulesets;
	size_t nrulesets;
	const char *rules_file;
	/* while loading: the ids the rules name, resolved in defs_finish */
	const char **ruleset_ids;
	const char **rule_ids;

	kngg_phase phase_store[4];
	size_t nphases; /* phases present, packed in phase order */
	const kngg_phase *ordered[4];

	defs_index_entry *index;
	size_t nindex;

	pending_ref *refs;
	int errors;
	kngg_diag_fn diag;
	void *diag_ctx;
};

/* Reports one problem at file:line and counts it. */
void defs_error(kngg_defs *d, const char *file, int line, const char *fmt, ...)
	KNGG_PRINTF(4, 5);

/* The model compiled into kngg at build time (kngg-defsgen), and the
 * SHA-256 (hex) of the sources it came from. */
extern const kngg_defs kngg_builtin_defs;
extern const char kngg_builtin_defs_hash[];

/* After every file is read: cross-file checks and the id index. */
void defs_finish(kngg_defs *d);

#endif
