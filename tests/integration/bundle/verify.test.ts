// The verifier against damaged and forged bundles: every changed byte of every file in the bag
// is caught (property test over positions), any changed byte of the zip is either caught or
// changes nothing that is read, and each kind of forgery is refused with its own reason.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../../../electron/services/bundle/zip-write.js';
import { writeBundle, type BundleWritten } from '../../../electron/services/bundle/export.js';
import { generateKeyPair, signPrehashed, type MinisignSecretKey } from '../../../electron/services/bundle/minisign.js';
import { readZipDefensively } from '../../../electron/services/bundle/zip-read.js';
import { verifyBundle, type VerifyCode } from '../../../electron/services/bundle/verify.js';
import { sha256Hex } from '../../../electron/services/bundle/bagit.js';
import { craftZip } from '../../unit/bundle/zip-craft.js';
import { tempDir } from '../../fixtures/temp.js';
import { keyedRegister, sampleReport, type KeyedRegister } from './fixtures.js';

let reg: KeyedRegister;
let bundle: BundleWritten;
let zip: Buffer;
let files: Map<string, Buffer>;
let root: string;
const NOW = new Date('2026-01-05T10:30:00Z');
// Bounded for the suite; SAMOOH_PROPERTY_RUNS=5000 for a deeper search with a random seed.
const DEEP = Number(process.env.SAMOOH_PROPERTY_RUNS ?? 0);
const runs = (n: number, seed: number) => (DEEP ? { numRuns: DEEP } : { numRuns: n, seed });

beforeAll(async () => {
  reg = await keyedRegister();
  // A folder outside tempDir()'s per-test cleanup: the bundle is shared by every test here.
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const folder = mkdtempSync(path.join(tmpdir(), 'samooh-verify-'));
  bundle = await writeBundle(reg.db, {
    key: reg.key,
    report: sampleReport(),
    folder,
    withMembers: false,
    target: 'folder',
    operator: 't',
    now: NOW,
  });
  zip = readFileSync(bundle.file);
  const read = await readZipDefensively(zip);
  files = new Map(read.files);
  root = read.root!;
});

async function rezip(mutate: (f: Map<string, Buffer>) => void, name = root): Promise<Buffer> {
  const copy = new Map([...files].map(([k, v]) => [k, Buffer.from(v)]));
  mutate(copy);
  return buildZip(
    [...copy].map(([p, bytes]) => ({ name: `${name}/${p}`, bytes })),
    NOW,
  );
}

async function problems(input: Buffer, key: MinisignSecretKey = reg.key): Promise<VerifyCode[]> {
  return (await verifyBundle(input, { publicKey: key })).report.problems.map((p) => p.code);
}

/** Re-signs a changed tagmanifest with `key`, as a forger holding that key would. */
function resign(f: Map<string, Buffer>, key: MinisignSecretKey, tc?: string) {
  const sig = f.get('tagmanifest-sha256.txt.minisig')!.toString('utf8').split('\n');
  const untrusted = sig[0]!.slice('untrusted comment: '.length);
  const trusted = tc ?? sig[2]!.slice('trusted comment: '.length);
  f.set(
    'tagmanifest-sha256.txt.minisig',
    Buffer.from(signPrehashed(f.get('tagmanifest-sha256.txt')!, key, trusted, untrusted)),
  );
}

function retag(f: Map<string, Buffer>) {
  const lines = ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt'].map((p) => `${sha256Hex(f.get(p)!)}  ${p}\n`);
  f.set('tagmanifest-sha256.txt', Buffer.from(lines.join('')));
}

function remanifest(f: Map<string, Buffer>) {
  const lines = [...f.keys()]
    .filter((p) => p.startsWith('data/'))
    .sort()
    .map((p) => `${sha256Hex(f.get(p)!)}  ${p}\n`);
  f.set('manifest-sha256.txt', Buffer.from(lines.join('')));
}

