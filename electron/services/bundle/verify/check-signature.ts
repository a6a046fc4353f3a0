// The minisign signature over the tag manifest: present, well-formed, prehashed, by the key
// given, valid; its trusted comment (signed) agreeing with bag-info; its untrusted comment (not
// signed, so compared verbatim) as Samooh writes it; and bag-info's key id naming that key.
import { BAG_INFO, SIGNATURE, TAGMANIFEST } from '../bagit.js';
import { parseTrustedComment, untrustedComment } from '../bundle-format.js';
import {
  MinisignError,
  checkSignature as checkMinisign,
  keyIdHex,
  parseSignature,
  type MinisignPublicKey,
} from '../minisign.js';
import type { BagInfoFacts } from './check-bag-info.js';
import { problem, type BagFiles, type VerifyProblem } from './report.js';

export interface SignatureExpectations {
  /** The bag folder's name (the untrusted comment names it). */
  root: string;
  publicKey: MinisignPublicKey;
  /** bag-info's facts: the trusted comment repeats them. */
  facts: TrustedFacts;
}

/** What the trusted comment repeats from bag-info. */
export type TrustedFacts = Pick<BagInfoFacts, 'district' | 'sequence' | 'baggingDate' | 'uuid' | 'keyId'>;

/**
 * Checks tagmanifest-sha256.txt.minisig. Without a tag manifest there is nothing to check it
 * against (that is reported by the tag manifest check). Also gives the trusted comment as read.
 */
export function checkSignature(
  files: BagFiles,
  expect: SignatureExpectations,
): { problems: VerifyProblem[]; trustedComment: string | null } {
  const problems: VerifyProblem[] = [];
  const add = (...p: Parameters<typeof problem>) => problems.push(problem(...p));
  const sigText = files.get(SIGNATURE)?.toString('utf8');
  const tagBytes = files.get(TAGMANIFEST);
  let trustedComment: string | null = null;
  if (sigText === undefined) add('signature_missing', 'tagmanifest-sha256.txt.minisig is missing', SIGNATURE);
  else if (tagBytes) {
    const expectedKeyId = keyIdHex(expect.publicKey.keyNumber);
    try {
      const sig = parseSignature(sigText);
      trustedComment = sig.trustedComment;
      for (const p of checkMinisign(tagBytes, sig, expect.publicKey)) {
        if (p === 'wrong_key') {
          add('signature_wrong_key', `signed by key ${keyIdHex(sig.keyNumber)}, not by ${expectedKeyId}`, SIGNATURE);
        } else if (p === 'not_prehashed') {
          add('signature_not_prehashed', 'the signature is not a prehashed (ED) minisign signature', SIGNATURE);
        } else if (p === 'bad_signature') {
          add('signature_invalid', 'the signature does not match tagmanifest-sha256.txt', SIGNATURE);
        } else {
          add('trusted_comment_invalid', 'the trusted comment was changed after signing', SIGNATURE);
        }
      }
      problems.push(...checkTrustedComment(sig.trustedComment, expect.facts));
      const expectedUntrusted = untrustedComment(expect.root, expect.facts.keyId ?? expectedKeyId);
      if (sig.untrustedComment !== expectedUntrusted) {
        add(
          'untrusted_comment_mismatch',
          `the signature's untrusted comment was changed (expected "${expectedUntrusted}")`,
          SIGNATURE,
        );
      }
    } catch (err) {
      if (!(err instanceof MinisignError)) throw err;
      add('signature_malformed', `tagmanifest-sha256.txt.minisig: ${err.message}`, SIGNATURE);
    }
  }
  return { problems, trustedComment };
}

/**
 * The trusted comment names the district, sequence, date, bundle UUID and key; each must be
 * there, and agree with bag-info where bag-info has a valid value.
 */
export function checkTrustedComment(tc: string, facts: TrustedFacts): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const f = parseTrustedComment(tc);
  const expect: [string, string | null][] = [
    ['district', facts.district],
    ['sequence', facts.sequence === null ? null : String(facts.sequence)],
    ['date', facts.baggingDate],
    ['bundle', facts.uuid],
    ['key', facts.keyId],
  ];
  for (const [field, value] of expect) {
    const got = f.get(field);
    if (got === undefined) {
      problems.push(problem('trusted_comment_mismatch', `the trusted comment does not name the ${field}`, SIGNATURE));
    } else if (value !== null && got !== value) {
      problems.push(
        problem(
          'trusted_comment_mismatch',
          `the trusted comment says ${field} ${got}; bag-info says ${value}`,
          SIGNATURE,
        ),
      );
    }
  }
  return problems;
}

/** bag-info's Samooh-Key-Id names the key the bundle is checked with. */
export function checkKeyId(keyId: string | null, publicKey: MinisignPublicKey): VerifyProblem[] {
  const expected = keyIdHex(publicKey.keyNumber);
  if (keyId === null || keyId === expected) return [];
  return [problem('key_id_mismatch', `bag-info names key ${keyId}; the key given is ${expected}`, BAG_INFO)];
}
