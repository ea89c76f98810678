/*
 * cmd_person.c: the AVG rights of a person kngg holds:
 * `kngg person export ID [-o FILE] [--force]` (access: everything as JSON)
 * and `kngg person erase ID --reason TEXT` (erasure).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

/* A person number as shown by `kngg stakeholder list`. */
static int parse_person(const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno || v < 1)
		return cli_usage("person",
				 "'%s' is geen persoonsnummer; de nummers staan in 'kngg stakeholder list CODE'",
				 s);
	*out = v;
	return EXIT_OK;
}

static int exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Writes text to path atomically: a temporary file in the same directory,
 * flushed to disk, then renamed (or linked, which refuses an existing file,
 * when !force). The file is private (0600): it holds personal data. */
static int write_atomic(const char *path, const char *text, int force)
{
	size_t len = strlen(path), n = strlen(text);
	char *tmp = malloc(len + 8);
	FILE *f = NULL;
	int fd, rc = EXIT_FAIL;

	if (!tmp)
		return cli_fail("onvoldoende geheugen");
	memcpy(tmp, path, len);
	memcpy(tmp + len, ".XXXXXX", 8);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = cli_fail("kan geen bestand maken naast '%s': %s", path, strerror(errno));
		free(tmp);
		return rc;
	}
	if (!(f = fdopen(fd, "w"))) {
		close(fd);
		rc = cli_fail("kan '%s' niet schrijven: %s", tmp, strerror(errno));
		goto done;
	}
	if (fwrite(text, 1, n, f) != n || fputc('\n', f) == EOF || fflush(f) != 0 ||
	    fsync(fileno(f)) != 0) {
		rc = cli_fail("kan '%s' niet schrijven: %s", path, strerror(errno));
		goto done;
	}
	if (fclose(f) != 0) {
		f = NULL;
		rc = cli_fail("kan '%s' niet schrijven: %s", path, strerror(errno));
		goto done;
	}
	f = NULL;
	if (!force) {
		if (link(tmp, path) == 0) {
			rc = EXIT_OK;
			goto done;
		}
		if (errno == EEXIST) {
			rc = cli_fail("'%s' bestaat al; kies een andere naam of gebruik --force", path);
			goto done;
		}
		/* no hard links here (some file systems): check, then rename */
		if (exists(path)) {
			rc = cli_fail("'%s' bestaat al; kies een andere naam of gebruik --force", path);
			goto done;
		}
	}
	if (rename(tmp, path) != 0) {
		rc = cli_fail("kan '%s' niet schrijven: %s", path, strerror(errno));
		goto done;
	}
	free(tmp);
	return EXIT_OK;
done:
	if (f)
		fclose(f);
	unlink(tmp);
	free(tmp);
	return rc;
}

static int do_export(kngg_tracker *t, int64_t id, const char *out_path, int force)
{
	char *json = NULL;
	int rc;

	if (out_path && !force && exists(out_path))
		return cli_fail("'%s' bestaat al; kies een andere naam of gebruik --force", out_path);
	if (kngg_person_export(t, id, &json) < 0)
		return EXIT_FAIL;
	if (!out_path) {
		rc = fputs(json, stdout) == EOF || fputc('\n', stdout) == EOF
			     ? cli_fail("kan de uitvoer niet schrijven")
			     : EXIT_OK;
	} else {
		rc = write_atomic(out_path, json, force);
		if (rc == EXIT_OK)
			printf("persoon %lld geëxporteerd naar %s\n", (long long)id, out_path);
	}
	free(json);
	return rc;
}

static int do_erase(kngg_tracker *t, int64_t id, const char *reason, const kngg_track_opts *o)
{
	int redacted = 0;

	if (kngg_person_erase(t, id, reason, o, &redacted) < 0)
		return EXIT_FAIL;
	printf("persoon %lld gewist; %d %s aangepast\n", (long long)id, redacted,
	       redacted == 1 ? "notitie" : "notities");
	return EXIT_OK;
}

struct person_opts {
	kngg_track_opts o;
	const char *out_path, *reason;
	int force;
};

/* export and erase */
static int person(kngg_cli *cli, const cli_call *call)
{
	const struct person_opts *a = call->opts;
	const char *out_path = a->out_path, *reason = a->reason;
	int force = a->force;
	kngg_tracker *t;
	int rc, erase = strcmp(call->sub->name, "erase") == 0;
	int64_t id = 0;

	if ((rc = parse_person(call->args[0], &id)) != EXIT_OK)
		return rc;
	if (erase && !reason)
		return cli_usage("person", "--reason ontbreekt: zeg waarom persoon %lld wordt gewist",
				 (long long)id);
	if (!erase && out_path && !*out_path)
		return cli_usage("person", "-o verwacht een bestandsnaam");
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	return erase ? do_erase(t, id, reason, &a->o) : do_export(t, id, out_path, force);
}

static const cli_option export_opts[] = {
	CLI_OPT_SHORT(struct person_opts, out_path, "output", 'o', "BESTAND",
		      "schrijf naar BESTAND in plaats van stdout"),
	CLI_FLAG_OPT(struct person_opts, force, "force", "vervang een bestaand bestand"),
	CLI_OPT_END,
};

static const cli_option erase_opts[] = {
	CLI_OPT_REQ(struct person_opts, reason, "reason", "TEKST", "waarom de persoon wordt gewist"),
	CLI_DATE_OPT(struct person_opts, o),
	CLI_BY_OPT(struct person_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_person_subs[] = {
	{"export", NULL, "ID", person, export_opts, sizeof(struct person_opts),
	 "alles over een persoon als JSON (inzage)", NULL},
	{"erase", NULL, "ID", person, erase_opts, sizeof(struct person_opts),
	 "wis een persoon (met reden); de geschiedenis blijft", NULL},
	CLI_SUB_END,
};
