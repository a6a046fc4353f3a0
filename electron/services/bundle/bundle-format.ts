// The Samooh bundle's own conventions on top of BagIt and minisign (SPEC §7), shared by the
// writer and the verifier so the two cannot drift: the bag's name, the bag-info labels, the
// payload files, and the trusted comment that binds the signature to district, sequence and date.

export const BAG_NAME_RE = /^samooh-([A-Za-z0-9][A-Za-z0-9_-]{0,31})-(\d{8})-([1-9]\d{0,8})$/;
/** District codes become part of file names: keep them to letters, digits, '-' and '_'. */
export const DISTRICT_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export function bagName(district: string, baggingDate: string, sequence: number): string {
  return `samooh-${district}-${baggingDate.replace(/-/g, '')}-${sequence}`;
}

/** The calendar day on the district PC's clock, yyyy-mm-dd. */
export function localDay(d: Date): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export const PAYLOAD = {
  summary: 'data/summary.json',
  summarySchema: 'data/summary.schema.json',
  units: 'data/units.csv',
  groups: 'data/groups.csv',
  staffCoverage: 'data/staff-coverage.csv',
  report: 'data/report.html',
  members: 'data/members.csv',
  /** The audit chain's entry digests since the previous bundle (services/audit-chain/chain.ts). */
  auditChain: 'data/audit-chain.json',
} as const;

export const REQUIRED_PAYLOAD: readonly string[] = [
  PAYLOAD.summary,
  PAYLOAD.summarySchema,
  PAYLOAD.units,
  PAYLOAD.groups,
  PAYLOAD.staffCoverage,
  PAYLOAD.report,
];

export const INFO = {
  sourceOrganization: 'Source-Organization',
  baggingDate: 'Bagging-Date',
  payloadOxum: 'Payload-Oxum',
  externalIdentifier: 'External-Identifier',
  softwareAgent: 'Bag-Software-Agent',
  district: 'Samooh-District',
  districtName: 'Samooh-District-Name',
  sequence: 'Samooh-Sequence',
  previous: 'Samooh-Previous-Tagmanifest-SHA256',
  policyVersion: 'Samooh-Policy-Version',
  keyId: 'Samooh-Key-Id',
  auditHead: 'Samooh-Audit-Head',
  auditRows: 'Samooh-Audit-Rows',
  membersIncluded: 'Samooh-Members-Included',
  generatedAt: 'Samooh-Generated-At',
  summarySchemaVersion: 'Samooh-Summary-Schema-Version',
} as const;

/** Labels every Samooh bag must carry exactly once. */
export const REQUIRED_INFO: readonly string[] = [
  INFO.sourceOrganization,
  INFO.baggingDate,
  INFO.payloadOxum,
  INFO.externalIdentifier,
  INFO.district,
  INFO.sequence,
  INFO.previous,
  INFO.policyVersion,
  INFO.keyId,
  INFO.auditHead,
  INFO.auditRows,
  INFO.membersIncluded,
];

export interface TrustedFields {
  timestamp: number;
  district: string;
  sequence: number;
  date: string;
  bundle: string;
  keyId: string;
}

/**
 * minisign's own trusted comment starts "timestamp:… file:… hashed"; ours keeps that shape
 * and adds tab-separated fields, all covered by the global signature.
 */
export function trustedComment(f: TrustedFields): string {
  return [
    `timestamp:${f.timestamp}`,
    'file:tagmanifest-sha256.txt',
    'hashed',
    `district:${f.district}`,
    `sequence:${f.sequence}`,
    `date:${f.date}`,
    `bundle:${f.bundle}`,
    `key:${f.keyId}`,
  ].join('\t');
}

export function parseTrustedComment(tc: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of tc.split('\t')) {
    const i = part.indexOf(':');
    if (i > 0) out.set(part.slice(0, i), part.slice(i + 1));
    else out.set(part, '');
  }
  return out;
}

/** The signature's untrusted comment. Not signed (minisign's design), so checked verbatim. */
export function untrustedComment(bag: string, keyId: string): string {
  return `Samooh bundle ${bag}, district key ${keyId}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
