/*
 * engine_fixture.h: what the engine's unit tests share: a temporary
 * database with the real definitions, municipality GM0479 (Zaanstad)
 * added, "today" fixed at 2026-06-15, and the diagnostics collected.
 * Included by one test file each (static functions).
 */
#ifndef KNGG_ENGINE_FIXTURE_H
#define KNGG_ENGINE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* white-box: the fixture fills the tracker (opaque to fronts) itself */
#include "engine/engine.h"
#include "util/util.h"

typedef struct {
	char dir[64], path[128];
	kngg_defs *defs;
	kngg_store *st;
	kngg_tracker t;
	kngg_buf errors, warnings;
} fixture;

static void on_error(void *ctx, const char *msg)
{
	kngg_buf_printf(&((fixture *)ctx)->errors, "%s\n", msg);
}

static void on_warn(void *ctx, const char *msg)
{
	kngg_buf_printf(&((fixture *)ctx)->warnings, "%s\n", msg);
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));
	kngg_track_opts o = {.date = "2026-01-05"};

	strcpy(fx->dir, "/tmp/kngg-engine-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->path, sizeof(fx->path), "%s/t.db", fx->dir);
	if (kngg_defs_load(&fx->defs, KNGG_SOURCE_PHASES, NULL, NULL) < 0 ||
	    kngg_store_open(&fx->st, fx->path, KNGG_STORE_CREATE, NULL, NULL) < 0)
		return -1;
	fx->t.defs = fx->defs;
	fx->t.store = fx->st;
	fx->t.diag = on_error;
	fx->t.diag_ctx = fx;
	fx->t.warn = on_warn;
	fx->t.warn_ctx = fx;
	fx->t.today = "2026-06-15";
	if (kngg_track_municipality_add(&fx->t, "GM0479", "Zaanstad", &o) < 0)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	char cmd[128];

	kngg_store_close(fx->st);
	kngg_defs_free(fx->defs);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	kngg_buf_free(&fx->errors);
	kngg_buf_free(&fx->warnings);
	free(fx);
	return 0;
}

#endif
