// Migration 7: codes unique without regard to case, units that can be closed, and merges that
// can be undone (issue #11).
//
// Case-insensitive uniqueness. A clerk who types `acc-t3` beside `ACC-T3` makes a second thana
// by mistake. A UNIQUE index on `code COLLATE NOCASE` would make this migration fail on every
// register that already holds such a pair, and a migration may not drop or rename the clerk's
// rows on its own. So the rule is kept by triggers instead: no new row, and no changed code, may
// equal another row's code ignoring case; pairs that already exist stay readable and are listed
// for the clerk to merge (db/case-duplicates.ts, `samooh codes`, the units page's notice). Once
// they are merged the rule holds everywhere. The NOCASE indexes make the triggers' look-up and
// the listing an index search (a 2,60,000-row import writes only units and groups through them).
// SQLite's NOCASE folds ASCII letters only, which is all a code may hold (contract/domain.ts).
//
// Units get a status like groups: a unit made by mistake that is referred to (groups, staff,
// OPs) cannot be deleted; it is closed (it leaves the compliance report) or merged into another.
//
// `merges` remembers what each merge moved, so that Undo moves exactly those rows back.
import type { Migration } from './types.js';

const caseRule = (table: 'units' | 'groups', what: string) => `
CREATE INDEX ${table}_code_nocase ON ${table}(code COLLATE NOCASE);
CREATE TRIGGER ${table}_code_nocase_insert BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE code = NEW.code COLLATE NOCASE)
BEGIN SELECT RAISE(ABORT, 'CODE_CASE_DUPLICATE: this ${what} code is already used (ignoring case)'); END;
CREATE TRIGGER ${table}_code_nocase_update BEFORE UPDATE OF code ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE code = NEW.code COLLATE NOCASE AND id <> NEW.id)
BEGIN SELECT RAISE(ABORT, 'CODE_CASE_DUPLICATE: this ${what} code is already used (ignoring case)'); END;`;

export const migration007: Migration = {
  version: 7,
  name: 'case-insensitive codes, unit status, merges',
  up: `
${caseRule('units', 'unit')}
${caseRule('groups', 'group')}

ALTER TABLE units ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed'));

CREATE TABLE merges (
  id          INTEGER PRIMARY KEY,
  entity      TEXT NOT NULL CHECK (entity IN ('unit', 'group')),
  from_id     INTEGER NOT NULL,
  into_id     INTEGER NOT NULL,
  -- What moved, by row id: {"groups":[…],"staff":[…],"children":[…],"memberships":[…],"closedGroups":[…]}.
  moved       TEXT NOT NULL CHECK (json_valid(moved)),
  -- The merged record's status before the merge (a merge closes it; Undo restores this).
  from_status TEXT NOT NULL CHECK (from_status IN ('active', 'closed')),
  at          TEXT NOT NULL,
  operator    TEXT NOT NULL,
  undone_at   TEXT,
  CHECK (from_id <> into_id)
) STRICT;
CREATE INDEX merges_from ON merges(entity, from_id);
`,
};
