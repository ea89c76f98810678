/*
 * defs_model.c: cross-file checks, the id index and look-ups of the
 * definitions model. No XML here: only the structures defs_load.c built.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "defs_internal.h"

/* Reports one problem at file:line and counts it (defs_internal.h). */
void defs_error(kngg_defs *d, const char *file, int line, const char *fmt, ...)
{
	kngg_buf b = {0};
	va_list ap;

	d->errors++;
	if (!d->diag)
		return;
	if (line > 0)
		kngg_buf_printf(&b, "%s:%d: ", file, line);
	else
		kngg_buf_printf(&b, "%s: ", file);
	va_start(ap, fmt);
	kngg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	d->diag(d->diag_ctx, b.failed ? "onvoldoende geheugen" : kngg_buf_cstr(&b));
	kngg_buf_free(&b);
}

void kngg_defs_free(kngg_defs *defs)
{
	if (!defs || defs->builtin)
		return;
	kngg_arena_free(defs->arena);
	free(defs->index);
	free(defs);
}

static const char *const required_roots[] = {"factoren", "quickscan", "monitoring", "lijsten"};

static void index_add(kngg_defs *d, size_t *cap, const kngg_def *def)
{
	defs_index_entry *grown;

	if (!def->id)
		return;
	if (d->nindex == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		grown = realloc(d->index, *cap * sizeof(*grown));
		if (!grown) {
			d->errors++;
			return;
		}
		d->index = grown;
	}
	d->index[d->nindex].id = def->id;
	d->index[d->nindex++].def = def;
}

static int cmp_entry(const void *a, const void *b)
{
	const defs_index_entry *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	/* equal ids: keep file order so the later one is reported */
	if (c == 0)
		c = strcmp(x->def->file, y->def->file);
	if (c == 0)
		c = (x->def->line > y->def->line) - (x->def->line < y->def->line);
	return c;
}

static const char *kind_word(const kngg_def *def)
{
	const kngg_step *st = kngg_def_step(def);

	return kngg_def_kind_name(def->kind, st ? st->is_part : 0);
}

static void build_index(kngg_defs *d)
{
	size_t cap = 0;

	for (size_t p = 0; p < 4; p++) {
		const kngg_phase *ph = d->phases[p];

		if (!ph)
			continue;
		index_add(d, &cap, &ph->def);
		for (size_t s = 0; s < ph->nsteps; s++) {
			const kngg_step *st = &ph->steps[s];

			index_add(d, &cap, &st->def);
			for (size_t i = 0; i < st->nactivities; i++)
				index_add(d, &cap, &st->activities[i]);
			for (size_t i = 0; i < st->ndeliverables; i++)
				index_add(d, &cap, &st->deliverables[i]);
			for (size_t i = 0; i < st->nsignoffs; i++)
				index_add(d, &cap, &st->signoffs[i].def);
		}
	}
	for (size_t i = 0; i < d->nfactors; i++)
		index_add(d, &cap, &d->factors[i].def);
	if (d->nindex == 0)
		return;
	qsort(d->index, d->nindex, sizeof(*d->index), cmp_entry);
	for (size_t i = 1; i < d->nindex; i++) {
		const kngg_def *a = d->index[i - 1].def, *b = d->index[i].def;

		if (strcmp(a->id, b->id) == 0)
			defs_error(d, b->file, b->line, "dubbel id '%s' (%s; ook %s op %s:%d)", b->id,
				   kind_word(b), kind_word(a), a->file, a->line);
	}
}

/* An id must start with its parent's: 1.5 in phase 1, 1.5/a3 in step 1.5. */
static void check_parent_ids(kngg_defs *d)
{
	for (size_t p = 0; p < 4; p++) {
		const kngg_phase *ph = d->phases[p];

		for (size_t s = 0; ph && s < ph->nsteps; s++) {
			const kngg_step *st = &ph->steps[s];
			size_t plen = strlen(ph->def.id), slen = strlen(st->def.id);

			if (strncmp(st->def.id, ph->def.id, plen) != 0 || st->def.id[plen] != '.')
				defs_error(d, st->def.file, st->def.line,
					   "stap '%s' hoort niet bij fase %s (id moet met '%s.' beginnen)",
					   st->def.id, ph->def.id, ph->def.id);
			const kngg_def *kids[3] = {st->activities, st->deliverables, NULL};
			size_t nkids[3] = {st->nactivities, st->ndeliverables, st->nsignoffs};

			for (int k = 0; k < 3; k++) {
				for (size_t i = 0; i < nkids[k]; i++) {
					const kngg_def *c = k < 2 ? &kids[k][i] : &st->signoffs[i].def;

					if (strncmp(c->id, st->def.id, slen) != 0 || c->id[slen] != '/')
						defs_error(d, c->file, c->line,
							   "%s '%s' hoort niet bij stap '%s' (id moet met '%s/' beginnen)",
							   kind_word(c), c->id, st->def.id, st->def.id);
				}
			}
		}
	}
}

