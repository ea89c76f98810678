/*
 * modules.h: the parts of kngg that a command loads only when it needs them.
 *
 * The `kngg` binary itself links the engine and what every command needs
 * (SQLite, libsodium, jansson): recording progress and reading it back start
 * fast. Two shared objects, installed beside it (built beside it in the
 * build tree), carry the heavy libraries:
 *
 *   kngg-xml.so  libxml2, libxslt, libzip: the definitions' XML loader
 *                (validate, --phases with other content), the XML export and
 *                the documents;
 *   kngg-web.so  libmicrohttpd: kngg serve (it links kngg-xml.so for the
 *                documents page).
 *
 * Each exports one table of entry points; the engine functions they call
 * resolve to the binary's own (it exports its symbols). Tests and fuzz
 * targets link the same code statically instead.
 */
#ifndef KNGG_MODULES_H
#define KNGG_MODULES_H

#include "kngg/defs.h"
#include "kngg/doc.h"
#include "kngg/plan.h"
#include "kngg/table.h"
#include "kngg/track.h"

#define KNGG_MODULE_ABI 1 /* raised when a table below changes */

typedef struct {
	int abi;
	int (*defs_load)(kngg_defs **out, const char *dir, kngg_diag_fn diag, void *ctx);
	int (*export_xml)(kngg_tracker *t, const char *code, const char *as_of, char **text);
	int (*doc_templates)(const char *dir, kngg_diag_fn diag, void *ctx, kngg_doc_template **out,
			     size_t *n);
	void (*doc_templates_free)(kngg_doc_template *list, size_t n);
	int (*doc_render)(kngg_tracker *t, const char *dir, const char *name, const char *code,
			  const kngg_doc_params *p, kngg_doc_format f, char **out, size_t *len);
} kngg_xml_module;

/* What `kngg serve` hands the web module. */
typedef struct web_config {
	const char *listen;        /* "127.0.0.1:8080", "[::1]:0", "0.0.0.0:8080" */
	const char *db_path;
	const char *templates_dir;
	const kngg_defs *defs;
	const char *today;         /* for tests (KNGG_TODAY), or NULL */
	int secure_cookie;         /* add Secure to the session cookie (behind TLS) */
	const char *public_host;   /* --host: the name a reverse proxy passes in Host, or NULL */
	int open_browser;          /* --open */
	int threads;               /* thread pool size */
} web_config;

typedef struct {
	int abi;
	int (*serve)(const struct web_config *cfg, kngg_diag_fn diag, void *ctx);
} kngg_web_module;

/* kngg-sheet.so: spreadsheets (kngg/table.h). xlsx_read reads the first
 * sheet of an .xlsx file held in data (len bytes); xlsx_write writes the
 * tables as the sheets of one workbook to path (atomically; force: replace
 * an existing file); xlsx_render does the same into memory (*out
 * malloc'd), for the web's download buttons. */
typedef struct {
	int abi;
	int (*xlsx_read)(const char *data, size_t len, const char *file, kngg_diag_fn diag,
			 void *ctx, kngg_table **out);
	int (*xlsx_write)(const kngg_table *const *tabs, size_t n, const char *path, int force,
			  kngg_diag_fn diag, void *ctx);
	int (*xlsx_render)(const kngg_table *const *tabs, size_t n, kngg_diag_fn diag, void *ctx,
			   char **out, size_t *len);
} kngg_sheet_module;

/* kngg-ical.so: calendars (libical). plan_ics writes the plan as an
 * iCalendar file into memory (*out malloc'd, *len bytes). */
typedef struct {
	int abi;
	int (*plan_ics)(const kngg_plan *p, char **out, size_t *len, kngg_diag_fn diag,
			void *ctx);
} kngg_ical_module;

/* The tables, by these names, in kngg-xml.so, kngg-web.so, kngg-sheet.so
 * and kngg-ical.so. */
extern const kngg_xml_module kngg_module_xml;
extern const kngg_web_module kngg_module_web;
extern const kngg_sheet_module kngg_module_sheet;
extern const kngg_ical_module kngg_module_ical;

#endif
