/*
 * cmd_signoff.c: `kngg signoff CODE ID ...` records a signature (go, no-go
 * or akkoord); `kngg signoff list CODE` shows every signature ever given;
 * `kngg signoff show CODE ID` shows one point: who must sign, who did;
 * `kngg signoff prepare CODE ID [--org ORG]...` chooses who signs a point
 * that is signed per organisation.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "kngg/export.h"
#include "cli/json.h"
#include "util/util.h"

/* ---- shared text ----------------------------------------------------------- */

/* The title of a required party: role title or organisation type. */
static const char *party_label(const kngg_defs *defs, const kngg_party *p)
{
	if (p->role)
		return kngg_defs_label(defs, "rollen", p->role);
	if (strcmp(p->org, KNGG_ORG_LEAD) == 0)
		return "Hoofduitvoerder";
	return kngg_defs_label(defs, "organisatietypen", p->org);
}

static const char *signer_name(const kngg_signature *s)
{
	return s->signer ? s->signer : "(gewist)";
}

/* "ROL[ namens ALS], ORGANISATIE" */
static void print_role_org(FILE *f, const kngg_signature *s)
{
	fprintf(f, "%s", s->role ? s->role : "-");
	if (s->as)
		fprintf(f, " namens %s", s->as);
	if (s->org)
		fprintf(f, ", %s", s->org);
}

/* "geldig tot 1 juli 2027" and, when that day has passed by today,
 * " (verlopen)"; "" without a validity. */
static void validity_text(const kngg_signature *s, const char *today, char *buf, size_t len)
{
	char nl[32];

	buf[0] = '\0';
	if (!s->valid_until)
		return;
	kngg_date_nl(s->valid_until, nl);
	snprintf(buf, len, "geldig tot %s%s", nl,
		 today && strcmp(s->valid_until, today) < 0 ? " (verlopen)" : "");
}

/* "regio Zaanstreek, voor GM0479, GM0453" */
static void region_text(FILE *f, const kngg_signature *s)
{
	fprintf(f, "regio %s, voor ", s->region);
	for (size_t i = 0; i < s->nmembers; i++)
		fprintf(f, "%s%s", i ? ", " : "", s->members[i] ? s->members[i] : "?");
	if (s->regional_id)
		fprintf(f, " (ref. %s)", s->regional_id);
}

/* One signature: a head line at indent, then document, arguments and note
 * indented further. with_id adds the sign-off id; today marks an expired
 * agreement. */
static void print_signature(FILE *f, const kngg_signature *s, int indent, int with_id,
			    const char *today)
{
	int sub = indent + 4, col = 0;
	char *who = NULL;
	size_t wholen = 0;
	FILE *m;

	col += fprintf(f, "%*s%s  #%lld  ", indent, "", s->date, (long long)s->event_id);
	if (with_id)
		col += fprintf(f, "%s  ", s->signoff);
	if (s->area)
		col += fprintf(f, "[%s]  ", s->area);
	if (s->cycle_number)
		col += fprintf(f, "[fase %d, cyclus %d]  ", s->cycle_phase, s->cycle_number);
	col += fprintf(f, "%s", s->decision);
	/* who signed, wrapped to 80 columns under the details */
	if ((m = open_memstream(&who, &wholen)) != NULL) {
		fprintf(m, "door %s (", signer_name(s));
		print_role_org(m, s);
		fprintf(m, ")%s", s->withdrawn ? " (ingetrokken)" : "");
		fclose(m);
	}
	if (who) {
		fputc(' ', f);
		print_wrapped_at(f, who, (size_t)col + 1, (size_t)sub);
	} else {
		fputc('\n', f);
	}
	free(who);
	fprintf(f, "%*sstuk: ", sub, "");
	print_wrapped_at(f, s->document ? s->document : "-", (size_t)sub + 6, (size_t)sub + 6);
	if (s->valid_until) {
		char v[96];

		validity_text(s, today, v, sizeof(v));
		fprintf(f, "%*s%s\n", sub, "", v);
	}
	if (s->region) {
		char *r = NULL;
		size_t rlen = 0;
		FILE *rm = open_memstream(&r, &rlen);

		if (rm) {
			region_text(rm, s);
			fclose(rm);
		}
		if (r) {
			fprintf(f, "%*sregionaal: ", sub, "");
			print_wrapped_at(f, r, (size_t)sub + 11, (size_t)sub + 11);
		}
		free(r);
	}
	for (size_t i = 0; i < s->narguments; i++) {
		fprintf(f, "%*sargument: ", sub, "");
		print_wrapped_at(f, s->arguments[i], (size_t)sub + 10, (size_t)sub + 10);
	}
	if (s->note) {
		fprintf(f, "%*snotitie: ", sub, "");
		print_wrapped_at(f, s->note, (size_t)sub + 9, (size_t)sub + 9);
	}
	if (s->by)
		fprintf(f, "%*svastgelegd door: %s\n", sub, "", s->by);
}

