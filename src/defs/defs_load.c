/*
 * defs_load.c: reads definitions files with libxml2, validates them against
 * the built-in schema and builds the model. The only code that parses XML.
 *
 * Hardening follows libxml2's own advice: XML_PARSE_NONET, no entity
 * substitution, no DTD loading, an external entity loader that refuses
 * everything, and any document carrying a DTD is rejected outright.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "defs_internal.h"

extern const unsigned char kngg_xsd[];
extern const size_t kngg_xsd_len;

#define MAX_ERRORS_PER_FILE 20

struct load_ctx {
	kngg_defs *d;
	const char *file;
	int file_errors;
};

/* libxml2 structured error handler: one line per error, file:line first. */
static void on_xml_error(void *userdata, xmlErrorPtr err)
{
	struct load_ctx *lc = userdata;
	char msg[512];
	size_t n;

	if (!err || err->level == XML_ERR_WARNING)
		return;
	if (++lc->file_errors > MAX_ERRORS_PER_FILE) {
		if (lc->file_errors == MAX_ERRORS_PER_FILE + 1)
			defs_error(lc->d, lc->file, 0, "meer fouten; alleen de eerste %d getoond",
				   MAX_ERRORS_PER_FILE);
		else
			lc->d->errors++;
		return;
	}
	snprintf(msg, sizeof(msg), "%s", err->message ? err->message : "onbekende fout");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	defs_error(lc->d, lc->file, err->line, "%s", msg);
}

static void silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void init_libxml(void)
{
	static int done;

	if (done)
		return;
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entity);
	xmlSetGenericErrorFunc(NULL, silent_generic);
	done = 1;
}

/* ---- small DOM helpers ------------------------------------------------ */

static int is_elem(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static size_t count_children(const xmlNode *parent, const char *name)
{
	size_t n = 0;

	for (const xmlNode *c = parent->children; c; c = c->next)
		n += is_elem(c, name);
	return n;
}

static const xmlNode *first_child(const xmlNode *parent, const char *name)
{
	for (const xmlNode *c = parent->children; c; c = c->next)
		if (is_elem(c, name))
			return c;
	return NULL;
}

/* Copies s into the arena with runs of whitespace folded to one space. */
static const char *fold(kngg_defs *d, const char *s)
{
	size_t len = strlen(s), o = 0;
	char *out = kngg_arena_alloc(d->arena, len + 1);
	int space = 0;

	if (!out)
		return NULL;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = 0;
		out[o++] = *p;
	}
	out[o] = '\0';
	return out;
}

/* The element's text, whitespace folded; text that is only white space is
 * reported (every text element of the schema must say something). */
static const char *text_of(kngg_defs *d, const xmlNode *n)
{
	xmlChar *content;
	const char *s;

	if (!n)
		return NULL;
	content = xmlNodeGetContent(n);
	s = fold(d, content ? (const char *)content : "");
	xmlFree(content);
	if (s && !*s)
		defs_error(d, (const char *)n->doc->URL, (int)xmlGetLineNo(n), "<%s> is leeg",
			   (const char *)n->name);
	return s;
}

static const char *child_text(kngg_defs *d, const xmlNode *parent, const char *name)
{
	return text_of(d, first_child(parent, name));
}

static const char *attr(kngg_defs *d, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	const char *s;

	if (!v)
		return NULL;
	s = kngg_arena_strdup(d->arena, (const char *)v);
	xmlFree(v);
	return s;
}

static void set_head(kngg_defs *d, kngg_def *def, kngg_def_kind kind, const xmlNode *n,
		     const char *file, const kngg_def *parent)
{
	const xmlNode *ref = first_child(n, "verwijzing");

	def->kind = kind;
	def->id = attr(d, n, "id");
	def->title = child_text(d, n, "titel");
	def->text = child_text(d, n, "samenvatting");
	def->file = file;
	def->line = (int)xmlGetLineNo(n);
	def->parent = parent;
	if (ref) {
		def->ref_section = text_of(d, ref);
		def->ref_lines = attr(d, ref, "regels");
	}
}

