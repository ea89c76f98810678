-- kngg database schema, migration 6 -> 7: who an account is.
--
-- An account gets a display name, and per municipality a link to the
-- person in that municipality's register who acts through it. A write made
-- on the web is recorded as that person's (event.by_person): the account
-- itself never becomes a stakeholder. Persons belong to one municipality,
-- so the link is per municipality, also for a beheerder, who may write
-- everywhere without being limited to municipalities (account_municipality).
-- Links are access, not progress: outside the journal, like the accounts.
--
-- An AVG erase clears a person's name (person.erased_at); the trigger then
-- drops every link to that person, so no account keeps pointing at it.

ALTER TABLE account ADD COLUMN display_name TEXT
  CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 200);

CREATE TABLE account_person (
  account       TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
  municipality  TEXT NOT NULL REFERENCES municipality(code),
  person_id     INTEGER NOT NULL REFERENCES person(id),
  PRIMARY KEY (account, municipality)
) STRICT;

CREATE INDEX account_person_by_person ON account_person (person_id);

CREATE TRIGGER account_person_erase AFTER UPDATE OF erased_at ON person
  WHEN NEW.erased_at IS NOT NULL
BEGIN
  DELETE FROM account_person WHERE person_id = NEW.id;
END;
