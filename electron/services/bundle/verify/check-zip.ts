// The zip itself: read defensively (zip-read.ts) — nothing is inflated before the central
// directory is cleared — and its structural problems as verify problems. Any of them stops the
// verification: the other checks need the bag's files.
import { DEFAULT_ZIP_LIMITS, readZipDefensively, type ZipContents, type ZipLimits } from '../zip-read.js';
import { problem, type VerifyProblem } from './report.js';

export async function checkZip(
  input: string | Buffer,
  opts: { limits?: ZipLimits; zipSha256?: boolean },
): Promise<{ zip: ZipContents; problems: VerifyProblem[] }> {
  // CRC-32 is checked later only for files no manifest hashes: SHA-256 covers the rest.
  const zip = await readZipDefensively(input, opts.limits ?? DEFAULT_ZIP_LIMITS, {
    crc: 'deferred',
    zipSha256: opts.zipSha256 ?? false,
  });
  return { zip, problems: zip.problems.map((p) => problem(p.code, p.message, p.entry || undefined)) };
}
