/*
 * readiness.h: is a municipality ready for the next step or phase, and if
 * not, why. The rules are data (phases/gereedheid.xml); this module knows
 * only the generic rule kinds (done, signed, commitment, factor, quickscan)
 * and evaluates them against the journal as it stood on a date.
 */
#ifndef KNGG_READINESS_H
#define KNGG_READINESS_H

#include <stddef.h>
#include <stdint.h>

#include "kngg/people.h"
#include "kngg/track.h"

typedef struct {
	const kngg_rule *rule;
	const char *id;     /* what it names: "1.3", "1.5/s1", "draagvlak", "commitment", "quickscan" */
	const char *kind;   /* "gedaan", "getekend", "commitment", "factor", "quickscan" */
	int met;
	int binding;        /* unmet blocks readiness; else it is advice */
	const char *text;   /* Dutch: what the rule asks, and how it stands */
	const char *fix;    /* Dutch: the command or step that would satisfy it, or NULL */
	const char *lines;  /* the guide's lines it follows ("1771-1790"), or NULL */
} kngg_rule_result;

typedef struct {
	const char *scope;  /* "fase 1", "stap 1.3", "fase 2, gebied Poelenburg", "fase 3, cyclus 2" */
	const char *area;   /* phase-2 sections: the area, else NULL */
	int gating;         /* counts for the phase: not a later wijk or doelgroep */
	int ready;          /* every binding rule met */
	int nmissing;       /* binding rules not met */
	int nadvice;        /* advice (non-binding rules) not met */
	const kngg_rule_result *results; /* in rule order */
	size_t nresults;
} kngg_readiness_section;

typedef struct kngg_readiness {
	const char *code;
	const char *name;
	const char *scope;          /* what was asked: the sections' common scope ("fase 2",
				       "stap 1.3") */
	const char *as_of;          /* the date answered for */
	int calculated_phase;       /* 1 + the phases complete in a row (max 4); a phase
				       once complete stays so unless one of its steps is
				       reopened or a signature withdrawn */
	int declared_phase;         /* 0: never declared */
	const char *declared_on;    /* or NULL */
	int ready;                  /* every section ready */
	const kngg_readiness_section *sections;
	size_t nsections;
	const char *const *warnings; /* do not block: stalled steps, reopened steps, commitments */
	size_t nwarnings;
	const char *oldest_stalled;  /* "1.4 sinds 2026-07-09", or NULL */
	struct kngg_arena *arena;
} kngg_readiness;

/*
 * Answers for one municipality: phase > 0 asks whether that phase is
 * complete (phases 3-4: the current cycle); step non-NULL whether that step
 * is; neither: the calculated phase. Phase 2 and its steps are answered per
 * area (area non-NULL) or for every area, one section each. as_of NULL:
 * today.
 */
int kngg_readiness_load(kngg_tracker *t, const char *code, int phase, const char *step,
			const char *area, const char *as_of, kngg_readiness **out);
void kngg_readiness_free(kngg_readiness *r);

/* The calculated phase alone, as kngg_readiness_load computes it: every
 * command and page that shows a phase uses one of the two. */
int kngg_readiness_phase(kngg_tracker *t, const char *code, const char *as_of, int *phase);

typedef int (*kngg_readiness_fn)(void *ctx, const kngg_readiness *r);
/* The review (calculated phase) of every municipality, by code, from one
 * scan of the journal; r lives only during fn. A non-zero fn return stops. */
int kngg_readiness_all(kngg_tracker *t, const char *as_of, kngg_readiness_fn fn, void *ctx);

/* Records where the projectleider thinks the municipality is (1-4). */
int kngg_phase_declare(kngg_tracker *t, const char *code, int phase, const kngg_track_opts *o);

/* ---- regions ------------------------------------------------------------------ */

/* Adds municipalities to a region (created when new); one event per member. */
int kngg_region_add(kngg_tracker *t, const char *region, const char *const *codes, size_t n,
		    const kngg_track_opts *o);

typedef int (*kngg_code_fn)(void *ctx, const char *code);
/* The members of a region by code; KNGG_ENOTFOUND (reported) for an unknown region. */
int kngg_region_members(kngg_tracker *t, const char *region, kngg_code_fn fn, void *ctx);

#endif
