// The BagIt manifests: the payload manifest against data/ (and bag-info's Payload-Oxum and
// members flag), the tag manifest against the tag files, and — for the files neither manifest
// hashes (the signature, strays) — the zip's own CRC-32.
import { BAGIT, BAG_INFO, MANIFEST, PAYLOAD_DIR, SIGNATURE, TAGMANIFEST, parseManifest, sha256Hex } from '../bagit.js';
import { PAYLOAD, REQUIRED_PAYLOAD } from '../bundle-format.js';
import { crcMismatches, type ZipContents } from '../zip-read.js';
import type { BagInfoFacts } from './check-bag-info.js';
import { problem, type BagFiles, type VerifyProblem } from './report.js';

const KNOWN_TAG_FILES = new Set([BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST, SIGNATURE]);

/**
 * manifest-sha256.txt and the payload: every listed file present with its hash, every payload
 * file listed, the required ones there, Payload-Oxum and the members flag true.
 * `hashed` holds the files whose SHA-256 was checked (their CRC-32 need not be).
 */
export function checkPayloadManifest(
  files: BagFiles,
  facts: Pick<BagInfoFacts, 'payloadOxum' | 'membersIncluded'>,
): { problems: VerifyProblem[]; hashed: Set<string> } {
  const problems: VerifyProblem[] = [];
  const add = (...p: Parameters<typeof problem>) => problems.push(problem(...p));
  const listed = new Set<string>();
  const manifestText = files.get(MANIFEST)?.toString('utf8');
  if (manifestText === undefined) add('manifest_missing', 'manifest-sha256.txt is missing', MANIFEST);
  else {
    const parsed = parseManifest(manifestText);
    for (const e of parsed.errors) add('manifest_invalid', `manifest-sha256.txt: ${e}`, MANIFEST);
    for (const e of parsed.entries) {
      if (!e.path.startsWith(PAYLOAD_DIR)) {
        add('manifest_invalid', `manifest-sha256.txt lists ${e.path}, outside data/`, MANIFEST);
        continue;
      }
      if (listed.has(e.path)) {
        add('manifest_invalid', `manifest-sha256.txt lists ${e.path} twice`, MANIFEST);
        continue;
      }
      listed.add(e.path);
      const bytes = files.get(e.path);
      if (!bytes) add('payload_file_missing', `${e.path} is listed in the manifest but missing`, e.path);
      else if (sha256Hex(bytes) !== e.sha256)
        add('payload_hash_mismatch', `${e.path} does not match its SHA-256 in the manifest`, e.path);
    }
  }
  const payloadFiles = [...files.keys()].filter((p) => p.startsWith(PAYLOAD_DIR));
  if (manifestText !== undefined) {
    for (const p of payloadFiles) {
      if (!listed.has(p)) add('payload_file_unlisted', `${p} is in the bag but not in the manifest`, p);
    }
  }
  for (const p of REQUIRED_PAYLOAD) {
    if (!files.has(p) && !listed.has(p)) add('required_payload_missing', `${p} is missing from the bundle`, p);
  }
  if (facts.payloadOxum !== null) {
    const octets = payloadFiles.reduce((s, p) => s + files.get(p)!.length, 0);
    const actual = `${octets}.${payloadFiles.length}`;
    if (facts.payloadOxum !== actual) {
      add('payload_oxum_mismatch', `Payload-Oxum says ${facts.payloadOxum}; the payload is ${actual}`, BAG_INFO);
    }
  }
  if (facts.membersIncluded !== null && facts.membersIncluded !== files.has(PAYLOAD.members)) {
    add(
      'members_flag_mismatch',
      facts.membersIncluded
        ? 'bag-info says members are included but members.csv is absent'
        : 'members.csv is present but bag-info says members are not included',
      PAYLOAD.members,
    );
  }
  return { problems, hashed: listed };
}

/** Files outside data/ other than the tag files a Samooh bag has. */
export function checkUnexpectedFiles(files: BagFiles): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (const p of files.keys()) {
    if (!p.startsWith(PAYLOAD_DIR) && !KNOWN_TAG_FILES.has(p))
      problems.push(problem('unexpected_file', `${p} does not belong in a Samooh bag`, p));
  }
  return problems;
}

/**
 * tagmanifest-sha256.txt: covers bagit.txt, bag-info.txt and manifest-sha256.txt (and nothing it
 * cannot cover), each with its hash. Also gives the tag manifest's own SHA-256, the bundle's
 * link in the chain.
 */
export function checkTagManifest(files: BagFiles): {
  problems: VerifyProblem[];
  hashed: Set<string>;
  tagmanifestSha256: string | null;
} {
  const problems: VerifyProblem[] = [];
  const add = (...p: Parameters<typeof problem>) => problems.push(problem(...p));
  const covered = new Set<string>();
  const tagBytes = files.get(TAGMANIFEST);
  if (!tagBytes) {
    add('tagmanifest_missing', 'tagmanifest-sha256.txt is missing', TAGMANIFEST);
    return { problems, hashed: covered, tagmanifestSha256: null };
  }
  const parsed = parseManifest(tagBytes.toString('utf8'));
  for (const e of parsed.errors) add('tagmanifest_invalid', `tagmanifest-sha256.txt: ${e}`, TAGMANIFEST);
  for (const e of parsed.entries) {
    if (e.path.startsWith(PAYLOAD_DIR) || e.path === TAGMANIFEST || e.path === SIGNATURE) {
      add(
        'tagmanifest_invalid',
        `tagmanifest-sha256.txt lists ${e.path}, which is not a tag file it can cover`,
        TAGMANIFEST,
      );
      continue;
    }
    covered.add(e.path);
    const bytes = files.get(e.path);
    if (!bytes) add('tag_file_missing', `${e.path} is listed in the tag manifest but missing`, e.path);
    else if (sha256Hex(bytes) !== e.sha256)
      add('tag_hash_mismatch', `${e.path} does not match its SHA-256 in the tag manifest`, e.path);
  }
  for (const p of [BAGIT, BAG_INFO, MANIFEST]) {
    if (!covered.has(p)) add('tagmanifest_incomplete', `the tag manifest does not cover ${p}`, TAGMANIFEST);
  }
  return { problems, hashed: covered, tagmanifestSha256: sha256Hex(tagBytes) };
}

/** The zip's CRC-32 for the files no manifest hashed. */
export function checkUnhashedCrc(zip: ZipContents, hashed: ReadonlySet<string>): VerifyProblem[] {
  return crcMismatches(
    zip,
    [...zip.files.keys()].filter((f) => !hashed.has(f)),
  ).map((p) => problem('entry_corrupt', `${p}: CRC-32 mismatch`, p));
}
