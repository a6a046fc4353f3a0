// What a verification reports: problems, each with a stable code HQ stores and the UI
// translates, and what the bag says about itself.
import type { ZipProblemCode } from '../zip-read.js';

export type VerifyCode =
  | ZipProblemCode
  | 'bagit_txt_missing'
  | 'bagit_txt_invalid'
  | 'bag_info_missing'
  | 'bag_info_invalid'
  | 'bag_info_field_missing'
  | 'bag_name_mismatch'
  | 'manifest_missing'
  | 'manifest_invalid'
  | 'payload_file_missing'
  | 'payload_hash_mismatch'
  | 'payload_file_unlisted'
  | 'payload_oxum_mismatch'
  | 'required_payload_missing'
  | 'members_flag_mismatch'
  | 'tagmanifest_missing'
  | 'tagmanifest_invalid'
  | 'tagmanifest_incomplete'
  | 'tag_file_missing'
  | 'tag_hash_mismatch'
  | 'unexpected_file'
  | 'signature_missing'
  | 'signature_malformed'
  | 'signature_not_prehashed'
  | 'signature_wrong_key'
  | 'signature_invalid'
  | 'trusted_comment_invalid'
  | 'trusted_comment_mismatch'
  | 'untrusted_comment_mismatch'
  | 'key_id_mismatch'
  | 'district_mismatch'
  | 'sequence_out_of_order'
  | 'sequence_gap'
  | 'chain_mismatch'
  | 'summary_invalid'
  | 'summary_mismatch';

export interface VerifyProblem {
  code: VerifyCode;
  message: string;
  /** The file concerned, relative to the bag folder (or the zip entry for zip problems). */
  file?: string;
}

export interface BagFacts {
  name: string;
  district: string | null;
  districtName: string | null;
  sequence: number | null;
  previousTagmanifestSha256: string | null;
  baggingDate: string | null;
  uuid: string | null;
  keyId: string | null;
  policyVersion: number | null;
  auditHead: string | null;
  auditRows: number | null;
  membersIncluded: boolean | null;
  payloadOxum: string | null;
  tagmanifestSha256: string | null;
  trustedComment: string | null;
  files: { path: string; bytes: number }[];
}

/** The bag's files by path relative to the bag folder. */
export type BagFiles = ReadonlyMap<string, Buffer>;

/** A problem; `file` is left out when there is none (reports compare and print as they are). */
export function problem(code: VerifyCode, message: string, file?: string): VerifyProblem {
  return file === undefined ? { code, message } : { code, message, file };
}
