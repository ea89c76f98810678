/*
 * json.h: small helpers for the commands' JSON output (jansson).
 */
#ifndef KNGG_CLI_JSON_H
#define KNGG_CLI_JSON_H

#include <jansson.h>

/* A JSON string, or null when s is NULL. */
static inline json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

#endif
