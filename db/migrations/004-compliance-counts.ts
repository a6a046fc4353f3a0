// Migration 4: active-member counts kept by triggers, for the compliance report (SPEC §4;
// issue #7: the report at state size from scratch in ≤ 100 ms).
//
// A group's eminent/public split and its staff split by rank and gender need each member's
// category, rank or gender. Joining 3,50,000 active memberships to people and staff row by row
// cost 50–70 ms per split, more than half the report's budget, and no index can hold another
// table's column. The district's distinct citizens need each membership's group status, and a
// DISTINCT over 2,70,000 person ids. So these are counted as rows are written:
//
//   group_citizen_counts  (group_id, category)        → active citizen memberships
//   group_staff_counts    (group_id, rank_id, gender) → active staff memberships
//   citizen_active_groups (person_id)                 → the person's active memberships of
//                                                       active groups (a row while there is one)
//
// Invariant (tests/integration/compliance/counts.test.ts checks it against a recount after
// inserts, leaves, moves, deletes, category/rank/gender changes, groups closed and reopened,
// erasure, imports and rollbacks): each table equals the GROUP BY it stands for, and holds no
// row with n = 0. A group's status and kind are not part of the per-group keys: closed groups
// keep their figures. citizen_active_groups follows group status, so closing or reopening a
// group updates one row per active citizen member.
//
// The triggers do a rowid look-up and an upsert per membership written; an import writes
// memberships in bulk and pays that (register-io bench: raw insert with and without them).
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

/** Count the active membership `r` (new or old) once more in its buckets. */
const countIn = (r: 'new' | 'old') => `
  INSERT INTO group_citizen_counts (group_id, category, n)
    SELECT ${r}.group_id, category, 1 FROM people WHERE id = ${r}.person_id
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO group_staff_counts (group_id, rank_id, gender, n)
    SELECT ${r}.group_id, rank_id, gender, 1 FROM staff WHERE id = ${r}.staff_id
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO citizen_active_groups (person_id, n)
    SELECT ${r}.person_id, 1 FROM groups WHERE id = ${r}.group_id AND status = 'active' AND ${r}.person_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;`;

/** Count the active membership `r` once less, and drop a bucket that reaches zero. */
const countOut = (r: 'new' | 'old') => `
  UPDATE group_citizen_counts SET n = n - 1
    WHERE group_id = ${r}.group_id AND category = (SELECT category FROM people WHERE id = ${r}.person_id);
  UPDATE group_staff_counts SET n = n - 1
    WHERE (group_id, rank_id, gender) = (SELECT ${r}.group_id, rank_id, gender FROM staff WHERE id = ${r}.staff_id);
  UPDATE citizen_active_groups SET n = n - 1
    WHERE person_id = ${r}.person_id AND (SELECT status FROM groups WHERE id = ${r}.group_id) = 'active';
  DELETE FROM group_citizen_counts WHERE group_id = ${r}.group_id AND n = 0;
  DELETE FROM group_staff_counts WHERE group_id = ${r}.group_id AND n = 0;
  DELETE FROM citizen_active_groups WHERE person_id = ${r}.person_id AND n = 0;`;

/** The person ids of group `g`'s active citizen members (one each: memberships_active_person). */
const activeCitizensOf = (g: 'new' | 'old') =>
  `SELECT person_id FROM memberships WHERE group_id = ${g}.id AND left_on IS NULL AND person_id IS NOT NULL`;

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

CREATE TABLE citizen_active_groups (
  person_id INTEGER PRIMARY KEY,
  n         INTEGER NOT NULL
) STRICT;

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

-- A group closed (reopened) takes its active citizen members out of (puts them back into) the
-- district's citizens; an update that keeps the group active or closed fires nothing.
CREATE TRIGGER group_counts_group_status AFTER UPDATE OF status ON groups
WHEN (old.status = 'active') IS NOT (new.status = 'active')
BEGIN
  UPDATE citizen_active_groups SET n = n - 1
    WHERE old.status = 'active' AND person_id IN (${activeCitizensOf('new')});
  DELETE FROM citizen_active_groups
    WHERE old.status = 'active' AND n = 0 AND person_id IN (${activeCitizensOf('new')});
  INSERT INTO citizen_active_groups (person_id, n)
    SELECT person_id, 1 FROM memberships
    WHERE new.status = 'active' AND group_id = new.id AND left_on IS NULL AND person_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
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
INSERT INTO citizen_active_groups (person_id, n)
  SELECT m.person_id, count(*) FROM memberships m JOIN groups g ON g.id = m.group_id
  WHERE m.left_on IS NULL AND m.person_id IS NOT NULL AND g.status = 'active' GROUP BY m.person_id;
`,
};
