-- kngg database schema, migration 2 -> 3: regions.
--
-- A region groups municipalities for a regional coordinator (one regional
-- projectleider, local variants). Joining is also a journal event of the
-- municipality (region.join), so its history shows it.

CREATE TABLE region (
  name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 200),
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE region_member (
  region        TEXT NOT NULL REFERENCES region(name),
  municipality  TEXT NOT NULL REFERENCES municipality(code),
  PRIMARY KEY (region, municipality)
) STRICT;
