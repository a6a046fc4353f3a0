// Where the bundle handlers get the compliance report: the compliance domain's own
// `compliance.report` handler, run with the same context, so the bundle carries exactly what
// the Compliance screen and `samooh compliance --json` show.
import type { HandlerContext } from '../../backend/context.js';
import type { HandlerMapShape } from '../../backend/define.js';
import { AppError } from '../../backend/errors.js';
import { complianceHandlers } from '../compliance/handlers.js';
import type { ComplianceReport } from '../compliance/types.js';

export async function currentReport(ctx: HandlerContext): Promise<ComplianceReport> {
  const h = (complianceHandlers as HandlerMapShape)['compliance.report'];
  if (!h) throw new AppError('INTERNAL', 'The compliance report is not available in this build.');
  return (await h.run({}, ctx)) as ComplianceReport;
}
