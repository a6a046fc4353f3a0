// data/summary.json: valid against its schema (summary-schema.ts), and for the district and
// policy bag-info names. Its absence is reported by the payload check (required payload).
import { PAYLOAD } from '../bundle-format.js';
import { checkSummary } from '../summary-schema.js';
import type { BagInfoFacts } from './check-bag-info.js';
import { problem, type VerifyProblem } from './report.js';

export function checkSummaryFile(
  bytes: Buffer | undefined,
  facts: Pick<BagInfoFacts, 'district' | 'policyVersion'>,
): VerifyProblem[] {
  if (!bytes) return [];
  const file = PAYLOAD.summary;
  let summary: unknown;
  try {
    summary = JSON.parse(bytes.toString('utf8'));
  } catch {
    return [problem('summary_invalid', 'summary.json is not JSON', file)];
  }
  const r = checkSummary(summary);
  if (!r.ok) return r.issues.map((i) => problem('summary_invalid', `summary.json: ${i}`, file));
  const s = summary as { district: { code: string }; policyVersion: number };
  const problems: VerifyProblem[] = [];
  if (facts.district !== null && s.district.code !== facts.district) {
    problems.push(
      problem(
        'summary_mismatch',
        `summary.json is for district ${s.district.code}, bag-info says ${facts.district}`,
        file,
      ),
    );
  }
  if (facts.policyVersion !== null && s.policyVersion !== facts.policyVersion) {
    problems.push(
      problem(
        'summary_mismatch',
        `summary.json uses policy ${s.policyVersion}, bag-info says ${facts.policyVersion}`,
        file,
      ),
    );
  }
  return problems;
}