/* The label of a slot, e.g. "Bestuurder, GGD Zaanstreek" or "Wethouder". */
static void slot_label(const kngg_defs *defs, const kngg_signoff_slot *sl, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s", party_label(defs, sl->party), sl->org ? ", " : "",
		 sl->org ? sl->org : "", sl->party->optional ? " (optioneel)" : "");
}

/* "ontbreekt: A, B" for the required slots that are not ok, into buf;
 * returns how many. */
static int missing_text(const kngg_defs *defs, const kngg_signoff_status *s, char *buf,
			size_t len)
{
	size_t used = 0;
	int n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < s->nslots; i++) {
		const kngg_signoff_slot *sl = &s->slots[i];
		const char *label = party_label(defs, sl->party);

		if (sl->ok || sl->party->optional)
			continue;
		if (used < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s%s%s%s%s", n ? ", " : "",
						 label, sl->org ? " van " : "", sl->org ? sl->org : "",
						 sl->latest ? " (" : "",
						 sl->latest ? sl->latest->decision : "");
		if (sl->latest && used < len)
			used += (size_t)snprintf(buf + used, len - used, ")");
		n++;
	}
	if (s->missing_set && used < len) {
		snprintf(buf + used, len - used, "%s%s", n ? ", " : "", s->missing_set);
		n++;
	}
	return n;
}

/* "1.5/s1[ in SCOPE] compleet" or "... nog niet compleet: ontbreekt: ..." */
static void print_state_line(const kngg_defs *defs, const kngg_signoff_status *s)
{
	char missing[2048];

	printf("%s%s%s ", s->def->def.id, s->scope ? " in " : "", s->scope ? s->scope : "");
	if (s->complete) {
		printf("compleet%s%s\n", s->completed_on ? " sinds " : "",
		       s->completed_on ? s->completed_on : "");
		for (size_t i = 0; i < s->nwarnings; i++)
			cli_message(s->warnings[i], NULL);
		return;
	}
	if (missing_text(defs, s, missing, sizeof(missing)))
		printf("nog niet compleet: ontbreekt: %s\n", missing);
	else
		printf("nog niet compleet\n");
}

/* ---- record ------------------------------------------------------------------ */

struct recorded {
	char date[11];
	char signer[256];
	char org[256];
};

static int copy_event(void *ctx, const kngg_event *ev)
{
	struct recorded *r = ctx;

	snprintf(r->date, sizeof(r->date), "%s", ev->date ? ev->date : "");
	snprintf(r->signer, sizeof(r->signer), "%s",
		 ev->person ? ev->person : ev->person_erased ? "(gewist)" : "?");
	snprintf(r->org, sizeof(r->org), "%s", ev->org ? ev->org : "");
	return 0;
}

static int record(kngg_tracker *t, const char *code, const char *id, const kngg_signoff_in *in,
		  const kngg_track_opts *o)
{
	struct recorded r = {"", "", ""};
	kngg_signoff_status *s = NULL;
	int64_t event_id = 0;

	if (kngg_signoff_record(t, code, id, in, o, &event_id) < 0)
		return EXIT_FAIL;
	if (kngg_journal_event(t, event_id, copy_event, &r) < 0)
		return EXIT_FAIL;
	printf("%s: %s getekend: %s door %s (%s%s%s, %s) op %s\n", code, id, in->decision,
	       r.signer, in->role, in->as ? " namens " : "", in->as ? in->as : "",
	       r.org[0] ? r.org : in->org, r.date);
	if (in->valid_until) {
		char nl[32];

		kngg_date_nl(in->valid_until, nl);
		printf("%s: geldig tot %s\n", id, nl);
	}
	/* the signature is recorded; a failure to show the state is still one */
	if (kngg_signoff_status_load(t, code, id, o->area, NULL, &s) < 0)
		return EXIT_FAIL;
	print_state_line(kngg_tracker_defs(t), s);
	kngg_signoff_status_free(s);
	return EXIT_OK;
}

