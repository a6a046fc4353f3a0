// db/audit.ts keeps its own copy of the chain step (db/ imports nothing of ours); it must be the
// same arithmetic the bundle's audit-chain.json and HQ use.
import { describe, expect, test } from 'vitest';
import { GENESIS_HASH, chainStep as dbStep } from '../../../db/audit.js';
import { GENESIS, chainStep } from '../../../electron/services/audit-chain/chain.js';

describe('the audit chain step', () => {
  test('db/audit.ts and services/audit-chain agree', () => {
    expect(GENESIS_HASH).toBe(GENESIS);
    let a = GENESIS;
    for (let i = 0; i < 50; i++) {
      const e = i.toString(16).padStart(64, 'e');
      expect(dbStep(a, e)).toBe(chainStep(a, e));
      a = chainStep(a, e);
    }
  });
});
