/*
 * ical_write.c: the plan as an iCalendar file (RFC 5545) through libical,
 * for Outlook and other calendars to import or subscribe to: one all-day
 * event per planned step. The UID is stable per municipality, step and
 * area or cycle; SEQUENCE counts the changes of that plan, so that a
 * calendar replaces the event rather than adding a second one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "kngg/plan.h"
#include "sheet/sheet.h"
#include "util/text.h"
#include "util/util.h"

/* "Poelenburg-Oost" -> "poelenburg-oost": lowercase letters, digits, '-'. */
static void uid_part(kngg_buf *b, const char *s)
{
	kngg_buf f = {0};
	int dash = 0;

	kngg_fold(s, &f);
	for (const char *p = kngg_buf_cstr(&f); *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			if (dash)
				kngg_buf_put(b, "-", 1);
			kngg_buf_put(b, p, 1);
			dash = 0;
		} else {
			dash = b->len > 0;
		}
	}
	kngg_buf_free(&f);
}

/* YYYY-MM-DD -> an iCalendar DATE (is_date), or DATE-TIME at midnight UTC. */
static struct icaltimetype ical_day(const char *iso, int datetime)
{
	char s[17];

	snprintf(s, sizeof(s), "%.4s%.2s%.2s%s", iso, iso + 5, iso + 8,
		 datetime ? "T000000Z" : "");
	return icaltime_from_string(s);
}

static icalcomponent *plan_event(const kngg_plan *p, const kngg_plan_item *it)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	struct icaltimetype end = ical_day(it->due, 0);
	kngg_buf uid = {0}, sum = {0}, desc = {0};
	char nl[32];

	kngg_buf_printf(&uid, "%s-%s", p->code, it->step->def.id);
	if (it->area) {
		kngg_buf_put(&uid, "-", 1);
		uid_part(&uid, it->area);
	} else if (it->cycle) {
		kngg_buf_printf(&uid, "-cyclus%d", it->cycle);
	}
	kngg_buf_puts(&uid, "@kngg");
	kngg_buf_printf(&sum, "%s: stap %s af", p->name ? p->name : p->code, it->step->def.id);
	if (it->area)
		kngg_buf_printf(&sum, " in %s", it->area);
	else if (it->cycle)
		kngg_buf_printf(&sum, " (cyclus %d)", it->cycle);
	kngg_buf_printf(&sum, " – %s", it->step->def.title);
	kngg_date_nl(it->planned_on, nl);
	kngg_buf_printf(&desc, "Kind naar Gezonder Gewicht, %s (%s), fase %d: stap %s, %s.",
			p->name ? p->name : p->code, p->code, it->phase, it->step->def.id,
			it->step->def.title);
	if (it->note)
		kngg_buf_printf(&desc, "\n%s", it->note);
	kngg_buf_printf(&desc, "\nGepland op %s%s%s.", nl, it->by ? " door " : "",
			it->by ? it->by : "");
	icaltime_adjust(&end, 1, 0, 0, 0);
	icalcomponent_add_property(ev, icalproperty_new_uid(kngg_buf_cstr(&uid)));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(ical_day(it->planned_on, 1)));
	icalcomponent_add_property(ev, icalproperty_new_sequence(it->sequence));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(ical_day(it->due, 0)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(end));
	icalcomponent_add_property(ev, icalproperty_new_summary(kngg_buf_cstr(&sum)));
	icalcomponent_add_property(ev, icalproperty_new_description(kngg_buf_cstr(&desc)));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	kngg_buf_free(&uid);
	kngg_buf_free(&sum);
	kngg_buf_free(&desc);
	return ev;
}

int sheet_plan_ics(const kngg_plan *p, char **out, size_t *len, kngg_diag_fn diag, void *ctx)
{
	icalcomponent *cal;
	icalproperty *name;
	kngg_buf calname = {0};
	char *text;

	*out = NULL;
	*len = 0;
	cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
				  icalproperty_new_prodid("-//kngg//planning//NL"),
				  icalproperty_new_method(ICAL_METHOD_PUBLISH), (void *)0);
	if (!cal) {
		kngg_diagf(diag, ctx, "kan de agenda niet maken (libical)");
		return KNGG_ENOMEM;
	}
	kngg_buf_printf(&calname, "KNGG-planning %s (%s)", p->name ? p->name : p->code, p->code);
	name = icalproperty_new_x(kngg_buf_cstr(&calname));
	icalproperty_set_x_name(name, "X-WR-CALNAME");
	icalcomponent_add_property(cal, name);
	kngg_buf_free(&calname);
	for (size_t i = 0; i < p->nitems; i++)
		icalcomponent_add_component(cal, plan_event(p, &p->items[i]));
	text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!text) {
		kngg_diagf(diag, ctx, "kan de agenda niet schrijven (libical)");
		return KNGG_ENOMEM;
	}
	*len = strlen(text);
	*out = malloc(*len + 1);
	if (*out)
		memcpy(*out, text, *len + 1);
	icalmemory_free_buffer(text);
	if (!*out) {
		kngg_diagf(diag, ctx, "onvoldoende geheugen");
		return KNGG_ENOMEM;
	}
	return 0;
}
