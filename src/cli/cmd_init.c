/*
 * cmd_init.c: `kngg init`: create an empty database.
 */
#include "cli/cli.h"

static int init(kngg_cli *cli, const cli_call *call)
{
	kngg_tracker *t = NULL;
	const char *path = cli_db_path(cli);

	(void)call;
	if (kngg_tracker_open(&t, NULL, path, KNGG_TRACKER_CREATE, cli_print_diag, NULL) < 0)
		return EXIT_FAIL;
	kngg_tracker_close(t);
	printf("database '%s' aangemaakt; voeg een gemeente toe met 'kngg municipality add GM0479 Zaanstad'\n",
	       path);
	return EXIT_OK;
}

const cli_sub cmd_init_subs[] = {
	{NULL, NULL, "", init, NULL, 0, NULL, "kies het bestand met --db"},
	CLI_SUB_END,
};
