// Deleting, closing and merging units and groups, and the reverses the toast's Undo calls.
import { listCaseDuplicates } from '../../services/register/codes.js';
import {
  closeUnit,
  deleteGroup,
  deleteUnit,
  mergeGroups,
  mergeUnits,
  reopenUnit,
  undoLeave,
  undoMerge,
} from '../../services/register/edits.js';
import { implement } from '../define.js';

export const editHandlers = implement({
  'codes.caseDuplicates': (_a, ctx) => listCaseDuplicates(ctx.session.db()),
  'units.delete': (a, ctx) => deleteUnit(ctx.session.db(), a.code, ctx),
  'units.close': (a, ctx) => closeUnit(ctx.session.db(), a.code, ctx),
  'units.reopen': (a, ctx) => reopenUnit(ctx.session.db(), a, ctx),
  'units.merge': (a, ctx) => mergeUnits(ctx.session.db(), a, ctx),
  'groups.delete': (a, ctx) => deleteGroup(ctx.session.db(), a.code, ctx),
  'groups.merge': (a, ctx) => mergeGroups(ctx.session.db(), a, ctx),
  'merges.undo': (a, ctx) => undoMerge(ctx.session.db(), a, ctx),
  'members.undoLeave': (a, ctx) => undoLeave(ctx.session.db(), a, ctx),
});
