/*
 * cmd_handover.c: `kngg handover CODE --from ID --to ID --role ROL`
 * records the handover of a key role with the open items of the one who
 * leaves; `handover list CODE` and `handover show CODE ID` print them.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "kngg/handover.h"
#include "util/util.h"

#define CMD "handover"

struct handover_opts {
	kngg_track_opts o;
	const char *from, *to, *role, *as_of;
	cli_multi contacts;
};

static int handover_record(kngg_cli *cli, const cli_call *call)
{
	const struct handover_opts *op = call->opts;
	const char *code = call->args[0];
	kngg_handover_in in = {0};
	int64_t *contacts = NULL, id = 0;
	kngg_tracker *t;
	int rc;

	if (!op->role)
		return cli_usage(CMD, "--role ontbreekt: welke rol wordt overgedragen");
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if ((rc = cli_person(CMD, t, code, "--from", op->from, &in.from)) != EXIT_OK ||
	    (rc = cli_person(CMD, t, code, "--to", op->to, &in.to)) != EXIT_OK)
		return rc;
	if (op->contacts.n && !(contacts = calloc(op->contacts.n, sizeof(*contacts))))
		return cli_fail("onvoldoende geheugen");
	for (size_t i = 0; i < op->contacts.n; i++)
		if ((rc = cli_person(CMD, t, code, "--contact", op->contacts.items[i],
					      &contacts[i])) != EXIT_OK) {
			free(contacts);
			return rc;
		}
	in.role = op->role;
	in.document = op->o.document;
	in.contacts = contacts;
	in.ncontacts = op->contacts.n;
	rc = kngg_handover_record(t, code, &in, &op->o, &id);
	free(contacts);
	if (rc < 0)
		return EXIT_FAIL;
	printf("%s: overdracht %lld vastgelegd: rol %s van persoon %lld aan persoon %lld\n", code,
	       (long long)id, cli_list_id(kngg_tracker_defs(t), "rollen", op->role),
	       (long long)in.from, (long long)in.to);
	return EXIT_OK;
}

static const char *name_of(const char *name)
{
	return name ? name : "(gewist)";
}

/* One line of a list: number, date, role, who to whom, items. */
static void print_row(const kngg_handover *h)
{
	char nl[32], line[1024];

	kngg_date_nl(h->date, nl);
	snprintf(line, sizeof(line), "%lld: %s, %s van %lld %s aan %lld %s; %zu %s%s%s%s",
		 (long long)h->event_id, nl, h->role, (long long)h->from, name_of(h->from_name),
		 (long long)h->to, name_of(h->to_name), h->nitems,
		 h->nitems == 1 ? "punt" : "punten", h->document ? "; stuk: " : "",
		 h->document ? h->document : "", h->withdrawn ? " (ingetrokken)" : "");
	print_bullet(stdout, line, 0);
}

/* A label and its value, wrapped under the value. */
static void field(const char *label, const char *value)
{
	if (!value)
		return;
	printf("%-13s", label);
	print_wrapped_at(stdout, value, 13, 13);
}

static void print_full(const char *code, const kngg_handover *h)
{
	char nl[32], who[512];

	printf("Overdracht %lld in %s%s\n", (long long)h->event_id, code,
	       h->withdrawn ? " (ingetrokken)" : "");
	kngg_date_nl(h->date, nl);
	field("Datum:", nl);
	field("Rol:", h->role);
	snprintf(who, sizeof(who), "%lld %s", (long long)h->from, name_of(h->from_name));
	field("Van:", who);
	snprintf(who, sizeof(who), "%lld %s", (long long)h->to, name_of(h->to_name));
	field("Aan:", who);
	field("Stuk:", h->document ? h->document : "(geen)");
	field("Notitie:", h->note);
	field("Door:", h->by);
	if (h->withdrawn_on) {
		kngg_date_nl(h->withdrawn_on, nl);
		field("Ingetrokken:", nl);
	}
	printf("\nOvergedragen punten (%zu):\n", h->nitems);
	if (!h->nitems)
		printf("  geen open punten gevonden\n");
	for (size_t i = 0; i < h->nitems; i++)
		print_bullet(stdout, h->items[i].text, 2);
}

static int handover_list(kngg_cli *cli, const cli_call *call)
{
	const struct handover_opts *op = call->opts;
	const char *code = call->args[0];
	kngg_handovers *h = NULL;
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_handovers_load(t, code, op->as_of, &h) < 0)
		return EXIT_FAIL;
	if (!h->n)
		printf("%s: nog geen overdrachten vastgelegd\n", code);
	for (size_t i = 0; i < h->n; i++)
		print_row(&h->list[i]);
	kngg_handovers_free(h);
	return EXIT_OK;
}

static int handover_show(kngg_cli *cli, const cli_call *call)
{
	const struct handover_opts *op = call->opts;
	const char *code = call->args[0];
	const kngg_handover *one;
	kngg_handovers *h = NULL;
	kngg_tracker *t;
	int64_t id;
	int rc;

	if ((rc = cli_id(CMD, call->args[1], &id)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_handovers_load(t, code, op->as_of, &h) < 0)
		return EXIT_FAIL;
	if (!(one = kngg_handover_find(t, h, id))) {
		kngg_handovers_free(h);
		return EXIT_FAIL;
	}
	print_full(code, one);
	kngg_handovers_free(h);
	return EXIT_OK;
}

static const cli_option record_opts[] = {
	CLI_OPT_REQ(struct handover_opts, from, "from", "ID", "wie de rol overdraagt (nummer of naam)"),
	CLI_OPT_REQ(struct handover_opts, to, "to", "ID", "aan wie (nummer of naam)"),
	CLI_OPT_REQ(struct handover_opts, role, "role", "ROL", "de rol (lijst rollen)"),
	CLI_OPT(struct handover_opts, o.document, "document", "STUK",
		"het overdrachtsdocument: titel, nummer of link"),
	CLI_MULTI_OPT(struct handover_opts, contacts, "contact", "ID",
		      "een stakeholder die uitdrukkelijk wordt overgedragen"),
	CLI_TRACK_OPTS(struct handover_opts, o),
	CLI_OPT_END,
};

static const cli_option list_opts[] = {
	CLI_ASOF_OPT(struct handover_opts, as_of),
	CLI_OPT_END,
};

/* its own table: help lists an option once by comparing tables */
static const cli_option show_opts[] = {
	CLI_ASOF_OPT(struct handover_opts, as_of),
	CLI_OPT_END,
};

const cli_sub cmd_handover_subs[] = {
	{NULL, NULL, "CODE", handover_record, record_opts, sizeof(struct handover_opts),
	 "leg de overdracht van een rol vast, met de open punten", NULL},
	{"list", NULL, "CODE", handover_list, list_opts, sizeof(struct handover_opts),
	 "de vastgelegde overdrachten", NULL},
	{"show", NULL, "CODE ID", handover_show, show_opts, sizeof(struct handover_opts),
	 "een overdracht met de overgedragen punten", NULL},
	CLI_SUB_END,
};