static void add_ref(kngg_defs *d, const kngg_def *from, const char *list, const char *id,
		    const char *what, const xmlNode *n, const kngg_def **slot)
{
	pending_ref *r = kngg_arena_alloc(d->arena, sizeof(*r));

	if (!r)
		return;
	r->from = from;
	r->list = list;
	r->id = id;
	r->what = what;
	r->line = (int)xmlGetLineNo(n);
	r->slot = slot;
	r->next = d->refs;
	d->refs = r;
}

/* Reads rol/organisatie/per of a deelnemer or tekenaar element. */
static void read_party(kngg_defs *d, kngg_party *p, const xmlNode *n, const kngg_def *owner,
		       const char *file)
{
	const char *per = attr(d, n, "per");
	const char *required = attr(d, n, "verplicht");

	p->optional = required && strcmp(required, "nee") == 0;
	p->role = attr(d, n, "rol");
	p->org = attr(d, n, "organisatie");
	if (!p->role == !p->org) {
		defs_error(d, file, (int)xmlGetLineNo(n),
			   "%s: geef precies een van 'rol' en 'organisatie'", (const char *)n->name);
		return;
	}
	if (p->role)
		add_ref(d, owner, "rollen", p->role, "rol", n, NULL);
	else if (strcmp(p->org, KNGG_ORG_LEAD) != 0)
		add_ref(d, owner, "organisatietypen", p->org, "organisatie", n, NULL);
	if (!per)
		p->per = KNGG_PER_NONE;
	else if (strcmp(per, "kerngroeporganisatie") == 0)
		p->per = KNGG_PER_KERNGROEP;
	else if (strcmp(per, "partnerorganisatie") == 0)
		p->per = KNGG_PER_PARTNER;
	else if (strcmp(per, "gekozen") == 0)
		p->per = KNGG_PER_CHOSEN;
	else
		p->per = KNGG_PER_NEW_PARTNER;
}

/* Allocates an array of n elements of size sz, or NULL when n is 0. */
static void *alloc_array(kngg_defs *d, size_t n, size_t sz)
{
	return n ? kngg_arena_alloc(d->arena, n * sz) : NULL;
}

/* Collects the folded text of every child called name. */
static const char *const *texts_of(kngg_defs *d, const xmlNode *parent, const char *name,
				   size_t *count)
{
	size_t n = count_children(parent, name), i = 0;
	const char **out = alloc_array(d, n, sizeof(*out));

	for (const xmlNode *c = parent->children; c && out; c = c->next)
		if (is_elem(c, name))
			out[i++] = text_of(d, c);
	*count = out ? n : 0;
	return out;
}

/* Fills an array of plain definitions (activities, deliverables, items). */
static kngg_def *read_defs(kngg_defs *d, const xmlNode *parent, const char *name,
			   kngg_def_kind kind, const char *file, const kngg_def *owner,
			   size_t *count)
{
	size_t n = count_children(parent, name), i = 0;
	kngg_def *out = alloc_array(d, n, sizeof(*out));

	for (const xmlNode *c = parent->children; c && out; c = c->next) {
		if (!is_elem(c, name))
			continue;
		set_head(d, &out[i], kind, c, file, owner);
		if (!out[i].title)
			out[i].text = text_of(d, c);
		i++;
	}
	*count = out ? n : 0;
	return out;
}

/* ---- per root element --------------------------------------------------- */

static void read_signoff(kngg_defs *d, kngg_signoff *s, const xmlNode *n, const char *file,
			 const kngg_step *step)
{
	const char *decision = attr(d, n, "besluit");
	const char *act = attr(d, n, "activiteit");
	const char *required = attr(d, n, "verplicht");
	kngg_party *signers;
	size_t i = 0;

	set_head(d, &s->def, KNGG_DEF_SIGNOFF, n, file, &step->def);
	s->def.text = child_text(d, n, "wat");
	s->decision = decision && strcmp(decision, "go-no-go") == 0 ? KNGG_DECISION_GO_NO_GO
								     : KNGG_DECISION_APPROVAL;
	s->optional = required && strcmp(required, "nee") == 0;
	if (act)
		add_ref(d, &s->def, NULL, act, "activiteit", n, &s->activity);
	s->nsigners = count_children(n, "tekenaar");
	signers = alloc_array(d, s->nsigners, sizeof(*signers));
	for (const xmlNode *c = n->children; c && signers; c = c->next)
		if (is_elem(c, "tekenaar"))
			read_party(d, &signers[i++], c, &s->def, file);
	s->signers = signers;
}

