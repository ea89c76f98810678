/*
 * cmd_show.c: `kngg show ID`: one definition with everything it holds.
 */
#include <ctype.h>
#include <string.h>

#include "cli/cli.h"
#include "util/util.h"

static void print_source(const kngg_def *def)
{
	char line[512];

	if (!def->ref_section)
		return;
	snprintf(line, sizeof(line), "Bron: handreiking (2021), %s, regels %s.", def->ref_section,
		 def->ref_lines ? def->ref_lines : "?");
	printf("\n");
	print_wrapped_at(stdout, line, 0, 6); /* 80 columns */
}

static void print_heading(const char *title)
{
	printf("\n%s\n", title);
}

static void print_items(const kngg_def *items, size_t n)
{
	size_t width = 0;

	for (size_t i = 0; i < n; i++)
		if (utf8_width(items[i].id) > width)
			width = utf8_width(items[i].id);
	for (size_t i = 0; i < n; i++) {
		printf("  ");
		print_padded(stdout, items[i].id, width + 2);
		print_wrapped_at(stdout, items[i].text, width + 4, width + 4);
	}
}

static void print_list(const char *const *texts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		print_bullet(stdout, texts[i], 2);
}

static const char *party_label(const kngg_defs *defs, const kngg_party *p)
{
	return p->role ? kngg_defs_label(defs, "rollen", p->role)
		       : kngg_defs_label(defs, "organisatietypen", p->org);
}

static const char *per_note(kngg_per per)
{
	switch (per) {
	case KNGG_PER_KERNGROEP: return ", één per organisatie in de kerngroep";
	case KNGG_PER_PARTNER: return ", één per betrokken partnerorganisatie";
	case KNGG_PER_NEW_PARTNER: return ", één per nieuwe partner (geen nieuwe partners: niets te tekenen)";
	case KNGG_PER_CHOSEN: return ", één per organisatie gekozen uit stakeholdersanalyse en projectplan";
	default: return "";
	}
}

static void print_signoff_body(const kngg_defs *defs, const kngg_signoff *so, size_t indent)
{
	printf("%*s%s%s\n", (int)indent, "",
	       so->decision == KNGG_DECISION_GO_NO_GO ? "besluit: go of no-go" : "akkoord",
	       so->optional ? " (alleen als het nodig is)" : "");
	if (so->activity)
		printf("%*sbij activiteit %s\n", (int)indent, "", so->activity->id);
	print_wrapped(stdout, so->def.text, indent, 0);
	printf("%*stekenen:\n", (int)indent, "");
	for (size_t i = 0; i < so->nsigners; i++) {
		char line[512];

		snprintf(line, sizeof(line), "%s%s%s", party_label(defs, &so->signers[i]),
			 per_note(so->signers[i].per),
			 so->signers[i].optional ? " (indien nodig)" : "");
		print_bullet(stdout, line, indent + 2); /* 80 columns */
	}
}

static void show_step(const kngg_defs *defs, const kngg_step *st)
{
	const kngg_def *phase = st->def.parent;

	printf("%s %s: %s\n", st->is_part ? "Procesonderdeel" : "Stap", st->def.id, st->def.title);
	printf("Fase %s: %s\n\n", phase->id, phase->title);
	print_wrapped(stdout, st->def.text, 0, 0);

	print_heading("Wat het oplevert");
	print_items(st->deliverables, st->ndeliverables);

	print_heading("Met wie");
	for (size_t i = 0; i < st->nparticipants; i++)
		printf("  - %s\n", party_label(defs, &st->participants[i]));
	if (st->participants_note)
		print_wrapped(stdout, st->participants_note, 2, 0);

	print_heading("Activiteiten");
	print_items(st->activities, st->nactivities);

	if (st->ntools) {
		print_heading("Hulpmiddelen");
		for (size_t i = 0; i < st->ntools; i++)
			print_bullet(stdout, st->tools[i].text, 2);
	}
	if (st->ntips) {
		print_heading("Tips");
		print_list(st->tips, st->ntips);
	}
	print_heading("Ondertekeningen");
	if (st->nsignoffs == 0)
		printf("  geen\n");
	for (size_t i = 0; i < st->nsignoffs; i++) {
		printf("  %s\n", st->signoffs[i].def.id);
		print_signoff_body(defs, &st->signoffs[i], 4);
	}
	print_source(&st->def);
}

