/*
 * cmd_user.c: accounts of the web interface.
 *   kngg user add NAAM --role lezer|projectleider|beheerder [--municipality CODE]...
 *                 [--display-name NAAM] [--person CODE:PERSOON]...
 *   kngg user set NAAM [--display-name NAAM] [--person CODE:PERSOON]... [--unlink CODE]...
 *   kngg user password NAAM
 *   kngg user remove NAAM
 *   kngg user list
 * The password is read from the terminal (twice, not shown) or, when
 * stdin is not a terminal, as the first line of stdin: never from argv,
 * where other users of the machine could see it.
 *
 * --person links the account to a person of a municipality's register
 * (number or name, as in `stakeholder list`): what the account records on
 * the web is recorded as that person's. Without a link there, the web
 * refuses its writes for that municipality.
 */
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/cli.h"
#include "kngg/account.h"
#include "util/util.h"

/* Reads one line into buf without its newline; 0, or -1 at end of input
 * or when the line does not fit. */
static int read_line(FILE *f, char *buf, size_t size)
{
	size_t len;

	if (!fgets(buf, (int)size, f))
		return -1;
	len = strlen(buf);
	if (len && buf[len - 1] == '\n')
		buf[--len] = '\0';
	else if (!feof(f))
		return -1; /* longer than the buffer */
	if (len && buf[len - 1] == '\r')
		buf[--len] = '\0';
	return 0;
}

static int prompt(const char *question, char *buf, size_t size)
{
	struct termios old, quiet;
	int rc;

	fprintf(stderr, "%s", question);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &old) != 0)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	rc = read_line(stdin, buf, size);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	return rc;
}

/* The new password, from the terminal or stdin's first line. */
static int read_password(char *buf, size_t size)
{
	char again[KNGG_PASSWORD_MAX + 2];
	int rc;

	if (!isatty(STDIN_FILENO)) {
		if (read_line(stdin, buf, size) < 0)
			return cli_fail("geen wachtwoord op de invoer (de eerste regel, hoogstens %d tekens)",
					KNGG_PASSWORD_MAX);
		return EXIT_OK;
	}
	if (prompt("Nieuw wachtwoord: ", buf, size) < 0 ||
	    prompt("Nogmaals: ", again, sizeof(again)) < 0)
		return cli_fail("geen wachtwoord gelezen");
	rc = strcmp(buf, again) == 0 ? EXIT_OK : cli_fail("de wachtwoorden verschillen");
	sodium_memzero(again, sizeof(again));
	return rc;
}

static int print_account(void *ctx, const kngg_account *a)
{
	(*(int *)ctx)++;
	print_padded(stdout, a->name, 28);
	print_padded(stdout, kngg_account_role_name(a->role), 15);
	if (a->nmunicipalities == 0)
		fputs("alle gemeenten", stdout);
	for (size_t i = 0; i < a->nmunicipalities; i++)
		printf("%s%s", i ? " " : "", a->municipalities[i]);
	{
		char since[32], day[11];

		snprintf(day, sizeof(day), "%s", a->created_at ? a->created_at : "");
		kngg_date_nl(day, since);
		printf("  (sinds %s)\n", since);
	}
	if (a->display_name)
		printf("  weergavenaam: %s\n", a->display_name);
	for (size_t i = 0; i < a->nlinks; i++)
		printf("  %s: persoon %lld %s\n", a->links[i].code,
		       (long long)a->links[i].person_id,
		       a->links[i].person_name ? a->links[i].person_name : "(gewist)");
	return 0;
}

/* --person CODE:PERSOON and --unlink CODE into links, whose codes are
 * copied into codes (both malloc'd: the caller frees them); exit code 2
 * after a usage line when one is wrong. */
