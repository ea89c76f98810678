/*
 * test_defs.c: the definitions loader. The real phases/ must load; each kind
 * of defect, applied to an in-memory copy of the real files, must be
 * reported with its file and line and must stop the load. A directory
 * entry that is no regular file (FIFO, device, directory) or is too big is
 * refused with one message naming it, without blocking or reading it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "kngg/defs.h"
#include "util/util.h"

static const char *const files[] = {"factoren.xml", "fase-1.xml", "fase-2.xml",
				    "fase-3.xml",   "fase-4.xml", "gereedheid.xml",
				    "lijsten.xml",  "monitoring.xml", "quickscan.xml"};
#define NFILES (sizeof(files) / sizeof(files[0]))

typedef struct {
	char *name[NFILES];
	char *data[NFILES];
	size_t len[NFILES];
	kngg_buf diag; /* every message, one per line */
	int ndiag;
} fixture;

static void collect(void *ctx, const char *msg)
{
	fixture *fx = ctx;

	kngg_buf_printf(&fx->diag, "%s\n", msg);
	fx->ndiag++;
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));

	for (size_t i = 0; i < NFILES; i++) {
		char path[1024];

		snprintf(path, sizeof(path), "%s/%s", KNGG_SOURCE_PHASES, files[i]);
		if (kngg_read_file(path, &fx->data[i], &fx->len[i]) < 0)
			return -1;
		fx->name[i] = malloc(strlen(files[i]) + 8);
		sprintf(fx->name[i], "phases/%s", files[i]);
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;

	for (size_t i = 0; i < NFILES; i++) {
		free(fx->data[i]);
		free(fx->name[i]);
	}
	kngg_buf_free(&fx->diag);
	free(fx);
	return 0;
}

static size_t index_of(const char *file)
{
	for (size_t i = 0; i < NFILES; i++)
		if (strcmp(files[i], file) == 0)
			return i;
	fail_msg("unknown file %s", file);
	return 0;
}

/* Replaces the first occurrence of from by to in one file; returns the
 * line (1-based) where the replacement starts. */
static int patch(fixture *fx, const char *file, const char *from, const char *to)
{
	size_t i = index_of(file);
	char *at = strstr(fx->data[i], from);
	size_t pre, flen = strlen(from), tlen = strlen(to);
	char *out;
	int line = 1;

	assert_non_null(at);
	pre = (size_t)(at - fx->data[i]);
	for (size_t k = 0; k < pre; k++)
		line += fx->data[i][k] == '\n';
	out = malloc(fx->len[i] - flen + tlen + 1);
	memcpy(out, fx->data[i], pre);
	memcpy(out + pre, to, tlen);
	memcpy(out + pre + tlen, at + flen, fx->len[i] - pre - flen + 1);
	free(fx->data[i]);
	fx->data[i] = out;
	fx->len[i] = fx->len[i] - flen + tlen;
	return line;
}

/* Loads the fixture's files, leaving out skip (or none if NULL). */
static int load(fixture *fx, const char *skip, kngg_defs **out)
{
	kngg_defs_source src[NFILES];
	size_t n = 0;

	for (size_t i = 0; i < NFILES; i++) {
		if (skip && strcmp(files[i], skip) == 0)
			continue;
		src[n].name = fx->name[i];
		src[n].data = fx->data[i];
		src[n++].len = fx->len[i];
	}
	return kngg_defs_load_sources(out, src, n, collect, fx);
}

static void expect_failure(fixture *fx, const char *skip, const char *needle)
{
	kngg_defs *defs = (kngg_defs *)1;
	int rc = load(fx, skip, &defs);

	assert_int_equal(rc, KNGG_EINVALID);
	assert_null(defs);
	if (!strstr(kngg_buf_cstr(&fx->diag), needle))
		fail_msg("expected '%s' in:\n%s", needle, kngg_buf_cstr(&fx->diag));
}

static void expect_at(fixture *fx, const char *file, int line, const char *needle)
{
	char where[128];

	snprintf(where, sizeof(where), "phases/%s:%d: ", file, line);
	expect_failure(fx, NULL, needle);
	for (const char *p = kngg_buf_cstr(&fx->diag); p && *p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (strncmp(p, where, strlen(where)) == 0 && strstr(p, needle))
			return;
	}
	fail_msg("expected '%s%s' in:\n%s", where, needle, kngg_buf_cstr(&fx->diag));
}

