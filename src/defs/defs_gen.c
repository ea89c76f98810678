/*
 * defs_gen.c: the build's definitions compiler.
 *
 *   kngg-defsgen PHASES_DIR OUT.c
 *
 * Loads the definitions with the full XML path (schema validation and every
 * cross-file check), then writes the resulting model as C data: one
 * kngg_defs with its phases, steps, signers, lists, rules and the sorted id
 * index, all static and const, and the SHA-256 of the sources. The engine
 * links that file, so an ordinary command neither parses XML nor loads
 * libxml2 (defs_builtin.c). A build whose definitions are invalid fails
 * here, with the same FILE:LINE messages as `kngg validate`.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "defs_internal.h"

static FILE *out;

/* ---- C text -------------------------------------------------------------- */

static void cstr(const char *s)
{
	if (!s) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '?')
			fputs("\\?", out); /* no trigraphs */
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\%03o", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

/* ---- where each definition lives in the generated C --------------------------- */

typedef struct {
	const kngg_def *def;
	char expr[64];
} place;

static place *places;
static size_t nplaces, cplaces;

static void put_place(const kngg_def *def, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put_place(const kngg_def *def, const char *fmt, ...)
{
	va_list ap;

	if (nplaces == cplaces) {
		cplaces = cplaces ? 2 * cplaces : 1024;
		places = realloc(places, cplaces * sizeof(*places));
		if (!places)
			exit(2);
	}
	places[nplaces].def = def;
	va_start(ap, fmt);
	vsnprintf(places[nplaces].expr, sizeof(places[nplaces].expr), fmt, ap);
	va_end(ap);
	nplaces++;
}

/* "&S1[2].def" for a definition, "NULL" for none; every definition the
 * model points at was placed before the data is written. */
static void ref(const kngg_def *def)
{
	if (!def) {
		fputs("NULL", out);
		return;
	}
	for (size_t i = 0; i < nplaces; i++)
		if (places[i].def == def) {
			fputs(places[i].expr, out);
			return;
		}
	fprintf(stderr, "kngg-defsgen: definition '%s' has no place\n", def->id ? def->id : "?");
	exit(2);
}

/* A file name as "phases/NAME": the same on every machine that builds it. */
static void cfile(const char *s)
{
	const char *slash = s ? strrchr(s, '/') : NULL;
	char buf[512];

	if (!s) {
		fputs("NULL", out);
		return;
	}
	snprintf(buf, sizeof(buf), "phases/%s", slash ? slash + 1 : s);
	cstr(buf);
}

static void head(const kngg_def *d)
{
	fprintf(out, "{%d, ", (int)d->kind);
	cstr(d->id);
	fputs(", ", out);
	cstr(d->title);
	fputs(", ", out);
	cstr(d->text);
	fputs(", ", out);
	cstr(d->ref_section);
	fputs(", ", out);
	cstr(d->ref_lines);
	fputs(", ", out);
	cfile(d->file);
	fprintf(out, ", %d, ", d->line);
	ref(d->parent);
	fputs("}", out);
}

/* An array of plain definitions (activities, deliverables, list items). */
static void defs_array(const char *name, const kngg_def *a, size_t n)
{
	if (!n)
		return;
	fprintf(out, "static const kngg_def %s[] = {\n", name);
	for (size_t i = 0; i < n; i++) {
		fputs("\t", out);
		head(&a[i]);
		fputs(",\n", out);
	}
	fputs("};\n", out);
}

static void strings_array(const char *name, const char *const *a, size_t n)
{
	if (!n)
		return;
	fprintf(out, "static const char *const %s[] = {", name);
	for (size_t i = 0; i < n; i++) {
		cstr(a[i]);
		fputs(", ", out);
	}
	fputs("};\n", out);
}

static void parties_array(const char *name, const kngg_party *a, size_t n)
{
	if (!n)
		return;
	fprintf(out, "static const kngg_party %s[] = {", name);
	for (size_t i = 0; i < n; i++) {
		fputs("{", out);
		cstr(a[i].role);
		fputs(", ", out);
		cstr(a[i].org);
		fprintf(out, ", %d, %d}, ", (int)a[i].per, a[i].optional);
	}
	fputs("};\n", out);
}

static void scale(const kngg_scale *s, const char *labels)
{
	fprintf(out, "{%d, %d, %s, %zu}", s->min, s->max, s->nlabels ? labels : "NULL", s->nlabels);
}

static void scale_labels(const char *name, const kngg_scale *s)
{
	if (!s->nlabels)
		return;
	fprintf(out, "static const kngg_scale_label %s[] = {", name);
	for (size_t i = 0; i < s->nlabels; i++) {
		fprintf(out, "{%d, ", s->labels[i].value);
		cstr(s->labels[i].label);
		fputs("}, ", out);
	}
	fputs("};\n", out);
}

/* "name" when n, else "NULL" */
static const char *or_null(const char *name, size_t n)
{
	return n ? name : "NULL";
}

/* ---- places --------------------------------------------------------------------- */

static void place_all(const kngg_defs *d)
{
	for (int p = 0; p < 4; p++) {
		const kngg_phase *ph = d->phases[p];

		put_place(&ph->def, "&P[%d].def", p);
		for (size_t s = 0; s < ph->nsteps; s++) {
			const kngg_step *st = &ph->steps[s];

			put_place(&st->def, "&S%d[%zu].def", p, s);
			for (size_t i = 0; i < st->nactivities; i++)
				put_place(&st->activities[i], "&A%d_%zu[%zu]", p, s, i);
			for (size_t i = 0; i < st->ndeliverables; i++)
				put_place(&st->deliverables[i], "&D%d_%zu[%zu]", p, s, i);
			for (size_t i = 0; i < st->nsignoffs; i++)
				put_place(&st->signoffs[i].def, "&SO%d_%zu[%zu].def", p, s, i);
		}
	}
	for (size_t i = 0; i < d->nfactors; i++)
		put_place(&d->factors[i].def, "&F[%zu].def", i);
	for (size_t i = 0; i < d->quickscan->nthemes; i++)
		put_place(&d->quickscan->themes[i].def, "&TH[%zu].def", i);
	for (size_t i = 0; i < d->nlevels; i++)
		put_place(&d->levels[i], "&LV[%zu]", i);
	for (size_t l = 0; l < d->nlists; l++)
		for (size_t i = 0; i < d->lists[l].nitems; i++)
			put_place(&d->lists[l].items[i], "&LI%zu[%zu]", l, i);
}

/* ---- the model ------------------------------------------------------------------- */

static void write_steps(const kngg_phase *ph, int p)
{
	char name[64], a[64], dl[64], pa[64], sg[64], tl[64], tp[64];

	for (size_t s = 0; s < ph->nsteps; s++) {
		const kngg_step *st = &ph->steps[s];

		snprintf(name, sizeof(name), "A%d_%zu", p, s);
		defs_array(name, st->activities, st->nactivities);
		snprintf(name, sizeof(name), "D%d_%zu", p, s);
		defs_array(name, st->deliverables, st->ndeliverables);
		snprintf(name, sizeof(name), "PA%d_%zu", p, s);
		parties_array(name, st->participants, st->nparticipants);
		snprintf(name, sizeof(name), "TP%d_%zu", p, s);
		strings_array(name, st->tips, st->ntips);
		if (st->ntools) {
			fprintf(out, "static const kngg_tool TL%d_%zu[] = {", p, s);
			for (size_t i = 0; i < st->ntools; i++) {
				fputs("{", out);
				cstr(st->tools[i].text);
				fputs(", ", out);
				cstr(st->tools[i].document);
				fputs("}, ", out);
			}
			fputs("};\n", out);
		}
		for (size_t i = 0; i < st->nsignoffs; i++) {
			snprintf(name, sizeof(name), "SG%d_%zu_%zu", p, s, i);
			parties_array(name, st->signoffs[i].signers, st->signoffs[i].nsigners);
		}
		if (st->nsignoffs) {
			fprintf(out, "static const kngg_signoff SO%d_%zu[] = {\n", p, s);
			for (size_t i = 0; i < st->nsignoffs; i++) {
				const kngg_signoff *so = &st->signoffs[i];

				snprintf(sg, sizeof(sg), "SG%d_%zu_%zu", p, s, i);
				fputs("\t{", out);
				head(&so->def);
				fprintf(out, ", %d, %d, ", (int)so->decision, so->optional);
				ref(so->activity);
				fprintf(out, ", %s, %zu},\n", or_null(sg, so->nsigners), so->nsigners);
			}
			fputs("};\n", out);
		}
	}
	fprintf(out, "static const kngg_step S%d[] = {\n", p);
	for (size_t s = 0; s < ph->nsteps; s++) {
		const kngg_step *st = &ph->steps[s];

		snprintf(a, sizeof(a), "A%d_%zu", p, s);
		snprintf(dl, sizeof(dl), "D%d_%zu", p, s);
		snprintf(pa, sizeof(pa), "PA%d_%zu", p, s);
		snprintf(tl, sizeof(tl), "TL%d_%zu", p, s);
		snprintf(tp, sizeof(tp), "TP%d_%zu", p, s);
		snprintf(sg, sizeof(sg), "SO%d_%zu", p, s);
		fputs("\t{", out);
		head(&st->def);
		fprintf(out, ", %d, %uu, %s, %zu, %s, %zu, ", st->is_part, st->area_kinds,
			or_null(dl, st->ndeliverables), st->ndeliverables,
			or_null(pa, st->nparticipants), st->nparticipants);
		cstr(st->participants_note);
		fprintf(out, ", %s, %zu, %s, %zu, %s, %zu, %s, %zu},\n", or_null(a, st->nactivities),
			st->nactivities, or_null(tl, st->ntools), st->ntools, or_null(tp, st->ntips),
			st->ntips, or_null(sg, st->nsignoffs), st->nsignoffs);
	}
	fputs("};\n", out);
}

static void write_rules(const kngg_defs *d)
{
	for (size_t r = 0; r < d->nrulesets; r++) {
		const kngg_ruleset *rs = &d->rulesets[r];

		if (!rs->nrules)
			continue;
		fprintf(out, "static const kngg_rule R%zu[] = {\n", r);
		for (size_t i = 0; i < rs->nrules; i++) {
			const kngg_rule *ru = &rs->rules[i];

			fprintf(out, "\t{%d, ", (int)ru->kind);
			ref(ru->target);
			fprintf(out, ", %d, %d, %d, ", ru->min, ru->has_min, ru->within_months);
			cstr(ru->level);
			fputs(", ", out);
			cstr(ru->org_type);
			fputs(", ", out);
			cstr(ru->role);
			fputs(", ", out);
			cstr(ru->why);
			fputs(", ", out);
			cstr(ru->lines);
			fprintf(out, ", %d, ", ru->binding);
			cfile(ru->file);
			fprintf(out, ", %d},\n", ru->line);
		}
		fputs("};\n", out);
	}
	fprintf(out, "static const kngg_ruleset RS[] = {\n");
	for (size_t r = 0; r < d->nrulesets; r++) {
		char name[32];

		snprintf(name, sizeof(name), "R%zu", r);
		fputs("\t{", out);
		ref(d->rulesets[r].scope);
		fprintf(out, ", %s, %zu},\n", or_null(name, d->rulesets[r].nrules), d->rulesets[r].nrules);
	}
	fputs("};\n", out);
}

static void write_model(const kngg_defs *d, const char *hash)
{
	char name[64];

	fputs("/* Generated by kngg-defsgen from the definitions (phases, *.xml): do not edit. */\n"
	      "#include \"defs/defs_internal.h\"\n\n"
	      "static const kngg_phase P[4];\n", out);
	for (int p = 0; p < 4; p++)
		fprintf(out, "static const kngg_step S%d[%zu];\n", p, d->phases[p]->nsteps);
	for (int p = 0; p < 4; p++)
		write_steps(d->phases[p], p);
	fputs("static const kngg_phase P[4] = {\n", out);
	for (int p = 0; p < 4; p++) {
		const kngg_phase *ph = d->phases[p];

		fputs("\t{", out);
		head(&ph->def);
		fprintf(out, ", %d, %d, %d, S%d, %zu},\n", ph->number, (int)ph->repeat, ph->closable, p,
			ph->nsteps);
	}
	fputs("};\n", out);
	/* factors */
	for (size_t i = 0; i < d->nfactors; i++) {
		snprintf(name, sizeof(name), "FC%zu", i);
		strings_array(name, d->factors[i].checks, d->factors[i].nchecks);
	}
	fputs("static const kngg_factor F[] = {\n", out);
	for (size_t i = 0; i < d->nfactors; i++) {
		snprintf(name, sizeof(name), "FC%zu", i);
		fputs("\t{", out);
		head(&d->factors[i].def);
		fprintf(out, ", %s, %zu},\n", or_null(name, d->factors[i].nchecks), d->factors[i].nchecks);
	}
	fputs("};\n", out);
	scale_labels("FSL", &d->factor_scale);
	/* the QuickScan */
	for (size_t i = 0; i < d->quickscan->nthemes; i++) {
		snprintf(name, sizeof(name), "TS%zu", i);
		strings_array(name, d->quickscan->themes[i].statements, d->quickscan->themes[i].nstatements);
	}
	fputs("static const kngg_theme TH[] = {\n", out);
	for (size_t i = 0; i < d->quickscan->nthemes; i++) {
		const kngg_theme *th = &d->quickscan->themes[i];

		snprintf(name, sizeof(name), "TS%zu", i);
		fputs("\t{", out);
		head(&th->def);
		fprintf(out, ", %s, %zu},\n", or_null(name, th->nstatements), th->nstatements);
	}
	fputs("};\n", out);
	scale_labels("QSL", &d->quickscan->scale);
	fputs("static const kngg_quickscan QS = {", out);
	cstr(d->quickscan->text);
	fputs(", ", out);
	scale(&d->quickscan->scale, "QSL");
	fprintf(out, ", TH, %zu};\n", d->quickscan->nthemes);
	defs_array("LV", d->levels, d->nlevels);
	/* lists */
	for (size_t l = 0; l < d->nlists; l++) {
		snprintf(name, sizeof(name), "LI%zu", l);
		defs_array(name, d->lists[l].items, d->lists[l].nitems);
	}
	fputs("static const kngg_list L[] = {\n", out);
	for (size_t l = 0; l < d->nlists; l++) {
		const kngg_list *li = &d->lists[l];

		snprintf(name, sizeof(name), "LI%zu", l);
		fputs("\t{", out);
		cstr(li->id);
		fputs(", ", out);
		cstr(li->title);
		fprintf(out, ", %d, ", li->ordered);
		cstr(li->threshold);
		fprintf(out, ", %s, %zu, ", or_null(name, li->nitems), li->nitems);
		cfile(li->file);
		fprintf(out, ", %d},\n", li->line);
	}
	fputs("};\n", out);
	write_rules(d);
	/* the id index, sorted as the loader sorted it */
	fputs("static const defs_index_entry IX[] = {\n", out);
	for (size_t i = 0; i < d->nindex; i++) {
		fputs("\t{", out);
		cstr(d->index[i].id);
		fputs(", ", out);
		ref(d->index[i].def);
		fputs("},\n", out);
	}
	fputs("};\n\n", out);
	/* the model: const data, handed out as the engine's read-only kngg_defs */
	fputs("const kngg_defs kngg_builtin_defs = {\n\t.builtin = 1,\n\t.dir = \"\",\n\t.version = ", out);
	cstr(d->version);
	fputs(",\n\t.version_file = ", out);
	cfile(d->version_file);
	fputs(",\n\t.citation = ", out);
	cstr(d->citation);
	fputs(",\n\t.phases = {(kngg_phase *)&P[0], (kngg_phase *)&P[1], (kngg_phase *)&P[2], "
	      "(kngg_phase *)&P[3]},\n", out);
	fprintf(out, "\t.factors = (kngg_factor *)F,\n\t.nfactors = %zu,\n\t.factor_scale = ",
		d->nfactors);
	scale(&d->factor_scale, "FSL");
	fputs(",\n\t.factors_file = ", out);
	cfile(d->factors_file);
	fputs(",\n\t.quickscan = (kngg_quickscan *)&QS,\n\t.quickscan_file = ", out);
	cfile(d->quickscan_file);
	fprintf(out, ",\n\t.levels = %s,\n\t.nlevels = %zu,\n\t.monitoring_file = ",
		d->nlevels ? "(kngg_def *)LV" : "NULL", d->nlevels);
	cfile(d->monitoring_file);
	fprintf(out, ",\n\t.lists = (kngg_list *)L,\n\t.nlists = %zu,\n\t.lists_file = ", d->nlists);
	cfile(d->lists_file);
	fprintf(out, ",\n\t.rulesets = (kngg_ruleset *)RS,\n\t.nrulesets = %zu,\n\t.rules_file = ",
		d->nrulesets);
	cfile(d->rules_file);
	fprintf(out, ",\n\t.nphases = 4,\n\t.ordered = {&P[0], &P[1], &P[2], &P[3]},\n"
		     "\t.index = (defs_index_entry *)IX,\n\t.nindex = %zu,\n};\n\n", d->nindex);
	fputs("const char kngg_builtin_defs_hash[] = ", out);
	cstr(hash);
	fputs(";\n", out);
}

static void print_diag(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "%s\n", msg);
}

int main(int argc, char **argv)
{
	kngg_defs *d = NULL;
	char hash[65];
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: kngg-defsgen PHASES_DIR OUT.c\n");
		return 2;
	}
	if ((rc = kngg_defs_load(&d, argv[1], print_diag, NULL)) < 0) {
		fprintf(stderr, "kngg-defsgen: the definitions in %s are not valid\n", argv[1]);
		return 1;
	}
	for (int p = 0; p < 4; p++)
		if (d->phases[p] != d->ordered[p]) {
			fprintf(stderr, "kngg-defsgen: phases out of order\n");
			return 1;
		}
	if (kngg_defs_dir_hash(argv[1], hash) < 0) {
		fprintf(stderr, "kngg-defsgen: cannot hash %s\n", argv[1]);
		return 1;
	}
	if (!(out = fopen(argv[2], "w"))) {
		perror(argv[2]);
		return 1;
	}
	place_all(d);
	write_model(d, hash);
	if (fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	kngg_defs_free(d);
	free(places);
	return 0;
}