static void resolve_refs(kngg_defs *d)
{
	for (pending_ref *r = d->refs; r; r = r->next) {
		if (r->list) {
			const kngg_list *l = kngg_defs_list(d, r->list);

			if (l && !kngg_list_find(l, r->id))
				defs_error(d, r->from->file, r->line,
					   "%s '%s' staat niet in lijst '%s' (%s)", r->what, r->id,
					   r->list, d->lists_file);
			continue;
		}
		const kngg_def *target = kngg_defs_find(d, r->id);

		if (!target || target->kind != KNGG_DEF_ACTIVITY) {
			defs_error(d, r->from->file, r->line, "%s '%s' bestaat niet", r->what, r->id);
			continue;
		}
		if (target->parent != r->from->parent) {
			defs_error(d, r->from->file, r->line, "%s '%s' hoort niet bij stap '%s'",
				   r->what, r->id, r->from->parent->id);
			continue;
		}
		if (r->slot)
			*r->slot = target;
	}
}

/* A threshold names an item of its own list, and only ordered lists have one. */
static void check_thresholds(kngg_defs *d)
{
	for (size_t i = 0; i < d->nlists; i++) {
		const kngg_list *l = &d->lists[i];

		if (!l->threshold)
			continue;
		if (!l->ordered)
			defs_error(d, l->file, l->line,
				   "lijst '%s' heeft een drempel maar is niet geordend", l->id);
		else if (kngg_list_index(l, l->threshold) < 0)
			defs_error(d, l->file, l->line, "drempel '%s' is geen item van lijst '%s'",
				   l->threshold, l->id);
	}
}

/* Resolves what each readiness rule names, in the same pass order as
 * read_rules stored the ids. */
static void resolve_rules(kngg_defs *d)
{
	static const char *const filters[][2] = {{"niveaus", "niveau"},
						 {"organisatietypen", "organisatie"},
						 {"rollen", "rol"}};
	size_t k = 0;

	for (size_t n = 0; n < d->nrulesets && d->ruleset_ids && d->rule_ids; n++) {
		kngg_ruleset *rs = &d->rulesets[n];
		const kngg_def *scope = kngg_defs_find(d, d->ruleset_ids[n]);
		const char *rfile = rs->nrules ? rs->rules[0].file : d->rules_file;
		int rline = rs->nrules ? rs->rules[0].line : 0;

		if (!scope || (scope->kind != KNGG_DEF_STEP && scope->kind != KNGG_DEF_PHASE))
			defs_error(d, rfile, rline, "regels voor '%s': geen stap of fase",
				   d->ruleset_ids[n] ? d->ruleset_ids[n] : "");
		for (size_t m = 0; m < n && scope; m++)
			if (d->rulesets[m].scope == scope)
				defs_error(d, rfile, rline, "regels voor '%s' staan er twee keer",
					   scope->id);
		rs->scope = scope;
		for (size_t i = 0; i < rs->nrules; i++) {
			kngg_rule *r = (kngg_rule *)&rs->rules[i];
			const char *id = d->rule_ids[k++];
			const kngg_def *t = id ? kngg_defs_find(d, id) : NULL;
			const char *vals[3] = {r->level, r->org_type, r->role};

			if (r->kind == KNGG_RULE_DONE &&
			    (!t || (t->kind != KNGG_DEF_STEP && t->kind != KNGG_DEF_ACTIVITY &&
				    t->kind != KNGG_DEF_DELIVERABLE)))
				defs_error(d, r->file, r->line, "gedaan: '%s' is geen stap, activiteit of oplevering",
					   id ? id : "");
			else if (r->kind == KNGG_RULE_SIGNED && (!t || t->kind != KNGG_DEF_SIGNOFF))
				defs_error(d, r->file, r->line, "getekend: '%s' is geen ondertekening",
					   id ? id : "");
			else if (r->kind == KNGG_RULE_FACTOR && id && (!t || t->kind != KNGG_DEF_FACTOR))
				defs_error(d, r->file, r->line, "factor: '%s' is geen essentiële factor", id);
			r->target = t;
			for (int f = 0; f < 3; f++) {
				/* levels: a space-separated list; organisatie may name
				 * the main implementing organisation */
				const char *v = vals[f];

				while (v && *v) {
					size_t len = strcspn(v, " ");
					char one[64];

					snprintf(one, sizeof(one), "%.*s", (int)len, v);
					if (!(f == 1 && strcmp(one, KNGG_ORG_LEAD) == 0) &&
					    !kngg_list_find(kngg_defs_list(d, filters[f][0]), one))
						defs_error(d, r->file, r->line,
							   "%s '%s' staat niet in lijst '%s'",
							   filters[f][1], one, filters[f][0]);
					v += len;
					v += strspn(v, " ");
					if (f != 0)
						break;
				}
			}
		}
	}
}

