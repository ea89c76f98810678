/*
 * defs_hash.c: the SHA-256 of a definitions directory (names and bytes of
 * its *.xml files, in name order): how kngg knows, by content and not by
 * date, that a directory holds exactly the definitions compiled into it.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "defs_internal.h"

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int kngg_defs_dir_hash(const char *dir, char hex[65])
{
	crypto_hash_sha256_state h;
	unsigned char digest[crypto_hash_sha256_BYTES];
	DIR *dh = opendir(dir);
	struct dirent *e;
	char **names = NULL, **grown;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (!dh)
		return KNGG_ENOTFOUND;
	while ((e = readdir(dh)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len < 5 || e->d_name[0] == '.' || strcmp(e->d_name + len - 4, ".xml") != 0)
			continue;
		if (n == cap) {
			if (!(grown = realloc(names, (cap = cap ? 2 * cap : 16) * sizeof(*names)))) {
				rc = KNGG_ENOMEM;
				break;
			}
			names = grown;
		}
		if (!(names[n] = strdup(e->d_name))) {
			rc = KNGG_ENOMEM;
			break;
		}
		n++;
	}
	closedir(dh);
	if (rc == 0 && n)
		qsort(names, n, sizeof(*names), cmp_names);
	crypto_hash_sha256_init(&h);
	for (size_t i = 0; i < n && rc == 0; i++) {
		kngg_buf path = {0};
		char *data = NULL;
		size_t len = 0;

		kngg_buf_printf(&path, "%s/%s", dir, names[i]);
		rc = path.failed ? KNGG_ENOMEM
				 : kngg_read_file_max(kngg_buf_cstr(&path), DEFS_MAX_FILE, NULL, NULL, &data, &len);
		kngg_buf_free(&path);
		if (rc < 0)
			break;
		crypto_hash_sha256_update(&h, (const unsigned char *)names[i], strlen(names[i]) + 1);
		crypto_hash_sha256_update(&h, (const unsigned char *)data, len);
		free(data);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (rc < 0)
		return rc;
	crypto_hash_sha256_final(&h, digest);
	sodium_bin2hex(hex, 65, digest, sizeof(digest));
	return n ? 0 : KNGG_ENOTFOUND;
}

