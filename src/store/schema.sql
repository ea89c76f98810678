-- kngg database schema, version 1 (PRAGMA user_version = 1).
-- application_id 0x4B4E4747 ('KNGG') stamps the file as a kngg database.
--
-- The journal (event) is the history: every change is one appended row,
-- never updated or deleted. Municipalities, areas and cycles are the
-- things events refer to; the state of steps is derived from the journal.

CREATE TABLE municipality (
  code        TEXT PRIMARY KEY CHECK (code GLOB 'GM[0-9][0-9][0-9][0-9]'),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at  TEXT NOT NULL
) STRICT;

-- Phase 2 repeats per area (wijk) and target group.
CREATE TABLE area (
  id            INTEGER PRIMARY KEY,
  municipality  TEXT NOT NULL REFERENCES municipality(code),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  target_group  TEXT,
  created_at    TEXT NOT NULL,
  UNIQUE (municipality, name)
) STRICT;

-- Phases 3 and 4 run in numbered cycles.
CREATE TABLE cycle (
  id            INTEGER PRIMARY KEY,
  municipality  TEXT NOT NULL REFERENCES municipality(code),
  phase         INTEGER NOT NULL CHECK (phase IN (3, 4)),
  number        INTEGER NOT NULL CHECK (number >= 1),
  started       TEXT NOT NULL,
  UNIQUE (municipality, phase, number)
) STRICT;

CREATE TABLE event (
  id            INTEGER PRIMARY KEY,
  recorded_at   TEXT NOT NULL,              -- UTC, YYYY-MM-DDTHH:MM:SSZ
  date          TEXT NOT NULL,              -- effective date, YYYY-MM-DD
  municipality  TEXT NOT NULL REFERENCES municipality(code),
  kind          TEXT NOT NULL,              -- e.g. step.done, see store.h
  target        TEXT,                       -- step, activity, factor, theme id...
  area_id       INTEGER REFERENCES area(id),
  cycle_id      INTEGER REFERENCES cycle(id),
  score         INTEGER,
  value         TEXT,                       -- new name, document, declared phase...
  by            TEXT,
  note          TEXT,
  defs_version  TEXT NOT NULL
) STRICT;

CREATE INDEX event_by_target ON event (municipality, target, date, id);
CREATE INDEX event_by_date ON event (municipality, date, id);
