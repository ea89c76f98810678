/*
 * defs_builtin.c: the definitions compiled into kngg, and the check whether
 * a directory holds exactly those (then no XML needs to be read). No
 * libxml2 here: this is what an ordinary command links.
 */
#include <string.h>

#include "defs_internal.h"

const kngg_defs *kngg_defs_builtin(void)
{
	return &kngg_builtin_defs;
}

int kngg_defs_dir_is_builtin(const char *dir)
{
	char hex[65];

	return kngg_defs_dir_hash(dir, hex) == 0 && strcmp(hex, kngg_builtin_defs_hash) == 0;
}
