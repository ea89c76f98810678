/*
 * cmd_correct.c: `kngg correct CODE EVENT --reason TEXT`: withdraws a
 * recorded fact. Nothing is deleted; the correction is a new event.
 */
#include <errno.h>
#include <stdlib.h>

#include "cli/cli.h"

/* An event number as shown by `kngg log` ("12" or "#12"). */
static int parse_event(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (*s == '#')
		s++;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno || v < 1)
		return cli_usage("correct",
				 "'%s' is geen gebeurtenisnummer; de nummers staan in 'kngg log CODE'", s);
	*out = v;
	return EXIT_OK;
}

struct correct_opts {
	kngg_track_opts o;
	const char *reason;
};

static int correct(kngg_cli *cli, const cli_call *call)
{
	const struct correct_opts *a = call->opts;
	const char *reason = a->reason;
	char **args = call->args;
	kngg_tracker *t;
	int rc;
	int64_t event_id = 0;

	if ((rc = parse_event(args[1], &event_id)) != EXIT_OK)
		return rc;
	if (!reason)
		return cli_usage("correct", "--reason ontbreekt: zeg waarom gebeurtenis %lld wordt "
					    "ingetrokken", (long long)event_id);
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_correct(t, args[0], event_id, reason, &a->o) < 0)
		return EXIT_FAIL;
	printf("%s: gebeurtenis %lld ingetrokken\n", args[0], (long long)event_id);
	return EXIT_OK;
}

static const cli_option correct_opts[] = {
	CLI_OPT_REQ(struct correct_opts, reason, "reason", "TEKST", "waarom het wordt ingetrokken"),
	CLI_DATE_OPT(struct correct_opts, o),
	CLI_BY_OPT(struct correct_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_correct_subs[] = {
	{NULL, NULL, "CODE GEBEURTENIS", correct, correct_opts, sizeof(struct correct_opts), NULL,
	 NULL},
	CLI_SUB_END,
};
