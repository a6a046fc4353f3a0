// BagIt 1.0 (RFC 8493) tag files: what the writer emits and the verifier parses. Kept to the
// RFC's plain text forms so that HQ can check a bag with any BagIt tool or with
// `sha256sum -c manifest-sha256.txt` run inside the bag.
import { createHash } from 'node:crypto';

export interface BagFile {
  /** Path inside the bag, '/'-separated: 'data/summary.json', 'bag-info.txt' … */
  path: string;
  bytes: Buffer;
}

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const PAYLOAD_DIR = 'data/';
export const MANIFEST = 'manifest-sha256.txt';
export const TAGMANIFEST = 'tagmanifest-sha256.txt';
export const SIGNATURE = 'tagmanifest-sha256.txt.minisig';
export const BAG_INFO = 'bag-info.txt';
export const BAGIT = 'bagit.txt';

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** RFC 8493 §2.1.3: CR, LF and % in a manifest path are percent-encoded. */
export function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(p: string): string {
  return p.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** "<sha256>  <path>" lines, sorted by path: the format `sha256sum -c` also reads. */
export function manifestText(files: readonly { path: string; sha256: string }[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${encodeManifestPath(f.path)}\n`)
    .join('');
}

export interface ManifestEntry {
  sha256: string;
  path: string;
}

export function parseManifest(text: string): { entries: ManifestEntry[]; errors: string[] } {
  const entries: ManifestEntry[] = [];
  const errors: string[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const m = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(line);
    if (!m) {
      errors.push(`line ${i + 1} is not "<sha256> <path>"`);
      return;
    }
    entries.push({ sha256: m[1]!.toLowerCase(), path: decodeManifestPath(m[2]!) });
  });
  return { entries, errors };
}

/** Payload-Oxum: "<octet count>.<stream count>" of the payload files. */
export function payloadOxum(payload: readonly BagFile[]): string {
  const octets = payload.reduce((s, f) => s + f.bytes.length, 0);
  return `${octets}.${payload.length}`;
}

/** bag-info.txt: one "Label: value" per line; values are single lines (newlines flattened). */
export function bagInfoText(fields: readonly (readonly [string, string | number])[]): string {
  return fields
    .map(
      ([label, value]) =>
        `${label}: ${String(value)
          .replace(/[\r\n]+/g, ' ')
          .trim()}\n`,
    )
    .join('');
}

export interface BagInfo {
  /** Labels in file order; a label may repeat (RFC 8493 allows it). */
  fields: [string, string][];
  errors: string[];
}

export function parseBagInfo(text: string): BagInfo {
  const fields: [string, string][] = [];
  const errors: string[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^[ \t]/.test(line) && fields.length) {
      // A continuation line (RFC 8493 §2.2.2): folded into the previous value.
      fields[fields.length - 1]![1] += ' ' + line.trim();
      return;
    }
    const m = /^([^:\s][^:]*):[ \t]*(.*)$/.exec(line);
    if (!m) {
      errors.push(`line ${i + 1} is not "Label: value"`);
      return;
    }
    fields.push([m[1]!.trim(), m[2]!.trim()]);
  });
  return { fields, errors };
}

/** The single value of a label, or undefined when absent; repeated labels are an error. */
export function bagInfoValue(info: BagInfo, label: string): string | undefined | { repeated: true } {
  const values = info.fields.filter(([l]) => l === label).map(([, v]) => v);
  if (values.length > 1) return { repeated: true };
  return values[0];
}