/* ---- list ---------------------------------------------------------------------- */

struct list_ctx {
	int n;
	char today[11];
};

static int list_text(void *ctx, const kngg_signature *s)
{
	struct list_ctx *l = ctx;

	print_signature(stdout, s, 0, 1, l->today);
	l->n++;
	return 0;
}

static int list_json(void *ctx, const kngg_signature *s)
{
	return json_array_append_new(ctx, kngg_signature_json(s)) == 0 ? 0 : KNGG_ENOMEM;
}

static void csv_int(long long v, int present)
{
	char num[24];

	snprintf(num, sizeof(num), "%lld", v);
	print_csv_field(stdout, present ? num : NULL, 0);
}

static int list_csv(void *ctx, const kngg_signature *s)
{
	size_t len = 1;
	(void)ctx;

	csv_int(s->event_id, 1);
	print_csv_field(stdout, s->signoff, 0);
	print_csv_field(stdout, s->date, 0);
	print_csv_field(stdout, s->area, 0);
	csv_int(s->cycle_phase, s->cycle_number != 0);
	csv_int(s->cycle_number, s->cycle_number != 0);
	print_csv_field(stdout, s->decision, 0);
	csv_int(s->person_id, s->person_id != 0);
	print_csv_field(stdout, signer_name(s), 0);
	print_csv_field(stdout, s->role, 0);
	print_csv_field(stdout, s->as, 0);
	print_csv_field(stdout, s->org, 0);
	print_csv_field(stdout, s->org_type, 0);
	print_csv_field(stdout, s->document, 0);
	/* the arguments in one field, one per line */
	for (size_t i = 0; i < s->narguments; i++)
		len += strlen(s->arguments[i]) + 1;
	{
		char args[len];
		size_t used = 0;

		args[0] = '\0';
		for (size_t i = 0; i < s->narguments; i++)
			used += (size_t)snprintf(args + used, len - used, "%s%s", i ? "\n" : "",
						 s->arguments[i]);
		print_csv_field(stdout, args, 0);
	}
	print_csv_field(stdout, s->note, 0);
	print_csv_field(stdout, s->by, 0);
	print_csv_field(stdout, s->withdrawn ? "ja" : "nee", 0);
	print_csv_field(stdout, s->valid_until, 0);
	print_csv_field(stdout, s->region, 0);
	print_csv_field(stdout, s->regional_id, 1);
	return 0;
}

