// Compliance (SPEC §4, §9).
import { z } from 'zod';

export const complianceCalls = {
  /** The rules of SPEC §4 on the open register (SPEC §9 JSON shape). */
  'compliance.report': z.strictObject({}),
};