static void read_step(kngg_defs *d, kngg_step *st, const xmlNode *n, const char *file,
		      const kngg_phase *phase)
{
	const xmlNode *who = first_child(n, "met-wie");
	const char *kind = attr(d, n, "soort");
	kngg_signoff *signoffs;
	kngg_party *parts;
	kngg_tool *tools;
	size_t i;

	set_head(d, &st->def, KNGG_DEF_STEP, n, file, &phase->def);
	st->is_part = kind && strcmp(kind, "procesonderdeel") == 0;
	st->area_kinds = KNGG_AREA_ALL;
	if (xmlHasProp(n, (const xmlChar *)"gebieden")) {
		const char *v = attr(d, n, "gebieden");

		st->area_kinds = 0;
		while (v && *v) {
			size_t len = strcspn(v, " ");
			char one[16];

			snprintf(one, sizeof(one), "%.*s", (int)len, v);
			st->area_kinds |= (unsigned)kngg_area_kind_parse(one);
			v += len;
			v += strspn(v, " ");
		}
	}
	st->deliverables = read_defs(d, n, "oplevering", KNGG_DEF_DELIVERABLE, file, &st->def,
				     &st->ndeliverables);
	st->activities = read_defs(d, n, "activiteit", KNGG_DEF_ACTIVITY, file, &st->def,
				   &st->nactivities);
	st->tips = texts_of(d, n, "tip", &st->ntips);

	if (who) {
		st->nparticipants = count_children(who, "deelnemer");
		parts = alloc_array(d, st->nparticipants, sizeof(*parts));
		i = 0;
		for (const xmlNode *c = who->children; c && parts; c = c->next)
			if (is_elem(c, "deelnemer"))
				read_party(d, &parts[i++], c, &st->def, file);
		st->participants = parts;
		st->participants_note = child_text(d, who, "toelichting");
	}

	st->ntools = count_children(n, "hulpmiddel");
	tools = alloc_array(d, st->ntools, sizeof(*tools));
	i = 0;
	for (const xmlNode *c = n->children; c && tools; c = c->next) {
		if (!is_elem(c, "hulpmiddel"))
			continue;
		tools[i].text = text_of(d, c);
		tools[i++].document = attr(d, c, "document");
	}
	st->tools = tools;

	st->nsignoffs = count_children(n, "ondertekening");
	signoffs = alloc_array(d, st->nsignoffs, sizeof(*signoffs));
	i = 0;
	for (const xmlNode *c = n->children; c && signoffs; c = c->next)
		if (is_elem(c, "ondertekening"))
			read_signoff(d, &signoffs[i++], c, file, st);
	st->signoffs = signoffs;
}

static void read_phase(kngg_defs *d, const xmlNode *root, const char *file)
{
	const char *id = attr(d, root, "id");
	const char *repeat = attr(d, root, "herhaling");
	const char *closable = attr(d, root, "afsluitbaar");
	int number = id ? id[0] - '0' : 0;
	kngg_phase *ph;
	kngg_step *steps;
	size_t i = 0;

	if (number < 1 || number > 4)
		return; /* the schema already said why */
	if (d->phases[number - 1]) {
		defs_error(d, file, (int)xmlGetLineNo(root), "fase %d staat ook in %s", number,
			   d->phases[number - 1]->def.file);
		return;
	}
	ph = &d->phase_store[number - 1];
	set_head(d, &ph->def, KNGG_DEF_PHASE, root, file, NULL);
	ph->number = number;
	ph->repeat = !repeat || strcmp(repeat, "geen") == 0 ? KNGG_REPEAT_NONE
		     : strcmp(repeat, "per-gebied") == 0    ? KNGG_REPEAT_PER_AREA
							    : KNGG_REPEAT_PER_CYCLE;
	ph->closable = !(closable && strcmp(closable, "nee") == 0);
	ph->nsteps = count_children(root, "stap");
	steps = alloc_array(d, ph->nsteps, sizeof(*steps));
	for (const xmlNode *c = root->children; c && steps; c = c->next)
		if (is_elem(c, "stap"))
			read_step(d, &steps[i++], c, file, ph);
	ph->steps = steps;
	d->phases[number - 1] = ph;
}

