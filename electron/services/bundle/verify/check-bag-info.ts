// bag-info.txt: every label Samooh needs, once, each in its format; and the bag folder's name
// against it. What a valid field says becomes a fact the later checks compare with.
import { BAG_INFO, bagInfoValue, parseBagInfo, type BagInfo } from '../bagit.js';
import { BAG_NAME_RE, DISTRICT_CODE_RE, INFO, REQUIRED_INFO, UUID_RE } from '../bundle-format.js';
import { problem, type BagFacts, type VerifyProblem } from './report.js';

/** The facts bag-info.txt gives; null where a field is absent or malformed. */
export type BagInfoFacts = Pick<
  BagFacts,
  | 'district'
  | 'districtName'
  | 'sequence'
  | 'previousTagmanifestSha256'
  | 'baggingDate'
  | 'uuid'
  | 'keyId'
  | 'policyVersion'
  | 'auditHead'
  | 'auditRows'
  | 'membersIncluded'
  | 'payloadOxum'
>;

export function checkBagInfo(text: string | undefined): { problems: VerifyProblem[]; facts: BagInfoFacts } {
  const problems: VerifyProblem[] = [];
  const facts: BagInfoFacts = {
    district: null,
    districtName: null,
    sequence: null,
    previousTagmanifestSha256: null,
    baggingDate: null,
    uuid: null,
    keyId: null,
    policyVersion: null,
    auditHead: null,
    auditRows: null,
    membersIncluded: null,
    payloadOxum: null,
  };
  if (text === undefined) {
    problems.push(problem('bag_info_missing', 'bag-info.txt is missing', BAG_INFO));
    return { problems, facts };
  }
  const invalid = (message: string) => problems.push(problem('bag_info_invalid', message, BAG_INFO));
  const info = parseBagInfo(text);
  for (const e of info.errors) invalid(`bag-info.txt: ${e}`);
  for (const label of REQUIRED_INFO) {
    const v = bagInfoValue(info, label);
    if (v === undefined || v === '') {
      problems.push(problem('bag_info_field_missing', `bag-info.txt has no ${label}`, BAG_INFO));
    } else if (typeof v !== 'string') invalid(`bag-info.txt has ${label} more than once`);
  }
  const single = (label: string) => singleValue(info, label);
  /** A present field in its format, else null (and a problem when it is there but malformed). */
  const valid = (label: string, ok: (v: string) => boolean, what: string): string | null => {
    const v = single(label);
    if (v === null) return null;
    if (ok(v)) return v;
    invalid(`bag-info.txt: ${label} ${what}`);
    return null;
  };
  const seq = valid(INFO.sequence, (v) => /^[1-9]\d{0,8}$/.test(v), 'is not a positive whole number');
  facts.sequence = seq === null ? null : Number(seq);
  facts.previousTagmanifestSha256 = valid(INFO.previous, (v) => /^[0-9a-f]{64}$/.test(v), 'is not a SHA-256 in hex');
  facts.baggingDate = valid(INFO.baggingDate, isDay, 'is not a yyyy-mm-dd date');
  facts.uuid = valid(INFO.externalIdentifier, (v) => UUID_RE.test(v), 'is not a UUID');
  facts.district = valid(INFO.district, (v) => DISTRICT_CODE_RE.test(v), 'is not a district code');
  const policy = valid(INFO.policyVersion, (v) => /^[1-9]\d{0,5}$/.test(v), 'is not a version number');
  facts.policyVersion = policy === null ? null : Number(policy);
  const rows = valid(INFO.auditRows, (v) => /^\d{1,12}$/.test(v), 'is not a count');
  facts.auditRows = rows === null ? null : Number(rows);
  const members = valid(INFO.membersIncluded, (v) => v === 'yes' || v === 'no', 'is not yes/no');
  facts.membersIncluded = members === null ? null : members === 'yes';
  facts.keyId = valid(INFO.keyId, (v) => /^[0-9A-F]{16}$/.test(v), 'is not a minisign key id');
  facts.auditHead = single(INFO.auditHead);
  facts.districtName = single(INFO.districtName);
  facts.payloadOxum = single(INFO.payloadOxum);
  return { problems, facts };
}

/** The bag folder is named samooh-<district>-<yyyymmdd>-<seq>, as bag-info says. */
export function checkBagName(
  root: string,
  facts: Pick<BagInfoFacts, 'district' | 'baggingDate' | 'sequence'>,
): VerifyProblem[] {
  const m = BAG_NAME_RE.exec(root);
  if (!m)
    return [problem('bag_name_mismatch', `the bag folder ${root} is not named samooh-<district>-<yyyymmdd>-<seq>`)];
  if (facts.district !== null && facts.baggingDate !== null && facts.sequence !== null) {
    const [, d, day, s] = m;
    if (d !== facts.district || day !== facts.baggingDate.replace(/-/g, '') || Number(s) !== facts.sequence) {
      return [
        problem('bag_name_mismatch', `the bag folder ${root} does not match its bag-info (district, date, sequence)`),
      ];
    }
  }
  return [];
}

/** A label's one value; null when absent or repeated (a repeat is reported as a problem above). */
function singleValue(info: BagInfo, label: string): string | null {
  const v = bagInfoValue(info, label);
  return typeof v === 'string' ? v : null;
}

function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
