// `samooh key …` and `samooh bundle …`, spawned for real from the built CLI (run
// `node scripts/build.mjs node` first): exit codes 0/1/2, JSON output, every invalid reason
// listed, the passphrase from env, file or a real terminal (a pty), never a hang without one.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, samooh } from '../../fixtures/cli.js';
import { openRegister } from '../../../db/connection.js';
import { seedDefaultRanks } from '../../../db/ranks.js';
import { setSetting } from '../../../db/settings.js';
import { createDistrictKey, passphraseProtector } from '../../../electron/services/bundle/keys.js';
import { TEST_KDF_COST } from '../../fixtures/context.js';
import { unzipToTemp } from './fixtures.js';

const PASSPHRASE = 'correct horse battery';
const PASS = { SAMOOH_PASSPHRASE: PASSPHRASE };
let dir: string;
let db: string;
let pub: string;

interface Exported {
  file: string;
  sequence: number;
  keyId: string;
  tagmanifestSha256: string;
  zipSha256: string;
}

interface Verified {
  ok: boolean;
  problems: { code: string; message: string; file?: string }[];
  bag: { sequence: number; district: string; keyId: string } | null;
  zipSha256: string;
}

/** Runs `samooh …` with stdin an open pipe that nobody writes to or closes, and no terminal. */
function samoohWithOpenStdin(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'samooh.cjs'), ...args], {
    env: { ...process.env, SAMOOH_PASSPHRASE: undefined },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      child.stdin.destroy();
      resolve({ status, stdout, stderr });
    });
  });
}

/** The register made by `samooh init` itself: its key is sealed at minisign's full cost. */
let initDb: string;

/**
 * A register whose key is sealed at a cheap scrypt cost, so the many unlocks below take
 * milliseconds; decryption follows the cost stored in the sealed key, as minisign's does.
 */
