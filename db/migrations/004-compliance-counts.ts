// Migration 4: active-member counts per group, kept by triggers, for the compliance report
// (SPEC §4; issue #7: the report at state size from scratch in ≤ 100 ms).
//
// A group's eminent/public split and its staff split by rank and gender need each member's
// category, rank or gender. Joining 3,50,000 active memberships to people and staff row by row
// cost 50–70 ms per split, more than half the report's budget, and no index can hold another
// table's column. So the splits are counted as rows are written:
//
//   group_citizen_counts  (group_id, category)        → active citizen memberships
//   group_staff_counts    (group_id, rank_id, gender) → active staff memberships
//
// Invariant (tests/integration/compliance/counts.test.ts checks it against a recount after
// inserts, leaves, moves, category/rank changes, erasure, imports and rollbacks): each table
// equals the GROUP BY over active memberships joined to people/staff, and holds no row with
// n = 0. A group's status and kind are not part of the key: closed groups keep their figures.
//
// The triggers do a rowid look-up and an upsert into a small table per membership written; an
// import writes memberships in bulk and pays that (register-io bench: write phase vs raw insert).
// An update that changes neither the member, the group nor whether the row is active (a new
// joined_on, a correction of left_on) fires nothing. Counts key on the member's *current*
// category/rank/gender, so changing those moves the member's active memberships between keys.
// Erasure (db/people.ts anonymisePerson) keeps the category: counts are kept, as SPEC §10 asks.
//
// REPLACE conflict resolution would delete rows without firing the delete trigger (recursive
// triggers are off); no code writes these tables with it, and none may.
import type { Migration } from './types.js';

/** `moved`: the row now names another member or group. */
const MOVED =
  '(new.group_id IS NOT old.group_id OR new.person_id IS NOT old.person_id OR new.staff_id IS NOT old.staff_id)';

/** Count `r` (new or old) once more in its bucket. */
const countIn = (r: 'new' | 'old') => `
  INSERT INTO group_citizen_counts (group_id, category, n)
    SELECT ${r}.group_id, category, 1 FROM people WHERE id = ${r}.person_id
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO group_staff_counts (group_id, rank_id, gender, n)
    SELECT ${r}.group_id, rank_id, gender, 1 FROM staff WHERE id = ${r}.staff_id
    ON CONFLICT DO UPDATE SET n = n + 1;`;

/** Count `r` once less, and drop a bucket that reaches zero. */
const countOut = (r: 'new' | 'old') => `
  UPDATE group_citizen_counts SET n = n - 1
    WHERE group_id = ${r}.group_id AND category = (SELECT category FROM people WHERE id = ${r}.person_id);
  UPDATE group_staff_counts SET n = n - 1
    WHERE (group_id, rank_id, gender) = (SELECT ${r}.group_id, rank_id, gender FROM staff WHERE id = ${r}.staff_id);
  DELETE FROM group_citizen_counts WHERE group_id = ${r}.group_id AND n = 0;
  DELETE FROM group_staff_counts WHERE group_id = ${r}.group_id AND n = 0;`;

export const migration004: Migration = {
  version: 4,
  name: 'compliance counts',
  up: `
CREATE TABLE group_citizen_counts (
  group_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (group_id, category)
) STRICT, WITHOUT ROWID;

CREATE TABLE group_staff_counts (
  group_id INTEGER NOT NULL,
  rank_id  INTEGER NOT NULL,
  gender   TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (group_id, rank_id, gender)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER group_counts_membership_insert AFTER INSERT ON memberships
WHEN new.left_on IS NULL
BEGIN ${countIn('new')}
END;

CREATE TRIGGER group_counts_membership_delete AFTER DELETE ON memberships
WHEN old.left_on IS NULL
BEGIN ${countOut('old')}
END;

-- An update is a leave or a move of an active row (old side) and/or a rejoin or a move into an
-- active row (new side). The two sides are independent, so their firing order does not matter.
CREATE TRIGGER group_counts_membership_update_old AFTER UPDATE OF group_id, person_id, staff_id, left_on ON memberships
WHEN old.left_on IS NULL AND (new.left_on IS NOT NULL OR ${MOVED})
BEGIN ${countOut('old')}
END;

CREATE TRIGGER group_counts_membership_update_new AFTER UPDATE OF group_id, person_id, staff_id, left_on ON memberships
WHEN new.left_on IS NULL AND (old.left_on IS NOT NULL OR ${MOVED})
BEGIN ${countIn('new')}
END;

-- A person's new category moves each of their active memberships (one per group at most, by
-- memberships_active_person) from the old bucket to the new one.
CREATE TRIGGER group_counts_person_category AFTER UPDATE OF category ON people
WHEN new.category IS NOT old.category
BEGIN
  UPDATE group_citizen_counts SET n = n - 1
    WHERE category = old.category
      AND group_id IN (SELECT group_id FROM memberships WHERE person_id = new.id AND left_on IS NULL);
  DELETE FROM group_citizen_counts
    WHERE category = old.category AND n = 0
      AND group_id IN (SELECT group_id FROM memberships WHERE person_id = new.id AND left_on IS NULL);
  INSERT INTO group_citizen_counts (group_id, category, n)
    SELECT group_id, new.category, 1 FROM memberships WHERE person_id = new.id AND left_on IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER group_counts_staff_rank_gender AFTER UPDATE OF rank_id, gender ON staff
WHEN new.rank_id IS NOT old.rank_id OR new.gender IS NOT old.gender
BEGIN
  UPDATE group_staff_counts SET n = n - 1
    WHERE rank_id = old.rank_id AND gender = old.gender
      AND group_id IN (SELECT group_id FROM memberships WHERE staff_id = new.id AND left_on IS NULL);
  DELETE FROM group_staff_counts
    WHERE rank_id = old.rank_id AND gender = old.gender AND n = 0
      AND group_id IN (SELECT group_id FROM memberships WHERE staff_id = new.id AND left_on IS NULL);
  INSERT INTO group_staff_counts (group_id, rank_id, gender, n)
    SELECT group_id, new.rank_id, new.gender, 1 FROM memberships WHERE staff_id = new.id AND left_on IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Registers made before this migration: count what is already there.
INSERT INTO group_citizen_counts (group_id, category, n)
  SELECT m.group_id, p.category, count(*) FROM memberships m JOIN people p ON p.id = m.person_id
  WHERE m.left_on IS NULL GROUP BY m.group_id, p.category;
INSERT INTO group_staff_counts (group_id, rank_id, gender, n)
  SELECT m.group_id, s.rank_id, s.gender, count(*) FROM memberships m JOIN staff s ON s.id = m.staff_id
  WHERE m.left_on IS NULL GROUP BY m.group_id, s.rank_id, s.gender;
`,
};