static int claim(kngg_defs *d, const char **slot, const char *file, const xmlNode *root)
{
	if (*slot) {
		defs_error(d, file, (int)xmlGetLineNo(root), "<%s> staat ook in %s",
			   (const char *)root->name, *slot);
		return 0;
	}
	*slot = file;
	return 1;
}

/* Reads a <schaal> element: min < max, labels within the range. */
static void read_scale(kngg_defs *d, kngg_scale *sc, const xmlNode *n, const char *file)
{
	kngg_scale_label *labels;
	size_t i = 0;

	sc->min = atoi(attr(d, n, "min"));
	sc->max = atoi(attr(d, n, "max"));
	if (sc->min >= sc->max || sc->max > 100)
		defs_error(d, file, (int)xmlGetLineNo(n),
			   "schaal: min (%d) moet kleiner zijn dan max (%d), max hoogstens 100",
			   sc->min, sc->max);
	sc->nlabels = count_children(n, "label");
	labels = alloc_array(d, sc->nlabels, sizeof(*labels));
	for (const xmlNode *c = n->children; c && labels; c = c->next) {
		if (!is_elem(c, "label"))
			continue;
		labels[i].value = atoi(attr(d, c, "waarde"));
		labels[i].label = text_of(d, c);
		if (labels[i].value < sc->min || labels[i].value > sc->max)
			defs_error(d, file, (int)xmlGetLineNo(c),
				   "label voor waarde %d valt buiten de schaal %d-%d",
				   labels[i].value, sc->min, sc->max);
		i++;
	}
	sc->labels = labels;
}

static void read_factors(kngg_defs *d, const xmlNode *root, const char *file)
{
	const xmlNode *scale = first_child(root, "schaal");
	size_t i = 0;

	if (!claim(d, &d->factors_file, file, root))
		return;
	if (scale)
		read_scale(d, &d->factor_scale, scale, file);
	d->nfactors = count_children(root, "factor");
	d->factors = alloc_array(d, d->nfactors, sizeof(*d->factors));
	for (const xmlNode *c = root->children; c && d->factors; c = c->next) {
		if (!is_elem(c, "factor"))
			continue;
		set_head(d, &d->factors[i].def, KNGG_DEF_FACTOR, c, file, NULL);
		d->factors[i].checks = texts_of(d, c, "aandachtspunt", &d->factors[i].nchecks);
		i++;
	}
}

static void read_quickscan(kngg_defs *d, const xmlNode *root, const char *file)
{
	const xmlNode *scale = first_child(root, "schaal");
	kngg_quickscan *q;
	kngg_theme *themes;
	size_t i = 0;

	if (!claim(d, &d->quickscan_file, file, root) || !scale)
		return;
	q = kngg_arena_alloc(d->arena, sizeof(*q));
	if (!q)
		return;
	q->text = child_text(d, root, "samenvatting");
	read_scale(d, &q->scale, scale, file);
	q->nthemes = count_children(root, "thema");
	themes = alloc_array(d, q->nthemes, sizeof(*themes));
	for (const xmlNode *c = root->children; c && themes; c = c->next) {
		if (!is_elem(c, "thema"))
			continue;
		set_head(d, &themes[i].def, KNGG_DEF_THEME, c, file, NULL);
		themes[i].statements = texts_of(d, c, "stelling", &themes[i].nstatements);
		i++;
	}
	q->themes = themes;
	d->quickscan = q;
}

static void read_monitoring(kngg_defs *d, const xmlNode *root, const char *file)
{
	if (!claim(d, &d->monitoring_file, file, root))
		return;
	d->levels = read_defs(d, root, "niveau", KNGG_DEF_LEVEL, file, NULL, &d->nlevels);
}