static void show_phase(const kngg_phase *ph)
{
	printf("Fase %d: %s\n", ph->number, ph->def.title);
	if (ph->repeat == KNGG_REPEAT_PER_AREA)
		printf("Herhaalt per gebied (wijk) en doelgroep.\n");
	else if (ph->repeat == KNGG_REPEAT_PER_CYCLE)
		printf("Verloopt in cycli (QuickScan, plan van aanpak, acties)%s.\n",
		       ph->closable ? "" : "; deze fase is nooit af");
	printf("\n");
	print_wrapped(stdout, ph->def.text, 0, 0);
	print_heading(ph->nsteps && ph->steps[0].is_part ? "Procesonderdelen" : "Stappen");
	for (size_t s = 0; s < ph->nsteps; s++) {
		printf("  ");
		print_padded(stdout, ph->steps[s].def.id, 22);
		printf("%s\n", ph->steps[s].def.title);
	}
	print_source(&ph->def);
}

static void show_child(const kngg_defs *defs, const kngg_def *def)
{
	const kngg_step *st = kngg_def_step(def->parent);
	const kngg_signoff *so = kngg_def_signoff(def);

	printf("%c%s %s\n", toupper((unsigned char)kngg_def_kind_name(def->kind, 0)[0]),
	       kngg_def_kind_name(def->kind, 0) + 1, def->id);
	printf("%s %s: %s\n\n", st->is_part ? "Procesonderdeel" : "Stap", st->def.id,
	       st->def.title);
	if (so) {
		print_signoff_body(defs, so, 0);
	} else {
		print_wrapped(stdout, def->text, 0, 0);
	}
	if (def->kind == KNGG_DEF_ACTIVITY) {
		for (size_t i = 0; i < st->nsignoffs; i++)
			if (st->signoffs[i].activity == def)
				printf("\nHierbij hoort ondertekening %s (kngg show %s).\n",
				       st->signoffs[i].def.id, st->signoffs[i].def.id);
	}
	print_source(&st->def);
}

static void show_factor(const kngg_factor *f)
{
	printf("Essentiële factor %s: %s\n\n", f->def.id, f->def.title);
	print_wrapped(stdout, f->def.text, 0, 0);
	print_heading("Aandachtspunten");
	print_list(f->checks, f->nchecks);
	print_source(&f->def);
}

static void show_other(const kngg_def *def)
{
	const kngg_theme *t = kngg_def_theme(def);
	const char *kind = kngg_def_kind_name(def->kind, 0);

	printf("%c%s %s: %s\n", toupper((unsigned char)kind[0]), kind + 1, def->id,
	       def->title ? def->title : "");
	if (def->text) {
		printf("\n");
		print_wrapped(stdout, def->text, 0, 0);
	}
	if (t && t->nstatements) {
		print_heading("Stellingen");
		print_list(t->statements, t->nstatements);
	}
	print_source(def);
}

/* Lists the ids of a step's children of one kind as "1.5/a1–1.5/a3". */
static void child_range(kngg_buf *b, const kngg_step *st, char kind)
{
	const kngg_def *first = NULL, *last = NULL;
	size_t n = 0;

	if (kind == 'a' && st->nactivities) {
		first = &st->activities[0];
		last = &st->activities[st->nactivities - 1];
		n = st->nactivities;
	} else if (kind == 'd' && st->ndeliverables) {
		first = &st->deliverables[0];
		last = &st->deliverables[st->ndeliverables - 1];
		n = st->ndeliverables;
	} else if (kind == 's' && st->nsignoffs) {
		first = &st->signoffs[0].def;
		last = &st->signoffs[st->nsignoffs - 1].def;
		n = st->nsignoffs;
	}
	if (n == 0)
		kngg_buf_puts(b, "geen");
	else if (n == 1)
		kngg_buf_puts(b, first->id);
	else
		kngg_buf_printf(b, "%s–%s", first->id, last->id);
}

