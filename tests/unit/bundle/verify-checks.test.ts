// The verifier's checks on their own (electron/services/bundle/verify/): each takes what it
// checks and returns problems with stable codes, whatever else is wrong with the bag. The whole
// verifier against real bundles is in tests/integration/bundle/verify.test.ts.
import { describe, expect, it } from 'vitest';
import { GENESIS_TAGMANIFEST } from '../../../db/bundles.js';
import { bagInfoText } from '../../../electron/services/bundle/bagit.js';
import { INFO, trustedComment } from '../../../electron/services/bundle/bundle-format.js';
import { checkBagInfo, checkBagName } from '../../../electron/services/bundle/verify/check-bag-info.js';
import { checkBagitTxt } from '../../../electron/services/bundle/verify/check-bagit.js';
import { checkChain, checkDistrict } from '../../../electron/services/bundle/verify/check-chain.js';
import { checkTrustedComment } from '../../../electron/services/bundle/verify/check-signature.js';
import { checkSummaryFile } from '../../../electron/services/bundle/verify/check-summary.js';

const UUID = '6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const KEY_ID = 'B6E78845F7CFFD0A';
const PREV = 'ab'.repeat(32);

/** bag-info.txt as the writer makes it, with `change` applied to its fields. */
function bagInfo(change: (fields: [string, string | number][]) => [string, string | number][] = (f) => f) {
  const fields: [string, string | number][] = [
    [INFO.sourceOrganization, 'Patna district police'],
    [INFO.baggingDate, '2026-01-05'],
    [INFO.payloadOxum, '12345.6'],
    [INFO.externalIdentifier, UUID],
    [INFO.district, 'PAT'],
    [INFO.districtName, 'Patna'],
    [INFO.sequence, 3],
    [INFO.previous, PREV],
    [INFO.policyVersion, 1],
    [INFO.keyId, KEY_ID],
    [INFO.auditHead, 'cd'.repeat(32)],
    [INFO.auditRows, 42],
    [INFO.membersIncluded, 'no'],
  ];
  return bagInfoText(change(fields));
}

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('checkBagitTxt', () => {
  it('wants BagIt 1.0 in UTF-8', () => {
    expect(checkBagitTxt('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')).toEqual([]);
    expect(codes(checkBagitTxt('BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n'))).toEqual([
      'bagit_txt_invalid',
    ]);
    expect(codes(checkBagitTxt(undefined))).toEqual(['bagit_txt_missing']);
  });
});

describe('checkBagInfo', () => {
  it('turns a valid bag-info into facts', () => {
    const { problems, facts } = checkBagInfo(bagInfo());
    expect(problems).toEqual([]);
    expect(facts).toEqual({
      district: 'PAT',
      districtName: 'Patna',
      sequence: 3,
      previousTagmanifestSha256: PREV,
      baggingDate: '2026-01-05',
      uuid: UUID,
      keyId: KEY_ID,
      policyVersion: 1,
      auditHead: 'cd'.repeat(32),
      auditRows: 42,
      membersIncluded: false,
      payloadOxum: '12345.6',
    });
  });

  it('reports every missing, repeated and malformed field, and keeps no fact from them', () => {
    const text = bagInfo((f) => [
      ...f
        .filter(([label]) => label !== INFO.auditHead)
        .map(([label, v]): [string, string | number] =>
          label === INFO.sequence ? [label, '0'] : label === INFO.baggingDate ? [label, '2026-02-30'] : [label, v],
        ),
      [INFO.keyId, 'ABCDEF0123456789'],
    ]);
    const { problems, facts } = checkBagInfo(text + 'not a label line\n');
    expect(problems).toEqual([
      { code: 'bag_info_invalid', message: 'bag-info.txt: line 14 is not "Label: value"', file: 'bag-info.txt' },
      { code: 'bag_info_invalid', message: `bag-info.txt has ${INFO.keyId} more than once`, file: 'bag-info.txt' },
      { code: 'bag_info_field_missing', message: `bag-info.txt has no ${INFO.auditHead}`, file: 'bag-info.txt' },
      {
        code: 'bag_info_invalid',
        message: `bag-info.txt: ${INFO.sequence} is not a positive whole number`,
        file: 'bag-info.txt',
      },
      {
        code: 'bag_info_invalid',
        message: `bag-info.txt: ${INFO.baggingDate} is not a yyyy-mm-dd date`,
        file: 'bag-info.txt',
      },
    ]);
    expect(facts).toMatchObject({ sequence: null, baggingDate: null, keyId: null, auditHead: null, district: 'PAT' });
  });

  it('reports a missing bag-info once, with no facts', () => {
    const { problems, facts } = checkBagInfo(undefined);
    expect(codes(problems)).toEqual(['bag_info_missing']);
    expect(Object.values(facts).every((v) => v === null)).toBe(true);
  });

  it('checks the bag folder name against district, date and sequence', () => {
    const facts = { district: 'PAT', baggingDate: '2026-01-05', sequence: 3 };
    expect(checkBagName('samooh-PAT-20260105-3', facts)).toEqual([]);
    expect(codes(checkBagName('samooh-PAT-20260105-4', facts))).toEqual(['bag_name_mismatch']);
    expect(codes(checkBagName('bundle', facts))).toEqual(['bag_name_mismatch']);
    // Without the facts (bag-info is broken, reported there) only the shape is checked.
    expect(checkBagName('samooh-GAYA-20260105-9', { ...facts, sequence: null })).toEqual([]);
  });
});