static void read_lists(kngg_defs *d, const xmlNode *root, const char *file)
{
	size_t i = 0;
	const char *ordered;

	if (!claim(d, &d->lists_file, file, root))
		return;
	d->nlists = count_children(root, "lijst");
	d->lists = alloc_array(d, d->nlists, sizeof(*d->lists));
	for (const xmlNode *c = root->children; c && d->lists; c = c->next) {
		if (!is_elem(c, "lijst"))
			continue;
		d->lists[i].id = attr(d, c, "id");
		d->lists[i].title = child_text(d, c, "titel");
		ordered = attr(d, c, "geordend");
		d->lists[i].ordered = ordered && strcmp(ordered, "ja") == 0;
		d->lists[i].threshold = attr(d, c, "drempel");
		d->lists[i].line = (int)xmlGetLineNo(c);
		d->lists[i].file = file;
		d->lists[i].items = read_defs(d, c, "item", KNGG_DEF_ITEM, file, NULL,
					      &d->lists[i].nitems);
		i++;
	}
}

static const char *rule_elems[] = {"gedaan", "getekend", "commitment", "factor", "quickscan",
				   NULL};

static void read_rules(kngg_defs *d, const xmlNode *root, const char *file)
{
	size_t n = 0, nr = 0, k = 0;

	if (!claim(d, &d->rules_file, file, root))
		return;
	d->nrulesets = count_children(root, "voor");
	d->rulesets = alloc_array(d, d->nrulesets, sizeof(*d->rulesets));
	d->ruleset_ids = alloc_array(d, d->nrulesets, sizeof(*d->ruleset_ids));
	for (const xmlNode *v = root->children; v; v = v->next)
		for (const xmlNode *c = is_elem(v, "voor") ? v->children : NULL; c; c = c->next)
			nr += c->type == XML_ELEMENT_NODE;
	d->rule_ids = alloc_array(d, nr, sizeof(*d->rule_ids));
	for (const xmlNode *v = root->children; v && d->rulesets && d->rule_ids; v = v->next) {
		kngg_ruleset *rs;
		kngg_rule *rules;
		size_t i = 0;

		if (!is_elem(v, "voor"))
			continue;
		rs = &d->rulesets[n];
		d->ruleset_ids[n] = xmlHasProp(v, (const xmlChar *)"stap") ? attr(d, v, "stap")
									    : attr(d, v, "fase");
		if (!xmlHasProp(v, (const xmlChar *)"stap") == !xmlHasProp(v, (const xmlChar *)"fase"))
			defs_error(d, file, (int)xmlGetLineNo(v),
				   "<voor> noemt precies een van stap en fase");
		rs->nrules = 0;
		for (const xmlNode *c = v->children; c; c = c->next)
			rs->nrules += c->type == XML_ELEMENT_NODE;
		rules = alloc_array(d, rs->nrules, sizeof(*rules));
		for (const xmlNode *c = v->children; c && rules; c = c->next) {
			kngg_rule *r;
			const char *minv;

			if (c->type != XML_ELEMENT_NODE)
				continue;
			r = &rules[i++];
			for (int e = 0; rule_elems[e]; e++)
				if (is_elem(c, rule_elems[e]))
					r->kind = (kngg_rule_kind)(e + 1);
			r->file = file;
			r->line = (int)xmlGetLineNo(c);
			r->why = xmlHasProp(c, (const xmlChar *)"waarom") ? attr(d, c, "waarom") : NULL;
			d->rule_ids[k++] = xmlHasProp(c, (const xmlChar *)"id") ? attr(d, c, "id") : NULL;
			minv = xmlHasProp(c, (const xmlChar *)"min") ? attr(d, c, "min") : NULL;
			r->has_min = minv != NULL;
			r->min = minv ? atoi(minv) : 1;
			if (r->kind == KNGG_RULE_COMMITMENT)
				r->has_min = 1;
			r->within_months = xmlHasProp(c, (const xmlChar *)"binnen")
						   ? atoi(attr(d, c, "binnen")) : 0;
			r->level = xmlHasProp(c, (const xmlChar *)"niveau") ? attr(d, c, "niveau") : NULL;
			r->org_type = xmlHasProp(c, (const xmlChar *)"organisatie")
					      ? attr(d, c, "organisatie") : NULL;
			r->role = xmlHasProp(c, (const xmlChar *)"rol") ? attr(d, c, "rol") : NULL;
			r->lines = xmlHasProp(c, (const xmlChar *)"regels") ? attr(d, c, "regels") : NULL;
			/* what is done and signed binds; the situation advises */
			r->binding = r->kind != KNGG_RULE_COMMITMENT && r->kind != KNGG_RULE_FACTOR;
			if (xmlHasProp(c, (const xmlChar *)"bindend"))
				r->binding = strcmp(attr(d, c, "bindend"), "ja") == 0;
		}
		rs->rules = rules;
		n++;
	}
}

