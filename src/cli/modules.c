/*
 * modules.c: loading kngg-xml.so and kngg-web.so when a command needs them
 * (see src/mod/modules.h): first beside the running binary, then where
 * `cmake --install` puts them. Loaded once; never unloaded.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "mod/modules.h"

/* The table called symbol in file, or NULL after one line on stderr. */
static const void *load(const char *file, const char *symbol)
{
	char exe[PATH_MAX], path[PATH_MAX + 64];
	const char *dirs[2] = {NULL, KNGG_INSTALLED_MODULES};
	const char *why = "niet gevonden";
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dirs[0] = exe;
		}
	}
	for (int i = 0; i < 2; i++) {
		void *h, *table;

		if (!dirs[i])
			continue;
		snprintf(path, sizeof(path), "%s/%s", dirs[i], file);
		if (access(path, F_OK) != 0)
			continue;
		if (!(h = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
			why = dlerror();
			continue;
		}
		if ((table = dlsym(h, symbol)) != NULL &&
		    *(const int *)table == KNGG_MODULE_ABI)
			return table;
		why = table ? "andere versie dan dit programma" : "onvolledig";
	}
	cli_fail("kan onderdeel %s niet laden (%s); installeer kngg opnieuw, met %s naast het "
		 "programma of in %s", file, why ? why : "onbekende fout", file, KNGG_INSTALLED_MODULES);
	return NULL;
}

const kngg_xml_module *cli_xml(void)
{
	static const kngg_xml_module *m;

	if (!m)
		m = load("kngg-xml.so", "kngg_module_xml");
	return m;
}

const kngg_web_module *cli_web(void)
{
	static const kngg_web_module *m;

	if (!m)
		m = load("kngg-web.so", "kngg_module_web");
	return m;
}

const kngg_sheet_module *cli_sheet(void)
{
	static const kngg_sheet_module *m;

	if (!m)
		m = load("kngg-sheet.so", "kngg_module_sheet");
	return m;
}

const kngg_ical_module *cli_ical(void)
{
	static const kngg_ical_module *m;

	if (!m)
		m = load("kngg-ical.so", "kngg_module_ical");
	return m;
}
