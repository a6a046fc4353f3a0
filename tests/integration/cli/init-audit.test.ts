// `samooh init` and `samooh audit verify`, spawned for real.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { samooh } from '../../fixtures/cli.js';
import { tempDir } from '../../fixtures/temp.js';

const PASS = { SAMOOH_PASSPHRASE: 'correct horse battery' };

describe('samooh init', () => {
  test('creates the register and its key; refuses to overwrite it', () => {
    const db = path.join(tempDir(), 'patna.sqlite');
    const r = samooh(['init', '--db', db, '--district', 'pat', '--name', 'Patna', '--name-hi', 'पटना', '--json'], PASS);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.json() as { district: { code: string; nameHi: string }; keyId: string; publicKey: string };
    expect(out.district).toMatchObject({ code: 'PAT', name: 'Patna', nameHi: 'पटना' });
    expect(out.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(out.publicKey).toContain(`minisign public key ${out.keyId}`);
    // The secret key is stored encrypted (minisign "Ed" + "Sc" + "B2" header), never in clear.
    const raw = new Database(db, { readonly: true });
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    const dump = tables
      .filter((t) => !t.startsWith('sqlite_') && !t.startsWith('people_search'))
      .map((t) => JSON.stringify(raw.prepare(`SELECT * FROM "${t}"`).all()))
      .join('\n');
    raw.close();
    expect(dump).not.toContain('correct horse battery');

    const again = samooh(['init', '--db', db, '--district', 'PAT', '--name', 'Patna'], PASS);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  test('without a passphrase and without a terminal it fails at once and writes nothing', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const r = samooh(['init', '--db', db, '--district', 'PAT', '--name', 'Patna']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/passphrase/i);
    expect(existsSync(db)).toBe(false);
  });

  test('bad usage exits 2 with a message', () => {
    const dir = tempDir();
    expect(
      samooh(['init', '--db', path.join(dir, 'a.sqlite'), '--district', 'P A T', '--name', 'x'], PASS),
    ).toMatchObject({
      status: 2,
    });
    const missing = samooh(['init', '--district', 'PAT']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/required option/);
    expect(samooh(['frobnicate']).status).toBe(2);
  });

  test('--version and --help succeed', () => {
    expect(samooh(['--version'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    const help = samooh(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/init/);
    expect(help.stdout).toMatch(/Exit codes/);
  });
});

describe('samooh audit verify', () => {
  test('exit 0 on an intact log, 1 after tampering, with the row named', () => {
    const db = path.join(tempDir(), 'r.sqlite');
    expect(samooh(['init', '--db', db, '--district', 'PAT', '--name', 'Patna'], PASS).status).toBe(0);
    const good = samooh(['audit', 'verify', '--db', db, '--json']);
    expect(good.status).toBe(0);
    expect(good.json()).toMatchObject({ ok: true, rows: 2 });

    const raw = new Database(db);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET operator = 'intruder' WHERE id = 1;");
    raw.close();
    const bad = samooh(['audit', 'verify', '--db', db]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/row 1: row 1 was changed/);
  });

  test('a missing register is bad input (exit 2)', () => {
    const r = samooh(['audit', 'verify', '--db', path.join(tempDir(), 'nope.sqlite')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no register/);
  });
});
