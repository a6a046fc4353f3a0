// Compliance (SPEC §4, §9).
import { z } from 'zod';

export const complianceCalls = {
  /** The rules of SPEC §4 on the open register (SPEC §9 JSON shape). */
  'compliance.report': z.strictObject({}),
  /** Who breaks each failing rule, by name, the first `limit` of each (issue #11). */
  'compliance.ruleBreakers': z.strictObject({ limit: z.number().int().min(1).max(1000).default(50) }),
};
