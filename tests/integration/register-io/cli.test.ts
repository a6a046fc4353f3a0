// `samooh import register` / `samooh export register`: the real CLI, spawned, against real files.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { all } from '../../../db/exec.js';
import { makeRegister } from '../../fixtures/builders.js';
import { samooh as run } from '../../fixtures/cli.js';
import { tempDir } from '../../fixtures/temp.js';
import type { ImportReport, ExportResult } from '../../../electron/services/register-io/types.js';
import { messyWorkbook } from './messy-workbook.js';
import { writeWorkbook } from './workbooks.js';

// The CLI is built once for all test files by tests/fixtures/global-setup.ts.
function samooh(...args: string[]) {
  const r = run(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const counts = (db: ReturnType<typeof makeRegister>['db']) =>
  (['units', 'groups', 'staff', 'people', 'memberships', 'auditLog'] as const).map(
    (t) => all(db, db.k.selectFrom(t).select('id')).length,
  );

describe('samooh import register', () => {
  it('--dry-run --json prints the report and writes nothing (exit 0)', async () => {
    const reg = makeRegister();
    const file = await messyWorkbook(reg.dir);
    const r = samooh('import', 'register', '--db', reg.file, file, '--dry-run', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ImportReport;
    expect(report).toMatchObject({
      dryRun: true,
      committed: false,
      totals: { rows: 40, new: 20, rejected: 19, duplicate: 1 },
    });
    expect(report.rejected).toHaveLength(20);
    expect(counts(reg.db)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('commits, prints counts and every rejected row (exit 0); a second run changes nothing', async () => {
    const reg = makeRegister();
    const file = await messyWorkbook(reg.dir);
    const r = samooh('import', 'register', '--db', reg.file, file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Imported patna-register.xlsx into the register.');
    expect(r.stdout).toMatch(/members\s+26\s+12\s+0\s+0\s+1\s+13/);
    expect(r.stdout).toMatch(/total\s+40\s+20\s+0\s+0\s+1\s+19/);
    expect(r.stdout).toContain(
      '  members row 11: मोबाइल नं. "9.19835E+11" is in exponent form: Excel rounded the number and its last digits are lost; type the number again in a cell formatted as Text [PHONE_DESTROYED]',
    );
    expect(r.stdout).toContain(
      '  units row 6: unit PAT-T-NOPE is neither in this file nor in the register [UNKNOWN_UNIT]',
    );
    expect(r.stdout.match(/^ {2}\w+ row \d+: .*\[[A-Z_]+\]$/gm)!.length).toBe(20 + 3);
    expect(counts(reg.db)).toEqual([3, 3, 2, 10, 12, 1]);

    const again = samooh('import', 'register', '--db', reg.file, file, '--json');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as ImportReport).totals).toMatchObject({ new: 0, updated: 0, unchanged: 20 });
    expect(counts(reg.db)).toEqual([3, 3, 2, 10, 12, 2]);
  });

  it('--strict refuses a file with rejected rows (exit 1) and writes nothing', async () => {
    const reg = makeRegister();
    const file = await messyWorkbook(reg.dir);
    const text = samooh('import', 'register', '--db', reg.file, '--strict', file);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'REFUSED (strict mode): patna-register.xlsx has rejected rows, so nothing was imported.',
    );
    const json = samooh('import', 'register', '--db', reg.file, '--strict', '--json', file);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ committed: false, strict: true, totals: { rejected: 19 } });
    expect(counts(reg.db)).toEqual([0, 0, 0, 0, 0, 0]);
    // --dry-run --strict answers "no" the same way.
    expect(samooh('import', 'register', '--db', reg.file, '--strict', '--dry-run', file).code).toBe(1);
  });

  it('an unreadable file, a missing register, missing arguments: exit 2 with a message on stderr', () => {
    const reg = makeRegister();
    const fake = path.join(reg.dir, 'list.xlsx');
    writeFileSync(fake, 'name,phone\nRam,9835012345\n');
    const bad = samooh('import', 'register', '--db', reg.file, fake);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('samooh: list.xlsx cannot be imported: it is not an Excel workbook (.xlsx).\n');
    const noDb = samooh('import', 'register', '--db', path.join(reg.dir, 'none.sqlite'), fake);
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toMatch(/no register at/);
    expect(samooh('import', 'register', fake).code).toBe(2);
    expect(samooh('import', 'register', '--db', reg.file).code).toBe(2);
  });

  it('--mapping maps unknown headers by hand', async () => {
    const reg = makeRegister();
    const file = await writeWorkbook(path.join(reg.dir, 'odd.xlsx'), [
      {
        name: 'units',
        rows: [
          ['code', 'name', 'type'],
          ['T1', 'Kotwali', 'thana'],
        ],
      },
      {
        name: 'groups',
        rows: [
          ['code', 'unit_code', 'kind', 'name'],
          ['G1', 'T1', 'public', 'Kotwali'],
        ],
      },
      {
        name: 'members',
        rows: [
          ['Grp', 'Sadasya', 'Mob'],
          ['G1', 'Ram', '9835012345'],
        ],
      },
    ]);
    const mapping = path.join(reg.dir, 'map.json');
    writeFileSync(mapping, JSON.stringify({ members: { Grp: 'group_code', Sadasya: 'name', Mob: 'phone' } }));
    const r = samooh('import', 'register', '--db', reg.file, '--mapping', mapping, '--json', file);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as ImportReport).totals).toMatchObject({ new: 3, rejected: 0 });
  });
});

describe('samooh export register', () => {
  it('writes .xlsx and CSV folders that import back into an empty register', async () => {
    const reg = makeRegister();
    samooh('import', 'register', '--db', reg.file, await messyWorkbook(reg.dir));
    const out = tempDir();
    const x = samooh('export', 'register', '--db', reg.file, '--out', path.join(out, 'r.xlsx'), '--json');
    expect(x.code).toBe(0);
    expect(JSON.parse(x.stdout) as ExportResult).toMatchObject({
      format: 'xlsx',
      counts: { units: 3, groups: 3, staff: 2, members: 12 },
    });
    const c = samooh('export', 'register', '--db', reg.file, '--out', path.join(out, 'csv'));
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('units 3 · groups 3 · staff 2 · members 12');

    for (const source of [path.join(out, 'r.xlsx'), path.join(out, 'csv')]) {
      const fresh = makeRegister();
      const r = samooh('import', 'register', '--db', fresh.file, '--strict', '--json', source);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as ImportReport).totals).toMatchObject({ rows: 20, new: 20, rejected: 0 });
      expect(counts(fresh.db).slice(0, 5)).toEqual([3, 3, 2, 10, 12]);
    }
    expect(samooh('export', 'register', '--db', reg.file).code).toBe(2);
  });

  it('help teaches the commands', () => {
    const h = samooh('import', 'register', '--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--dry-run');
    expect(h.stdout).toContain('--strict');
    expect(samooh('export', 'register', '--help').stdout).toContain('--out <FILE.xlsx|DIR>');
  });
});