kngg_area_kind kngg_area_kind_parse(const char *s)
{
	if (!s)
		return 0;
	if (strcmp(s, "experiment") == 0)
		return KNGG_AREA_EXPERIMENT;
	if (strcmp(s, "wijk") == 0)
		return KNGG_AREA_WIJK;
	if (strcmp(s, "doelgroep") == 0)
		return KNGG_AREA_DOELGROEP;
	return 0;
}

const char *kngg_area_kind_name(kngg_area_kind k)
{
	switch (k) {
	case KNGG_AREA_EXPERIMENT: return "experiment";
	case KNGG_AREA_WIJK: return "wijk";
	case KNGG_AREA_DOELGROEP: return "doelgroep";
	default: return "";
	}
}

int kngg_rule_level_ok(const kngg_rule *r, const char *level)
{
	size_t n;

	if (!r->level)
		return 1;
	if (!level)
		return 0;
	n = strlen(level);
	for (const char *p = r->level; *p; p += strspn(p, " ")) {
		size_t len = strcspn(p, " ");

		if (len == n && strncmp(p, level, n) == 0)
			return 1;
		p += len;
	}
	return 0;
}

const kngg_ruleset *kngg_defs_rules(const kngg_defs *d, const kngg_def *scope)
{
	for (size_t i = 0; i < d->nrulesets; i++)
		if (d->rulesets[i].scope == scope)
			return &d->rulesets[i];
	return NULL;
}

size_t kngg_defs_ruleset_count(const kngg_defs *d)
{
	return d->nrulesets;
}

void defs_finish(kngg_defs *d)
{
	const char *first = NULL;
	const char *const files[] = {d->factors_file, d->quickscan_file, d->monitoring_file,
				     d->lists_file};

	/* Name something in messages about what is missing. */
	for (size_t p = 0; p < 4 && !first; p++)
		if (d->phases[p])
			first = d->phases[p]->def.file;
	for (size_t i = 0; i < 4 && !first; i++)
		first = files[i];
	if (!first)
		first = d->dir && *d->dir ? d->dir : "definities";

	if (d->errors == 0) {
		for (int p = 0; p < 4; p++)
			if (!d->phases[p])
				defs_error(d, d->dir && *d->dir ? d->dir : first, 0,
					   "fase %d ontbreekt (verwacht: een bestand met <fase id=\"%d\">)",
					   p + 1, p + 1);
		for (size_t i = 0; i < 4; i++)
			if (!files[i])
				defs_error(d, d->dir && *d->dir ? d->dir : first, 0,
					   "<%s> ontbreekt in de definities", required_roots[i]);
	}
	build_index(d);
	check_parent_ids(d);
	if (d->lists_file)
		resolve_refs(d);
	check_thresholds(d);
	if (d->lists_file)
		resolve_rules(d);
	for (int p = 0; p < 4; p++)
		if (d->phases[p])
			d->ordered[d->nphases++] = d->phases[p];
}

/* ---- look-ups ------------------------------------------------------------ */

static int cmp_key(const void *key, const void *entry)
{
	return strcmp(key, ((const defs_index_entry *)entry)->id);
}

const kngg_list *kngg_defs_list(const kngg_defs *d, const char *id)
{
	for (size_t i = 0; i < d->nlists; i++)
		if (d->lists[i].id && strcmp(d->lists[i].id, id) == 0)
			return &d->lists[i];
	return NULL;
}

int kngg_list_index(const kngg_list *list, const char *id)
{
	for (size_t i = 0; list && id && i < list->nitems; i++)
		if (list->items[i].id && strcmp(list->items[i].id, id) == 0)
			return (int)i;
	return -1;
}

const kngg_def *kngg_list_find(const kngg_list *list, const char *id)
{
	for (size_t i = 0; list && i < list->nitems; i++)
		if (list->items[i].id && strcmp(list->items[i].id, id) == 0)
			return &list->items[i];
	return NULL;
}

static const kngg_def *find_scoped(const kngg_defs *d, const char *id)
{
	const char *slash = strchr(id, '/');
	const char *item = slash + 1;
	size_t scope = (size_t)(slash - id);

	if (scope == 9 && strncmp(id, "quickscan", 9) == 0) {
		for (size_t i = 0; d->quickscan && i < d->quickscan->nthemes; i++)
			if (strcmp(d->quickscan->themes[i].def.id, item) == 0)
				return &d->quickscan->themes[i].def;
		return NULL;
	}
	if (scope == 10 && strncmp(id, "monitoring", 10) == 0) {
		for (size_t i = 0; i < d->nlevels; i++)
			if (strcmp(d->levels[i].id, item) == 0)
				return &d->levels[i];
		return NULL;
	}
	for (size_t i = 0; i < d->nlists; i++)
		if (strlen(d->lists[i].id) == scope && strncmp(d->lists[i].id, id, scope) == 0)
			return kngg_list_find(&d->lists[i], item);
	return NULL;
}