/* ---- the real definitions -------------------------------------------- */

static void real_definitions_load(void **state)
{
	static const char *const ids[] = {
		"1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8",
		"2", "2.1", "2.2", "2.3", "2.4", "2.5",
		"3", "3.proces", "3.netwerkorganisatie", "3.kwaliteit", "3.monitoring",
		"3.informatie", "3.scholing", "4", "4.proces", "4.borging"};
	fixture *fx = *state;
	kngg_defs *defs = NULL;
	size_t n;

	assert_int_equal(load(fx, NULL, &defs), 0);
	assert_int_equal(fx->ndiag, 0);
	assert_string_equal(kngg_defs_version(defs), "2021.1");
	assert_non_null(strstr(kngg_defs_citation(defs), "Care for Obesity"));
	assert_int_equal(kngg_defs_phase_count(defs), 4);
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		const kngg_def *d = kngg_defs_find(defs, ids[i]);

		assert_non_null(d);
		assert_string_equal(d->id, ids[i]);
		assert_non_null(d->title);
		assert_non_null(d->ref_lines);
	}
	assert_int_equal(kngg_defs_phase_by_number(defs, 2)->repeat, KNGG_REPEAT_PER_AREA);
	assert_int_equal(kngg_defs_phase_by_number(defs, 3)->repeat, KNGG_REPEAT_PER_CYCLE);
	assert_false(kngg_defs_phase_by_number(defs, 4)->closable);
	assert_true(kngg_def_step(kngg_defs_find(defs, "3.proces"))->is_part);

	/* 1.5 holds the go/no-go, signed at activity 1.5/a3 by the wethouder */
	const kngg_signoff *so = kngg_def_signoff(kngg_defs_find(defs, "1.5/s1"));
	assert_non_null(so);
	assert_int_equal(so->decision, KNGG_DECISION_GO_NO_GO);
	assert_ptr_equal(so->activity, kngg_defs_find(defs, "1.5/a3"));
	assert_string_equal(so->signers[0].role, "wethouder");
	assert_string_equal(so->def.parent->id, "1.5");

	/* every sign-off DOMAIN.md lists */
	static const char *const signoffs[] = {"1.1/s1", "1.2/s1", "1.5/s1", "1.6/s1",
					       "1.7/s1", "2.1/s1", "2.3/s1", "2.4/s1",
					       "2.5/s1", "3.proces/s1", "3.kwaliteit/s1",
					       "3.monitoring/s1", "4.borging/s1"};
	for (size_t i = 0; i < sizeof(signoffs) / sizeof(signoffs[0]); i++) {
		so = kngg_def_signoff(kngg_defs_find(defs, signoffs[i]));
		assert_non_null(so);
		assert_non_null(so->activity);
		assert_true(so->nsigners > 0);
	}

	kngg_defs_factors(defs, &n);
	assert_int_equal(n, 8);
	assert_non_null(kngg_def_factor(kngg_defs_find(defs, "draagvlak")));
	assert_int_equal(kngg_defs_quickscan(defs)->nthemes, 8);
	assert_true(kngg_defs_quickscan(defs)->scale.min < kngg_defs_quickscan(defs)->scale.max);
	assert_int_equal(kngg_defs_factor_scale(defs)->min, 1);
	assert_int_equal(kngg_defs_factor_scale(defs)->max, 5);
	assert_non_null(kngg_scale_label_of(kngg_defs_factor_scale(defs), 3));
	assert_non_null(kngg_def_theme(kngg_defs_find(defs, "quickscan/ketencommitment")));
	kngg_defs_monitoring(defs, &n);
	assert_int_equal(n, 5);
	assert_non_null(kngg_defs_find(defs, "monitoring/kind-en-gezin"));
	assert_non_null(kngg_defs_find(defs, "rollen/wethouder"));
	assert_string_equal(kngg_defs_label(defs, "organisatietypen", "jgz"),
			    "Jeugdgezondheidszorg (JGZ)");
	assert_true(kngg_defs_list(defs, "commitment")->ordered);

	/* unknown ids */
	assert_null(kngg_defs_find(defs, "1.9"));
	assert_null(kngg_defs_find(defs, "1.5/a9"));
	assert_null(kngg_defs_find(defs, "quickscan/onbekend"));
	assert_null(kngg_defs_find(defs, ""));
	assert_null(kngg_def_step(kngg_defs_find(defs, "1")));
	kngg_defs_free(defs);
}

