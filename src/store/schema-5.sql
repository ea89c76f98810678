-- kngg database schema, migration 4 -> 5: names covered by the audit chain,
-- and a sealed chain head.
--
-- The rows that events refer to by id (municipality, area, cycle,
-- organisation, person) are sealed: whenever kngg adds or changes one, the
-- event recorded in the same transaction carries, in `seal`, the digest of
-- the row as written ("person:17:<hex> ..."). `kngg verify` recomputes each
-- row's digest and compares it with the latest seal, so a name changed
-- outside kngg is found. A person's digest is salted with a random value
-- kept in the row; erasing the person clears the salt with the name, so an
-- old digest in the chain can no longer be tied to the name it covered.
-- The seal enters an event's chain hash only when present, so events of
-- older versions keep their hashes.
--
-- The head records the number of events and a seal over (id, count, hash)
-- that cannot be copied from the event table.

ALTER TABLE event ADD COLUMN seal TEXT;
ALTER TABLE person ADD COLUMN salt BLOB;
UPDATE person SET salt = randomblob(16) WHERE erased_at IS NULL;
ALTER TABLE chain_head ADD COLUMN count INTEGER;
ALTER TABLE chain_head ADD COLUMN seal BLOB;
