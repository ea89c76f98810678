/*
 * mod_sheet.c: the entry points of kngg-sheet.so (see modules.h).
 */
#include "mod/modules.h"
#include "sheet/sheet.h"

const kngg_sheet_module kngg_module_sheet = {
	KNGG_MODULE_ABI, sheet_xlsx_read, sheet_xlsx_write, sheet_xlsx_render,
};
