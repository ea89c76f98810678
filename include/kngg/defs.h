/*
 * defs.h: the guide's definitions (the XML files under phases/) as an immutable model.
 *
 * kngg_defs_load() reads every *.xml file of a directory, validates each
 * against the schema built into kngg (phases/kngg.xsd), checks what the
 * schema cannot (unique ids across files, references, parent ids, all four
 * phases present, one version) and returns a read-only model. Everything
 * reachable from a kngg_defs lives until kngg_defs_free(); no libxml2 type
 * appears here.
 */
#ifndef KNGG_DEFS_H
#define KNGG_DEFS_H

#include <stddef.h>

#include "kngg/common.h"

typedef struct kngg_defs kngg_defs;

typedef enum {
	KNGG_DEF_PHASE = 1,
	KNGG_DEF_STEP,        /* a step (phases 1-2) or process part (3-4) */
	KNGG_DEF_ACTIVITY,    /* 1.5/a3 */
	KNGG_DEF_DELIVERABLE, /* 1.5/d1 */
	KNGG_DEF_SIGNOFF,     /* 1.5/s1 */
	KNGG_DEF_FACTOR,      /* draagvlak */
	KNGG_DEF_THEME,       /* quickscan/ketencommitment */
	KNGG_DEF_LEVEL,       /* monitoring/kind-en-gezin */
	KNGG_DEF_ITEM         /* rollen/wethouder: an item of a list */
} kngg_def_kind;

/* The head every definition starts with. */
typedef struct kngg_def {
	kngg_def_kind kind;
	const char *id;
	const char *title;  /* NULL for activities and deliverables */
	const char *text;   /* summary or body text, whitespace folded */
	const char *ref_section; /* part of the guide summarised, or NULL */
	const char *ref_lines;   /* its line range, e.g. "2500-2620", or NULL */
	const char *file;   /* the file it was read from, for messages */
	int line;
	const struct kngg_def *parent; /* step of an activity, phase of a step... */
} kngg_def;

/* Who takes part or signs: exactly one of role and org is non-NULL. */
typedef enum {
	KNGG_PER_NONE = 0,
	KNGG_PER_KERNGROEP,  /* one signature per kerngroep organisation */
	KNGG_PER_PARTNER,    /* one per partner organisation involved */
	KNGG_PER_NEW_PARTNER,/* one per newly joining partner */
	KNGG_PER_CHOSEN      /* one per organisation chosen from the analysis */
} kngg_per;

/* Kinds of area in phase 2: the first experiment, a new wijk that enters
 * via 2.5, a new target group that re-runs 2.1-2.3. */
typedef enum {
	KNGG_AREA_EXPERIMENT = 1,
	KNGG_AREA_WIJK = 2,
	KNGG_AREA_DOELGROEP = 4
} kngg_area_kind;
#define KNGG_AREA_ALL 7u
/* "experiment", "wijk", "doelgroep"; 0 for anything else. */
kngg_area_kind kngg_area_kind_parse(const char *s);
const char *kngg_area_kind_name(kngg_area_kind k);

/* The organisation "type" that names the municipality's main implementing
 * organisation(s) (kngg org lead), in signers and commitment rules. */
#define KNGG_ORG_LEAD "hoofduitvoerder"

typedef struct {
	const char *role; /* id in list "rollen" */
	const char *org;  /* id in list "organisatietypen" */
	kngg_per per;     /* signers only */
	int optional;     /* signers only: needed only when the situation asks */
} kngg_party;

typedef enum {
	KNGG_DECISION_GO_NO_GO = 1, /* go or no-go */
	KNGG_DECISION_APPROVAL      /* akkoord */
} kngg_decision_kind;

typedef struct {
	kngg_def def; /* text: what is signed */
	kngg_decision_kind decision;
	int optional; /* the guide asks for it only when needed */
	const kngg_def *activity; /* where it is signed, or NULL */
	const kngg_party *signers;
	size_t nsigners;
} kngg_signoff;

typedef struct {
	const char *text;
	const char *document; /* kngg document id, or NULL */
} kngg_tool;