static void load_from_directory(void **state)
{
	kngg_defs *defs = NULL;
	(void)state;

	assert_int_equal(kngg_defs_load(&defs, KNGG_SOURCE_PHASES, NULL, NULL), 0);
	assert_string_equal(kngg_defs_dir(defs), KNGG_SOURCE_PHASES);
	kngg_defs_free(defs);
}

static void same_def(const kngg_def *a, const kngg_def *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_string_equal(a->id ? a->id : "", b->id ? b->id : "");
	assert_string_equal(a->title ? a->title : "", b->title ? b->title : "");
	assert_string_equal(a->text ? a->text : "", b->text ? b->text : "");
	assert_string_equal(a->ref_lines ? a->ref_lines : "", b->ref_lines ? b->ref_lines : "");
	assert_int_equal(a->line, b->line);
	assert_true((a->parent == NULL) == (b->parent == NULL));
	if (a->parent)
		assert_string_equal(a->parent->id, b->parent->id);
}

/* The model compiled in at build time is the model the XML path builds
 * from the same sources: every definition, signer and rule. */
static void builtin_equals_xml(void **state)
{
	const kngg_defs *b = kngg_defs_builtin();
	kngg_defs *x = NULL;
	(void)state;

	assert_int_equal(kngg_defs_load(&x, KNGG_SOURCE_PHASES, NULL, NULL), 0);
	assert_string_equal(kngg_defs_version(b), kngg_defs_version(x));
	assert_string_equal(kngg_defs_citation(b), kngg_defs_citation(x));
	for (int p = 1; p <= 4; p++) {
		const kngg_phase *pb = kngg_defs_phase_by_number(b, p), *px = kngg_defs_phase_by_number(x, p);

		same_def(&pb->def, &px->def);
		assert_int_equal(pb->nsteps, px->nsteps);
		for (size_t s = 0; s < pb->nsteps; s++) {
			const kngg_step *sb = &pb->steps[s], *sx = &px->steps[s];
			const kngg_ruleset *rb = kngg_defs_rules(b, &sb->def), *rx = kngg_defs_rules(x, &sx->def);

			same_def(&sb->def, &sx->def);
			assert_int_equal(sb->area_kinds, sx->area_kinds);
			assert_int_equal(sb->nactivities, sx->nactivities);
			for (size_t i = 0; i < sb->nactivities; i++)
				same_def(&sb->activities[i], &sx->activities[i]);
			assert_int_equal(sb->nsignoffs, sx->nsignoffs);
			for (size_t i = 0; i < sb->nsignoffs; i++) {
				assert_int_equal(sb->signoffs[i].nsigners, sx->signoffs[i].nsigners);
				for (size_t k = 0; k < sb->signoffs[i].nsigners; k++)
					assert_int_equal(sb->signoffs[i].signers[k].per, sx->signoffs[i].signers[k].per);
			}
			assert_true((rb == NULL) == (rx == NULL));
			for (size_t i = 0; rb && i < rb->nrules; i++) {
				assert_int_equal(rb->rules[i].kind, rx->rules[i].kind);
				assert_int_equal(rb->rules[i].binding, rx->rules[i].binding);
				assert_string_equal(rb->rules[i].lines ? rb->rules[i].lines : "",
						    rx->rules[i].lines ? rx->rules[i].lines : "");
				if (rx->rules[i].target)
					assert_ptr_equal(rb->rules[i].target,
							 kngg_defs_find(b, rx->rules[i].target->id));
			}
		}
	}
	/* every id finds the same definition */
	for (size_t l = 0; l < kngg_defs_list_count(x); l++) {
		const kngg_list *lx = kngg_defs_list_at(x, l), *lb = kngg_defs_list(b, lx->id);

		assert_non_null(lb);
		assert_int_equal(lb->nitems, lx->nitems);
	}
	assert_non_null(kngg_defs_find(b, "1.5/s1"));
	assert_non_null(kngg_defs_find(b, "quickscan/ketencommitment"));
	assert_non_null(kngg_defs_find(b, "rollen/wethouder"));
	assert_int_equal(kngg_defs_ruleset_count(b), kngg_defs_ruleset_count(x));
	kngg_defs_free(x);
	kngg_defs_free((kngg_defs *)b); /* does nothing */
	assert_non_null(kngg_defs_find(b, "1.1"));
}

