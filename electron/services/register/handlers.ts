// The register domain's handlers: units, groups, staff and ranks, members and citizens, audit.
import { z } from 'zod';
import { verifyAudit } from '../../../db/audit.js';
import { handler } from '../../backend/define.js';
import { groupHandlers } from './groups.js';
import { memberHandlers } from './members.js';
import { staffHandlers } from './staff.js';
import { unitHandlers } from './units.js';

export const registerHandlers = {
  ...unitHandlers,
  ...groupHandlers,
  ...staffHandlers,
  ...memberHandlers,
  'audit.verify': handler(z.object({}), (_a, ctx) => verifyAudit(ctx.session.db())),
};