static int list(kngg_tracker *t, const char *code, const char *format,
		const cli_sheet_opts *sheet)
{
	kngg_status *st = NULL;
	struct list_ctx l = {0, ""};
	int rc;

	/* the status load checks the code and that the municipality exists */
	if (kngg_status_load(t, code, "1900-01-01", &st) < 0)
		return EXIT_FAIL;
	kngg_status_free(st);
	if (strcmp(format, "json") == 0) {
		json_t *arr = json_array();

		rc = kngg_signatures(t, code, list_json, arr);
		if (rc >= 0 && json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
			printf("\n");
		json_decref(arr);
		return rc < 0 ? EXIT_FAIL : EXIT_OK;
	}
	if (strcmp(format, "csv") == 0) {
		static const char *const head[] = {
			"event_id", "signoff", "date", "area", "phase", "cycle", "decision",
			"person_id", "signer", "role", "as", "org", "org_type", "document",
			"arguments", "note", "by", "withdrawn", "valid_until", "region",
			"regional_id"};
		const size_t nhead = sizeof(head) / sizeof(head[0]);

		cli_csv_start(stdout, sheet);
		for (size_t i = 0; i < nhead; i++)
			print_csv_field(stdout, head[i], i + 1 == nhead);
		return kngg_signatures(t, code, list_csv, NULL) < 0 ? EXIT_FAIL : EXIT_OK;
	}
	kngg_day(t, NULL, l.today);
	if (kngg_signatures(t, code, list_text, &l) < 0)
		return EXIT_FAIL;
	if (l.n == 0)
		printf("%s: nog geen ondertekeningen\n", code);
	return EXIT_OK;
}

/* ---- show ------------------------------------------------------------------------ */

static void show_slot(const kngg_defs *defs, const kngg_signoff_slot *sl, size_t width,
		      const char *today)
{
	const kngg_signature *s = sl->latest;
	char label[512];

	slot_label(defs, sl, label, sizeof(label));
	printf("  ");
	print_padded(stdout, label, width + 2);
	if (!s) {
		printf("%s\n", sl->party->optional ? "niet getekend" : "ontbreekt");
		return;
	}
	{
		char *text = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&text, &len);

		if (!m) {
			printf("%s\n", s->decision);
			return;
		}
		fprintf(m, "%s door %s (", s->decision, signer_name(s));
		print_role_org(m, s);
		fprintf(m, ") op %s", s->date);
		if (s->valid_until) {
			char v[96];

			validity_text(s, today, v, sizeof(v));
			fprintf(m, ", %s", v);
		}
		if (s->region)
			fprintf(m, ", regionaal (regio %s)", s->region);
		fclose(m);
		print_wrapped_at(stdout, text, width + 4, width + 6); /* 80 columns */
		free(text);
	}
}

static int show(kngg_tracker *t, const char *code, const char *id, const char *area,
		const char *as_of)
{
	kngg_signoff_status *s = NULL;
	const kngg_signoff *def;
	size_t width = 0;
	char label[512], today[11];

	if (kngg_signoff_status_load(t, code, id, area, as_of, &s) < 0)
		return EXIT_FAIL;
	def = s->def;
	kngg_day(t, as_of, today);
	printf("%s %s%s%s (%s)%s%s\n", code, def->def.id, s->scope ? " in " : "",
	       s->scope ? s->scope : "",
	       def->decision == KNGG_DECISION_GO_NO_GO ? "go/no-go" : "akkoord",
	       as_of ? "; stand op " : "", as_of ? as_of : "");
	if (def->def.text)
		print_wrapped(stdout, def->def.text, 2, 0);
	printf("\nOndertekenaars\n");
	for (size_t i = 0; i < s->nslots; i++) {
		slot_label(kngg_tracker_defs(t), &s->slots[i], label, sizeof(label));
		if (utf8_width(label) > width)
			width = utf8_width(label);
	}
	for (size_t i = 0; i < s->nslots; i++)
		show_slot(kngg_tracker_defs(t), &s->slots[i], width, today);
	if (s->missing_set)
		printf("  ontbreekt: %s\n", s->missing_set);
	if (s->nslots == 0 && !s->missing_set)
		printf("  (geen)\n");
	if (s->complete && s->frozen)
		printf("Compleet: ja, sinds %s (met de partijen van %s; later is er iets veranderd)\n",
		       s->completed_on, s->set_on);
	else if (s->complete)
		printf("Compleet: ja%s%s\n", s->completed_on ? ", sinds " : "",
		       s->completed_on ? s->completed_on : "");
	else
		printf("Compleet: nee\n");
	if (s->prepared)
		printf("Partijen: gekozen (kngg signoff prepare)\n");
	for (size_t i = 0; i < s->nwarnings; i++) {
		/* part of the report asked for, not a warning about this run */
		printf("Waarschuwing: ");
		print_wrapped_at(stdout, s->warnings[i], 14, 14);
	}
	if (!s->complete) {
		char missing[2048];

		if (missing_text(kngg_tracker_defs(t), s, missing, sizeof(missing))) {
			printf("Ontbreekt: ");
			print_wrapped_at(stdout, missing, 11, 11);
		}
	}
	printf("\nGeschiedenis\n");
	for (size_t i = 0; i < s->nhistory; i++)
		print_signature(stdout, &s->history[i], 2, 0, today);
	if (s->nhistory == 0)
		printf("  nog niet getekend\n");
	kngg_signoff_status_free(s);
	return EXIT_OK;
}