/* ---- one document ------------------------------------------------------- */

static void read_root(kngg_defs *d, const xmlNode *root, const char *file)
{
	const char *version = attr(d, root, "versie");
	const xmlNode *bron = first_child(root, "bron");

	if (version && !d->version) {
		d->version = version;
		d->version_file = file;
	} else if (version && strcmp(version, d->version) != 0) {
		defs_error(d, file, (int)xmlGetLineNo(root),
			   "versie '%s' wijkt af van versie '%s' in %s", version, d->version,
			   d->version_file);
	}
	if (bron && !d->citation)
		d->citation = text_of(d, bron);

	if (is_elem(root, "fase"))
		read_phase(d, root, file);
	else if (is_elem(root, "factoren"))
		read_factors(d, root, file);
	else if (is_elem(root, "quickscan"))
		read_quickscan(d, root, file);
	else if (is_elem(root, "monitoring"))
		read_monitoring(d, root, file);
	else if (is_elem(root, "lijsten"))
		read_lists(d, root, file);
	else if (is_elem(root, "gereedheid"))
		read_rules(d, root, file);
}

/* The line on which needle first appears in src, or 0. */
static int line_of(const kngg_defs_source *src, const char *needle)
{
	size_t nlen = strlen(needle);
	int line = 1;

	for (size_t i = 0; i + nlen <= src->len; i++) {
		if (memcmp(src->data + i, needle, nlen) == 0)
			return line;
		line += src->data[i] == '\n';
	}
	return 0;
}

