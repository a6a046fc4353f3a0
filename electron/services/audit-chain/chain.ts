// The audit chain as a witness outside the district PC sees it (SPEC §10, issue #10): each bundle
// carries the digests of the audit rows appended since the previous bundle — hashes only, never
// personal data — so HQ can check that the district's new chain head extends the one it already
// holds. A district that rewrote its history (edited, deleted or re-chained rows before the last
// bundle) cannot produce a head that extends HQ's.
//
// The chain: every audit row has an entry digest (a SHA-256 over the row's own content; personal
// values enter it only as their own salted digests, so they can be erased without breaking it),
// and  hash_i = SHA-256( hash_{i-1} ‖ entryDigest_i )  over the two lowercase hex strings as
// UTF-8; hash_0 is 64 zeros. db/audit.ts writes rows that way; this file is the one definition of
// the step, shared by the district (bundle export) and HQ (bundle import).
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const GENESIS = '0'.repeat(64);
const HEX64 = /^[0-9a-f]{64}$/;

export function chainStep(prevHash: string, entryDigest: string): string {
  return createHash('sha256')
    .update(prevHash + entryDigest, 'utf8')
    .digest('hex');
}

/** `data/audit-chain.json` in a bundle. */
export const auditChainFileSchema = z.strictObject({
  format: z.literal('samooh-audit-chain'),
  schemaVersion: z.literal(1),
  /** The head when the previous bundle was made (count 0 and 64 zeros for the first bundle). */
  from: z.strictObject({ count: z.number().int().min(0), head: z.string().regex(HEX64) }),
  /** The head at this bundle: equal to bag-info's Samooh-Audit-Rows and Samooh-Audit-Head. */
  to: z.strictObject({ count: z.number().int().min(0), head: z.string().regex(HEX64) }),
  /** Entry digests of rows from.count+1 … to.count, in order. */
  entries: z.array(z.string().regex(HEX64)),
});
export type AuditChainFile = z.infer<typeof auditChainFileSchema>;

export interface ChainHead {
  count: number;
  head: string;
}

/** The file for a span of the chain (district side). */
export function auditChainFile(from: ChainHead, entries: readonly string[]): AuditChainFile {
  let head = from.head;
  for (const e of entries) head = chainStep(head, e);
  return {
    format: 'samooh-audit-chain',
    schemaVersion: 1,
    from: { count: from.count, head: from.head },
    to: { count: from.count + entries.length, head },
    entries: [...entries],
  };
}

export type ChainProblem =
  | { code: 'audit_chain_invalid'; message: string }
  | { code: 'audit_chain_broken'; message: string }
  | { code: 'audit_history_rewritten'; message: string };

/**
 * Checks a bundle's audit span: its own arithmetic (entries fold from `from` to `to`), and, when
 * HQ holds the head of the district's previous bundle, that the span starts exactly there.
 */
export function checkAuditChain(file: unknown, held: ChainHead | null): ChainProblem[] {
  const parsed = auditChainFileSchema.safeParse(file);
  if (!parsed.success) {
    return [
      {
        code: 'audit_chain_invalid',
        message: `data/audit-chain.json is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
      },
    ];
  }
  const f = parsed.data;
  const problems: ChainProblem[] = [];
  let head = f.from.head;
  for (const e of f.entries) head = chainStep(head, e);
  if (f.to.count !== f.from.count + f.entries.length || head !== f.to.head) {
    problems.push({
      code: 'audit_chain_broken',
      message: 'the audit entries do not lead from the previous head to the new one',
    });
  }
  if (held && (f.from.count !== held.count || f.from.head !== held.head)) {
    problems.push({
      code: 'audit_history_rewritten',
      message: `the district's audit log no longer extends the head HQ holds (entry ${held.count}): its history was rewritten`,
    });
  }
  return problems;
}
