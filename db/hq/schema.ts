// Kysely's view of the HQ store (db/hq/migrations). camelCase here; CamelCasePlugin maps to the
// snake_case columns. Keep in step with the migrations.
export interface HqSettingsTable {
  key: string;
  value: string; // JSON
}

export interface HqKeysTable {
  keyId: string;
  publicKey: string;
  sealed: string;
  createdAt: string;
  createdBy: string;
  retiredAt: string | null;
}

export interface HqDistrictsTable {
  code: string;
  name: string;
  nameHi: string | null;
  addedAt: string;
  addedBy: string;
}

export interface HqDistrictKeysTable {
  keyId: string;
  districtCode: string;
  publicKey: string;
  label: string | null;
  addedAt: string;
  addedBy: string;
  retiredFrom: string | null;
  retiredAt: string | null;
  retiredBy: string | null;
}

export interface HqBundlesTable {
  districtCode: string;
  sequence: number;
  uuid: string;
  tagmanifestSha256: string;
  previousTagmanifestSha256: string;
  zipSha256: string;
  zipBytes: number;
  fileName: string;
  storedAs: string;
  keyId: string;
  baggingDate: string;
  generatedAt: string;
  policyVersion: number;
  receivedAt: string;
  receivedBy: string;
  auditFromCount: number | null;
  auditFromHead: string | null;
  auditToCount: number | null;
  auditToHead: string | null;
  units: number;
  compliant: number;
  short: number;
  missing: number;
  citizens: number;
  memberships: number;
  staffTotal: number;
  staffCovered: number;
  womenStaffTotal: number;
  womenStaffInWomenGroup: number;
  thanas: number;
  thanasCompliant: number;
  womenGroups: number;
  summary: string; // JSON
  shortUnits: string; // JSON
}

export interface HqForksTable {
  zipSha256: string;
  districtCode: string;
  sequence: number;
  tagmanifestSha256: string;
  fileName: string;
  detail: string;
  message: string;
  detectedAt: string;
  clearedAt: string | null;
  clearedBy: string | null;
}

export interface HqPoliciesTable {
  version: number;
  document: string;
  keyId: string;
  signedAt: string;
  signedBy: string;
}

export interface HqSchema {
  hqSettings: HqSettingsTable;
  hqKeys: HqKeysTable;
  districts: HqDistrictsTable;
  districtKeys: HqDistrictKeysTable;
  bundles: HqBundlesTable;
  forks: HqForksTable;
  policies: HqPoliciesTable;
}
