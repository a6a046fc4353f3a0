// Undoing a clerk's slips (issue #11): delete, close, merge units and groups, and the reverse
// of each, which the toast's Undo calls. Codes unique without regard to case: the list of those
// already in the register that differ only in case.
import { z } from 'zod';
import { codeSchema } from '../inputs.js';
import { noArgs } from './common.js';

const id = z.number().int().positive();

export const editCalls = {
  'codes.caseDuplicates': noArgs,

  'units.delete': z.object({ code: codeSchema }),
  'units.close': z.object({ code: codeSchema }),
  /** `groupCodes`: the groups to reopen with the unit (those its closing closed). */
  'units.reopen': z.object({ code: codeSchema, groupCodes: z.array(codeSchema).max(10_000).default([]) }),
  'units.merge': z.object({ from: codeSchema, into: codeSchema }),

  'groups.delete': z.object({ code: codeSchema }),
  'groups.merge': z.object({ from: codeSchema, into: codeSchema }),

  'merges.undo': z.object({ mergeId: id }),
  'members.undoLeave': z.object({ membershipId: id }),
};
