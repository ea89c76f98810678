/*
 * cmd_serve.c: `kngg serve [--listen ADRES:POORT] [--open] [--secure-cookie]
 * [--host NAAM] [--threads N] [--templates MAP]`: the web interface over the same
 * database and engine (src/web/).
 */
#include <string.h>

#include "cli/cli.h"

struct serve_opts {
	const char *listen, *threads, *templates, *host;
	int open, secure;
};

static int serve(kngg_cli *cli, const cli_call *call)
{
	const struct serve_opts *a = call->opts;
	const char *listen = a->listen ? a->listen : "127.0.0.1:8080", *threads_s = a->threads,
		   *templates = a->templates, *host = a->host;
	int open_browser = a->open, secure = a->secure, threads = 4;
	web_config cfg = {0};
	kngg_tracker *t;

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
	cfg.defs = kngg_tracker_defs(t);
	cfg.today = kngg_tracker_today(t);
	cfg.secure_cookie = secure;
	cfg.public_host = host;
	cfg.open_browser = open_browser;
	cfg.threads = threads;
	/* the CLI's own connection is not needed while serving */
	kngg_tracker_close(cli->tracker);
	cli->tracker = NULL;
	return cli_web()->serve(&cfg, cli_print_diag, NULL) < 0 ? EXIT_FAIL : EXIT_OK;
}

static const cli_option serve_opts[] = {
	CLI_OPT(struct serve_opts, listen, "listen", "ADRES:POORT",
		"waar kngg luistert (standaard 127.0.0.1:8080)"),
	CLI_FLAG_OPT(struct serve_opts, open, "open", "open de browser"),
	CLI_FLAG_OPT(struct serve_opts, secure, "secure-cookie", "sessiecookie alleen over HTTPS"),
	CLI_OPT(struct serve_opts, host, "host", "NAAM", "de naam achter een reverse proxy"),
	CLI_OPT(struct serve_opts, threads, "threads", "N", "aantal threads (1-64, standaard 4)"),
	CLI_OPT(struct serve_opts, templates, "templates", "MAP", "de sjablonen voor stukken"),
	CLI_OPT_END,
};

const cli_sub cmd_serve_subs[] = {
	{NULL, NULL, "", serve, serve_opts, sizeof(struct serve_opts), NULL, NULL},
	CLI_SUB_END,
};
