/*
 * cmd_role.c: `kngg role assign|end|list`: project roles with their history.
 * A change of role holder is recorded (end the old, assign the new), never
 * overwritten.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "kngg/handover.h"

#define CMD "role"

struct role_opts {
	kngg_track_opts o;
	kngg_role_terms terms;
	const char *hours;
	int all;
	const char *handover_to; /* role end: record the handover too */
};

static int role_assign(kngg_cli *cli, const cli_call *call)
{
	const struct role_opts *op = call->opts;
	const kngg_track_opts o = op->o;
	kngg_role_terms terms = op->terms;
	const char *hours = op->hours;
	char **args = call->args;
	kngg_tracker *t;
	int64_t id;
	int rc;

	if ((rc = cli_id(CMD, args[1], &id)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	/* the engine reads --hours: its limits, its message */
	if ((hours && kngg_role_hours_parse(t, hours, &terms.hours) < 0) ||
	    kngg_role_assign(t, args[0], id, args[2], &terms, &o) < 0)
		return EXIT_FAIL;
	printf("%s: rol %s%s toegewezen aan stakeholder %lld\n", args[0], args[2],
	       terms.deputy ? " (plaatsvervanger)" : "", (long long)id);
	return EXIT_OK;
}

/* After a key role ended: a handover is expected, and how to record it
 * (stderr; the end is committed, nothing blocks). */
static void ask_handover(kngg_tracker *t, const char *code, int64_t id, const char *typed)
{
	const char *role = cli_list_id(kngg_tracker_defs(t), "rollen", typed);
	char msg[512], cmd[512];

	if (!kngg_role_is_key(role))
		return;
	snprintf(msg, sizeof(msg),
		 "let op: %s is een sleutelrol; leg de overdracht vast:", role);
	cli_message(msg, NULL);
	snprintf(cmd, sizeof(cmd), "kngg handover %s --from %lld --to ID --role %s --document STUK",
		 code, (long long)id, role);
	print_command(stderr, "kngg: let op:   ", cmd, 0);
}

/* role end --handover-to ID [--document D]: both in one transaction. */
static int role_end_handover(kngg_tracker *t, char **args, int64_t id,
			     const struct role_opts *op)
{
	kngg_handover_in in = {0};
	int64_t ev = 0;
	int rc;

	in.from = id;
	in.role = args[2];
	in.document = op->o.document;
	if ((rc = cli_person(CMD, t, args[0], "--handover-to", op->handover_to, &in.to)) != EXIT_OK)
		return rc;
	if (kngg_role_end_handover(t, args[0], &in, &op->o, &ev) < 0)
		return EXIT_FAIL;
	printf("%s: rol %s van stakeholder %lld beëindigd en overgedragen aan %lld "
	       "(overdracht %lld)\n", args[0], cli_list_id(kngg_tracker_defs(t), "rollen", args[2]),
	       (long long)id, (long long)in.to, (long long)ev);
	return EXIT_OK;
}

static int role_end(kngg_cli *cli, const cli_call *call)
{
	const struct role_opts *op = call->opts;
	char **args = call->args;
	kngg_tracker *t;
	int64_t id;
	int rc;

	if ((rc = cli_id(CMD, args[1], &id)) != EXIT_OK)
		return rc;
	if (op->o.document && !op->handover_to)
		return cli_usage(CMD, "--document hoort bij --handover-to (de overdracht)");
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (op->handover_to)
		return role_end_handover(t, args, id, op);
	if (kngg_role_end(t, args[0], id, args[2], &op->o) < 0)
		return EXIT_FAIL;
	printf("%s: rol %s van stakeholder %lld beëindigd\n", args[0], args[2], (long long)id);
	ask_handover(t, args[0], id, args[2]);
	return EXIT_OK;
}

/* ---- list ------------------------------------------------------------------ */

typedef struct {
	const kngg_stakeholder *who;
	const kngg_role_rec *rec;
	int order; /* position of the role in list rollen; unknown ones last */
} role_entry;

static int entry_cmp(const void *a, const void *b)
{
	const role_entry *x = a, *y = b;
	int c;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if ((c = strcmp(x->rec->role, y->rec->role)) != 0)
		return c;
	if ((c = strcmp(x->rec->from, y->rec->from)) != 0)
		return c;
	return x->rec->event_id < y->rec->event_id ? -1 : x->rec->event_id > y->rec->event_id;
}

/* The roles to show, sorted by role and start; *n receives the count. */
static role_entry *collect(const kngg_defs *defs, const kngg_register *r, int all, size_t *n)
{
	const kngg_list *roles = kngg_defs_list(defs, "rollen");
	role_entry *e;
	size_t cap = 0;

	*n = 0;
	for (size_t i = 0; i < r->npeople; i++)
		cap += r->people[i].nroles;
	if (!(e = calloc(cap ? cap : 1, sizeof(*e))))
		return NULL;
	for (size_t i = 0; i < r->npeople; i++) {
		for (size_t k = 0; k < r->people[i].nroles; k++) {
			const kngg_role_rec *rr = &r->people[i].roles[k];
			int order = roles ? kngg_list_index(roles, rr->role) : -1;

			if (rr->until && !all)
				continue;
			e[*n] = (role_entry){&r->people[i], rr, order < 0 ? INT_MAX : order};
			(*n)++;
		}
	}
	qsort(e, *n, sizeof(*e), entry_cmp);
	return e;
}

static void print_entries(const role_entry *e, size_t n)
{
	size_t width = 0;
	char who[512];

	for (size_t i = 0; i < n; i++) {
		const kngg_person *p = &e[i].who->person;
		size_t w;

		snprintf(who, sizeof(who), "%lld  %s%s", (long long)p->id,
			 p->name ? p->name : "(gewist)", e[i].rec->deputy ? " (plaatsvervanger)" : "");
		if ((w = utf8_width(who)) > width)
			width = w;
	}
	for (size_t i = 0; i < n; i++) {
		const kngg_person *p = &e[i].who->person;
		const kngg_role_rec *rr = e[i].rec;

		if (i == 0 || strcmp(rr->role, e[i - 1].rec->role) != 0)
			printf("%s\n", rr->role);
		snprintf(who, sizeof(who), "%lld  %s%s", (long long)p->id,
			 p->name ? p->name : "(gewist)", rr->deputy ? " (plaatsvervanger)" : "");
		printf("  ");
		print_padded(stdout, who, width + 2);
		if (rr->until)
			printf("%s → %s (beëindigd)\n", rr->from, rr->until);
		else
			printf("sinds %s\n", rr->from);
	}
}

static int role_list(kngg_cli *cli, const cli_call *call)
{
	const struct role_opts *op = call->opts;
	int all = op->all;
	char **args = call->args;
	kngg_register *r = NULL;
	kngg_tracker *t;
	role_entry *e;
	size_t n;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_register_load(t, args[0], NULL, &r) < 0)
		return EXIT_FAIL;
	if (!(e = collect(kngg_tracker_defs(t), r, all, &n))) {
		kngg_register_free(r);
		return cli_fail("onvoldoende geheugen");
	}
	if (n == 0)
		printf("%s: %s\n", args[0], all ? "nog geen rollen toegewezen" : "geen actieve rollen");
	else
		print_entries(e, n);
	free(e);
	kngg_register_free(r);
	return EXIT_OK;
}

static const cli_option assign_opts[] = {
	CLI_FLAG_OPT(struct role_opts, terms.deputy, "deputy", "als plaatsvervanger"),
	CLI_OPT(struct role_opts, hours, "hours", "N", "uren per week (1-80)"),
	CLI_OPT(struct role_opts, terms.contribution, "contribution", "TEKST",
		"wat iemand in die rol inbrengt"),
	CLI_TRACK_OPTS(struct role_opts, o),
	CLI_OPT_END,
};

static const cli_option end_opts[] = {
	CLI_OPT(struct role_opts, handover_to, "handover-to", "ID",
		"leg meteen de overdracht vast, aan wie (nummer of naam)"),
	CLI_OPT(struct role_opts, o.document, "document", "STUK",
		"met --handover-to: het overdrachtsdocument"),
	CLI_TRACK_OPTS(struct role_opts, o),
	CLI_OPT_END,
};

static const cli_option list_opts[] = {
	CLI_FLAG_OPT(struct role_opts, all, "all", "ook beëindigde rollen"),
	CLI_OPT_END,
};

const cli_sub cmd_role_subs[] = {
	{"assign", NULL, "CODE ID ROL", role_assign, assign_opts, sizeof(struct role_opts),
	 "wijs een stakeholder een rol toe", NULL},
	{"end", NULL, "CODE ID ROL", role_end, end_opts, sizeof(struct role_opts),
	 "beëindig een rol", NULL},
	{"list", NULL, "CODE", role_list, list_opts, sizeof(struct role_opts),
	 "wie welke rol heeft", NULL},
	CLI_SUB_END,
};
