/*
 * cmd_verify.c: `kngg verify`: recomputes the audit chain of the journal.
 */
#include "cli/cli.h"

int cmd_verify(kngg_cli *cli, int argc, char **argv)
{
	const cli_opt opts[] = {{NULL, 0, 0, NULL, NULL}};
	kngg_verify_result r;
	int npos, shown, rc;

	rc = cli_parse("verify", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 0)
		return cli_usage("verify", "gebruik: kngg verify (zonder argumenten)");
	if (!cli_tracker(cli))
		return EXIT_FAIL;
	rc = kngg_store_verify(cli->store, &r);
	if (rc == KNGG_EINVALID && r.bad_id)
		return cli_fail("keten verbroken bij gebeurtenis %lld: %s", (long long)r.bad_id,
				r.problem);
	if (rc == KNGG_EINVALID && r.problem[0])
		return cli_fail("keten verbroken: %s", r.problem);
	if (rc < 0)
		return EXIT_FAIL; /* the store said why */
	printf("keten in orde: %lld %s gecontroleerd", (long long)r.checked,
	       r.checked == 1 ? "gebeurtenis" : "gebeurtenissen");
	if (r.redacted > 0)
		printf(", %lld %s aangepast bij wissen", (long long)r.redacted,
		       r.redacted == 1 ? "notitie" : "notities");
	printf("\n");
	return EXIT_OK;
}