/* ---- prepare ----------------------------------------------------------------------- */

static int prepare(kngg_tracker *t, const char *code, const char *id, const cli_multi *orgs,
		   const kngg_track_opts *o)
{
	kngg_signoff_status *s = NULL;
	int rc;

	if (kngg_signoff_prepare(t, code, id, orgs->items, orgs->n, o) < 0)
		return EXIT_FAIL;
	printf("%s: partijen voor %s%s%s gekozen:", code, id, o->area ? " in " : "",
	       o->area ? o->area : "");
	/* the choice is recorded; showing it is a courtesy */
	if ((rc = kngg_signoff_status_load(t, code, id, o->area, NULL, &s)) < 0) {
		printf("\n");
		return EXIT_FAIL;
	}
	for (size_t i = 0, n = 0; i < s->nslots; i++)
		if (s->slots[i].org)
			printf("%s %s", n++ ? "," : "", s->slots[i].org);
	printf("\n");
	print_state_line(kngg_tracker_defs(t), s);
	kngg_signoff_status_free(s);
	return EXIT_OK;
}

/* ---- dispatch ---------------------------------------------------------------------- */

struct signoff_opts {
	kngg_signoff_in in;
	kngg_track_opts o;
	cli_multi args, orgs;
	const char *format, *as_of, *region;
	cli_sheet_opts sheet;
};

static int signoff_list(kngg_cli *cli, const cli_call *call)
{
	const struct signoff_opts *a = call->opts;
	const char *format = a->format ? a->format : "text";
	kngg_tracker *t;
	int rc;

	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv"))
		return cli_usage("signoff", "onbekend formaat '%s' (text, json of csv)", format);
	if ((rc = cli_sheet_check("signoff", format, &a->sheet)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	return list(t, call->args[0], format, &a->sheet);
}

static int signoff_show(kngg_cli *cli, const cli_call *call)
{
	const struct signoff_opts *a = call->opts;
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	return show(t, call->args[0], call->args[1], a->o.area, a->as_of);
}

static int signoff_prepare(kngg_cli *cli, const cli_call *call)
{
	const struct signoff_opts *a = call->opts;
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	return prepare(t, call->args[0], call->args[1], &a->orgs, &a->o);
}

static int signoff_record(kngg_cli *cli, const cli_call *call)
{
	const struct signoff_opts *a = call->opts;
	kngg_signoff_in in = a->in;
	kngg_tracker *t;

	{
		static const char *const required[] = {"decision", "signer", "role", "org", "document"};
		const char *const values[] = {in.decision, in.signer, in.role, in.org, in.document};

		for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
			if (!values[i])
				return cli_usage("signoff", "--%s ontbreekt", required[i]);
	}
	in.arguments = a->args.items;
	in.narguments = a->args.n;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	return record(t, call->args[0], call->args[1], &in, &a->o);
}

struct region_out {
	char (*codes)[7];
	int64_t *ids;
	size_t n, cap;
};

static int region_member(void *ctx, const char *code, int64_t event_id)
{
	struct region_out *r = ctx;

	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 8;
		char (*c)[7] = realloc(r->codes, cap * sizeof(*c));
		int64_t *ids;

		if (c)
			r->codes = c;
		if (!c || !(ids = realloc(r->ids, cap * sizeof(*ids))))
			return 1; /* recorded; the list is only shown shorter */
		r->ids = ids;
		r->cap = cap;
	}
	snprintf(r->codes[r->n], sizeof(r->codes[r->n]), "%s", code);
	r->ids[r->n++] = event_id;
	return 0;
}

static int signoff_region(kngg_cli *cli, const cli_call *call)
{
	const struct signoff_opts *a = call->opts;
	kngg_signoff_in in = a->in;
	struct region_out r = {NULL, NULL, 0, 0};
	char ref[17];
	kngg_tracker *t;

	in.arguments = a->args.items;
	in.narguments = a->args.n;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_signoff_record_region(t, a->region, call->args[0], &in, &a->o, ref, region_member,
				       &r) < 0) {
		free(r.codes);
		free(r.ids);
		return EXIT_FAIL;
	}
	{
		char head[1024];

		snprintf(head, sizeof(head), "regio %s: %s getekend: %s door %s (%s), ref. %s",
			 a->region, call->args[0], in.decision, in.signer, in.org, ref);
		print_wrapped_at(stdout, head, 0, 2); /* 80 columns */
	}
	if (in.valid_until) {
		char nl[32];

		kngg_date_nl(in.valid_until, nl);
		printf("  geldig tot %s\n", nl);
	}
	for (size_t i = 0; i < r.n; i++)
		printf("  %s  #%lld\n", r.codes[i], (long long)r.ids[i]);
	free(r.codes);
	free(r.ids);
	return EXIT_OK;
}

