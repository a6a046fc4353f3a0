// `samooh backup` and `samooh restore` as a user runs them (the built CLI, no terminal): the
// backup and its checksum; restore prints what it replaces and needs --yes without a terminal;
// a damaged backup exits 1 and the register stays exactly as it was.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { samooh } from '../../fixtures/cli.js';
import { registerDigest } from '../../fixtures/digest.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'samooh-backup-cli-'));
  db = path.join(dir, 'patna.sqlite');
  const init = samooh(['init', '--db', db, '--district', 'PAT', '--name', 'Patna'], {
    SAMOOH_PASSPHRASE: 'correct horse battery',
  });
  if (init.status !== 0) throw new Error(`init failed (is the CLI built?): ${init.stderr}`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samooh backup / restore', () => {
  test('backup, then restore: the plan is printed, --yes is needed, the replaced register is kept', () => {
    const out = path.join(dir, 'b1.sqlite');
    const b = samooh(['backup', '--db', db, '--out', out]);
    expect(b.status, b.stderr).toBe(0);
    const [file, sumLine] = b.stdout.trim().split('\n');
    expect(file).toBe(out);
    expect(readFileSync(`${out}.sha256`, 'utf8')).toBe(`${sumLine}\n`);
    expect(samooh(['backup', '--db', db, '--out', out]).status).toBe(2); // never overwritten

    const asked = samooh(['restore', '--db', db, out]);
    expect(asked.status).toBe(2);
    expect(asked.stdout).toContain('now in the register');
    expect(asked.stdout).toMatch(/Audit entries\s+\d+\s+\d+/);
    expect(asked.stderr).toContain('add --yes');

    const before = registerDigest(db).sha256;
    const r = samooh(['restore', '--db', db, out, '--yes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const { keptAs } = r.json() as { keptAs: string };
    expect(registerDigest(keptAs).sha256).toBe(before);
    expect(r.stderr).toContain('Checks passed');
    const verify = samooh(['audit', 'verify', '--db', db]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  });

  test('a damaged backup: exit 1 with the reason, the register untouched', () => {
    const out = path.join(dir, 'b2.sqlite');
    expect(samooh(['backup', '--db', db, '--out', out]).status).toBe(0);
    const bad = path.join(dir, 'bad.sqlite');
    copyFileSync(out, bad);
    const bytes = readFileSync(bad);
    for (let i = 4096; i < bytes.length; i += 4096) bytes[i] = 0x77;
    writeFileSync(bad, bytes);
    const before = registerDigest(db).sha256;
    const r = samooh(['restore', '--db', db, bad, '--yes']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot be restored|damaged|cannot be opened/);
    expect(registerDigest(db).sha256).toBe(before);
    copyFileSync(`${out}.sha256`, `${bad}.sha256`);
    const sum = samooh(['restore', '--db', db, bad, '--yes']);
    expect(sum.status).toBe(1);
    expect(sum.stderr).toContain('does not match its .sha256');
    expect(registerDigest(db).sha256).toBe(before);
  });
});
