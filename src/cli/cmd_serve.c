/*
 * cmd_serve.c: `kngg serve [--listen ADRES:POORT] [--open] [--secure-cookie]
 * [--host NAAM] [--threads N] [--templates MAP]`: the web interface over the same
 * database and engine (src/web/).
 */
#include <string.h>

#include "cli/cli.h"
#include "web/web.h"

int cmd_serve(kngg_cli *cli, int argc, char **argv)
{
	const char *listen = "127.0.0.1:8080", *threads_s = NULL, *templates = NULL, *host = NULL;
	int open_browser = 0, secure = 0, threads = 4;
	const cli_opt opts[] = {{"listen", 0, 1, &listen, NULL},
				{"open", 0, 0, NULL, &open_browser},
				{"secure-cookie", 0, 0, NULL, &secure},
				{"threads", 0, 1, &threads_s, NULL},
				{"templates", 0, 1, &templates, NULL},
				{"host", 0, 1, &host, NULL},
				{NULL, 0, 0, NULL, NULL}};
	web_config cfg = {0};
	kngg_tracker *t;
	int npos, shown, rc;

	rc = cli_parse("serve", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 0)
		return cli_usage("serve", "'serve' heeft geen argumenten, alleen opties");
	if (threads_s && cli_int("serve", "--threads", threads_s, 1, 64, &threads) != EXIT_OK)
		return EXIT_USAGE;
	if (host && (!*host || strlen(host) > 253 ||
		     strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") !=
			     strlen(host)))
		return cli_usage("serve", "--host verwacht een hostnaam zoals kngg.gemeente.nl (zonder "
					  "https:// of poort), niet '%s'",
				 host);
	/* loads the definitions and checks (and migrates) the database once */
	if (!cli_web() || !(t = cli_tracker(cli)))
		return EXIT_FAIL;
	cfg.listen = listen;
	cfg.db_path = cli_db_path(cli);
	cfg.templates_dir = cli_data_dir(templates, "KNGG_TEMPLATES", KNGG_INSTALLED_TEMPLATES,
					 KNGG_SOURCE_TEMPLATES);
	cfg.defs = t->defs;
	cfg.today = t->today;
	cfg.secure_cookie = secure;
	cfg.public_host = host;
	cfg.open_browser = open_browser;
	cfg.threads = threads;
	/* the CLI's own connection is not needed while serving */
	kngg_store_close(cli->store);
	cli->store = NULL;
	t->store = NULL;
	return cli_web()->serve(&cfg, cli_print_diag, NULL) < 0 ? EXIT_FAIL : EXIT_OK;
}
