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

int cmd_correct(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const char *reason = NULL;
	const cli_opt opts[] = {{"reason", 0, 1, &reason, NULL},
				{"date", 0, 1, &o.date, NULL},
				{"by", 0, 1, &o.by, NULL},
				{NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc;
	int64_t event_id = 0;

	rc = cli_parse("correct", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 2)
		return cli_usage("correct", "gebruik: kngg correct CODE GEBEURTENIS --reason TEKST");
	if ((rc = parse_event(argv[2], &event_id)) != EXIT_OK)
		return rc;
	if (!reason)
		return cli_usage("correct", "--reason ontbreekt: zeg waarom gebeurtenis %lld wordt "
					    "ingetrokken", (long long)event_id);
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_correct(t, argv[1], event_id, reason, &o) < 0)
		return EXIT_FAIL;
	printf("%s: gebeurtenis %lld ingetrokken\n", argv[1], (long long)event_id);
	return EXIT_OK;
}
