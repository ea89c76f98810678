-- kngg database schema, migration 1 -> 2: stakeholders, sign-offs and the
-- audit chain.
--
-- Personal data lives only in `person` (name, function, e-mail, phone).
-- Events refer to persons by id, and the hash chain covers that id, never
-- the name: erasing a person (AVG) clears the personal columns and leaves
-- the chain intact. The free text of an event (value, data, note) enters
-- the chain through text_digest, so that an erase can redact a name from
-- it; a chained note.redact event then records the new digest. Kind-specific facts of an event (an assessment, a
-- sign-off's role and arguments) are in `data`, canonical JSON.

CREATE TABLE organisation (
  id            INTEGER PRIMARY KEY,
  municipality  TEXT NOT NULL REFERENCES municipality(code),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type          TEXT NOT NULL,              -- item of list organisatietypen
  created_at    TEXT NOT NULL,
  UNIQUE (municipality, name)
) STRICT;

CREATE TABLE person (
  id               INTEGER PRIMARY KEY,
  municipality     TEXT NOT NULL REFERENCES municipality(code),
  name             TEXT CHECK (length(name) BETWEEN 1 AND 200),  -- NULL once erased
  function         TEXT,
  email            TEXT,
  phone            TEXT,
  organisation_id  INTEGER REFERENCES organisation(id),
  level            TEXT,                    -- item of list niveaus
  created_at       TEXT NOT NULL,
  erased_at        TEXT,
  CHECK ((name IS NULL) = (erased_at IS NOT NULL))
) STRICT;

CREATE INDEX person_by_name ON person (municipality, name);

-- `by` becomes a reference to a person, so that it can be erased.
INSERT INTO person (municipality, name, created_at)
  SELECT municipality, by, min(date) FROM event WHERE by IS NOT NULL
  GROUP BY municipality, by;
ALTER TABLE event ADD COLUMN by_person INTEGER REFERENCES person(id);
UPDATE event SET by_person = (SELECT p.id FROM person p
                              WHERE p.municipality = event.municipality AND p.name = event.by)
  WHERE by IS NOT NULL;
ALTER TABLE event DROP COLUMN by;

ALTER TABLE event ADD COLUMN person_id INTEGER REFERENCES person(id);      -- whom it is about
ALTER TABLE event ADD COLUMN org_id INTEGER REFERENCES organisation(id);
ALTER TABLE event ADD COLUMN data TEXT;                                    -- canonical JSON
ALTER TABLE event ADD COLUMN corrects INTEGER REFERENCES event(id);        -- a correction
ALTER TABLE event ADD COLUMN text_digest BLOB;  -- SHA-256 of value, data and note, as first recorded
ALTER TABLE event ADD COLUMN hash BLOB;         -- SHA-256(previous hash || content)

CREATE INDEX event_corrections ON event (corrects) WHERE corrects IS NOT NULL;
CREATE INDEX event_by_person ON event (person_id) WHERE person_id IS NOT NULL;

-- The end of the chain: its last event and hash. Deleting the newest
-- events is thereby as visible as deleting older ones.
CREATE TABLE chain_head (
  one       INTEGER PRIMARY KEY CHECK (one = 1),
  event_id  INTEGER NOT NULL,
  hash      BLOB NOT NULL
) STRICT;
