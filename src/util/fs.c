/*
 * fs.c: file-system helpers for replacing files safely: following a
 * symlink to the file it names, syncing a directory after a rename, and
 * sweeping the temporary files of processes that were killed.
 */
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40 /* as the kernel's ELOOP limit */

int kngg_test_fault(const char *point)
{
	const char *list = getenv("KNGG_TEST_FAULT"), *p;
	size_t len = strlen(point);

	for (p = list; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
		if (strncmp(p, point, len) == 0 && (p[len] == ',' || p[len] == '\0'))
			return 1;
	return 0;
}

int kngg_path_resolve(const char *path, kngg_buf *out)
{
	kngg_buf cur = {0};
	struct stat sb;
	int hops = 0;

	kngg_buf_puts(&cur, path);
	while (!cur.failed && lstat(kngg_buf_cstr(&cur), &sb) == 0 && S_ISLNK(sb.st_mode)) {
		char target[PATH_MAX];
		ssize_t n = readlink(kngg_buf_cstr(&cur), target, sizeof(target) - 1);
		kngg_buf next = {0};
		const char *slash;

		if (n < 0 || ++hops > MAX_LINKS) {
			kngg_buf_free(&cur);
			return KNGG_EINVALID;
		}
		target[n] = '\0';
		slash = strrchr(kngg_buf_cstr(&cur), '/');
		/* a relative target is relative to the link's own directory */
		if (target[0] != '/' && slash)
			kngg_buf_put(&next, cur.ptr, (size_t)(slash - cur.ptr) + 1);
		kngg_buf_puts(&next, target);
		kngg_buf_free(&cur);
		cur = next;
	}
	if (cur.failed) {
		kngg_buf_free(&cur);
		return KNGG_ENOMEM;
	}
	*out = cur;
	return 0;
}

int kngg_fsync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	kngg_buf dir = {0};
	int fd, rc = 0;

	if (slash == path)
		kngg_buf_puts(&dir, "/");
	else if (slash)
		kngg_buf_put(&dir, path, (size_t)(slash - path));
	else
		kngg_buf_puts(&dir, ".");
	if (dir.failed)
		return KNGG_ENOMEM;
	fd = open(kngg_buf_cstr(&dir), O_RDONLY | O_DIRECTORY);
	if (fd < 0 || fsync(fd) < 0)
		rc = KNGG_EIO;
	if (fd >= 0)
		close(fd);
	kngg_buf_free(&dir);
	return rc;
}

/* The pid in name after prefix ("PID" ending the name or followed by
 * '.'), or 0. */
static long temp_owner(const char *name, const char *prefix)
{
	size_t len = strlen(prefix);
	char *end;
	long pid;

	if (strncmp(name, prefix, len) != 0 || name[len] < '1' || name[len] > '9')
		return 0;
	errno = 0;
	pid = strtol(name + len, &end, 10);
	if (errno || pid <= 0 || (*end && *end != '.'))
		return 0;
	return pid;
}

int kngg_sweep_temp(const char *path, const char *prefix, const char *const *suffixes)
{
	const char *slash = strrchr(path, '/');
	kngg_buf dir = {0}, victim = {0};
	struct dirent *de;
	DIR *d;
	int swept = 0;

	if (slash)
		kngg_buf_put(&dir, path, slash == path ? 1 : (size_t)(slash - path));
	else
		kngg_buf_puts(&dir, ".");
	if (dir.failed || !(d = opendir(kngg_buf_cstr(&dir)))) {
		kngg_buf_free(&dir);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		long pid = temp_owner(de->d_name, prefix);

		/* only files of processes that are gone: a live one may be
		 * writing (kill() with signal 0 asks without sending) */
		if (!pid || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		victim.len = 0;
		kngg_buf_printf(&victim, "%s/%s", kngg_buf_cstr(&dir), de->d_name);
		if (victim.failed)
			break;
		if (unlink(kngg_buf_cstr(&victim)) == 0)
			swept++;
		for (size_t i = 0; suffixes && suffixes[i]; i++) {
			size_t base = victim.len;

			kngg_buf_puts(&victim, suffixes[i]);
			unlink(kngg_buf_cstr(&victim));
			victim.len = base;
			victim.ptr[base] = '\0';
		}
	}
	closedir(d);
	kngg_buf_free(&victim);
	kngg_buf_free(&dir);
	return swept;
}
