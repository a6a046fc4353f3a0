// A signed policy file (SPEC §4, §8): the policy JSON as HQ wrote it, and next to it a minisign
// signature by the HQ key (`<file>.minisig`, prehashed), so a district — or anyone, with the
// stock tool: `minisign -V -p hq.pub -m samooh-policy-v2.json` — can check it came from HQ.
// The trusted comment names the policy version; the signature covers every byte of the file.

export const POLICY_FILE_MAX_BYTES = 256 * 1024;
export const SIGNATURE_SUFFIX = '.minisig';

export const policyFileName = (version: number) => `samooh-policy-v${version}.json`;

export function policyTrustedComment(o: { version: number; keyId: string; signedAt: Date }): string {
  return `samooh-policy version:${o.version} hq-key:${o.keyId} timestamp:${Math.floor(o.signedAt.getTime() / 1000)}`;
}

/** The version a trusted comment names, or null when it is not a Samooh policy's. */
export function versionInTrustedComment(tc: string): number | null {
  const m = /^samooh-policy version:([1-9]\d{0,6}) /.exec(tc);
  return m ? Number(m[1]) : null;
}