async function cheapRegister(file: string, district: { code: string; name: string; nameHi?: string }) {
  const reg = openRegister(file);
  seedDefaultRanks(reg);
  setSetting(reg, 'district', district);
  await createDistrictKey(reg, passphraseProtector({ passphrase: PASSPHRASE, cost: TEST_KDF_COST }), 'test');
  await reg.close();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'samooh-bundle-cli-'));
  db = path.join(dir, 'patna.sqlite');
  pub = path.join(dir, 'district.pub');
  await cheapRegister(db, { code: 'PAT', name: 'Patna', nameHi: 'पटना' });
  initDb = path.join(dir, 'init.sqlite');
  const init = samooh(['init', '--db', initDb, '--district', 'PAT', '--name', 'Patna', '--name-hi', 'पटना'], PASS);
  if (init.status !== 0) throw new Error(`init failed (is the CLI built?): ${init.stderr}`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outDir = (name: string) => {
  const d = path.join(dir, name);
  rmSync(d, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', d]);
  return d;
};

describe('samooh key / bundle', () => {
  test('key export writes the minisign .pub; key info shows the protection', () => {
    const r = samooh(['key', 'export', '--db', db, '--out', pub, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { keyId, file } = r.json() as { keyId: string; file: string };
    expect(file).toBe(pub);
    expect(readFileSync(pub, 'utf8')).toMatch(
      new RegExp(`^untrusted comment: minisign public key ${keyId}\\nRW[A-Za-z0-9+/]{54}\\n$`),
    );
    const info = samooh(['key', 'info', '--db', db, '--json']);
    expect(info.status).toBe(0);
    expect(info.json()).toMatchObject({ keyId, protectors: ['passphrase'] });
    expect(samooh(['key', 'export', '--db', path.join(dir, 'none.sqlite'), '--out', pub]).status).toBe(2);
  });

  test('bundle export prints the path; verify accepts it; minisign agrees; the outbox lists it', () => {
    // The register `samooh init` made, its key at minisign's full scrypt cost.
    const db = initDb;
    const pub = path.join(dir, 'init.pub');
    samooh(['key', 'export', '--db', db, '--out', pub]);
    const out = outDir('usb');
    const r = samooh(['bundle', 'export', '--db', db, '--out', out], PASS);
    expect(r.status, r.stderr).toBe(0);
    const file = r.stdout.trim();
    expect(path.dirname(file)).toBe(out);
    expect(path.basename(file)).toMatch(/^samooh-PAT-\d{8}-\d+\.zip$/);
    expect(readdirSync(out)).toEqual([path.basename(file)]);

    const v = samooh(['bundle', 'verify', file, '--pubkey', pub, '--json']);
    expect(v.status).toBe(0);
    const verified = v.json() as Verified;
    expect(verified).toMatchObject({ ok: true, problems: [], bag: { district: 'PAT' } });
    expect(verified.zipSha256).toMatch(/^[0-9a-f]{64}$/);
    const text = samooh(['bundle', 'verify', file, '--pubkey', pub]);
    expect(text.stdout).toMatch(/^VALID: samooh-PAT-/);

    const bag = unzipToTemp(file);
    const m = spawnSync('minisign', ['-V', '-H', '-p', pub, '-m', path.join(bag, 'tagmanifest-sha256.txt')], {
      encoding: 'utf8',
    });
    expect(m.status, m.stderr).toBe(0);

    const outbox = samooh(['bundle', 'outbox', '--db', db, '--json']);
    const entries = (outbox.json() as { entries: { fileName: string; present: boolean }[] }).entries;
    expect(entries.find((e) => e.fileName === path.basename(file))).toMatchObject({ present: true });
  });

  test('verify lists every reason and exits 1 for a damaged or foreign bundle; 2 for bad usage', async () => {
    samooh(['key', 'export', '--db', db, '--out', pub]);
    const out = outDir('damaged');
    const e = samooh(['bundle', 'export', '--db', db, '--out', out, '--json'], PASS).json() as Exported;
    // Damage two places: a payload byte and the Payload-Oxum line.
    const zip = readFileSync(e.file);
    const at = zip.indexOf(Buffer.from('"schemaVersion": 1'));
    zip[at + 17] = '2'.charCodeAt(0);
    const oxum = zip.indexOf(Buffer.from('Payload-Oxum: '));
    zip[oxum + 14] = zip[oxum + 14] === 0x39 ? 0x38 : zip[oxum + 14]! + 1;
    const bad = path.join(out, 'bad.zip');
    writeFileSync(bad, zip);
    const r = samooh(['bundle', 'verify', bad, '--pubkey', pub, '--json']);
    expect(r.status).toBe(1);
    const codes = (r.json() as Verified).problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['payload_hash_mismatch', 'tag_hash_mismatch']));
    const human = samooh(['bundle', 'verify', bad, '--pubkey', pub]);
    expect(human.status).toBe(1);
    expect(human.stdout).toMatch(/^INVALID: bad\.zip \(\d+ problems\)/);
    expect(human.stdout).toContain('[payload_hash_mismatch] data/summary.json:');
    expect(human.stdout).toContain('[tag_hash_mismatch] bag-info.txt:');

    // Another key (the other register's).
    const otherPub = path.join(dir, 'gaya.pub');
    samooh(['key', 'export', '--db', initDb, '--out', otherPub]);
    const foreign = samooh(['bundle', 'verify', e.file, '--pubkey', otherPub, '--json']);
    expect(foreign.status).toBe(1);
    expect((foreign.json() as Verified).problems.map((p) => p.code)).toEqual([
      'signature_wrong_key',
      'key_id_mismatch',
    ]);

    // The chain: this bundle after the one HQ accepted before, or out of order.
    const seq = e.sequence;
    const replay = samooh([
      'bundle',
      'verify',
      e.file,
      '--pubkey',
      pub,
      '--json',
      '--previous-sequence',
      String(seq),
      '--previous-tagmanifest',
      e.tagmanifestSha256,
    ]);
    expect(replay.status).toBe(1);
    expect((replay.json() as Verified).problems.map((p) => p.code)).toEqual(['sequence_out_of_order']);
    expect(samooh(['bundle', 'verify', e.file, '--pubkey', pub, '--district', 'GAYA']).status).toBe(1);

    // Bad usage: exit 2 with a message.
    const noFile = samooh(['bundle', 'verify', path.join(out, 'missing.zip'), '--pubkey', pub]);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toMatch(/no such file/);
    writeFileSync(path.join(out, 'junk.pub'), 'not a key\n');
    const junk = samooh(['bundle', 'verify', e.file, '--pubkey', path.join(out, 'junk.pub')]);
    expect(junk.status).toBe(2);
    expect(junk.stderr).toMatch(/not a minisign public key/);
    expect(samooh(['bundle', 'verify', e.file, '--pubkey', pub, '--previous-sequence', 'x']).status).toBe(2);
  }, 60_000);

  test('without a passphrase and without a terminal: exit 2 at once, nothing written', async () => {
    const out = outDir('nopass');
    // stdin stays open and silent: a CLI that waited for a passphrase on it would never exit.
    const r = await samoohWithOpenStdin(['bundle', 'export', '--db', db, '--out', out, '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SAMOOH_PASSPHRASE or pass --passphrase-file/);
    expect((JSON.parse(r.stdout) as { ok: boolean; error: { code: string } }).error.code).toBe('KEY_LOCKED');
    expect(readdirSync(out)).toEqual([]);

    const wrong = samooh(['bundle', 'export', '--db', db, '--out', out], { SAMOOH_PASSPHRASE: 'wrong passphrase' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);
    expect(readdirSync(out)).toEqual([]);
  });

  test('reads the passphrase from --passphrase-file, and writes members.csv only when asked', () => {
    const out = outDir('file');
    const pf = path.join(dir, 'pass.txt');
    writeFileSync(pf, PASSPHRASE + '\r\n');
    const r = samooh([
      'bundle',
      'export',
      '--db',
      db,
      '--out',
      out,
      '--with-members',
      '--passphrase-file',
      pf,
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const e = r.json() as Exported & { withMembers: boolean };
    expect(e.withMembers).toBe(true);
    expect(readdirSync(path.join(unzipToTemp(e.file), 'data'))).toContain('members.csv');
    const missing = samooh(['bundle', 'export', '--db', db, '--out', out, '--passphrase-file', path.join(dir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read --passphrase-file/);
  });

  test('asks on a real terminal without echoing the passphrase', () => {
    const out = outDir('tty');
    // A pseudo-terminal from Python's pty module: the CLI sees a TTY on stdin and stderr.
    const script = `
import os, pty, sys, termios
pid, fd = pty.fork()
if pid == 0:
    os.environ.pop('SAMOOH_PASSPHRASE', None)
    os.execv(sys.argv[1], sys.argv[1:])
out = b''
sent = False
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    if not sent and b'Passphrase for' in out:
        # Type once the CLI has turned echo off (raw mode), as a person reads the prompt first;
        # typed earlier, the terminal itself would echo the passphrase.
        while termios.tcgetattr(fd)[3] & termios.ECHO:
            os.sched_yield()
        os.write(fd, sys.stdin.read().encode() + b'\\r')
        sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf8', 'replace'))
sys.exit(os.WEXITSTATUS(status))
`;
    const r = spawnSync(
      'python3',
      [
        '-c',
        script,
        process.execPath,
        path.join(ROOT, 'scripts', 'samooh.cjs'),
        'bundle',
        'export',
        '--db',
        db,
        '--out',
        out,
      ],
      { input: PASSPHRASE, encoding: 'utf8', env: { ...process.env, SAMOOH_PASSPHRASE: undefined }, timeout: 60_000 },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Passphrase for the district key: ');
    expect(r.stdout).not.toContain(PASSPHRASE);
    expect(r.stdout).toMatch(/samooh-PAT-\d{8}-\d+\.zip/);
    expect(readdirSync(out)).toHaveLength(1);
  }, 60_000);
});
