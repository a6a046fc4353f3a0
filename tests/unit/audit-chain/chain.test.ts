// The audit span a bundle carries, as HQ checks it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS, auditChainFile, chainStep, checkAuditChain } from '../../../electron/services/audit-chain/chain.js';

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

describe('audit chain spans', () => {
  it('a span folds from the held head to the new one, and the next span extends it', () => {
    const first = auditChainFile({ count: 0, head: GENESIS }, ['a', 'b', 'c'].map(digest));
    expect(first.to.count).toBe(3);
    expect(first.to.head).toBe(chainStep(chainStep(chainStep(GENESIS, digest('a')), digest('b')), digest('c')));
    expect(checkAuditChain(first, null)).toEqual([]);
    const second = auditChainFile(first.to, [digest('d')]);
    expect(checkAuditChain(second, first.to)).toEqual([]);
  });

  it('refuses a span that does not add up, and flags one that starts elsewhere as a rewritten history', () => {
    const first = auditChainFile({ count: 0, head: GENESIS }, ['a', 'b'].map(digest));
    const forged = { ...auditChainFile(first.to, [digest('c')]), entries: [digest('x')] };
    expect(checkAuditChain(forged, first.to).map((p) => p.code)).toEqual(['audit_chain_broken']);
    // The district deleted entry b and re-chained: its new span starts from a head HQ never saw.
    const rechained = auditChainFile({ count: 1, head: chainStep(GENESIS, digest('a')) }, ['c', 'd'].map(digest));
    expect(checkAuditChain(rechained, first.to).map((p) => p.code)).toEqual(['audit_history_rewritten']);
    expect(checkAuditChain({ format: 'other' }, null).map((p) => p.code)).toEqual(['audit_chain_invalid']);
  });
});
