// The cached compliance report is reused only while nothing changed: a change through the same
// connection or a commit by another connection (the CLI while the app is open) recomputes it.
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { computeCompliance } from '../../../electron/services/compliance/compliance.js';
import { addGroup, addUnit, fillGroup, makeRegister } from '../../fixtures/builders.js';

test('the report follows every change, from this connection or another', () => {
  const { db, file } = makeRegister();
  addUnit(db, { code: 'T1', type: 'thana' });
  const g = addGroup(db, { unit: 'T1', kind: 'public' });
  fillGroup(db, g.id, 150);
  const first = computeCompliance(db);
  expect(first.units.find((u) => u.code === 'T1')).toMatchObject({ status: 'short', members: 150, shortfall: 50 });

  // Unchanged: the same figures, a fresh generatedAt, and a copy the caller may change freely.
  const again = computeCompliance(db, { now: new Date('2030-01-01T00:00:00Z') });
  expect(again.generatedAt).toBe('2030-01-01T00:00:00.000Z');
  again.units.length = 0;
  expect(computeCompliance(db).units).toHaveLength(1);

  fillGroup(db, g.id, 50);
  expect(computeCompliance(db).units[0]).toMatchObject({ status: 'compliant', members: 200, shortfall: 0 });

  const other = new Database(file);
  other.exec("UPDATE memberships SET left_on = '2026-11-28' WHERE id IN (SELECT id FROM memberships LIMIT 10)");
  other.close();
  expect(computeCompliance(db).units[0]).toMatchObject({ status: 'short', members: 190, shortfall: 10 });
});
