// Migration 5: one bundle, many deliveries (issue #11) and the crash windows of "Send to HQ"
// (issue #10, SPEC §10).
//
// A bundle is made once, into the register's own bundle store, and recorded in the outbox;
// each copy handed on (a folder or USB stick, an e-mail draft) is a delivery of that same
// bundle. A delivery is recorded as `pending` before the copy starts and `done` (or `failed`)
// after, so a crash in between is resolved on the next start instead of leaving a copy nobody
// knows about.
//
// Bundles written before this migration were delivered once, where the outbox says: that
// becomes their one `done` delivery.
import type { Migration } from './types.js';

export const migration005: Migration = {
  version: 5,
  name: 'bundle deliveries',
  up: `
CREATE TABLE bundle_deliveries (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  seq          INTEGER NOT NULL REFERENCES bundle_outbox(seq),
  target       TEXT NOT NULL CHECK (target IN ('folder', 'email')),
  -- The copied zip (folder) or the .eml draft (email).
  location     TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  delivered_by TEXT NOT NULL
) STRICT;
CREATE INDEX bundle_deliveries_seq ON bundle_deliveries(seq);
CREATE INDEX bundle_deliveries_pending ON bundle_deliveries(state) WHERE state = 'pending';

INSERT INTO bundle_deliveries (seq, target, location, state, started_at, finished_at, delivered_by)
SELECT seq, target, location, 'done', created_at, created_at, created_by FROM bundle_outbox ORDER BY seq;
`,
};
