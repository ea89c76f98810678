/*
 * cmd_validate.c: `kngg validate [DIR]`: the definitions against the schema
 * and the cross-file checks, one line per problem.
 */
#include "cli/cli.h"

static void print_diag(void *ctx, const char *msg)
{
	int *count = ctx;

	(*count)++;
	cli_message(msg, NULL);
}

static int validate(kngg_cli *cli, const cli_call *call)
{
	kngg_defs *defs = NULL;
	const char *dir;
	int rc, count = 0;

	dir = call->nargs == 1 ? call->args[0] : cli_phases_dir(cli);
	if (!cli_xml())
		return EXIT_FAIL;
	rc = cli_xml()->defs_load(&defs, dir, print_diag, &count);
	if (rc < 0) {
		if (count == 0)
			cli_fail("kan de definities in '%s' niet laden", dir);
		else if (rc == KNGG_EINVALID)
			printf("definities in '%s' zijn ongeldig: %d %s\n", dir, count,
			       count == 1 ? "fout" : "fouten");
		return EXIT_FAIL;
	}
	{
		size_t steps = 0;

		for (size_t i = 0; i < kngg_defs_phase_count(defs); i++)
			steps += kngg_defs_phase(defs, i)->nsteps;
		printf("definities in '%s' zijn geldig (versie %s: %zu fasen, %zu stappen en procesonderdelen)\n",
		       dir, kngg_defs_version(defs), kngg_defs_phase_count(defs), steps);
	}
	kngg_defs_free(defs);
	return EXIT_OK;
}

const cli_sub cmd_validate_subs[] = {
	{NULL, NULL, "[MAP]", validate, NULL, 0, NULL, NULL},
	CLI_SUB_END,
};
