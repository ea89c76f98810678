/*
 * main.c: the global options, then the command (cli_dispatch, options.c).
 *
 *   kngg [--phases DIR] [--db FILE] COMMAND [ARGS]
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int take_value(int argc, char **argv, int *i, const char *name, const char **out)
{
	size_t len = strlen(name);

	if (strncmp(argv[*i], name, len) == 0 && argv[*i][len] == '=') {
		*out = argv[*i] + len + 1;
		return 1;
	}
	if (strcmp(argv[*i], name) != 0)
		return 0;
	if (*i + 1 >= argc) {
		*out = NULL;
		return -1;
	}
	*out = argv[++*i];
	return 1;
}

int main(int argc, char **argv)
{
	kngg_cli cli = {0};
	const char *v;
	int i, r, rc;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--version") == 0) {
			printf("kngg %s\n", KNGG_VERSION);
			return EXIT_OK;
		}
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_print_overview(stdout);
			return EXIT_OK;
		}
		if ((r = take_value(argc, argv, &i, "--phases", &v)) != 0) {
			if (r < 0 || !*v)
				return cli_usage(NULL, "--phases verwacht een map");
			cli.phases_dir = v;
		} else if ((r = take_value(argc, argv, &i, "--db", &v)) != 0) {
			if (r < 0 || !*v)
				return cli_usage(NULL, "--db verwacht een bestand");
			cli.db_path = v;
		} else {
			return cli_usage(NULL, "onbekende optie '%s'", argv[i]);
		}
	}
	if (i >= argc) {
		cli_print_overview(stdout);
		return EXIT_OK;
	}
	rc = cli_dispatch(&cli, argc - i, argv + i);
	cli_close(&cli);
	kngg_defs_free(cli.defs);
	return cli_finish(&cli, rc);
}