static int parse_links(const cli_multi *persons, const cli_multi *unlinks,
		       kngg_account_link_in **links, char (**codes)[8], size_t *n)
{
	size_t total = persons->n + (unlinks ? unlinks->n : 0);

	*n = 0;
	*codes = calloc(total ? total : 1, sizeof(**codes));
	if (!(*links = calloc(total ? total : 1, sizeof(**links))) || !*codes)
		return cli_fail("te weinig geheugen");
	for (size_t i = 0; i < persons->n; i++) {
		const char *colon = strchr(persons->items[i], ':');

		if (!colon || colon - persons->items[i] != 6 || !colon[1])
			return cli_usage("user", "--person '%s' klopt niet (verwacht CODE:PERSOON, bv. "
					 "GM0479:12 of GM0479:'Fleur de Vries')",
					 persons->items[i]);
		memcpy((*codes)[*n], persons->items[i], 6);
		(*links)[*n] = (kngg_account_link_in){(*codes)[*n], colon + 1};
		(*n)++;
	}
	for (size_t i = 0; unlinks && i < unlinks->n; i++)
		(*links)[(*n)++] = (kngg_account_link_in){unlinks->items[i], NULL};
	return EXIT_OK;
}

static int user_add(kngg_cli *cli, const char *name, const char *role_s, const cli_multi *codes,
		    const char *display_name, const cli_multi *persons)
{
	char password[KNGG_PASSWORD_MAX + 2];
	kngg_account_role role = kngg_account_role_parse(role_s);
	kngg_account_change change = {display_name, NULL, 0};
	kngg_account_link_in *links = NULL;
	char (*codes8)[8] = NULL;
	kngg_tracker *t;
	int rc;

	if (!role_s)
		return cli_usage("user", "geef de rol: --role lezer|projectleider|beheerder");
	if (!role)
		return cli_usage("user", "onbekende rol '%s' (kies lezer, projectleider of beheerder)",
				 role_s);
	if ((rc = parse_links(persons, NULL, &links, &codes8, &change.nlinks)) != EXIT_OK)
		goto done;
	change.links = links;
	rc = EXIT_FAIL;
	if (!(t = cli_tracker(cli)))
		goto done;
	if ((rc = read_password(password, sizeof(password))) != EXIT_OK)
		goto done;
	rc = kngg_account_add_ex(t, name, role, password, codes->items, codes->n, &change) < 0
		     ? EXIT_FAIL : EXIT_OK;
	sodium_memzero(password, sizeof(password));
	if (rc == EXIT_OK)
		printf("account '%s' (%s) toegevoegd\n", name, role_s);
done:
	free(links);
	free(codes8);
	return rc;
}

static int user_set(kngg_cli *cli, const char *name, const char *display_name,
		    const cli_multi *persons, const cli_multi *unlinks)
{
	kngg_account_change change = {display_name, NULL, 0};
	kngg_account_link_in *links = NULL;
	char (*codes8)[8] = NULL;
	kngg_tracker *t;
	int rc;

	if (!display_name && persons->n == 0 && unlinks->n == 0)
		return cli_usage("user", "geef --display-name, --person of --unlink");
	if ((rc = parse_links(persons, unlinks, &links, &codes8, &change.nlinks)) == EXIT_OK) {
		change.links = links;
		t = cli_tracker(cli);
		rc = t && kngg_account_update(t, name, &change) == 0 ? EXIT_OK : EXIT_FAIL;
	}
	free(links);
	free(codes8);
	if (rc == EXIT_OK)
		printf("account '%s' bijgewerkt\n", name);
	return rc;
}

static int user_password(kngg_cli *cli, const char *name)
{
	char password[KNGG_PASSWORD_MAX + 2];
	kngg_account *a = NULL;
	kngg_tracker *t;
	int rc;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if ((rc = kngg_account_get(t, name, &a)) == KNGG_ENOTFOUND)
		return cli_fail("geen account '%s'", name);
	kngg_account_free(a);
	if (rc < 0)
		return EXIT_FAIL;
	if ((rc = read_password(password, sizeof(password))) != EXIT_OK)
		return rc;
	rc = kngg_account_set_password(t, name, password) < 0 ? EXIT_FAIL : EXIT_OK;
	sodium_memzero(password, sizeof(password));
	if (rc == EXIT_OK)
		printf("wachtwoord van '%s' gewijzigd (wie met dit account is ingelogd in 'kngg serve', "
		       "moet opnieuw inloggen)\n", name);
	return rc;
}

