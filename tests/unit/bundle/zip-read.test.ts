// The defensive zip reader against hand-made hostile zips: each is refused, with its own
// reason, before anything is inflated; honest zips are read back byte for byte.
import { describe, expect, it } from 'vitest';
import {
  readZipDefensively,
  unsafePathReason,
  DEFAULT_ZIP_LIMITS,
} from '../../../electron/services/bundle/zip-read.js';
import { craftZip, type CraftEntry } from './zip-craft.js';

const ok = (name: string, text = 'x'): CraftEntry => ({ name, data: Buffer.from(text) });

async function codes(entries: CraftEntry[], limits = DEFAULT_ZIP_LIMITS) {
  const r = await readZipDefensively(craftZip(entries), limits);
  return { codes: [...new Set(r.problems.map((p) => p.code))], r };
}

describe('defensive zip reading', () => {
  it('reads an honest zip with one top-level folder', async () => {
    const { codes: c, r } = await codes([
      ok('bag/bagit.txt', 'hello'),
      ok('bag/data/a.csv', 'a,b\r\n'),
      { name: 'bag/data/', mode: 0o040755 },
    ]);
    expect(c).toEqual([]);
    expect(r.root).toBe('bag');
    expect([...r.files.keys()].sort()).toEqual(['bagit.txt', 'data/a.csv']);
    expect(r.files.get('bagit.txt')!.toString()).toBe('hello');
  });

  it.each([
    ['../evil.txt'],
    ['bag/../../evil.txt'],
    ['/etc/cron.d/evil'],
    ['C:/Windows/evil.dll'],
    ['c:evil'],
    ['bag\\..\\..\\evil.txt'],
    ['bag/data/a.csv:stream'],
    ['bag//data/a.csv'],
    ['bag/./a.csv'],
    ['bag/evil.\u0007'],
    ['bag/trailing. '],
  ])('refuses the unsafe name %j', async (name) => {
    const { codes: c, r } = await codes([ok('bag/bagit.txt'), ok(name)]);
    expect(c).toEqual(['unsafe_path']);
    expect(r.files.size).toBe(0);
  });

  it('refuses a name that is not valid UTF-8, or CP437 beyond ASCII', async () => {
    expect(
      (await codes([ok('bag/a'), { name: Buffer.from([0x62, 0x2f, 0xff]), data: Buffer.from('x') }])).codes,
    ).toEqual(['unsafe_path']);
    expect(
      (
        await codes([
          ok('bag/a'),
          { name: Buffer.from([0x62, 0x2f, 0xc3, 0x28]), data: Buffer.from('x'), flags: 0x800 },
        ])
      ).codes,
    ).toEqual(['unsafe_path']);
  });

  it('refuses an Info-ZIP Unicode Path field that names another file', async () => {
    const evil = Buffer.from('../../evil', 'utf8');
    const name = Buffer.from('bag/a.txt');
    const { crc32 } = await import('node:zlib');
    const data = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), evil]);
    data.writeUInt32LE(crc32(name), 1);
    const extra = Buffer.concat([Buffer.from([0x75, 0x70, data.length, 0]), data]);
    expect((await codes([{ name, data: Buffer.from('x'), flags: 0, extra }])).codes).toEqual(['unsafe_path']);
  });

  it('refuses symlinks and other special entries', async () => {
    expect(
      (await codes([ok('bag/a'), { name: 'bag/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }])).codes,
    ).toEqual(['symlink_entry']);
    expect(
      (await codes([ok('bag/a'), { name: 'bag/link', data: Buffer.from('x'), mode: 0, dosAttributes: 0x400 }])).codes,
    ).toEqual(['symlink_entry']);
    expect((await codes([ok('bag/a'), { name: 'bag/fifo', mode: 0o010644 }])).codes).toEqual(['special_entry']);
  });

  it('refuses duplicate names, also differing only in case', async () => {
    expect((await codes([ok('bag/a.txt'), ok('bag/a.txt')])).codes).toEqual(['duplicate_entry']);
    expect((await codes([ok('bag/A.txt'), ok('bag/a.TXT')])).codes).toEqual(['duplicate_entry']);
  });

  it('refuses a second top-level folder and files beside the folder', async () => {
    expect((await codes([ok('bag/a'), ok('other/b')])).codes).toEqual(['not_one_folder']);
    expect((await codes([ok('bag/a'), ok('readme.txt')])).codes).toEqual(['not_one_folder']);
    expect((await codes([])).codes).toEqual(['not_one_folder']);
  });

  it('refuses zip bombs: compression ratio, declared size, overlapping entries, totals, entry count', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    expect((await codes([ok('bag/a'), { name: 'bag/bomb.bin', data: zeros }])).codes).toEqual(['zip_bomb']);
    // Declares less than it inflates to: stopped at the declared size, never allocated in full.
    const lying = await codes([
      ok('bag/a'),
      { name: 'bag/small.bin', data: Buffer.alloc(500_000, 7), declaredSize: 1000 },
    ]);
    expect(lying.codes).toEqual(['entry_corrupt']);
    expect(lying.r.problems[0]!.message).toMatch(/more than its declared size/);
    // Many central records pointing at one local entry (Fifield's non-recursive bomb).
    const data = Buffer.alloc(100_000, 1);
    expect(
      (
        await codes([
          { name: 'bag/a', data },
          { name: 'bag/b', sameDataAs: 0 },
          { name: 'bag/c', sameDataAs: 0 },
        ])
      ).codes,
    ).toEqual(['overlapping_entries']);
    const small = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 10, maxEntries: 3 };
    expect((await codes([ok('bag/a', 'x'.repeat(8)), ok('bag/b', 'y'.repeat(8))], small)).codes).toEqual(['too_large']);
    expect((await codes([ok('bag/a'), ok('bag/b'), ok('bag/c'), ok('bag/d')], small)).codes).toEqual([
      'too_many_entries',
    ]);
    expect((await codes([ok('bag/a', 'x'.repeat(100))], { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 50 })).codes).toEqual([
      'too_large',
    ]);
    expect(
      (await readZipDefensively(craftZip([ok('bag/a')]), { ...DEFAULT_ZIP_LIMITS, maxZipBytes: 10 })).problems[0]!.code,
    ).toBe('zip_too_large');
  });

  it('refuses encryption, unknown compression, and a local header that disagrees', async () => {
    expect((await codes([ok('bag/a'), { name: 'bag/s', data: Buffer.from('x'), flags: 0x801 }])).codes).toEqual([
      'encrypted_entry',
    ]);
    const lzma = craftZip([ok('bag/a')]);
    // Patch the method in both headers to 14 (LZMA).
    lzma.writeUInt16LE(14, 8);
    lzma.writeUInt16LE(14, lzma.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect((await readZipDefensively(lzma)).problems.map((p) => p.code)).toEqual(['unsupported_compression']);
    expect((await codes([{ name: 'bag/a.txt', localName: '../../a.txt', data: Buffer.from('x') }])).codes).toEqual([
      'entry_corrupt',
    ]);
  });

  it('catches corrupted data by CRC-32 and says so', async () => {
    const z = craftZip([{ name: 'bag/a.txt', data: Buffer.from('hello world'), method: 0 }]);
    z[30 + 'bag/a.txt'.length + 2]! ^= 0x20;
    const r = await readZipDefensively(z);
    expect(r.problems.map((p) => p.code)).toEqual(['entry_corrupt']);
    expect(r.problems[0]!.message).toMatch(/CRC-32/);
  });

  it('refuses what is not a zip at all', async () => {
    const r = await readZipDefensively(Buffer.from('PK this is not really a zip file'));
    expect(r.problems.map((p) => p.code)).toEqual(['zip_unreadable']);
  });

  it('names why a path is unsafe', () => {
    expect(unsafePathReason('bag/data/summary.json')).toBeNull();
    expect(unsafePathReason('../x')).toBe("'..' in path");
    expect(unsafePathReason('/x')).toBe('absolute path');
  });
});