describe('bundle verification', () => {
  it('accepts the bundle as written and reports what it says', async () => {
    const { report, files: out } = await verifyBundle(bundle.file, {
      publicKey: reg.key,
      previous: null,
      district: 'PAT',
      zipSha256: true,
    });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.zipSha256).toBe(bundle.zipSha256);
    expect(report.bag).toMatchObject({
      name: 'samooh-PAT-20260105-1',
      district: 'PAT',
      sequence: 1,
      baggingDate: '2026-01-05',
      keyId: reg.key.keyId,
      membersIncluded: false,
      tagmanifestSha256: bundle.tagmanifestSha256,
      uuid: bundle.uuid,
    });
    expect(JSON.parse(out.get('data/summary.json')!.toString()).district.code).toBe('PAT');
    // Re-zipping the same files (another zip tool) is still the same, valid bag.
    expect(await problems(await rezip(() => {}))).toEqual([]);
  });

  it('catches a changed byte anywhere in any file of the bag (property)', async () => {
    const names = [...files.keys()].sort();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: names.length - 1 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 255 }),
        async (fileIndex, where, xor) => {
          const name = names[fileIndex]!;
          const size = files.get(name)!.length;
          const pos = Math.floor(where * size);
          const z = await rezip((f) => {
            f.get(name)![pos]! ^= xor;
          });
          const found = await problems(z);
          expect(found.length, `${name}@${pos}^${xor}`).toBeGreaterThan(0);
        },
      ),
      runs(150, 20260105),
    );
  });

  it('catches every first and last byte of every file, exhaustively', async () => {
    for (const name of files.keys()) {
      for (const pos of [0, files.get(name)!.length - 1]) {
        const z = await rezip((f) => {
          f.get(name)![pos]! ^= 0x01;
        });
        expect((await problems(z)).length, `${name}@${pos}`).toBeGreaterThan(0);
      }
    }
  });

  it('a changed byte anywhere in the zip file is refused or changes nothing that is read (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: zip.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (pos, xor) => {
          const z = Buffer.from(zip);
          z[pos]! ^= xor;
          const { report, files: got } = await verifyBundle(z, { publicKey: reg.key });
          if (report.ok) {
            // Only metadata no reader uses (timestamps, permission bits …) may change silently.
            expect([...got.keys()].sort()).toEqual([...files.keys()].sort());
            for (const [k, v] of got) expect(v.equals(files.get(k)!), `${k} after flipping ${pos}`).toBe(true);
          }
        },
      ),
      runs(300, 7),
    );
  });

  it('refuses a bundle signed by another key', async () => {
    const other = generateKeyPair();
    expect(await problems(zip, other)).toEqual(['signature_wrong_key', 'key_id_mismatch']);
    // A forger re-signs with their own key: still not the district's.
    const forged = await rezip((f) => resign(f, other));
    expect(await problems(forged)).toContain('signature_wrong_key');
  });

  it('refuses a missing payload file, an extra payload file, and a missing tag file', async () => {
    const missing = await rezip((f) => f.delete('data/units.csv'));
    expect(await problems(missing)).toEqual(['payload_file_missing', 'payload_oxum_mismatch']);
    const extra = await rezip((f) => f.set('data/extra.txt', Buffer.from('not listed')));
    expect(await problems(extra)).toEqual(['payload_file_unlisted', 'payload_oxum_mismatch']);
    const noSig = await rezip((f) => f.delete('tagmanifest-sha256.txt.minisig'));
    expect(await problems(noSig)).toEqual(['signature_missing']);
    const noInfo = await rezip((f) => f.delete('bag-info.txt'));
    expect(await problems(noInfo)).toContain('bag_info_missing');
    const stray = await rezip((f) => f.set('notes.txt', Buffer.from('x')));
    expect(await problems(stray)).toEqual(['unexpected_file']);
  });

  it('refuses a consistently re-hashed bag that was not re-signed', async () => {
    const z = await rezip((f) => {
      const csv = f.get('data/units.csv')!.toString().replace('compliant', 'compliant ');
      f.set('data/units.csv', Buffer.from(csv));
      remanifest(f);
      const info = f.get('bag-info.txt')!.toString();
      const octets = [...f].filter(([p]) => p.startsWith('data/')).reduce((s, [, b]) => s + b.length, 0);
      f.set(
        'bag-info.txt',
        Buffer.from(info.replace(/Payload-Oxum: \d+\.(\d+)/, (_m, n: string) => `Payload-Oxum: ${octets}.${n}`)),
      );
      retag(f);
    });
    expect(await problems(z)).toEqual(['signature_invalid']);
  });

  it('refuses a changed trusted comment, and a signed comment that disagrees with bag-info', async () => {
    const tampered = await rezip((f) => {
      const s = f.get('tagmanifest-sha256.txt.minisig')!.toString().replace('sequence:1', 'sequence:9');
      f.set('tagmanifest-sha256.txt.minisig', Buffer.from(s));
    });
    expect(await problems(tampered)).toEqual(['trusted_comment_invalid', 'trusted_comment_mismatch']);
    // Signed by the right key but naming another sequence (a writer bug or a replayed signature).
    const mismatched = await rezip((f) => {
      const tc = f
        .get('tagmanifest-sha256.txt.minisig')!
        .toString()
        .split('\n')[2]!
        .slice(17)
        .replace('sequence:1', 'sequence:2');
      resign(f, reg.key, tc);
    });
    expect(await problems(mismatched)).toEqual(['trusted_comment_mismatch']);
  });

  it('refuses a legacy (not prehashed) signature', async () => {
    const z = await rezip((f) => {
      const lines = f.get('tagmanifest-sha256.txt.minisig')!.toString().split('\n');
      const raw = Buffer.from(lines[1]!, 'base64');
      raw.write('Ed', 0, 'latin1');
      lines[1] = raw.toString('base64');
      f.set('tagmanifest-sha256.txt.minisig', Buffer.from(lines.join('\n')));
    });
    expect(await problems(z)).toEqual(['signature_not_prehashed']);
  });

  it('refuses a bag renamed to another sequence, and a bad Payload-Oxum', async () => {
    expect(await problems(await rezip(() => {}, 'samooh-PAT-20260105-2'))).toEqual([
      'bag_name_mismatch',
      'untrusted_comment_mismatch',
    ]);
    const oxum = await rezip((f) => {
      f.set(
        'bag-info.txt',
        Buffer.from(
          f
            .get('bag-info.txt')!
            .toString()
            .replace(/Payload-Oxum: \d+/, 'Payload-Oxum: 1'),
        ),
      );
      retag(f);
      resign(f, reg.key);
    });
    expect(await problems(oxum)).toEqual(['payload_oxum_mismatch']);
  });

  it('refuses members.csv smuggled into a counts-only bundle even when listed and signed', async () => {
    const z = await rezip((f) => {
      f.set('data/members.csv', Buffer.from('name,phone\r\n'));
      remanifest(f);
      const octets = [...f].filter(([p]) => p.startsWith('data/')).reduce((s, [, b]) => s + b.length, 0);
      f.set(
        'bag-info.txt',
        Buffer.from(
          f
            .get('bag-info.txt')!
            .toString()
            .replace(/Payload-Oxum: \d+\.(\d+)/, (_m, n: string) => `Payload-Oxum: ${octets}.${Number(n) + 1}`),
        ),
      );
      retag(f);
      resign(f, reg.key);
    });
    expect(await problems(z)).toEqual(['members_flag_mismatch']);
  });

  it('refuses a summary.json that breaks its schema, even when signed', async () => {
    const z = await rezip((f) => {
      const s = JSON.parse(f.get('data/summary.json')!.toString());
      s.summary.units = -1;
      f.set('data/summary.json', Buffer.from(JSON.stringify(s)));
      remanifest(f);
      const octets = [...f].filter(([p]) => p.startsWith('data/')).reduce((a, [, b]) => a + b.length, 0);
      f.set(
        'bag-info.txt',
        Buffer.from(
          f
            .get('bag-info.txt')!
            .toString()
            .replace(/Payload-Oxum: \d+\.(\d+)/, (_m, n: string) => `Payload-Oxum: ${octets}.${n}`),
        ),
      );
      retag(f);
      resign(f, reg.key);
    });
    expect(await problems(z)).toEqual(['summary_invalid']);
  });

  it('refuses zip-slip, symlink and zip-bomb entries before reading the bag', async () => {
    const entries = [...files].map(([p, data]) => ({ name: `${root}/${p}`, data }));
    expect(await problems(craftZip([...entries, { name: `${root}/../../evil.sh`, data: Buffer.from('x') }]))).toEqual([
      'unsafe_path',
    ]);
    expect(
      await problems(
        craftZip([...entries, { name: `${root}/data/link`, data: Buffer.from('/etc/passwd'), mode: 0o120777 }]),
      ),
    ).toEqual(['symlink_entry']);
    expect(
      await problems(craftZip([...entries, { name: `${root}/data/bomb`, data: Buffer.alloc(50 * 1024 * 1024) }])),
    ).toEqual(['zip_bomb']);
    expect(await problems(craftZip([...entries, { name: 'other/x', data: Buffer.from('x') }]))).toEqual([
      'not_one_folder',
    ]);
  });

  it('reads a file path and reports an unreadable one', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'b.zip');
    writeFileSync(f, zip);
    expect((await verifyBundle(f, { publicKey: reg.key })).report.ok).toBe(true);
    expect(await problems(Buffer.from('not a zip'))).toEqual(['zip_unreadable']);
    const r = await verifyBundle(path.join(dir, 'missing.zip'), { publicKey: reg.key });
    expect(r.report.problems.map((p) => p.code)).toEqual(['zip_unreadable']);
  });
});
