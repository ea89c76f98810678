/*
 * engine.h: what the engine's files share privately.
 */
#ifndef KNGG_ENGINE_H
#define KNGG_ENGINE_H

#include "kngg/track.h"
#include "util/util.h"

/*
 * Applies a step.* event to a step's status. Dates point into memory the
 * caller keeps alive (dup_fn copies them; NULL keeps the pointer).
 */
typedef const char *(*engine_dup_fn)(void *ctx, const char *s);
void engine_step_apply(kngg_step_status *ss, const kngg_event *ev, engine_dup_fn dup,
		       void *ctx);

/* The effective date of o (or today) into out[11]; reports and returns
 * KNGG_EINVALID for a malformed date, or one in the future unless
 * allow_future. */
int engine_date(kngg_tracker *t, const kngg_track_opts *o, int allow_future, char out[11]);

/* Reports through the tracker's diag. */
int engine_fail(kngg_tracker *t, int rc, const char *fmt, ...) KNGG_PRINTF(3, 4);

#endif
