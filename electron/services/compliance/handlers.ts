// Handlers of this domain, merged into the one map in electron/backend/handlers.ts.
import { z } from 'zod';
import { handler, type HandlerMapShape } from '../../backend/define.js';
import { computeCompliance } from './compliance.js';

export const complianceHandlers = {
  /** The rules of SPEC §4 on the open register (SPEC §9 JSON shape). */
  'compliance.report': handler(z.strictObject({}), (_args, ctx) =>
    computeCompliance(ctx.session.db(), { now: ctx.now() }),
  ),
} satisfies HandlerMapShape;
