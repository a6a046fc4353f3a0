// A raw zip writer for tests: it writes exactly what it is told, including what no honest
// zip library would (zip-slip names, symlinks, lying sizes, overlapping entries), so the
// defensive reader can be tested against real hostile files.
import { crc32, deflateRawSync } from 'node:zlib';

export interface CraftEntry {
  name: string | Buffer;
  data?: Buffer;
  method?: 0 | 8;
  /** Unix mode for the high 16 bits of the external attributes (0o100644 by default). */
  mode?: number;
  /** Low 16 bits of the external attributes (DOS attributes). */
  dosAttributes?: number;
  flags?: number;
  /** Name written in the local header, when it should differ from the central directory's. */
  localName?: string;
  /** Lie about the uncompressed size in the central directory. */
  declaredSize?: number;
  /** Point this entry's central record at another entry's local header (overlap). */
  sameDataAs?: number;
  extra?: Buffer;
}

export function craftZip(entries: CraftEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  const sizes: { comp: number; crc: number; size: number }[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name, 'utf8');
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 8;
    const comp = method === 8 ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const extra = e.extra ?? Buffer.alloc(0);
    const flags = e.flags ?? (Buffer.isBuffer(e.name) ? 0 : 0x800);
    if (e.sameDataAs !== undefined) {
      offsets.push(offsets[e.sameDataAs]!);
      sizes.push(sizes[e.sameDataAs]!);
    } else {
      const localName = e.localName ? Buffer.from(e.localName, 'utf8') : name;
      const lh = Buffer.alloc(30);
      lh.writeUInt32LE(0x04034b50, 0);
      lh.writeUInt16LE(20, 4);
      lh.writeUInt16LE(flags, 6);
      lh.writeUInt16LE(method, 8);
      lh.writeUInt16LE(0, 10);
      lh.writeUInt16LE(0x21, 12);
      lh.writeUInt32LE(crc, 14);
      lh.writeUInt32LE(comp.length, 18);
      lh.writeUInt32LE(data.length, 22);
      lh.writeUInt16LE(localName.length, 26);
      lh.writeUInt16LE(extra.length, 28);
      offsets.push(offset);
      sizes.push({ comp: comp.length, crc, size: data.length });
      const chunk = Buffer.concat([lh, localName, extra, comp]);
      locals.push(chunk);
      offset += chunk.length;
    }
    const s = sizes[i]!;
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt16LE(0, 12);
    ch.writeUInt16LE(0x21, 14);
    ch.writeUInt32LE(s.crc, 16);
    ch.writeUInt32LE(s.comp, 20);
    ch.writeUInt32LE(e.declaredSize ?? s.size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt16LE(extra.length, 30);
    ch.writeUInt16LE(0, 32);
    ch.writeUInt16LE(0, 34);
    ch.writeUInt16LE(0, 36);
    ch.writeUInt32LE(((((e.mode ?? 0o100644) & 0xffff) << 16) | (e.dosAttributes ?? 0)) >>> 0, 38);
    ch.writeUInt32LE(offsets[i]!, 42);
    central.push(Buffer.concat([ch, name, extra]));
  });
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