typedef struct {
	kngg_def def;
	int is_part; /* a process part of phase 3 or 4 rather than a step */
	unsigned area_kinds; /* phase 2: the kinds of area that run it (KNGG_AREA_*
				bits); all of them when the definitions do not say */
	const kngg_def *deliverables;
	size_t ndeliverables;
	const kngg_party *participants;
	size_t nparticipants;
	const char *participants_note; /* or NULL */
	const kngg_def *activities;
	size_t nactivities;
	const kngg_tool *tools;
	size_t ntools;
	const char *const *tips;
	size_t ntips;
	const kngg_signoff *signoffs;
	size_t nsignoffs;
} kngg_step;

typedef enum {
	KNGG_REPEAT_NONE = 0,
	KNGG_REPEAT_PER_AREA,  /* phase 2: per area and target group */
	KNGG_REPEAT_PER_CYCLE  /* phases 3-4: QuickScan cycles */
} kngg_repeat;

typedef struct {
	kngg_def def;
	int number;   /* 1-4 */
	kngg_repeat repeat;
	int closable; /* 0 for a phase that is never done (phase 4) */
	const kngg_step *steps;
	size_t nsteps;
} kngg_phase;

typedef struct {
	kngg_def def;
	const char *const *checks; /* questions to ask when checking it */
	size_t nchecks;
} kngg_factor;

typedef struct {
	kngg_def def;
	const char *const *statements; /* locally configured; often none */
	size_t nstatements;
} kngg_theme;

typedef struct {
	int value;
	const char *label;
} kngg_scale_label;

typedef struct {
	int min, max;
	const kngg_scale_label *labels;
	size_t nlabels;
} kngg_scale;

typedef struct {
	const char *text;
	kngg_scale scale;
	const kngg_theme *themes;
	size_t nthemes;
} kngg_quickscan;

typedef struct {
	const char *id;
	const char *title;
	int ordered; /* the order of the items is a scale */
	const char *threshold; /* ordered lists: first item that counts, or NULL */
	const kngg_def *items;
	size_t nitems;
	const char *file; /* where it was read, for messages */
	int line;
} kngg_list;

/* Position of item id in list, or -1. */
int kngg_list_index(const kngg_list *list, const char *id);

/* ---- readiness rules (gereedheid.xml) ---------------------------------- */

typedef enum {
	KNGG_RULE_DONE = 1,   /* a step, activity or deliverable done */
	KNGG_RULE_SIGNED,     /* a sign-off point complete with go / akkoord */
	KNGG_RULE_COMMITMENT, /* at least min committed persons (filters) */
	KNGG_RULE_FACTOR,     /* factor checks recent enough and high enough */
	KNGG_RULE_QUICKSCAN   /* every QuickScan theme scored in the current cycle */
} kngg_rule_kind;

typedef struct {
	kngg_rule_kind kind;
	const kngg_def *target; /* done, signed, factor with id: the definition; else NULL */
	int min;                /* commitment: persons; factor: score (when has_min) */
	int has_min;
	int within_months;      /* factor: 0 for no age limit */
	const char *level;      /* commitment filters, or NULL; level: one or more
				   space-separated levels (kngg_rule_level_ok) */
	const char *org_type;   /* a type, or KNGG_ORG_LEAD */
	const char *role;
	const char *why;        /* why it matters, or NULL */
	const char *lines;      /* lines of the guide it follows ("1771-1790"), or NULL */
	int binding;            /* blocks readiness; else advice (a warning) */
	const char *file;
	int line;
} kngg_rule;

typedef struct {
	const kngg_def *scope; /* a step (complete) or a phase (complete: on to the next) */
	const kngg_rule *rules;
	size_t nrules;
} kngg_ruleset;

/* 1 when level is one of the rule's levels (or the rule has none). */
int kngg_rule_level_ok(const kngg_rule *r, const char *level);

/* The rules for a step or phase definition, or NULL when there are none. */
const kngg_ruleset *kngg_defs_rules(const kngg_defs *defs, const kngg_def *scope);
size_t kngg_defs_ruleset_count(const kngg_defs *defs);

/* A definitions file held in memory, for kngg_defs_load_sources(). */
typedef struct {
	const char *name; /* used in messages, e.g. "phases/fase-1.xml" */
	const char *data;
	size_t len;
} kngg_defs_source;

