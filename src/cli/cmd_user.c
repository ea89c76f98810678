/*
 * cmd_user.c: accounts of the web interface.
 *   kngg user add NAAM --role lezer|projectleider|beheerder [--municipality CODE]...
 *   kngg user password NAAM
 *   kngg user remove NAAM
 *   kngg user list
 * The password is read from the terminal (twice, not shown) or, when
 * stdin is not a terminal, as the first line of stdin: never from argv,
 * where other users of the machine could see it.
 */
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/cli.h"
#include "kngg/account.h"

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
	printf("  (sinds %s)\n", a->created_at);
	return 0;
}

static int user_add(kngg_cli *cli, const char *name, const char *role_s, const cli_multi *codes)
{
	char password[KNGG_PASSWORD_MAX + 2];
	kngg_account_role role = kngg_account_role_parse(role_s);
	kngg_tracker *t;
	int rc;

	if (!role_s)
		return cli_usage("user", "geef de rol: --role lezer|projectleider|beheerder");
	if (!role)
		return cli_usage("user", "onbekende rol '%s' (kies lezer, projectleider of beheerder)",
				 role_s);
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if ((rc = read_password(password, sizeof(password))) != EXIT_OK)
		return rc;
	rc = kngg_account_add(t, name, role, password, codes->items, codes->n) < 0 ? EXIT_FAIL
										     : EXIT_OK;
	sodium_memzero(password, sizeof(password));
	if (rc == EXIT_OK)
		printf("account '%s' (%s) toegevoegd\n", name, role_s);
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

int cmd_user(kngg_cli *cli, int argc, char **argv)
{
	const char *role = NULL;
	cli_multi codes = {0};
	const cli_opt opts[] = {{"role", 0, 1, &role, NULL},
				CLI_MULTI_OPT("municipality", codes),
				{NULL, 0, 0, NULL, NULL}};
	const char *sub;
	kngg_tracker *t;
	int npos, shown, rc, count = 0;

	rc = cli_parse("user", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		goto done;
	sub = npos >= 1 ? argv[1] : "";
	if (strcmp(sub, "add") != 0 && (role || codes.n)) {
		rc = cli_usage("user", "--role en --municipality horen bij 'user add'");
	} else if (strcmp(sub, "add") == 0) {
		rc = npos != 2 ? cli_usage("user", "gebruik: kngg user add NAAM --role ROL [--municipality CODE]...")
			       : user_add(cli, argv[2], role, &codes);
	} else if (strcmp(sub, "password") == 0) {
		rc = npos != 2 ? cli_usage("user", "gebruik: kngg user password NAAM")
			       : user_password(cli, argv[2]);
	} else if (strcmp(sub, "remove") == 0) {
		if (npos != 2)
			rc = cli_usage("user", "gebruik: kngg user remove NAAM");
		else if (!(t = cli_tracker(cli)) || kngg_account_remove(t, argv[2]) < 0)
			rc = EXIT_FAIL;
		else
			printf("account '%s' verwijderd\n", argv[2]);
	} else if (strcmp(sub, "list") == 0) {
		if (npos != 1)
			rc = cli_usage("user", "gebruik: kngg user list");
		else if (!(t = cli_tracker(cli)) || kngg_accounts(t, print_account, &count) < 0)
			rc = EXIT_FAIL;
		else if (count == 0)
			printf("nog geen accounts: 'kngg serve' werkt dan alleen op deze computer, zonder "
			       "inloggen (maak er een met 'kngg user add NAAM --role beheerder')\n");
	} else {
		rc = cli_usage("user", "welke opdracht? add, password, remove of list");
	}
done:
	cli_multi_free(&codes);
	return rc;
}
