/*
 * cmd_factor.c: `kngg factor CODE FACTOR --score N`: an essential-factor check.
 */
#include "cli/cli.h"

struct factor_opts {
	kngg_track_opts o;
	const char *score;
};

static int factor(kngg_cli *cli, const cli_call *call)
{
	const struct factor_opts *a = call->opts;
	kngg_tracker *t;
	int rc, score;

	if (!a->score)
		return cli_usage("factor", "--score ontbreekt");
	if (!cli_defs(cli))
		return EXIT_FAIL;
	if ((rc = cli_score("factor", a->score, kngg_defs_factor_scale(cli_defs(cli)), &score)) !=
	    EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_factor(t, call->args[0], call->args[1], score, &a->o) < 0)
		return EXIT_FAIL;
	printf("%s: factor %s gescoord: %d\n", call->args[0], call->args[1], score);
	return EXIT_OK;
}

static const cli_option factor_opts[] = {
	CLI_OPT_REQ(struct factor_opts, score, "score", "N", "de score op de schaal van de factor"),
	CLI_TRACK_OPTS(struct factor_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_factor_subs[] = {
	{NULL, NULL, "CODE FACTOR", factor, factor_opts, sizeof(struct factor_opts), NULL, NULL},
	CLI_SUB_END,
};
