// Migration 2: the district's signing key and the bundle outbox (SPEC §7).
//
// The secret key is stored only sealed by a KeyProtector (electron/services/bundle/keys.ts):
// a passphrase (the minisign encrypted secret-key format) and/or the OS (Electron safeStorage).
// One key may carry both seals, so a register made in the app can also sign from the CLI.
//
// The outbox is the register's memory of what it sent to HQ: sequence numbers rise by one and
// each bundle names the previous bundle's tagmanifest hash. Triggers hold that chain even
// against a buggy caller, and make the outbox append-only like the audit log.
import type { Migration } from './types.js';

const hex64 = (col: string) => `${col} NOT GLOB '*[^0-9a-f]*' AND length(${col}) = 64`;

export const migration002: Migration = {
  version: 2,
  name: 'district keys and bundle outbox',
  up: `
CREATE TABLE district_keys (
  -- As minisign prints it: the 8-byte key number read little-endian, upper-case hex.
  key_id     TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16 AND key_id NOT GLOB '*[^0-9A-F]*'),
  -- The base64 line of the minisign .pub file: "Ed" || key number || 32-byte Ed25519 key.
  public_key TEXT NOT NULL UNIQUE CHECK (length(public_key) = 56),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  retired_at TEXT
) STRICT;
-- At most one key signs at a time.
CREATE UNIQUE INDEX district_keys_one_active ON district_keys((retired_at IS NULL)) WHERE retired_at IS NULL;

CREATE TABLE district_key_secrets (
  key_id     TEXT NOT NULL REFERENCES district_keys(key_id) ON DELETE CASCADE,
  protector  TEXT NOT NULL CHECK (protector IN ('passphrase', 'os')),
  -- Passphrase: a minisign encrypted secret-key file. OS: base64 of the OS-encrypted secret.
  sealed     TEXT NOT NULL CHECK (length(sealed) > 0),
  created_at TEXT NOT NULL,
  PRIMARY KEY (key_id, protector)
) STRICT;

CREATE TABLE bundle_outbox (
  seq                         INTEGER PRIMARY KEY CHECK (seq >= 1),
  created_at                  TEXT NOT NULL,
  created_by                  TEXT NOT NULL,
  uuid                        TEXT NOT NULL UNIQUE,
  file_name                   TEXT NOT NULL,
  bagging_date                TEXT NOT NULL,
  key_id                      TEXT NOT NULL REFERENCES district_keys(key_id),
  previous_tagmanifest_sha256 TEXT NOT NULL CHECK (${hex64('previous_tagmanifest_sha256')}),
  tagmanifest_sha256          TEXT NOT NULL UNIQUE CHECK (${hex64('tagmanifest_sha256')}),
  zip_sha256                  TEXT NOT NULL CHECK (${hex64('zip_sha256')}),
  zip_bytes                   INTEGER NOT NULL CHECK (zip_bytes > 0),
  with_members                INTEGER NOT NULL CHECK (with_members IN (0, 1)),
  target                      TEXT NOT NULL CHECK (target IN ('folder', 'email')),
  -- Where the zip was written (the clerk's folder, or the app's outbox folder for email).
  location                    TEXT NOT NULL,
  -- Headline figures for the outbox list (JSON), so listing never re-reads zips.
  figures                     TEXT NOT NULL CHECK (json_valid(figures))
) STRICT;

CREATE TRIGGER bundle_outbox_chain BEFORE INSERT ON bundle_outbox
WHEN NEW.seq <> COALESCE((SELECT MAX(seq) FROM bundle_outbox), 0) + 1
  OR NEW.previous_tagmanifest_sha256 <> COALESCE(
       (SELECT tagmanifest_sha256 FROM bundle_outbox WHERE seq = NEW.seq - 1),
       '${'0'.repeat(64)}')
BEGIN SELECT RAISE(ABORT, 'bundle_outbox: sequence or previous-tagmanifest chain broken'); END;
CREATE TRIGGER bundle_outbox_no_update BEFORE UPDATE ON bundle_outbox
BEGIN SELECT RAISE(ABORT, 'bundle_outbox is append-only'); END;
CREATE TRIGGER bundle_outbox_no_delete BEFORE DELETE ON bundle_outbox
BEGIN SELECT RAISE(ABORT, 'bundle_outbox is append-only'); END;
`,
};
