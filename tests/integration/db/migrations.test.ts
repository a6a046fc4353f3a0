// Migrations: each one applied to a database at the previous version, with rows in it, keeps
// those rows; a database from a newer Samooh is refused; a non-SQLite file is refused.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyPragmas, migrate, openRegister } from '../../../db/connection.js';
import { DbError } from '../../../db/errors.js';
import { LATEST_VERSION, migrations } from '../../../db/migrations/index.js';
import { tempDir } from '../../fixtures/temp.js';
import { rawOf } from '../../../db/raw.js';

function rawAt(version: number): Database.Database {
  const raw = new Database(path.join(tempDir(), 'm.sqlite'));
  applyPragmas(raw);
  migrate(raw, version);
  return raw;
}

const T = '2026-01-01T00:00:00.000Z';

/** Rows that every schema version from 1 on must keep. */
function insertV1Rows(raw: Database.Database): void {
  raw.exec(`
    INSERT INTO ranks (id, code, name_en, name_hi, aliases, sort_order) VALUES (1, 'SI', 'Sub-Inspector', 'अवर निरीक्षक', '["दारोगा"]', 1);
    INSERT INTO units (id, code, name, name_hi, type, created_at, updated_at) VALUES (1, 'T1', 'Kotwali', 'कोतवाली', 'thana', '${T}', '${T}');
    INSERT INTO units (id, code, name, type, parent_id, created_at, updated_at) VALUES (2, 'OP1', 'Gandhi Maidan', 'op', 1, '${T}', '${T}');
    INSERT INTO staff (id, service_no, name, rank_id, gender, posting_unit_id, phone, created_at, updated_at) VALUES (1, 'BP1', 'Anil', 1, 'M', 1, '+919835012345', '${T}', '${T}');
    INSERT INTO groups (id, code, unit_id, kind, name, created_on, admin_staff_id, status, created_at, updated_at) VALUES (1, 'G1', 1, 'public', 'Jan Samvad', '2019-08-05', 1, 'active', '${T}', '${T}');
    INSERT INTO people (id, phone, name, category, created_at, updated_at) VALUES (1, '+919835012346', 'सीता', 'eminent', '${T}', '${T}');
    INSERT INTO memberships (group_id, person_id, joined_on, created_at, updated_at) VALUES (1, 1, '2019-08-06', '${T}', '${T}');
    INSERT INTO memberships (group_id, staff_id, joined_on, left_on, created_at, updated_at) VALUES (1, 1, '2019-08-06', '2020-01-01', '${T}', '${T}');
    INSERT INTO settings (key, value) VALUES ('district', '{"code":"PAT","name":"Patna"}');
  `);
}

function readV1Rows(raw: Database.Database) {
  return {
    units: raw.prepare('SELECT code, name, name_hi, type, parent_id FROM units ORDER BY id').all(),
    staff: raw.prepare('SELECT service_no, rank_id, gender, phone FROM staff').all(),
    groups: raw.prepare('SELECT code, kind, created_on, admin_staff_id, status FROM groups').all(),
    people: raw.prepare('SELECT phone, name, category FROM people').all(),
    memberships: raw
      .prepare('SELECT group_id, person_id, staff_id, joined_on, left_on FROM memberships ORDER BY id')
      .all(),
    settings: raw.prepare('SELECT key, value FROM settings').all(),
  };
}