describe('checkTrustedComment', () => {
  const facts = { district: 'PAT', sequence: 3, baggingDate: '2026-01-05', uuid: UUID, keyId: KEY_ID };
  const signed = (over: Partial<Parameters<typeof trustedComment>[0]> = {}) =>
    trustedComment({
      timestamp: 1767609000,
      district: 'PAT',
      sequence: 3,
      date: '2026-01-05',
      bundle: UUID,
      keyId: KEY_ID,
      ...over,
    });

  it('accepts the comment the writer signs', () => {
    expect(checkTrustedComment(signed(), facts)).toEqual([]);
  });

  it('names each field that disagrees with bag-info, and each that is absent', () => {
    expect(checkTrustedComment(signed({ sequence: 4, district: 'GAYA' }), facts)).toEqual([
      {
        code: 'trusted_comment_mismatch',
        message: 'the trusted comment says district GAYA; bag-info says PAT',
        file: 'tagmanifest-sha256.txt.minisig',
      },
      {
        code: 'trusted_comment_mismatch',
        message: 'the trusted comment says sequence 4; bag-info says 3',
        file: 'tagmanifest-sha256.txt.minisig',
      },
    ]);
    const plain = 'timestamp:1767609000\tfile:tagmanifest-sha256.txt\thashed';
    expect(checkTrustedComment(plain, facts).map((p) => p.message)).toEqual(
      ['district', 'sequence', 'date', 'bundle', 'key'].map((f) => `the trusted comment does not name the ${f}`),
    );
  });

  it('does not compare with a bag-info value that was missing or malformed (reported there)', () => {
    expect(checkTrustedComment(signed({ sequence: 99 }), { ...facts, sequence: null })).toEqual([]);
  });
});

describe('checkDistrict and checkChain', () => {
  it('checks the district only when HQ names one', () => {
    expect(checkDistrict({ district: 'PAT' }, undefined)).toEqual([]);
    expect(checkDistrict({ district: 'PAT' }, 'PAT')).toEqual([]);
    expect(codes(checkDistrict({ district: 'PAT' }, 'GAYA'))).toEqual(['district_mismatch']);
  });

  it('without HQ history: only bundle 1 names no previous bundle', () => {
    expect(checkChain({ sequence: 1, previousTagmanifestSha256: GENESIS_TAGMANIFEST }, undefined)).toEqual([]);
    expect(checkChain({ sequence: 3, previousTagmanifestSha256: PREV }, undefined)).toEqual([]);
    expect(checkChain({ sequence: 1, previousTagmanifestSha256: PREV }, undefined)).toEqual([
      { code: 'chain_mismatch', message: 'bundle 1 must name no previous bundle', file: 'bag-info.txt' },
    ]);
    expect(checkChain({ sequence: 3, previousTagmanifestSha256: GENESIS_TAGMANIFEST }, undefined)).toEqual([
      { code: 'chain_mismatch', message: 'bundle 3 names no previous bundle', file: 'bag-info.txt' },
    ]);
  });

  it('against the last accepted bundle: next in line, a gap, a replay, a fork', () => {
    const last = { sequence: 2, tagmanifestSha256: PREV };
    expect(checkChain({ sequence: 3, previousTagmanifestSha256: PREV }, last)).toEqual([]);
    expect(checkChain({ sequence: 5, previousTagmanifestSha256: 'ef'.repeat(32) }, last)).toEqual([
      {
        code: 'sequence_gap',
        message: 'sequence 5 follows 2: bundles 3–4 are missing',
        file: 'bag-info.txt',
      },
    ]);
    expect(codes(checkChain({ sequence: 2, previousTagmanifestSha256: PREV }, last))).toEqual([
      'sequence_out_of_order',
    ]);
    expect(codes(checkChain({ sequence: 3, previousTagmanifestSha256: 'ef'.repeat(32) }, last))).toEqual([
      'chain_mismatch',
    ]);
    // HQ holds nothing from the district yet: the bundle must be number 1, naming no previous one.
    expect(checkChain({ sequence: 1, previousTagmanifestSha256: GENESIS_TAGMANIFEST }, null)).toEqual([]);
    expect(codes(checkChain({ sequence: 2, previousTagmanifestSha256: PREV }, null))).toEqual(['sequence_gap']);
  });

  it('says nothing when bag-info has no valid sequence or previous hash (reported there)', () => {
    expect(
      checkChain({ sequence: null, previousTagmanifestSha256: PREV }, { sequence: 9, tagmanifestSha256: PREV }),
    ).toEqual([]);
  });
});

describe('checkSummaryFile', () => {
  it('reports a summary that is not JSON or not the schema', () => {
    const facts = { district: 'PAT', policyVersion: 1 };
    expect(codes(checkSummaryFile(Buffer.from('{'), facts))).toEqual(['summary_invalid']);
    expect(checkSummaryFile(Buffer.from('{}'), facts).every((p) => p.code === 'summary_invalid')).toBe(true);
    expect(checkSummaryFile(undefined, facts)).toEqual([]);
  });
});
