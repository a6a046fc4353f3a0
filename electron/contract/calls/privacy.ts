// Data protection calls (SPEC §10, issue #10): erasure on request and the clerk's name that the
// audit log records as the operator.
import { z } from 'zod';
import { nameSchema, phoneSchema } from '../inputs.js';
import { noArgs } from './common.js';

/** A citizen named by their register id (the person's page) or their mobile number (the CLI). */
const eraseTarget = z.union([
  z.strictObject({ id: z.number().int().positive() }),
  z.strictObject({ phone: phoneSchema }),
]);

export const privacyCalls = {
  /** Who would be erased and what stays, for the confirmation. */
  'privacy.erasePreview': eraseTarget,
  'privacy.erase': eraseTarget,
  /** The clerk's name as stored in the register (null before first run asked for it). */
  'operator.get': noArgs,
  'operator.set': z.object({ name: nameSchema.pipe(z.string().max(80, 'at most 80 characters')) }),
};
