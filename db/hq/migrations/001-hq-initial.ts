// HQ migration 1: the HQ store (SPEC §8) — HQ's own key, the trust store (district → public
// keys), the bundles HQ accepted, the forks it refused, targets, and the policies it signed.
//
// Portable DDL on purpose (see db/README.md, "HQ store on PostgreSQL"): plain TEXT/INTEGER
// columns, natural primary keys (no rowid or AUTOINCREMENT), CHECKs without GLOB or json_valid,
// timestamps as ISO 8601 text. The same statements run on PostgreSQL as they are.
import type { Migration } from '../../migrations/types.js';

export const hqMigration001: Migration = {
  version: 1,
  name: 'hq store',
  up: `
CREATE TABLE hq_settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

CREATE TABLE hq_keys (
  key_id     TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16),
  public_key TEXT NOT NULL UNIQUE CHECK (length(public_key) = 56),
  -- A minisign encrypted secret-key file (passphrase): never the key in the clear.
  sealed     TEXT NOT NULL CHECK (length(sealed) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  retired_at TEXT
);

CREATE TABLE districts (
  code     TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 32),
  name     TEXT NOT NULL,
  name_hi  TEXT,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL
);

CREATE TABLE district_keys (
  key_id        TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16),
  district_code TEXT NOT NULL REFERENCES districts(code),
  public_key    TEXT NOT NULL UNIQUE CHECK (length(public_key) = 56),
  label         TEXT,
  added_at      TEXT NOT NULL,
  added_by      TEXT NOT NULL,
  -- yyyy-mm-dd: a bundle bagged on or after this day and signed by this key is refused.
  retired_from  TEXT CHECK (retired_from IS NULL OR length(retired_from) = 10),
  retired_at    TEXT,
  retired_by    TEXT
);
CREATE INDEX district_keys_district ON district_keys(district_code);

CREATE TABLE bundles (
  district_code               TEXT NOT NULL REFERENCES districts(code),
  sequence                    INTEGER NOT NULL CHECK (sequence >= 1),
  uuid                        TEXT NOT NULL UNIQUE,
  tagmanifest_sha256          TEXT NOT NULL UNIQUE CHECK (length(tagmanifest_sha256) = 64),
  previous_tagmanifest_sha256 TEXT NOT NULL CHECK (length(previous_tagmanifest_sha256) = 64),
  zip_sha256                  TEXT NOT NULL UNIQUE CHECK (length(zip_sha256) = 64),
  zip_bytes                   INTEGER NOT NULL CHECK (zip_bytes > 0),
  file_name                   TEXT NOT NULL,
  -- Where the zip is kept, relative to the evidence folder next to the HQ file.
  stored_as                   TEXT NOT NULL,
  key_id                      TEXT NOT NULL REFERENCES district_keys(key_id),
  bagging_date                TEXT NOT NULL,
  generated_at                TEXT NOT NULL,
  policy_version              INTEGER NOT NULL CHECK (policy_version >= 1),
  received_at                 TEXT NOT NULL,
  received_by                 TEXT NOT NULL,
  -- The span of the district's audit chain the bundle carried (data/audit-chain.json), if any.
  audit_from_count            INTEGER,
  audit_from_head             TEXT,
  audit_to_count              INTEGER,
  audit_to_head               TEXT,
  -- The district's summary figures as columns, so the state report sums without parsing JSON.
  units                       INTEGER NOT NULL,
  compliant                   INTEGER NOT NULL,
  short                       INTEGER NOT NULL,
  missing                     INTEGER NOT NULL,
  citizens                    INTEGER NOT NULL,
  memberships                 INTEGER NOT NULL,
  staff_total                 INTEGER NOT NULL,
  staff_covered               INTEGER NOT NULL,
  women_staff_total           INTEGER NOT NULL,
  women_staff_in_women_group  INTEGER NOT NULL,
  thanas                      INTEGER NOT NULL,
  thanas_compliant            INTEGER NOT NULL,
  women_groups                INTEGER NOT NULL,
  -- JSON text: the district's own summary block, and its units that are not compliant.
  summary                     TEXT NOT NULL,
  short_units                 TEXT NOT NULL,
  PRIMARY KEY (district_code, sequence)
);
CREATE INDEX bundles_received ON bundles(district_code, received_at);

-- Signed bundles HQ refused because they contradict what it holds (SPEC §8 fork): the district
-- is flagged until someone at HQ has looked into it.
CREATE TABLE forks (
  zip_sha256         TEXT PRIMARY KEY NOT NULL CHECK (length(zip_sha256) = 64),
  district_code      TEXT NOT NULL REFERENCES districts(code),
  sequence           INTEGER NOT NULL,
  tagmanifest_sha256 TEXT NOT NULL,
  file_name          TEXT NOT NULL,
  detail             TEXT NOT NULL,
  message            TEXT NOT NULL,
  detected_at        TEXT NOT NULL,
  cleared_at         TEXT,
  cleared_by         TEXT
);
CREATE INDEX forks_district ON forks(district_code);

CREATE TABLE policies (
  version    INTEGER PRIMARY KEY NOT NULL CHECK (version >= 1),
  document   TEXT NOT NULL,
  key_id     TEXT NOT NULL REFERENCES hq_keys(key_id),
  signed_at  TEXT NOT NULL,
  signed_by  TEXT NOT NULL
);
`,
};
