// Migration 5 (bundle deliveries) on a register of schema 4 that already sent bundles: each old
// outbox row becomes its one finished delivery, where it was saved, by whom and when.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyPragmas, migrate } from '../../../db/connection.js';
import { tempDir } from '../../fixtures/temp.js';

const h = (c: string) => c.repeat(64);

describe('migration 5', () => {
  test('old outbox rows become done deliveries; the outbox itself is unchanged', () => {
    const raw = new Database(path.join(tempDir(), 'old.sqlite'));
    applyPragmas(raw);
    migrate(raw, 4);
    raw.exec(`
      INSERT INTO district_keys (key_id, public_key, created_at, created_by)
        VALUES ('B6E78845F7CFFD0A', '${'R'.repeat(56)}', '2026-01-01T00:00:00Z', 'clerk');
      INSERT INTO bundle_outbox VALUES
        (1, '2026-01-05T10:00:00Z', 'clerk', 'u1', 'samooh-PAT-20260105-1.zip', '2026-01-05', 'B6E78845F7CFFD0A',
         '${h('0')}', '${h('a')}', '${h('e')}', 100, 0, 'folder', '/media/usb/samooh-PAT-20260105-1.zip', '{}'),
        (2, '2026-02-05T10:00:00Z', 'sita', 'u2', 'samooh-PAT-20260205-2.zip', '2026-02-05', 'B6E78845F7CFFD0A',
         '${h('a')}', '${h('b')}', '${h('f')}', 120, 1, 'email', '/data/outbox/samooh-PAT-20260205-2.zip', '{}');
    `);
    const outbox = raw.prepare('SELECT * FROM bundle_outbox ORDER BY seq').all();
    migrate(raw, 5);
    expect(raw.pragma('user_version', { simple: true })).toBe(5);
    expect(raw.prepare('SELECT * FROM bundle_outbox ORDER BY seq').all()).toEqual(outbox);
    expect(
      raw
        .prepare(
          'SELECT seq, target, location, state, started_at, finished_at, delivered_by FROM bundle_deliveries ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        seq: 1,
        target: 'folder',
        location: '/media/usb/samooh-PAT-20260105-1.zip',
        state: 'done',
        started_at: '2026-01-05T10:00:00Z',
        finished_at: '2026-01-05T10:00:00Z',
        delivered_by: 'clerk',
      },
      {
        seq: 2,
        target: 'email',
        location: '/data/outbox/samooh-PAT-20260205-2.zip',
        state: 'done',
        started_at: '2026-02-05T10:00:00Z',
        finished_at: '2026-02-05T10:00:00Z',
        delivered_by: 'sita',
      },
    ]);
    raw.close();
  });
});
