/*
 * cmd_verify.c: `kngg verify [--anchor ID:HASH]`: checks the file, the audit
 * chain of the journal, its sealed head and the sealed rows, and prints an
 * anchor (the last event and its hash) to keep outside the database. With
 * --anchor, an anchor kept earlier must still be in the chain.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define ANCHOR_HEX 16 /* shown and required: 64 bits of the hash */

/* "74:1a2b3c4d5e6f7a8b": an event id and at least ANCHOR_HEX hex digits. */
static int parse_anchor(const char *s, int64_t *id, char *hex, size_t size)
{
	char *end;
	long long v;
	size_t n = 0;

	v = strtoll(s, &end, 10);
	if (v <= 0 || *end != ':')
		return -1;
	for (end++; end[n]; n++)
		if (!isxdigit((unsigned char)end[n]))
			return -1;
	if (n < ANCHOR_HEX || n >= size)
		return -1;
	for (size_t i = 0; i <= n; i++)
		hex[i] = (char)tolower((unsigned char)end[i]);
	*id = v;
	return 0;
}

static int check_anchor(kngg_tracker *t, const char *anchor)
{
	char want[65], have[65];
	int64_t id;
	int rc;

	if (parse_anchor(anchor, &id, want, sizeof(want)) < 0)
		return cli_usage("verify", "--anchor verwacht GEBEURTENIS:HASH zoals 'kngg verify' het "
					   "toont (minstens %d hexadecimale tekens), niet '%s'",
				 ANCHOR_HEX, anchor);
	rc = kngg_event_hash(t, id, have);
	if (rc == KNGG_ENOTFOUND)
		return cli_fail("ankerpunt %s ontbreekt: gebeurtenis %lld staat niet meer in de keten",
				anchor, (long long)id);
	if (rc < 0)
		return EXIT_FAIL;
	if (strncmp(have, want, strlen(want)) != 0)
		return cli_fail("ankerpunt %s klopt niet: de keten tot en met gebeurtenis %lld is sinds "
				"dat ankerpunt herschreven",
				anchor, (long long)id);
	return EXIT_OK;
}

struct verify_opts {
	const char *anchor;
};

static int verify(kngg_cli *cli, const cli_call *call)
{
	const char *anchor = ((const struct verify_opts *)call->opts)->anchor;
	kngg_verify_result r;
	int rc;

	if (!cli_tracker(cli))
		return EXIT_FAIL;
	rc = kngg_verify(cli->tracker, &r);
	if (rc == KNGG_EINVALID && r.damaged)
		return cli_fail("%s", r.problem);
	if (rc == KNGG_EINVALID && r.bad_id)
		return cli_fail("keten verbroken bij gebeurtenis %lld: %s", (long long)r.bad_id,
				r.problem);
	if (rc == KNGG_EINVALID && r.problem[0])
		return cli_fail("keten verbroken: %s", r.problem);
	if (rc < 0)
		return EXIT_FAIL; /* the store said why */
	if (anchor && (rc = check_anchor(cli->tracker, anchor)) != EXIT_OK)
		return rc;
	printf("keten in orde: %lld %s gecontroleerd", (long long)r.checked,
	       r.checked == 1 ? "gebeurtenis" : "gebeurtenissen");
	if (r.redacted > 0)
		printf(", %lld %s aangepast bij wissen", (long long)r.redacted,
		       r.redacted == 1 ? "notitie" : "notities");
	printf("\n");
	if (anchor)
		printf("ankerpunt %s staat ongewijzigd in de keten\n", anchor);
	if (r.head_id)
		printf("ankerpunt nu: %lld:%.*s (bewaar het buiten de database)\n",
		       (long long)r.head_id, ANCHOR_HEX, r.head_hex);
	return EXIT_OK;
}

static const cli_option verify_opts[] = {
	CLI_OPT(struct verify_opts, anchor, "anchor", "GEBEURTENIS:HASH",
		"een eerder getoond ankerpunt dat nog moet kloppen"),
	CLI_OPT_END,
};

const cli_sub cmd_verify_subs[] = {
	{NULL, NULL, "", verify, verify_opts, sizeof(struct verify_opts), NULL, NULL},
	CLI_SUB_END,
};
