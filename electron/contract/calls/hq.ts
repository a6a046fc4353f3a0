// HQ's signed policy on the district side (SPEC §4, §8): the HQ key the register trusts, and
// importing a policy file HQ signed. With no file given, the backend asks with a file dialog.
// And HQ mode in the app: the HQ store it holds, the state report, trust, importing bundles.
import { z } from 'zod';
import { nameSchema, optionalText } from '../inputs.js';
import { absolutePath, noArgs } from './common.js';

const districtCode = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd');
const target = z.number().int().min(0).max(100_000_000);

export const hqCalls = {
  /** The HQ key this register trusts (or null) and the active policy version. */
  'policy.status': noArgs,
  'policy.trustHq': z.object({ file: absolutePath.optional(), replace: z.boolean().default(false) }),
  /** Applies HQ's signed policy (the file and its .minisig); older, unsigned or tampered ones are refused. */
  'policy.import': z.object({ file: absolutePath.optional() }),

  /** Whether the app holds an HQ store, and which (name, key id, its public key file's text). */
  'hq.status': noArgs,
  /** First run at HQ: makes the HQ store and HQ key pair (sealed by the OS key protector). */
  'hq.create': z.object({ name: nameSchema, nameHi: optionalText }),
  /** Opens another HQ store; with no file given, asks with a file dialog. */
  'hq.open': z.object({ file: absolutePath.optional() }),
  /** Leaves HQ mode (the store is kept on disk). */
  'hq.close': noArgs,
  'hq.report': z.object({ silentDays: z.number().int().min(1).max(3650).optional() }),
  'hq.district': z.object({ code: districtCode }),
  /** The printable state report (A4 PDF, Hindi and English) written to a file the user chose. */
  'hq.reportPdf': z.object({
    file: absolutePath.refine((p) => /\.pdf$/i.test(p), 'a file name ending in .pdf'),
    silentDays: z.number().int().min(1).max(3650).optional(),
  }),
  /** Hands a file the app wrote (the state report) to the OS viewer; any other file is refused. */
  'hq.openFile': z.object({ file: absolutePath }),
  'hq.targets.set': z.object({
    citizens: target.optional(),
    compliantPercent: target.max(100).optional(),
    staffCoveredPercent: target.max(100).optional(),
    womenGroups: target.optional(),
  }),
  /** Bundles (.zip) and folders; with none given, asks for files (or a folder) with a dialog. */
  'hq.import': z.object({
    paths: z.array(absolutePath).max(20_000).default([]),
    pick: z.enum(['files', 'folder']).default('files'),
  }),
  /** Trusts a district's minisign .pub; with no file given, asks with a file dialog. */
  'hq.trust': z.object({
    district: districtCode,
    file: absolutePath.optional(),
    name: nameSchema.optional(),
    nameHi: optionalText,
    label: optionalText,
  }),
  'hq.keys': z.object({ district: districtCode.optional() }),
  /** Retires a district key from a day on (default today): bundles it signs from then are refused. */
  'hq.retire': z.object({ district: districtCode, keyId: z.string().regex(/^[0-9A-Fa-f]{16}$/), from: day.optional() }),
};
