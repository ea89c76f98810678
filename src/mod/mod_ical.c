/*
 * mod_ical.c: the entry points of kngg-ical.so (see modules.h).
 */
#include "mod/modules.h"
#include "sheet/sheet.h"

const kngg_ical_module kngg_module_ical = {
	KNGG_MODULE_ABI, sheet_plan_ics,
};
