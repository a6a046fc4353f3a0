// The planner: given the parsed rows of all four sheets and a snapshot of the register, decides
// for every row whether it is new, an update, unchanged, a duplicate or rejected, and produces the
// write plan (db/register-import.ts). Pure and synchronous, so a commit can run it inside the same
// transaction as the writes, against exactly the state it changes.
//
// Rules (SPEC §5), and the decisions where the spec is silent:
// - Rows refer to each other by code: group → unit, staff → posting unit, OP → parent thana,
//   group admin → staff, member → group and staff. A code that is neither in the file (accepted)
//   nor in the register rejects the row; it is never guessed.
// - Upsert keys: unit/group code, staff service_no, citizen phone. A blank cell never clears a
//   value the register already has (only a value written in the file changes it), so a partial
//   sheet cannot wipe data.
// - The same key twice in a sheet: identical rows are a reported duplicate; differing rows reject
//   the later row (the clerk must say which is right).
// - A citizen's name is not overwritten by an import: one phone with two names (in the file, or
//   file vs register) is reported for review and the first name (the register's, if any) is kept.
//   Other details (locality, occupation, category, consent) are updated from the file.
// - Memberships are keyed by group + member + joined_on; a left_on closes the member's active
//   membership; the same member twice in a group is one membership (reported).
//
// One planner per sheet (import-plan/), over a shared context, in reference order: each sheet
// refers only to the sheets planned before it.
import { PlanContext, type Plan, type PlanInput } from './import-plan/plan-context.js';
import { planGroups } from './import-plan/plan-groups.js';
import { planMembers } from './import-plan/plan-members.js';
import { planStaff } from './import-plan/plan-staff.js';
import { planUnits } from './import-plan/plan-units.js';

export type { Outcome, Plan, PlanInput } from './import-plan/plan-context.js';

export function planImport(input: PlanInput): Plan {
  const ctx = new PlanContext(input);
  planUnits(ctx);
  planStaff(ctx);
  planGroups(ctx);
  planMembers(ctx);
  return ctx.result();
}
