// Migration 1: the register's first schema (SPEC §3, §4, §10).
//
// Written as plain SQL on purpose: constraints (CHECK, UNIQUE, partial indexes, triggers) are the
// point of this file, and Kysely's schema builder cannot express all of them. Columns are
// snake_case; Kysely's CamelCasePlugin maps them to camelCase for TypeScript (db/schema.ts).
//
// Dates that are calendar days (joined_on, created_on, consent_on …) are ISO `yyyy-mm-dd` text;
// instants (created_at, audit `at`) are ISO 8601 UTC text. Both sort correctly as text.
import type { Migration } from './types.js';

const DAY = "GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'";
const E164 = "GLOB '+[1-9][0-9]*'";

export const migration001: Migration = {
  version: 1,
  name: 'initial register schema',
  up: `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE ranks (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  name_en    TEXT NOT NULL,
  name_hi    TEXT NOT NULL,
  -- JSON array of other accepted spellings (abbreviations, Hindi synonyms); matched case-insensitively.
  aliases    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
  -- 1 = highest rank. Reports list ranks in this order.
  sort_order INTEGER NOT NULL UNIQUE
) STRICT;

CREATE TABLE units (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
  name       TEXT NOT NULL CHECK (length(name) > 0),
  name_hi    TEXT,
  type       TEXT NOT NULL CHECK (type IN ('thana', 'op', 'district_centre', 'division', 'other')),
  parent_id  INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  division   TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- An OP always belongs to a thana (the service checks the parent's type).
  CHECK (type <> 'op' OR parent_id IS NOT NULL),
  CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE INDEX units_parent ON units(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX units_type ON units(type, code);

CREATE TABLE staff (
  id              INTEGER PRIMARY KEY,
  service_no      TEXT NOT NULL UNIQUE CHECK (length(service_no) BETWEEN 1 AND 64),
  name            TEXT NOT NULL CHECK (length(name) > 0),
  rank_id         INTEGER NOT NULL REFERENCES ranks(id) ON DELETE RESTRICT,
  gender          TEXT NOT NULL CHECK (gender IN ('F', 'M', 'X')),
  posting_unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  phone           TEXT CHECK (phone IS NULL OR phone ${E164}),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX staff_posting ON staff(posting_unit_id);
CREATE INDEX staff_rank_gender ON staff(rank_id, gender);
CREATE INDEX staff_name ON staff(name COLLATE NOCASE);

CREATE TABLE groups (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
  unit_id        INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  kind           TEXT NOT NULL CHECK (kind IN ('public', 'cyber_senani', 'staff', 'women_staff', 'division_staff')),
  name           TEXT NOT NULL CHECK (length(name) > 0),
  created_on     TEXT CHECK (created_on IS NULL OR created_on ${DAY}),
  admin_staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
  invite_link    TEXT CHECK (invite_link IS NULL OR invite_link GLOB 'https://chat.whatsapp.com/[A-Za-z0-9]*'),
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX groups_unit ON groups(unit_id, status, kind);

CREATE TABLE people (
  id          INTEGER PRIMARY KEY,
  -- NULL only after erasure (SPEC §10): the row stays so that counts and history are kept.
  phone       TEXT UNIQUE CHECK (phone IS NULL OR phone ${E164}),
  name        TEXT NOT NULL,
  locality    TEXT,
  occupation  TEXT,
  category    TEXT NOT NULL DEFAULT 'public' CHECK (category IN ('eminent', 'public')),
  consent_on  TEXT CHECK (consent_on IS NULL OR consent_on ${DAY}),
  consent_how TEXT,
  erased_at   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (erased_at IS NOT NULL OR phone IS NOT NULL)
) STRICT;
CREATE INDEX people_name ON people(name COLLATE NOCASE);
CREATE INDEX people_category ON people(category);
CREATE INDEX people_locality ON people(locality COLLATE NOCASE) WHERE locality IS NOT NULL;

CREATE TABLE memberships (
  id         INTEGER PRIMARY KEY,
  group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE RESTRICT,
  person_id  INTEGER REFERENCES people(id) ON DELETE RESTRICT,
  staff_id   INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
  joined_on  TEXT CHECK (joined_on IS NULL OR joined_on ${DAY}),
  left_on    TEXT CHECK (left_on IS NULL OR left_on ${DAY}),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Exactly one of citizen or staff member.
  CHECK ((person_id IS NULL) <> (staff_id IS NULL)),
  CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
) STRICT;
-- One active membership per member and group; history (left rows) may repeat.
CREATE UNIQUE INDEX memberships_active_person ON memberships(group_id, person_id)
  WHERE left_on IS NULL AND person_id IS NOT NULL;
CREATE UNIQUE INDEX memberships_active_staff ON memberships(group_id, staff_id)
  WHERE left_on IS NULL AND staff_id IS NOT NULL;
-- Compliance counts active members per group from this index alone; member filters scan it
-- instead of the table (it holds who the member is).
CREATE INDEX memberships_active_group ON memberships(group_id, staff_id, person_id) WHERE left_on IS NULL;
-- A person's / staff member's memberships; left_on included so "active only" needs no table read.
CREATE INDEX memberships_person ON memberships(person_id, left_on) WHERE person_id IS NOT NULL;
CREATE INDEX memberships_staff ON memberships(staff_id, left_on, group_id) WHERE staff_id IS NOT NULL;

CREATE TABLE policies (
  version     INTEGER PRIMARY KEY CHECK (version >= 1),
  document    TEXT NOT NULL CHECK (json_valid(document)),
  source      TEXT NOT NULL CHECK (source IN ('builtin', 'imported')),
  imported_at TEXT NOT NULL
) STRICT;

-- Append-only, hash-chained (db/audit.ts). Triggers stop casual edits through the app's own
-- connection; the hash chain is what catches edits made with other tools.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  operator  TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  before    TEXT CHECK (before IS NULL OR json_valid(before)),
  after     TEXT CHECK (after IS NULL OR json_valid(after)),
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash      TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
};
