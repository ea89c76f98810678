-- kngg database schema, migration 5 -> 6: one municipality's journal from
-- contiguous index pages.
--
-- A shared database interleaves the municipalities' events in recorded
-- order, so reading one municipality's journal through event_by_date
-- visited a table page for almost every event. event_journal holds the
-- columns the walks read, in (municipality, date, id) order: status,
-- readiness and the review of every municipality read it alone, in order,
-- with no table look-up and no sort. It replaces event_by_date; the file
-- grows by about the size of the journal.

DROP INDEX event_by_date;
CREATE INDEX event_journal ON event (municipality, date, id, kind, target, area_id,
  cycle_id, score, value, by_person, person_id, org_id, corrects, data, note,
  recorded_at, defs_version);