#define S struct signoff_opts

/* What a signature records, for one municipality or for a region; only
 * who signs and for which organisation are explained differently. */
#define SIGNATURE_OPTS(signer_help, org_help)                                              \
	CLI_OPT_REQ(S, in.decision, "decision", "go|no-go|akkoord", "het besluit"),        \
	CLI_OPT_REQ(S, in.signer, "signer", "NAAM|ID", signer_help),                       \
	CLI_OPT_REQ(S, in.role, "role", "ROL", "in welke rol"),                            \
	CLI_ONCE_REQ(S, in.org, "org", "ORG", org_help),                                   \
	CLI_OPT_REQ(S, in.document, "document", "STUK", "het stuk dat is getekend"),       \
	CLI_MULTI_OPT(S, args, "argument", "TEKST", "een argument (een no-go vraagt er een)"), \
	CLI_OPT(S, in.as, "as", "ROL", "de rol die de ondertekening vraagt (mandaat)"),    \
	CLI_OPT(S, in.valid_until, "valid-until", "DATUM",                                 \
		"de laatste dag van de overeenkomst (1.6, 1.7, fase 3, 4.borging)")

static const cli_option record_opts[] = {
	SIGNATURE_OPTS("wie tekent: naam of nummer uit het register (kngg stakeholder list)",
		       "de organisatie waarvoor getekend wordt"),
	CLI_AREA_OPT(S, o.area),
	CLI_TRACK_OPTS(S, o),
	CLI_OPT_END,
};

static const cli_option region_opts[] = {
	CLI_OPT_REQ(S, region, "region", "REGIO", "teken voor elke gemeente van de regio"),
	SIGNATURE_OPTS("wie tekent: naam of nummer, in het register van elke gemeente",
		       "de regionale partner (in elk register)"),
	CLI_TRACK_OPTS(S, o),
	CLI_OPT_END,
};

static const cli_option list_opts[] = {
	CLI_FORMAT_OPT(S, format, "text|json|csv"),
	CLI_CSV_OPTS(S, sheet),
	CLI_OPT_END,
};

static const cli_option show_opts[] = {
	CLI_AREA_OPT(S, o.area),
	CLI_ASOF_OPT(S, as_of),
	CLI_OPT_END,
};

static const cli_option prepare_opts[] = {
	CLI_MULTI_OPT(S, orgs, "org", "ORG", "een organisatie die tekent (zonder: kngg stelt voor)"),
	CLI_AREA_OPT(S, o.area),
	CLI_TRACK_OPTS(S, o),
	CLI_OPT_END,
};

const cli_sub cmd_signoff_subs[] = {
	{NULL, NULL, "CODE ID", signoff_record, record_opts, sizeof(S),
	 "leg een ondertekening of besluit vast", NULL},
	{"list", NULL, "CODE", signoff_list, list_opts, sizeof(S),
	 "elke ondertekening die ooit is gegeven", NULL},
	{"show", NULL, "CODE ID", signoff_show, show_opts, sizeof(S),
	 "een punt: wie moet tekenen, wie tekende", NULL},
	{"prepare", NULL, "CODE ID", signoff_prepare, prepare_opts, sizeof(S),
	 "kies wie tekent bij een punt per organisatie", NULL},
	{NULL, "region", "ID", signoff_region, region_opts, sizeof(S),
	 "teken een keer voor alle gemeenten van een regio (regionale partner)",
	 "een ondertekening per gemeente van de regio, in een transactie: alle of geen"},
	CLI_SUB_END,
};
