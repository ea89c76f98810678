/*
 * export_xml.c: the export as XML (the input of the document templates and
 * of `kngg export --format xml`): the same tree as the JSON, objects as
 * elements with their scalars as attributes, arrays as a list element with
 * one child per item. In the xml module: libxml2's writer does the
 * escaping.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/xmlwriter.h>

#include "kngg/track.h"
#include "kngg/export.h"

static const char *const item_names[][2] = {
	{"phases", "phase"},       {"runs", "run"},
	{"steps", "step"},         {"activities", "activity"},
	{"deliverables", "deliverable"}, {"signoffs", "signoff"},
	{"quickscan", "theme"},    {"organisations", "organisation"},
	{"stakeholders", "stakeholder"}, {"assessments", "assessment"},
	{"roles", "role"},         {"signatures", "signature"},
	{"arguments", "argument"}, {"factors", "factor"},
	{"sections", "section"},   {"rules", "rule"},
	{"warnings", "warning"},   {"checks", "check"},
	{"risks", "risk"},         {"slots", "slot"},
	{"missing", "rule"},       {"advice", "rule"},
	{"met", "rule"},
	{"members", "member"},
	{"grants", "grant"},
	{"plan", "planned"},
	{"handovers", "handover"},
	{NULL, NULL}};

static const char *item_name(const char *array)
{
	for (int i = 0; item_names[i][0]; i++)
		if (strcmp(item_names[i][0], array) == 0)
			return item_names[i][1];
	return "item";
}

static int write_scalar_attr(xmlTextWriterPtr w, const char *key, const json_t *v)
{
	char buf[32];
	const char *s = NULL;

	if (json_is_string(v))
		s = json_string_value(v);
	else if (json_is_integer(v))
		snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(v)), s = buf;
	else if (json_is_boolean(v))
		s = json_is_true(v) ? "true" : "false";
	if (!s)
		return 0; /* null: left out */
	return xmlTextWriterWriteAttribute(w, BAD_CAST key, BAD_CAST s) < 0 ? -1 : 0;
}

static int write_element(xmlTextWriterPtr w, const char *name, const json_t *o);

static int write_array(xmlTextWriterPtr w, const char *name, const json_t *a)
{
	const char *item = item_name(name);
	size_t i;
	json_t *v;

	if (xmlTextWriterStartElement(w, BAD_CAST name) < 0)
		return -1;
	json_array_foreach(a, i, v) {
		if (json_is_object(v)) {
			if (write_element(w, item, v) < 0)
				return -1;
		} else if (json_is_string(v)) {
			if (xmlTextWriterWriteElement(w, BAD_CAST item, BAD_CAST json_string_value(v)) < 0)
				return -1;
		}
	}
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int write_element(xmlTextWriterPtr w, const char *name, const json_t *o)
{
	const char *key;
	json_t *v;

	if (xmlTextWriterStartElement(w, BAD_CAST name) < 0)
		return -1;
	json_object_foreach((json_t *)o, key, v)
		if (!json_is_object(v) && !json_is_array(v) && write_scalar_attr(w, key, v) < 0)
			return -1;
	json_object_foreach((json_t *)o, key, v) {
		if (json_is_object(v) && write_element(w, key, v) < 0)
			return -1;
		if (json_is_array(v) && write_array(w, key, v) < 0)
			return -1;
	}
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static char *to_xml(const json_t *root)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	char *out = NULL;

	if (w && xmlTextWriterSetIndent(w, 1) == 0 &&
	    xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) >= 0 &&
	    write_element(w, "kngg-export", root) == 0 && xmlTextWriterEndDocument(w) >= 0) {
		xmlFreeTextWriter(w);
		w = NULL;
		out = strdup((const char *)xmlBufferContent(buf));
	}
	if (w)
		xmlFreeTextWriter(w);
	if (buf)
		xmlBufferFree(buf);
	return out;
}

int kngg_export_xml(kngg_tracker *t, const char *code, const char *as_of, char **text)
{
	json_t *root = NULL;
	int rc;

	*text = NULL;
	if ((rc = kngg_export_tree(t, code, as_of, &root)) < 0)
		return rc;
	*text = to_xml(root);
	json_decref(root);
	return *text ? 0 : KNGG_ENOMEM;
}
