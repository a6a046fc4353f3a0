// Statements over the threshold are reported with their SQL (Signal logs queries over 40 ms),
// per session: one session's log never receives another's statements.
import path from 'node:path';
import { expect, test } from 'vitest';
import { FileSession } from '../../../electron/backend/session.js';
import { listUnits } from '../../../db/units.js';
import { tempDir } from '../../fixtures/temp.js';

test('with a 0 ms threshold every statement is reported; a session without a log measures nothing', async () => {
  const lines: string[] = [];
  const session = new FileSession(tempDir(), { slowQueryLog: (l) => lines.push(l), slowQueryMs: 0 });
  const db = session.open(path.join(session.dataDir, 'r.sqlite'));
  listUnits(db);
  expect(lines.some((l) => /^samooh: slow query \(\d+ ms\): select "u"\."id", "u"\."code"/.test(l))).toBe(true);

  const quiet = new FileSession(tempDir());
  const other = quiet.open(path.join(quiet.dataDir, 'q.sqlite'));
  expect(other.slowQuery).toBeUndefined();
  const before = lines.length;
  listUnits(other);
  expect(lines.length).toBe(before);
  await session.close();
  await quiet.close();
});