describe('migrations', () => {
  test('version numbers start at 1, rise strictly, and the last is the latest', () => {
    // Numbers are handed to parallel branches ahead of their merge, so 7 may land before 5 and 6.
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(LATEST_VERSION).toBe(versions[versions.length - 1]);
  });

  test('migration 1 enforces its constraints', () => {
    const raw = rawAt(1);
    insertV1Rows(raw);
    const bad = [
      `INSERT INTO units (code, name, type, created_at, updated_at) VALUES ('OPX', 'x', 'op', '${T}', '${T}')`, // OP without parent
      `INSERT INTO units (code, name, type, created_at, updated_at) VALUES ('X', 'x', 'fort', '${T}', '${T}')`,
      `INSERT INTO people (phone, name, created_at, updated_at) VALUES ('9835012345', 'x', '${T}', '${T}')`, // not E.164
      `INSERT INTO groups (code, unit_id, kind, name, invite_link, created_at, updated_at) VALUES ('G9', 1, 'public', 'x', 'http://chat.whatsapp.com/x', '${T}', '${T}')`,
      `INSERT INTO memberships (group_id, person_id, created_at, updated_at) VALUES (1, 1, '${T}', '${T}')`, // second active
      `INSERT INTO memberships (group_id, person_id, staff_id, created_at, updated_at) VALUES (1, 1, 1, '${T}', '${T}')`,
      `INSERT INTO memberships (group_id, person_id, joined_on, left_on, created_at, updated_at) VALUES (1, 1, '2020-01-02', '2020-01-01', '${T}', '${T}')`,
      `INSERT INTO groups (code, unit_id, kind, name, created_at, updated_at) VALUES ('G8', 99, 'public', 'x', '${T}', '${T}')`, // FK
      `UPDATE audit_log SET operator = 'x'`,
    ];
    raw.exec(
      `INSERT INTO audit_log (at, operator, action, entity, prev_hash, hash) VALUES ('${T}', 'a', 'b', 'c', '${'0'.repeat(64)}', '${'1'.repeat(64)}')`,
    );
    for (const sql of bad) expect(() => raw.exec(sql), sql).toThrow();
    expect(() => raw.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    raw.close();
  });

  test.each(migrations.slice(1).map((m) => m.version))('migration %i keeps the rows of the version before it', (v) => {
    const raw = rawAt(v - 1);
    insertV1Rows(raw);
    const before = readV1Rows(raw);
    migrate(raw, v);
    expect(raw.pragma('user_version', { simple: true })).toBe(v);
    expect(readV1Rows(raw)).toEqual(before);
    raw.close();
  });

  test('migration 4 counts the active memberships a version-3 register already holds', () => {
    const raw = rawAt(3);
    insertV1Rows(raw);
    // More of everything: a second rank, women staff, a closed group, left and active rows of
    // citizens of both categories, and a citizen in two groups.
    raw.exec(`
      INSERT INTO ranks (id, code, name_en, name_hi, sort_order) VALUES (2, 'CONSTABLE', 'Constable', 'सिपाही', 2);
      INSERT INTO staff (id, service_no, name, rank_id, gender, posting_unit_id, created_at, updated_at) VALUES
        (2, 'BP2', 'Sunita', 1, 'F', 1, '${T}', '${T}'),
        (3, 'BP3', 'Rekha', 2, 'F', 2, '${T}', '${T}'),
        (4, 'BP4', 'Mohan', 2, 'M', 2, '${T}', '${T}');
      INSERT INTO groups (id, code, unit_id, kind, name, status, created_at, updated_at) VALUES
        (2, 'W1', 1, 'women_staff', 'Mahila', 'active', '${T}', '${T}'),
        (3, 'OLD', 2, 'public', 'Old group', 'closed', '${T}', '${T}');
      INSERT INTO people (id, phone, name, category, created_at, updated_at) VALUES
        (2, '+919835012347', 'Ram', 'public', '${T}', '${T}'),
        (3, '+919835012348', 'Shyam', 'public', '${T}', '${T}');
      INSERT INTO memberships (group_id, person_id, staff_id, left_on, created_at, updated_at) VALUES
        (1, 2, NULL, NULL, '${T}', '${T}'),
        (1, 3, NULL, '2020-01-01', '${T}', '${T}'),
        (3, 1, NULL, NULL, '${T}', '${T}'),
        (3, 3, NULL, NULL, '${T}', '${T}'),
        (2, NULL, 2, NULL, '${T}', '${T}'),
        (2, NULL, 3, NULL, '${T}', '${T}'),
        (2, NULL, 4, '2021-01-01', '${T}', '${T}'),
        (1, NULL, 4, NULL, '${T}', '${T}');
    `);
    const before = readV1Rows(raw);
    migrate(raw, 4);
    expect(raw.pragma('user_version', { simple: true })).toBe(4);
    expect(readV1Rows(raw)).toEqual(before);
    expect(raw.prepare('SELECT group_id, category, n FROM group_citizen_counts ORDER BY 1, 2').all()).toEqual([
      { group_id: 1, category: 'eminent', n: 1 },
      { group_id: 1, category: 'public', n: 1 },
      { group_id: 3, category: 'eminent', n: 1 },
      { group_id: 3, category: 'public', n: 1 },
    ]);
    expect(raw.prepare('SELECT group_id, rank_id, gender, n FROM group_staff_counts ORDER BY 1, 2, 3').all()).toEqual([
      { group_id: 1, rank_id: 2, gender: 'M', n: 1 },
      { group_id: 2, rank_id: 1, gender: 'F', n: 1 },
      { group_id: 2, rank_id: 2, gender: 'F', n: 1 },
    ]);
    // Citizens in an active group: 1 (Sita, eminent) and 2 (Ram); 3 (Shyam) only in the closed one.
    expect(raw.prepare('SELECT person_id, n FROM citizen_active_groups ORDER BY 1').all()).toEqual([
      { person_id: 1, n: 1 },
      { person_id: 2, n: 1 },
    ]);
    // And from now on the triggers keep them.
    raw.exec(`UPDATE memberships SET left_on = '2026-01-01' WHERE group_id = 1 AND person_id = 1`);
    raw.exec(`UPDATE people SET category = 'eminent' WHERE id = 3`);
    expect(raw.prepare('SELECT group_id, category, n FROM group_citizen_counts ORDER BY 1, 2').all()).toEqual([
      { group_id: 1, category: 'public', n: 1 },
      { group_id: 3, category: 'eminent', n: 2 },
    ]);
    raw.exec(`UPDATE groups SET status = 'active' WHERE id = 3`);
    expect(raw.prepare('SELECT person_id, n FROM citizen_active_groups ORDER BY 1').all()).toEqual([
      { person_id: 1, n: 1 },
      { person_id: 2, n: 1 },
      { person_id: 3, n: 1 },
    ]);
    raw.close();
  });

  test('a fresh register is at the latest version and a second open applies nothing', async () => {
    const file = path.join(tempDir(), 'r.sqlite');
    const db = openRegister(file);
    expect(rawOf(db).pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(rawOf(db).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(rawOf(db).pragma('foreign_keys', { simple: true })).toBe(1);
    expect(rawOf(db).pragma('synchronous', { simple: true })).toBe(2); // FULL
    await db.close();
    const again = openRegister(file);
    expect(migrate(rawOf(again))).toEqual([]);
    await again.close();
  });

  test('a register written by a newer Samooh is refused with a clear error', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => openRegister(file)).toThrow(DbError);
    expect(() => openRegister(file)).toThrow(/newer version of Samooh/);
  });

  test('a file that is not SQLite is refused, not crashed on', () => {
    const file = path.join(tempDir(), 'fake.sqlite');
    writeFileSync(file, 'PK\u0003\u0004 this is a zip, not a database'.repeat(100));
    expect(() => openRegister(file)).toThrow(/not a Samooh register/);
  });
});
