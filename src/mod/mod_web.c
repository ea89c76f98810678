/*
 * mod_web.c: the entry point of kngg-web.so (see modules.h).
 */
#include "mod/modules.h"
#include "web/web.h"

const kngg_web_module kngg_module_web = {KNGG_MODULE_ABI, web_serve};
