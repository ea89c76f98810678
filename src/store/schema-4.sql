-- kngg database schema, migration 3 -> 4: accounts for the web interface.
--
-- An account lets a person log in to `kngg serve`. It is not part of any
-- municipality's journal: accounts are access, not progress. The password
-- is kept only as an Argon2id hash string (libsodium crypto_pwhash_str).
-- Removing an account deletes it (and its municipalities) outright.

CREATE TABLE account (
  name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
  role        TEXT NOT NULL CHECK (role IN ('lezer', 'projectleider', 'beheerder')),
  pwhash      TEXT NOT NULL CHECK (length(pwhash) BETWEEN 20 AND 200),
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE account_municipality (
  account       TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
  municipality  TEXT NOT NULL REFERENCES municipality(code),
  PRIMARY KEY (account, municipality)
) STRICT;