/* A directory is recognised as the built-in definitions by content. */
static void builtin_by_content(void **state)
{
	char dir[] = "/tmp/kngg-defs-XXXXXX", cmd[512], hex[65];
	(void)state;

	assert_true(kngg_defs_dir_is_builtin(KNGG_SOURCE_PHASES));
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cp %s/*.xml %s/ && touch -d 2001-01-01 %s/*.xml", KNGG_SOURCE_PHASES,
		 dir, dir);
	assert_int_equal(system(cmd), 0);
	assert_true(kngg_defs_dir_is_builtin(dir)); /* dates do not matter */
	snprintf(cmd, sizeof(cmd), "sed -i 's/Haal de opdracht op/Haal de opdracht binnen/' %s/fase-1.xml", dir);
	assert_int_equal(system(cmd), 0);
	assert_false(kngg_defs_dir_is_builtin(dir)); /* content does */
	assert_int_equal(kngg_defs_dir_hash(dir, hex), 0);
	assert_int_equal(strlen(hex), 64);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(kngg_defs_dir_hash(dir, hex), KNGG_ENOTFOUND);
}

static void missing_directory(void **state)
{
	fixture *fx = *state;
	kngg_defs *defs = NULL;
	char empty[] = "/tmp/kngg-test-empty-XXXXXX";

	assert_int_equal(kngg_defs_load(&defs, "/nonexistent/kngg", collect, fx),
			 KNGG_ENOTFOUND);
	assert_non_null(strstr(kngg_buf_cstr(&fx->diag), "bestaat niet"));
	assert_non_null(mkdtemp(empty));
	assert_int_equal(kngg_defs_load(&defs, empty, collect, fx), KNGG_ENOTFOUND);
	assert_non_null(strstr(kngg_buf_cstr(&fx->diag), "geen definities"));
	rmdir(empty);
	assert_null(defs);
}

/* ---- files that are not definitions files ------------------------------ */

/* A new directory in which each real file is a symbolic link to the one in
 * phases/ (those must load), with room for one more entry, zz.xml. */
static void linked_phases(char dir[64], char zz[96])
{
	strcpy(dir, "/tmp/kngg-test-defs-XXXXXX");
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < NFILES; i++) {
		char from[1024], to[128];

		snprintf(from, sizeof(from), "%s/%s", KNGG_SOURCE_PHASES, files[i]);
		snprintf(to, sizeof(to), "%s/%s", dir, files[i]);
		assert_int_equal(symlink(from, to), 0);
	}
	snprintf(zz, 96, "%s/zz.xml", dir);
}

static void remove_dir(const char *dir)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* Loads dir; expects KNGG_EIO and exactly one message, "'DIR/zz.xml' " +
 * what. alarm(): a loader that blocks or reads without end fails the test
 * instead of hanging it. */
static void expect_refused(fixture *fx, const char *dir, const char *zz, const char *what)
{
	kngg_defs *defs = NULL;
	char want[256];

	alarm(20);
	assert_int_equal(kngg_defs_load(&defs, dir, collect, fx), KNGG_EIO);
	alarm(0);
	assert_null(defs);
	snprintf(want, sizeof(want), "'%s' %s\n", zz, what);
	assert_string_equal(kngg_buf_cstr(&fx->diag), want);
	assert_int_equal(fx->ndiag, 1);
}

static void symlinks_to_files_load(void **state)
{
	fixture *fx = *state;
	char dir[64], zz[96];
	kngg_defs *defs = NULL;

	linked_phases(dir, zz);
	assert_int_equal(kngg_defs_load(&defs, dir, collect, fx), 0);
	assert_int_equal(fx->ndiag, 0);
	kngg_defs_free(defs);
	remove_dir(dir);
}

static void fifo_refused(void **state)
{
	char dir[64], zz[96];

	linked_phases(dir, zz);
	assert_int_equal(mkfifo(zz, 0600), 0);
	expect_refused(*state, dir, zz, "is geen gewoon bestand");
	remove_dir(dir);
}

static void device_refused(void **state)
{
	char dir[64], zz[96];

	linked_phases(dir, zz);
	assert_int_equal(symlink("/dev/zero", zz), 0);
	expect_refused(*state, dir, zz, "is geen gewoon bestand");
	remove_dir(dir);
}

static void directory_refused(void **state)
{
	char dir[64], zz[96];

	linked_phases(dir, zz);
	assert_int_equal(mkdir(zz, 0700), 0);
	expect_refused(*state, dir, zz, "is geen gewoon bestand");
	remove_dir(dir);
}

