// `samooh person erase` and `--operator`, spawned for real on real register files.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { setSetting } from '../../../db/settings.js';
import { addGroup, addMembership, addPerson, addUnit, makeRegister } from '../../fixtures/builders.js';
import { samooh } from '../../fixtures/cli.js';
import { tempDir } from '../../fixtures/temp.js';

async function registerWithCitizen(clerk?: string) {
  const reg = makeRegister();
  addUnit(reg.db, { code: 'PAT-T-1', type: 'thana' });
  const g = addGroup(reg.db, { code: 'PAT-G-1', unit: 'PAT-T-1' });
  const p = addPerson(reg.db, { name: 'Bhola Nath Tiwari', phone: '+919835077777', locality: 'Danapur' });
  addMembership(reg.db, { groupId: g.id, personId: p.id, joinedOn: '2025-01-02' });
  addPerson(reg.db, { name: 'Other Person', phone: '+919835066666' });
  if (clerk) setSetting(reg.db, 'operatorName', clerk);
  await reg.db.close();
  return reg.file;
}

const operators = (file: string, action: string) => {
  const raw = new Database(file, { readonly: true });
  const rows = raw.prepare('SELECT operator FROM audit_log WHERE action = ? ORDER BY id').pluck().all(action);
  raw.close();
  return rows;
};

describe('samooh person erase', () => {
  test('refuses without --yes and without a terminal, changing nothing', async () => {
    const file = await registerWithCitizen();
    const before = readFileSync(file);
    const r = samooh(['person', 'erase', '--db', file, '--phone', '98350 77777']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('To erase: Bhola Nath Tiwari');
    expect(r.stderr).toContain('Kept, anonymised: 1 membership(s), 1 active');
    expect(r.stderr).toMatch(/add --yes/);
    expect(operators(file, 'erase')).toEqual([]);
    expect(readFileSync(file).includes(Buffer.from('Bhola Nath'))).toBe(before.includes(Buffer.from('Bhola Nath')));
  });

  test('erases with --yes, names the stored clerk as operator, and audit verify passes', async () => {
    const file = await registerWithCitizen('Sunita Kumari');
    const r = samooh(['person', 'erase', '--db', file, '--phone', '09835077777', '--yes', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ membershipsKept: 1, scrub: { vacuumed: true, walTruncated: true } });
    expect(operators(file, 'erase')).toEqual(['Sunita Kumari']);
    const v = samooh(['audit', 'verify', '--db', file]);
    expect(v.status).toBe(0);
    for (const part of [file, `${file}-wal`]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(part);
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from('Bhola Nath'))).toBe(false);
      expect(bytes.includes(Buffer.from('9835077777'))).toBe(false);
    }
    // Unknown number: exit 2 with a reason; a second erasure: refused.
    expect(samooh(['person', 'erase', '--db', file, '--phone', '9835000001', '--yes']).stderr).toMatch(
      /No citizen has this mobile number/,
    );
    expect(samooh(['person', 'erase', '--db', file, '--phone', '9835077777', '--yes']).status).toBe(2);
  });

  test('--operator wins over the stored name and over the process user', async () => {
    const file = await registerWithCitizen('Sunita Kumari');
    const r = samooh(['person', 'erase', '--db', file, '--phone', '9835066666', '--yes', '--operator', 'Asha  Devi']);
    expect(r.status).toBe(0);
    expect(operators(file, 'erase')).toEqual(['Asha Devi']);
    expect(samooh(['--operator', '', 'audit', 'verify', '--db', file]).status).toBe(2);
  });

  test('init --operator stores the clerk, and later commands use it', () => {
    const file = path.join(tempDir(), 'r.sqlite');
    const r = samooh(['init', '--db', file, '--district', 'PAT', '--name', 'Patna', '--operator', 'Ravi Ranjan'], {
      SAMOOH_PASSPHRASE: 'correct horse battery',
    });
    expect(r.status).toBe(0);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT value FROM settings WHERE key = 'operatorName'").pluck().get()).toBe('"Ravi Ranjan"');
    const ops = raw.prepare('SELECT DISTINCT operator FROM audit_log').pluck().all();
    raw.close();
    expect(ops).toEqual(['Ravi Ranjan']);
  });
});