const kngg_def *kngg_defs_find(const kngg_defs *d, const char *id)
{
	const defs_index_entry *e;

	if (!id || !*id)
		return NULL;
	if (d->index) {
		e = bsearch(id, d->index, d->nindex, sizeof(*d->index), cmp_key);
		if (e)
			return e->def;
	}
	if (strchr(id, '/') && !(id[0] >= '1' && id[0] <= '4' && id[1] == '.'))
		return find_scoped(d, id);
	return NULL;
}

const char *kngg_defs_label(const kngg_defs *d, const char *list_id, const char *id)
{
	const kngg_def *item = kngg_list_find(kngg_defs_list(d, list_id), id);

	return item && item->title ? item->title : id;
}

const char *kngg_defs_version(const kngg_defs *d)
{
	return d->version ? d->version : "";
}

const char *kngg_defs_citation(const kngg_defs *d)
{
	return d->citation ? d->citation : "";
}

const char *kngg_defs_dir(const kngg_defs *d)
{
	return d->dir ? d->dir : "";
}

size_t kngg_defs_phase_count(const kngg_defs *d)
{
	return d->nphases;
}

const kngg_phase *kngg_defs_phase(const kngg_defs *d, size_t index)
{
	return index < d->nphases ? d->ordered[index] : NULL;
}

const kngg_phase *kngg_defs_phase_by_number(const kngg_defs *d, int number)
{
	return number >= 1 && number <= 4 ? d->phases[number - 1] : NULL;
}

const kngg_factor *kngg_defs_factors(const kngg_defs *d, size_t *n)
{
	*n = d->nfactors;
	return d->factors;
}

const kngg_scale *kngg_defs_factor_scale(const kngg_defs *d)
{
	return &d->factor_scale;
}

const char *kngg_scale_label_of(const kngg_scale *scale, int v)
{
	for (size_t i = 0; i < scale->nlabels; i++)
		if (scale->labels[i].value == v)
			return scale->labels[i].label;
	return NULL;
}

const kngg_quickscan *kngg_defs_quickscan(const kngg_defs *d)
{
	return d->quickscan;
}

const kngg_def *kngg_defs_monitoring(const kngg_defs *d, size_t *n)
{
	*n = d->nlevels;
	return d->levels;
}

size_t kngg_defs_list_count(const kngg_defs *d)
{
	return d->nlists;
}

const kngg_list *kngg_defs_list_at(const kngg_defs *d, size_t index)
{
	return index < d->nlists ? &d->lists[index] : NULL;
}

/* kngg_def is the first member of each of these, so the casts are sound. */
const kngg_phase *kngg_def_phase(const kngg_def *def)
{
	return def && def->kind == KNGG_DEF_PHASE ? (const kngg_phase *)def : NULL;
}

const kngg_step *kngg_def_step(const kngg_def *def)
{
	return def && def->kind == KNGG_DEF_STEP ? (const kngg_step *)def : NULL;
}

const kngg_signoff *kngg_def_signoff(const kngg_def *def)
{
	return def && def->kind == KNGG_DEF_SIGNOFF ? (const kngg_signoff *)def : NULL;
}

const kngg_factor *kngg_def_factor(const kngg_def *def)
{
	return def && def->kind == KNGG_DEF_FACTOR ? (const kngg_factor *)def : NULL;
}

const kngg_theme *kngg_def_theme(const kngg_def *def)
{
	return def && def->kind == KNGG_DEF_THEME ? (const kngg_theme *)def : NULL;
}

const char *kngg_def_kind_name(kngg_def_kind kind, int is_part)
{
	switch (kind) {
	case KNGG_DEF_PHASE: return "fase";
	case KNGG_DEF_STEP: return is_part ? "procesonderdeel" : "stap";
	case KNGG_DEF_ACTIVITY: return "activiteit";
	case KNGG_DEF_DELIVERABLE: return "oplevering";
	case KNGG_DEF_SIGNOFF: return "ondertekening";
	case KNGG_DEF_FACTOR: return "essentiële factor";
	case KNGG_DEF_THEME: return "QuickScan-thema";
	case KNGG_DEF_LEVEL: return "monitoringniveau";
	case KNGG_DEF_ITEM: return "lijstitem";
	}
	return "definitie";
}
