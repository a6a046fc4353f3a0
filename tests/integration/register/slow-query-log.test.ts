// Statements over the threshold are reported with their SQL (Signal logs queries over 40 ms).
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { FileSession } from '../../../electron/backend/session.js';
import { onSlowQuery } from '../../../db/exec.js';
import { listUnits } from '../../../db/units.js';
import { tempDir } from '../../fixtures/temp.js';

afterEach(() => onSlowQuery(undefined));

test('with a 0 ms threshold every statement is reported; with none, nothing is', async () => {
  const lines: string[] = [];
  const session = new FileSession(tempDir(), (l) => lines.push(l), 0);
  const db = session.open(path.join(session.dataDir, 'r.sqlite'));
  listUnits(db);
  expect(lines.some((l) => /^samooh: slow query \(\d+ ms\): select "u"\."id", "u"\."code"/.test(l))).toBe(true);

  onSlowQuery(undefined);
  const before = lines.length;
  listUnits(db);
  expect(lines.length).toBe(before);
  await session.close();
});