static void load_one(kngg_defs *d, xmlSchemaPtr schema, const kngg_defs_source *src)
{
	struct load_ctx lc = {d, NULL, 0};
	xmlSchemaValidCtxtPtr vctxt = NULL;
	xmlDocPtr doc = NULL;
	int errors_before = d->errors;

	lc.file = kngg_arena_strdup(d->arena, src->name);
	if (!lc.file)
		return;
	if (src->len > DEFS_MAX_FILE) {
		defs_error(d, lc.file, 0, "bestand is te groot (meer dan %zu MiB)", DEFS_MAX_FILE >> 20);
		return;
	}
	xmlSetStructuredErrorFunc(&lc, on_xml_error);
	doc = xmlReadMemory(src->data, (int)src->len, lc.file, NULL,
			    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (!doc) {
		if (d->errors == errors_before)
			defs_error(d, lc.file, 0, "geen geldige XML");
		goto done;
	}
	if (doc->intSubset || doc->extSubset) {
		defs_error(d, lc.file, line_of(src, "<!DOCTYPE"),
			   "een DOCTYPE is niet toegestaan in definities");
		goto done;
	}
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (!vctxt) {
		defs_error(d, lc.file, 0, "onvoldoende geheugen");
		goto done;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, on_xml_error, &lc);
	if (xmlSchemaValidateDoc(vctxt, doc) != 0) {
		if (d->errors == errors_before)
			defs_error(d, lc.file, 0, "voldoet niet aan het schema");
		goto done;
	}
	read_root(d, xmlDocGetRootElement(doc), lc.file);
done:
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSchemaFreeValidCtxt(vctxt);
	xmlFreeDoc(doc);
}

static xmlSchemaPtr compile_schema(kngg_defs *d)
{
	struct load_ctx lc = {d, "kngg.xsd (ingebouwd)", 0};
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaPtr schema;

	pctxt = xmlSchemaNewMemParserCtxt((const char *)kngg_xsd, (int)kngg_xsd_len);
	if (!pctxt)
		return NULL;
	xmlSchemaSetParserStructuredErrors(pctxt, on_xml_error, &lc);
	schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	return schema;
}

int kngg_defs_load_sources(kngg_defs **out, const kngg_defs_source *src, size_t n,
			   kngg_diag_fn diag, void *ctx)
{
	kngg_defs *d = NULL;
	xmlSchemaPtr schema = NULL;
	int rc = KNGG_ENOMEM;

	*out = NULL;
	init_libxml();
	d = calloc(1, sizeof(*d));
	if (!d || !(d->arena = kngg_arena_new()))
		goto done;
	d->diag = diag;
	d->diag_ctx = ctx;
	d->dir = "";
	schema = compile_schema(d);
	if (!schema) {
		defs_error(d, "kngg.xsd", 0, "het ingebouwde schema is ongeldig");
		rc = KNGG_ERROR;
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		load_one(d, schema, &src[i]);
	defs_finish(d);
	if (d->errors) {
		rc = KNGG_EINVALID;
		goto done;
	}
	d->diag = NULL;
	d->diag_ctx = NULL;
	*out = d;
	d = NULL;
	rc = 0;
done:
	if (schema)
		xmlSchemaFree(schema);
	kngg_defs_free(d);
	return rc;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects the names of the *.xml files in dir, sorted. */
static int list_xml(const char *dir, char ***names, size_t *count)
{
	DIR *dh = opendir(dir);
	struct dirent *e;
	char **v = NULL, **grown;
	size_t n = 0, cap = 0, len;

	*names = NULL;
	*count = 0;
	if (!dh)
		return KNGG_ENOTFOUND;
	while ((e = readdir(dh)) != NULL) {
		len = strlen(e->d_name);
		if (len < 5 || e->d_name[0] == '.' || strcmp(e->d_name + len - 4, ".xml") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			grown = realloc(v, cap * sizeof(*v));
			if (!grown)
				goto nomem;
			v = grown;
		}
		if (!(v[n] = strdup(e->d_name)))
			goto nomem;
		n++;
	}
	closedir(dh);
	if (n)
		qsort(v, n, sizeof(*v), cmp_names);
	*names = v;
	*count = n;
	return 0;
nomem:
	closedir(dh);
	while (n)
		free(v[--n]);
	free(v);
	return KNGG_ENOMEM;
}

int kngg_defs_load(kngg_defs **out, const char *dir, kngg_diag_fn diag, void *ctx)
{
	kngg_defs_source *src = NULL;
	char **names = NULL, **data = NULL;
	size_t n = 0, i;
	int rc;

	*out = NULL;
	rc = list_xml(dir, &names, &n);
	if (rc == KNGG_ENOTFOUND) {
		kngg_diagf(diag, ctx, "map met definities '%s' bestaat niet", dir);
		return rc;
	}
	if (rc < 0)
		return rc;
	if (n == 0) {
		kngg_diagf(diag, ctx, "geen definities (*.xml) in '%s'", dir);
		rc = KNGG_ENOTFOUND;
		goto done;
	}
	src = calloc(n, sizeof(*src));
	data = calloc(n, sizeof(*data));
	if (!src || !data) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	for (i = 0; i < n; i++) {
		size_t plen = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(plen);

		if (!path) {
			rc = KNGG_ENOMEM;
			goto done;
		}
		snprintf(path, plen, "%s/%s", dir, names[i]);
		free(names[i]);
		names[i] = path;
		/* regular files only, at most DEFS_MAX_FILE: a FIFO, /dev/zero or
		 * a runaway log named *.xml is refused with one message */
		rc = kngg_read_file_max(path, DEFS_MAX_FILE, diag, ctx, &data[i], &src[i].len);
		if (rc < 0)
			goto done;
		src[i].name = path;
		src[i].data = data[i];
	}
	rc = kngg_defs_load_sources(out, src, n, diag, ctx);
	if (rc == 0) {
		(*out)->dir = kngg_arena_strdup((*out)->arena, dir);
		if (!(*out)->dir) {
			kngg_defs_free(*out);
			*out = NULL;
			rc = KNGG_ENOMEM;
		}
	}
done:
	for (i = 0; i < n; i++) {
		free(names[i]);
		if (data)
			free(data[i]);
	}
	free(names);
	free(data);
	free(src);
	return rc;
}

