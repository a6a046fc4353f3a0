// Where the bundle handlers get the compliance report: the compliance service itself, on the
// open register with the context's clock, so the bundle carries exactly what the Compliance
// screen and `samooh compliance --json` show.
import type { HandlerContext } from '../../backend/context.js';
import { computeCompliance } from '../compliance/compliance.js';
import type { ComplianceReport } from '../compliance/types.js';

export function currentReport(ctx: HandlerContext): ComplianceReport {
  return computeCompliance(ctx.session.db(), { now: ctx.now() });
}
