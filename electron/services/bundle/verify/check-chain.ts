// HQ's expectations of a bundle: from the district it trusts the key for, next in that
// district's sequence, naming the tagmanifest of the last bundle HQ accepted (so HQ sees gaps,
// replays and forks). Bundle 1 names 64 zeros, and only bundle 1 does.
import { GENESIS_TAGMANIFEST } from '../../../../db/bundles.js';
import { BAG_INFO } from '../bagit.js';
import type { BagInfoFacts } from './check-bag-info.js';
import { problem, type VerifyProblem } from './report.js';

/** The last bundle HQ accepted from the district; null when it has none yet. */
export type PreviousBundle = { sequence: number; tagmanifestSha256: string } | null;

/** The bundle is from `district` (when HQ names one). */
export function checkDistrict(facts: Pick<BagInfoFacts, 'district'>, district: string | undefined): VerifyProblem[] {
  if (district === undefined || facts.district === null || facts.district === district) return [];
  return [problem('district_mismatch', `the bundle is from district ${facts.district}, not ${district}`, BAG_INFO)];
}

/**
 * Sequence and previous-tagmanifest: consistent with each other, and, when `previous` is given
 * (undefined: only internal consistency), the next link after it.
 */
export function checkChain(
  facts: Pick<BagInfoFacts, 'sequence' | 'previousTagmanifestSha256'>,
  previous: PreviousBundle | undefined,
): VerifyProblem[] {
  const { sequence, previousTagmanifestSha256: named } = facts;
  if (sequence === null || named === null) return [];
  const problems: VerifyProblem[] = [];
  const first = sequence === 1;
  if (first !== (named === GENESIS_TAGMANIFEST)) {
    problems.push(
      problem(
        'chain_mismatch',
        first ? 'bundle 1 must name no previous bundle' : `bundle ${sequence} names no previous bundle`,
        BAG_INFO,
      ),
    );
  }
  if (previous === undefined) return problems;
  const prevSeq = previous?.sequence ?? 0;
  const prevHash = previous?.tagmanifestSha256 ?? GENESIS_TAGMANIFEST;
  if (sequence <= prevSeq) {
    problems.push(
      problem(
        'sequence_out_of_order',
        `sequence ${sequence} is not after the last accepted ${prevSeq} (replayed or old)`,
        BAG_INFO,
      ),
    );
  } else if (sequence > prevSeq + 1) {
    problems.push(
      problem(
        'sequence_gap',
        `sequence ${sequence} follows ${prevSeq}: bundles ${prevSeq + 1}–${sequence - 1} are missing`,
        BAG_INFO,
      ),
    );
  } else if (named !== prevHash) {
    problems.push(
      problem(
        'chain_mismatch',
        `bundle ${sequence} does not name the last accepted bundle's tagmanifest (a fork)`,
        BAG_INFO,
      ),
    );
  }
  return problems;
}
