// HQ's signed policy on the district side (SPEC §4, §8): the HQ key the register trusts, and
// importing a policy file HQ signed. With no file given, the backend asks with a file dialog.
import { z } from 'zod';
import { absolutePath, noArgs } from './common.js';

export const hqCalls = {
  /** The HQ key this register trusts (or null) and the active policy version. */
  'policy.status': noArgs,
  'policy.trustHq': z.object({ file: absolutePath.optional(), replace: z.boolean().default(false) }),
  /** Applies HQ's signed policy (the file and its .minisig); older, unsigned or tampered ones are refused. */
  'policy.import': z.object({ file: absolutePath.optional() }),
};