/*
 * Loads every *.xml file in dir (in name order). On success *out is a new
 * model, to be freed with kngg_defs_free(). On failure *out is NULL, every
 * problem was passed to diag as one line "FILE:LINE: message", and the
 * return is KNGG_EINVALID (bad definitions), KNGG_ENOTFOUND (no such
 * directory or no *.xml in it), KNGG_EIO or KNGG_ENOMEM. Only regular files
 * (a symbolic link to one is followed) of at most 4 MiB are read: a FIFO,
 * a device or a larger file stops the load with KNGG_EIO and one message
 * naming it, without blocking on it or reading it.
 */
int kngg_defs_load(kngg_defs **out, const char *dir, kngg_diag_fn diag, void *ctx);

/* As kngg_defs_load(), from n files already in memory. */
int kngg_defs_load_sources(kngg_defs **out, const kngg_defs_source *src, size_t n,
			   kngg_diag_fn diag, void *ctx);

void kngg_defs_free(kngg_defs *defs);

/*
 * The definitions compiled into kngg at build time (validated by the full
 * XML path then): no file is read and no XML parsed. Static; freeing it
 * does nothing. This is what every command uses unless --phases or
 * KNGG_PHASES names a directory with other content.
 */
const kngg_defs *kngg_defs_builtin(void);
/* 1 when dir holds exactly the sources of the built-in definitions (by
 * content: SHA-256 over the *.xml files' names and bytes, not dates). */
int kngg_defs_dir_is_builtin(const char *dir);
/* That SHA-256 of dir's *.xml files, as hex. 0, KNGG_ENOTFOUND or KNGG_EIO. */
int kngg_defs_dir_hash(const char *dir, char hex[65]);

/* The definitions version, e.g. "2021.1", recorded with every tracked event. */
const char *kngg_defs_version(const kngg_defs *defs);

/* The citation of the guide the definitions summarise. */
const char *kngg_defs_citation(const kngg_defs *defs);

/* The directory the definitions were loaded from ("" for sources). */
const char *kngg_defs_dir(const kngg_defs *defs);

/* Phases in order 1-4; index 0..kngg_defs_phase_count()-1. */
size_t kngg_defs_phase_count(const kngg_defs *defs);
const kngg_phase *kngg_defs_phase(const kngg_defs *defs, size_t index);
/* Phase by number 1-4, or NULL. */
const kngg_phase *kngg_defs_phase_by_number(const kngg_defs *defs, int number);

/*
 * Finds a definition by id: a phase ("1"), step ("1.5", "3.proces"),
 * activity, deliverable or sign-off ("1.5/a3"), factor ("draagvlak"), or a
 * scoped id: "quickscan/THEMA", "monitoring/NIVEAU", "LIJST/ITEM". NULL when
 * unknown.
 */
const kngg_def *kngg_defs_find(const kngg_defs *defs, const char *id);

/* Checked casts: NULL when def is NULL or of another kind. */
const kngg_phase *kngg_def_phase(const kngg_def *def);
const kngg_step *kngg_def_step(const kngg_def *def);
const kngg_signoff *kngg_def_signoff(const kngg_def *def);
const kngg_factor *kngg_def_factor(const kngg_def *def);
const kngg_theme *kngg_def_theme(const kngg_def *def);

/* The essential factors, in definition order. */
const kngg_factor *kngg_defs_factors(const kngg_defs *defs, size_t *n);

/* The scale of essential-factor checks. */
const kngg_scale *kngg_defs_factor_scale(const kngg_defs *defs);

/* The label of value v on a scale, or NULL. */
const char *kngg_scale_label_of(const kngg_scale *scale, int v);

/* The QuickScan: scale and themes. */
const kngg_quickscan *kngg_defs_quickscan(const kngg_defs *defs);

/* The monitoring levels. */
const kngg_def *kngg_defs_monitoring(const kngg_defs *defs, size_t *n);

/* A list by id ("rollen", "organisatietypen", "commitment", ...), or NULL. */
const kngg_list *kngg_defs_list(const kngg_defs *defs, const char *id);
size_t kngg_defs_list_count(const kngg_defs *defs);
const kngg_list *kngg_defs_list_at(const kngg_defs *defs, size_t index);

/* An item of a list by id, or NULL. */
const kngg_def *kngg_list_find(const kngg_list *list, const char *id);

/* Title of an item of list list_id, or id itself when unknown. */
const char *kngg_defs_label(const kngg_defs *defs, const char *list_id, const char *id);

/* The Dutch name of a kind, e.g. "stap", "activiteit". */
const char *kngg_def_kind_name(kngg_def_kind kind, int is_part);

#endif