static void big_file_refused(void **state)
{
	char dir[64], zz[96];
	FILE *f;

	linked_phases(dir, zz);
	assert_non_null(f = fopen(zz, "w"));
	for (int i = 0; i < 5 * 1024; i++)
		fprintf(f, "%1023s\n", "");
	fclose(f);
	expect_refused(*state, dir, zz, "is te groot (5,0 MiB; maximaal 4 MiB)");
	remove_dir(dir);
}

/* ---- defects ------------------------------------------------------------ */

static void malformed_xml(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-2.xml", "</titel>", "</titl>");

	expect_at(fx, "fase-2.xml", line, "mismatch");
}

static void schema_violation(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-1.xml", "<oplevering id=\"1.5/d1\">",
			 "<resultaat id=\"1.5/d1\">");

	patch(fx, "fase-1.xml", "</oplevering>\n    <oplevering id=\"1.5/d2\">",
	      "</resultaat>\n    <oplevering id=\"1.5/d2\">");
	expect_at(fx, "fase-1.xml", line, "resultaat");
}

static void blank_text(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-3.xml", "<tip>", "<tip>  \n   </tip><tip>");

	expect_at(fx, "fase-3.xml", line, "<tip> is leeg");
}

static void bad_id_pattern(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-2.xml", "id=\"2.2/a1\"", "id=\"2.2/x1\"");

	expect_at(fx, "fase-2.xml", line, "2.2/x1");
}

static void duplicate_id_across_files(void **state)
{
	fixture *fx = *state;
	/* a step of phase 1 defined again in the phase-2 file */
	int line = patch(fx, "fase-2.xml", "<stap id=\"2.2\"", "<stap id=\"1.3\"");

	expect_at(fx, "fase-2.xml", line, "dubbel id '1.3'");
	expect_at(fx, "fase-2.xml", line, "stap '1.3' hoort niet bij fase 2");
}

static void duplicate_phase(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-4.xml", "<fase id=\"4\"", "<fase id=\"3\"");

	expect_at(fx, "fase-4.xml", line, "fase 3 staat ook in phases/fase-3.xml");
}

static void dangling_role(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-1.xml", "rol=\"wethouder\"", "rol=\"burgemeester\"");

	expect_at(fx, "fase-1.xml", line, "rol 'burgemeester' staat niet in lijst 'rollen'");
}

static void dangling_activity(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-1.xml", "activiteit=\"1.5/a3\"", "activiteit=\"1.5/a7\"");

	expect_at(fx, "fase-1.xml", line, "activiteit '1.5/a7' bestaat niet");
}

/* Readiness rules: an id, level or role that does not exist fails. */
static void rule_unknown_step(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "gereedheid.xml", "<gedaan id=\"1.3\" ", "<gedaan id=\"1.9\" ");

	expect_at(fx, "gereedheid.xml", line, "gedaan: '1.9' is geen stap, activiteit of oplevering");
}

static void rule_unknown_signoff(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "gereedheid.xml", "<getekend id=\"1.5/s1\"", "<getekend id=\"1.5/s7\"");

	expect_at(fx, "gereedheid.xml", line, "getekend: '1.5/s7' is geen ondertekening");
}

static void rule_unknown_filter(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "gereedheid.xml", "rol=\"projectleider\"", "rol=\"burgemeester\"");

	expect_at(fx, "gereedheid.xml", line, "rol 'burgemeester' staat niet in lijst 'rollen'");
}

static void rules_are_loaded(void **state)
{
	fixture *fx = *state;
	kngg_defs *defs;
	const kngg_ruleset *rs;

	assert_int_equal(load(fx, NULL, &defs), 0);
	assert_true(kngg_defs_ruleset_count(defs) >= 25);
	rs = kngg_defs_rules(defs, kngg_defs_find(defs, "1"));
	assert_non_null(rs);
	assert_true(rs->nrules > 8);
	assert_int_equal(rs->rules[0].kind, KNGG_RULE_DONE);
	assert_string_equal(rs->rules[0].target->id, "1.1");
	/* every step and process part has rules */
	for (size_t p = 0; p < kngg_defs_phase_count(defs); p++) {
		const kngg_phase *ph = kngg_defs_phase(defs, p);

		assert_non_null(kngg_defs_rules(defs, &ph->def));
		for (size_t i = 0; i < ph->nsteps; i++)
			assert_non_null(kngg_defs_rules(defs, &ph->steps[i].def));
	}
	kngg_defs_free(defs);
}

