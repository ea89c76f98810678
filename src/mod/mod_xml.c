/*
 * mod_xml.c: the entry points of kngg-xml.so (see modules.h).
 */
#include "kngg/export.h"
#include "mod/modules.h"

const kngg_xml_module kngg_module_xml = {
	KNGG_MODULE_ABI,     kngg_defs_load,         kngg_export_xml,
	kngg_doc_templates, kngg_doc_templates_free, kngg_doc_render,
};