struct user_opts {
	const char *role;
	cli_multi codes;
	const char *display_name;
	cli_multi persons;
	cli_multi unlinks;
};

static int add(kngg_cli *cli, const cli_call *call)
{
	const struct user_opts *a = call->opts;

	return user_add(cli, call->args[0], a->role, &a->codes, a->display_name, &a->persons);
}

static int set(kngg_cli *cli, const cli_call *call)
{
	const struct user_opts *a = call->opts;

	return user_set(cli, call->args[0], a->display_name, &a->persons, &a->unlinks);
}

static int password(kngg_cli *cli, const cli_call *call)
{
	return user_password(cli, call->args[0]);
}

static int remove_(kngg_cli *cli, const cli_call *call)
{
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)) || kngg_account_remove(t, call->args[0]) < 0)
		return EXIT_FAIL;
	printf("account '%s' verwijderd\n", call->args[0]);
	return EXIT_OK;
}

static int list(kngg_cli *cli, const cli_call *call)
{
	kngg_tracker *t;
	int count = 0;

	(void)call;
	if (!(t = cli_tracker(cli)) || kngg_accounts(t, print_account, &count) < 0)
		return EXIT_FAIL;
	if (count == 0)
		printf("nog geen accounts: 'kngg serve' werkt dan alleen op deze computer, zonder "
		       "inloggen (maak er een met 'kngg user add NAAM --role beheerder')\n");
	return EXIT_OK;
}

static const cli_option add_opts[] = {
	CLI_OPT_REQ(struct user_opts, role, "role", "lezer|projectleider|beheerder",
		    "wat het account mag"),
	CLI_MULTI_OPT(struct user_opts, codes, "municipality", "CODE",
		      "een gemeente die het account ziet (verplicht voor een projectleider)"),
	CLI_OPT(struct user_opts, display_name, "display-name", "NAAM",
		"de naam die de website toont (bij set: \"\" voor geen)"),
	CLI_MULTI_OPT(struct user_opts, persons, "person", "CODE:PERSOON",
		      "wie het account is in het register van die gemeente (nummer of naam): "
		      "wat het op de website vastlegt, staat op naam van die persoon"),
	CLI_OPT_END,
};

static const cli_option set_opts[] = {
	CLI_OPT(struct user_opts, display_name, "display-name", "NAAM",
		"de naam die de website toont (bij set: \"\" voor geen)"),
	CLI_MULTI_OPT(struct user_opts, persons, "person", "CODE:PERSOON",
		      "wie het account is in het register van die gemeente (nummer of naam): "
		      "wat het op de website vastlegt, staat op naam van die persoon"),
	CLI_MULTI_OPT(struct user_opts, unlinks, "unlink", "CODE",
		      "haal de koppeling in die gemeente weg"),
	CLI_OPT_END,
};

const cli_sub cmd_user_subs[] = {
	{"add", NULL, "NAAM", add, add_opts, sizeof(struct user_opts), "maak een account", NULL},
	{"set", NULL, "NAAM", set, set_opts, sizeof(struct user_opts),
	 "weergavenaam en koppeling aan personen uit het register", NULL},
	{"password", NULL, "NAAM", password, NULL, 0, "geef een account een nieuw wachtwoord",
	 NULL},
	{"remove", NULL, "NAAM", remove_, NULL, 0, "verwijder een account", NULL},
	{"list", NULL, "", list, NULL, 0, "alle accounts", NULL},
	CLI_SUB_END,
};