static void activity_of_other_step(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-1.xml", "activiteit=\"1.5/a3\"", "activiteit=\"1.6/a1\"");

	expect_at(fx, "fase-1.xml", line, "hoort niet bij stap '1.5'");
}

static void child_id_of_wrong_parent(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-1.xml", "id=\"1.5/d2\"", "id=\"1.6/d9\"");

	expect_at(fx, "fase-1.xml", line, "'1.6/d9' hoort niet bij stap '1.5'");
}

static void both_role_and_org(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "fase-1.xml", "<tekenaar rol=\"wethouder\"/>",
			 "<tekenaar rol=\"wethouder\" organisatie=\"gemeente\"/>");

	expect_at(fx, "fase-1.xml", line, "precies een van 'rol' en 'organisatie'");
}

static void missing_phase(void **state)
{
	expect_failure(*state, "fase-3.xml", "fase 3 ontbreekt");
}

static void missing_lists(void **state)
{
	expect_failure(*state, "lijsten.xml", "<lijsten> ontbreekt");
}

static void version_mismatch(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "monitoring.xml", "versie=\"2021.1\"", "versie=\"2022.1\"");

	expect_at(fx, "monitoring.xml", line, "versie '2022.1' wijkt af");
}

static void scale_out_of_range(void **state)
{
	fixture *fx = *state;
	int line = patch(fx, "quickscan.xml", "waarde=\"5\"", "waarde=\"9\"");

	expect_at(fx, "quickscan.xml", line, "buiten de schaal");
}

static void external_entity_not_read(void **state)
{
	fixture *fx = *state;
	size_t i = index_of("fase-4.xml");
	const char *evil =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE fase [<!ENTITY geheim SYSTEM \"file:///etc/passwd\">]>\n"
		"<fase id=\"4\" versie=\"2021.1\" herhaling=\"per-cyclus\"><bron>&geheim;</bron></fase>\n";

	free(fx->data[i]);
	fx->data[i] = strdup(evil);
	fx->len[i] = strlen(evil);
	expect_at(fx, "fase-4.xml", 2, "DOCTYPE is niet toegestaan");
	assert_null(strstr(kngg_buf_cstr(&fx->diag), "root:"));
}

static void network_dtd_not_loaded(void **state)
{
	fixture *fx = *state;
	size_t i = index_of("fase-4.xml");
	const char *evil =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE fase SYSTEM \"http://127.0.0.1:9/kngg.dtd\">\n"
		"<fase id=\"4\" versie=\"2021.1\" herhaling=\"per-cyclus\"/>\n";

	free(fx->data[i]);
	fx->data[i] = strdup(evil);
	fx->len[i] = strlen(evil);
	expect_failure(fx, NULL, "DOCTYPE is niet toegestaan");
}

static void garbage_and_empty(void **state)
{
	fixture *fx = *state;
	kngg_defs *defs = NULL;
	kngg_defs_source src[] = {{"leeg.xml", "", 0}, {"rommel.xml", "\x01\xff<<", 4}};

	assert_int_equal(kngg_defs_load_sources(&defs, src, 2, collect, fx), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->diag), "leeg.xml"));
	assert_non_null(strstr(kngg_buf_cstr(&fx->diag), "rommel.xml"));
	assert_null(defs);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(real_definitions_load),
		T(load_from_directory),
		T(builtin_equals_xml),
		T(builtin_by_content),
		T(missing_directory),
		T(malformed_xml),
		T(schema_violation),
		T(blank_text),
		T(bad_id_pattern),
		T(duplicate_id_across_files),
		T(duplicate_phase),
		T(dangling_role),
		T(dangling_activity),
		T(activity_of_other_step),
		T(child_id_of_wrong_parent),
		T(both_role_and_org),
		T(missing_phase),
		T(missing_lists),
		T(version_mismatch),
		T(scale_out_of_range),
		T(external_entity_not_read),
		T(network_dtd_not_loaded),
		T(garbage_and_empty),
		T(rule_unknown_step),
		T(rule_unknown_signoff),
		T(rule_unknown_filter),
		T(rules_are_loaded),
		T(symlinks_to_files_load),
		T(fifo_refused),
		T(device_refused),
		T(directory_refused),
		T(big_file_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