static int unknown_id(const kngg_defs *defs, const char *id)
{
	kngg_buf b = {0};
	const char *slash = strchr(id, '/');
	char step_id[64];
	int rc;

	if (slash && id[0] >= '1' && id[0] <= '4' && id[1] == '.') {
		size_t len = (size_t)(slash - id);
		const kngg_step *st;
		char kind = slash[1];

		snprintf(step_id, sizeof(step_id), "%.*s", (int)(len < 63 ? len : 63), id);
		st = kngg_def_step(kngg_defs_find(defs, step_id));
		if (st && (kind == 'a' || kind == 'd' || kind == 's')) {
			child_range(&b, st, kind);
			rc = cli_fail("onbekende %s '%s' (%s van %s: %s)",
				      kind == 'a' ? "activiteit" : kind == 'd' ? "oplevering" : "ondertekening",
				      id,
				      kind == 'a' ? "activiteiten" : kind == 'd' ? "opleveringen" : "ondertekeningen",
				      step_id, kngg_buf_cstr(&b));
			kngg_buf_free(&b);
			return rc;
		}
		if (st)
			return cli_fail("onbekend id '%s' (onderdelen van %s zijn %s/aN, %s/dN en %s/sN)",
					id, step_id, step_id, step_id, step_id);
		id = step_id; /* the step itself is unknown: explain that */
	}
	if (id[0] >= '1' && id[0] <= '4' && id[1] == '.') {
		const kngg_phase *ph = kngg_defs_phase_by_number(defs, id[0] - '0');
		int numeric = ph && ph->nsteps && !ph->steps[0].is_part;

		if (ph && numeric && ph->nsteps > 1)
			kngg_buf_printf(&b, "%s–%s", ph->steps[0].def.id,
					ph->steps[ph->nsteps - 1].def.id);
		else
			for (size_t s = 0; ph && s < ph->nsteps; s++)
				kngg_buf_printf(&b, "%s%s", s ? ", " : "", ph->steps[s].def.id);
		rc = cli_fail("%s '%s' (%s van fase %c zijn %s)",
			      numeric ? "onbekende stap" : "onbekend procesonderdeel", id,
			      numeric ? "stappen" : "procesonderdelen", id[0], kngg_buf_cstr(&b));
		kngg_buf_free(&b);
		return rc;
	}
	{
		size_t n;
		const kngg_factor *f = kngg_defs_factors(defs, &n);

		for (size_t i = 0; i < n; i++)
			kngg_buf_printf(&b, "%s%s", i ? ", " : "", f[i].def.id);
	}
	rc = cli_fail("onbekend id '%s' (fasen 1-4, stappen zoals 1.5 of 3.proces, "
		      "activiteiten zoals 1.5/a2; factoren: %s; zie 'kngg phases')",
		      id, kngg_buf_cstr(&b));
	kngg_buf_free(&b);
	return rc;
}

static int show(kngg_cli *cli, const cli_call *call)
{
	char **args = call->args;
	const kngg_defs *defs;
	const kngg_def *def;

	if (!(defs = cli_defs(cli)))
		return EXIT_FAIL;
	def = kngg_defs_find(defs, args[0]);
	if (!def)
		return unknown_id(defs, args[0]);

	switch (def->kind) {
	case KNGG_DEF_PHASE: show_phase(kngg_def_phase(def)); break;
	case KNGG_DEF_STEP: show_step(defs, kngg_def_step(def)); break;
	case KNGG_DEF_ACTIVITY:
	case KNGG_DEF_DELIVERABLE:
	case KNGG_DEF_SIGNOFF: show_child(defs, def); break;
	case KNGG_DEF_FACTOR: show_factor(kngg_def_factor(def)); break;
	default: show_other(def); break;
	}
	return EXIT_OK;
}

const cli_sub cmd_show_subs[] = {
	{NULL, NULL, "ID", show, NULL, 0, NULL, "bijvoorbeeld 'kngg show 1.5'"},
	CLI_SUB_END,
};
