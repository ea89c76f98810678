/*
 * cmd_init.c: `kngg init`: create an empty database.
 */
#include "cli/cli.h"

int cmd_init(kngg_cli *cli, int argc, char **argv)
{
	kngg_store *st = NULL;
	const char *path = cli_db_path(cli);
	int npos, shown, rc;

	rc = cli_parse("init", argc, argv, (const cli_opt[]){{NULL, 0, 0, NULL, NULL}}, &npos,
		       &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos)
		return cli_usage("init", "'init' verwacht geen argumenten; kies het bestand met --db");
	if (kngg_store_open(&st, path, KNGG_STORE_CREATE, cli_print_diag, NULL) < 0)
		return EXIT_FAIL;
	kngg_store_close(st);
	printf("database '%s' aangemaakt; voeg een gemeente toe met 'kngg municipality add GM0479 Zaanstad'\n",
	       path);
	return EXIT_OK;
}
