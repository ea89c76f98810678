/*
 * cmd_funding.c: `kngg funding add|list|end`: the money that pays for the
 * local approach, exactly in cents, and when it stops (issue 18).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/json.h"
#include "kngg/export.h"
#include "kngg/funding.h"
#include "util/text.h"

#define CMD "funding"

struct funding_opts {
	kngg_track_opts o;
	kngg_funding_in in;
	const char *as_of, *format;
	cli_sheet_opts sheet;
	int wide;
};

static int funding_add(kngg_cli *cli, const cli_call *call)
{
	const struct funding_opts *op = call->opts;
	char **args = call->args;
	kngg_tracker *t;
	int64_t id = 0;
	char amount[40];
	int64_t cents;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_funding_add(t, args[0], &op->in, &op->o, &id) < 0)
		return EXIT_FAIL;
	kngg_amount_parse(op->in.amount, &cents, NULL);
	kngg_amount_nl(cents, amount);
	printf("%s: financiering %lld vastgelegd: '%s', %s%s\n", args[0], (long long)id,
	       op->in.source, amount, op->in.structural ? " (structureel)" : "");
	return EXIT_OK;
}

static int funding_end(kngg_cli *cli, const cli_call *call)
{
	const struct funding_opts *op = call->opts;
	char **args = call->args;
	kngg_tracker *t;
	int64_t id;
	int rc;

	if ((rc = cli_id(CMD, args[1], &id)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_funding_end(t, args[0], id, &op->o) < 0)
		return EXIT_FAIL;
	printf("%s: financiering %lld beëindigd\n", args[0], (long long)id);
	return EXIT_OK;
}

/* ---- list ------------------------------------------------------------------------ */

static void list_text(const kngg_funding_list *l, int wide)
{
	static const cli_column cols[] = {
		{"id", 0, 0, 1},       {"bron", 8, 0, 0},       {"bedrag", 0, 0, 1},
		{"van", 0, 0, 0},      {"tot en met", 0, 0, 0}, {"voor", 8, 0, 0},
		{"toelichting", 0, 1, 0},
	};
	enum { NCOLS = sizeof(cols) / sizeof(cols[0]) };
	const char **cells = calloc(l->n * NCOLS + 1, sizeof(*cells));
	char (*text)[4][48] = calloc(l->n + 1, sizeof(*text));
	char total[40], day[32];
	int early = 0;

	if (!cells || !text) {
		free(cells);
		free(text);
		cli_fail("onvoldoende geheugen");
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		const kngg_funding *f = &l->items[i];
		const char **row = &cells[i * NCOLS];
		char end[32];

		snprintf(text[i][0], sizeof(text[i][0]), "%lld", (long long)f->id);
		kngg_amount_nl(f->amount_cents, text[i][1]);
		kngg_date_short(f->from, text[i][2]);
		if (f->end) {
			kngg_date_short(f->end, end);
			snprintf(text[i][3], sizeof(text[i][3]), "%s%s", end, f->ended ? " *" : "");
			early |= f->ended != NULL;
		} else {
			snprintf(text[i][3], sizeof(text[i][3]), "structureel");
		}
		row[0] = text[i][0];
		row[1] = f->source;
		row[2] = text[i][1];
		row[3] = text[i][2];
		row[4] = text[i][3];
		row[5] = f->purpose ? f->purpose : "algemeen";
		row[6] = f->note;
	}
	print_table(stdout, cols, NCOLS, cells, l->n, 0, wide);
	if (early)
		printf("* eerder beëindigd\n");
	kngg_amount_nl(l->total_active_cents, total);
	kngg_date_nl(l->day, day);
	printf("\nlopend op %s: %s\n", day, total);
	free(cells);
	free(text);
}

static int funding_list(kngg_cli *cli, const cli_call *call)
{
	const struct funding_opts *op = call->opts;
	const char *format = op->format ? op->format : "text";
	char **args = call->args;
	kngg_funding_list *l = NULL;
	kngg_tracker *t;
	int rc = EXIT_OK;

	if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0 &&
	    strcmp(format, "json") != 0 && strcmp(format, "xlsx") != 0)
		return cli_usage(CMD, "onbekend formaat '%s' (text, csv, xlsx of json)", format);
	if ((rc = cli_sheet_check(CMD, format, &op->sheet)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_funding_load(t, args[0], op->as_of, &l) < 0)
		return EXIT_FAIL;
	if (format[0] == 'c' || format[0] == 'x') {
		kngg_table *tab = NULL;

		if (kngg_funding_table(l, &tab) < 0)
			rc = cli_fail("onvoldoende geheugen");
		else
			rc = cli_table_write(tab, format, &op->sheet);
		kngg_table_free(tab);
	} else if (format[0] == 'j') {
		json_t *j = kngg_funding_list_json(l);

		if (json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
			printf("\n");
		else
			rc = cli_fail("kan de JSON niet schrijven");
		json_decref(j);
	} else if (l->n == 0) {
		printf("%s: nog geen financiering vastgelegd\n", args[0]);
	} else {
		list_text(l, op->wide);
	}
	kngg_funding_list_free(l);
	return rc;
}

static const cli_option add_opts[] = {
	CLI_OPT_REQ(struct funding_opts, in.source, "source", "NAAM",
		    "waar het geld vandaan komt (SPUK 2025, gemeentebegroting)"),
	CLI_OPT_REQ(struct funding_opts, in.amount, "amount", "EURO",
		    "het bedrag: 45000, 45.000 of 45.000,50 (komma voor centen)"),
	CLI_OPT_REQ(struct funding_opts, in.from, "from", "DATUM", "de eerste dag"),
	CLI_OPT(struct funding_opts, in.until, "until", "DATUM",
		"de laatste dag (niet nodig bij --structural)"),
	CLI_FLAG_OPT(struct funding_opts, in.structural, "structural",
		     "structurele financiering, zonder voorzien einde"),
	CLI_OPT(struct funding_opts, in.purpose, "for", "ROL|ACTIVITEIT",
		"waarvoor: een rol (netwerkregisseur) of activiteit (1.2/a3)"),
	CLI_TRACK_OPTS(struct funding_opts, o),
	CLI_OPT_END,
};

static const cli_option end_opts[] = {
	CLI_OPT(struct funding_opts, o.date, "date", "DATUM",
		"de laatste dag van de financiering, standaard vandaag"),
	CLI_BY_OPT(struct funding_opts, o),
	CLI_OPT(struct funding_opts, o.note, "note", "TEKST", "een toelichting in het logboek"),
	CLI_OPT_END,
};

static const cli_option list_opts[] = {
	CLI_ASOF_OPT(struct funding_opts, as_of),
	CLI_FORMAT_OPT(struct funding_opts, format, "text|csv|xlsx|json"),
	CLI_SHEET_OPTS(struct funding_opts, sheet),
	CLI_FLAG_OPT(struct funding_opts, wide, "wide", "ook de toelichting, niets afgekort"),
	CLI_OPT_END,
};

const cli_sub cmd_funding_subs[] = {
	{"add", NULL, "CODE", funding_add, add_opts, sizeof(struct funding_opts),
	 "leg een financiering vast (bedrag, looptijd, waarvoor)", NULL},
	{"list", NULL, "CODE", funding_list, list_opts, sizeof(struct funding_opts),
	 "de financiering met bedragen en looptijd", NULL},
	{"end", NULL, "CODE ID", funding_end, end_opts, sizeof(struct funding_opts),
	 "beëindig een financiering eerder dan gepland", NULL},
	CLI_SUB_END,
};
