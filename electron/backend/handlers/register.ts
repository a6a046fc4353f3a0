// The register's calls: units, groups, staff and ranks, members and citizens, the audit log, the
// active policy. Each one opens the session's register and hands over to a service.
import { listGroups } from '../../../db/groups.js';
import { searchMembers } from '../../../db/memberships.js';
import { listStaff } from '../../../db/staff.js';
import { listUnits } from '../../../db/units.js';
import { verifyAuditWitnessed } from '../../services/audit-chain/checkpoints.js';
import { activePolicy } from '../../services/compliance/policy.js';
import { erasePerson } from '../../services/privacy/erase.js';
import { createGroup, getGroup, setGroupStatus, updateGroup } from '../../services/register/groups.js';
import { addCitizen, addStaffMember, getPerson, leaveGroup, updatePerson } from '../../services/register/members.js';
import { createStaff, getStaff, listRanks, updateStaff } from '../../services/register/staff.js';
import { createUnit, getUnit, updateUnit } from '../../services/register/units.js';
import { implement } from '../define.js';

export const registerHandlers = implement({
  'units.list': (a, ctx) => listUnits(ctx.session.db(), a),
  'units.get': (a, ctx) => getUnit(ctx.session.db(), a.code),
  'units.create': (a, ctx) => createUnit(ctx.session.db(), a, ctx),
  'units.update': (a, ctx) => updateUnit(ctx.session.db(), a, ctx),

  'groups.list': (a, ctx) => listGroups(ctx.session.db(), a),
  'groups.get': (a, ctx) => getGroup(ctx.session.db(), a.code),
  'groups.create': (a, ctx) => createGroup(ctx.session.db(), a, ctx),
  'groups.update': (a, ctx) => updateGroup(ctx.session.db(), a, ctx),
  'groups.close': (a, ctx) => setGroupStatus(ctx.session.db(), a.code, 'closed', ctx),
  'groups.reopen': (a, ctx) => setGroupStatus(ctx.session.db(), a.code, 'active', ctx),

  'ranks.list': (_a, ctx) => listRanks(ctx.session.db()),
  // "Not in any group" means what the dashboard counts: no active group of the policy's R6 kinds.
  'staff.list': (a, ctx) =>
    listStaff(ctx.session.db(), {
      ...a,
      coverageKinds: a.uncovered
        ? activePolicy(ctx.session.db(), { operator: ctx.operator, now: ctx.now() }).rules.R6.groupKinds
        : undefined,
    }),
  'staff.get': (a, ctx) => getStaff(ctx.session.db(), a.serviceNo),
  'staff.create': (a, ctx) => createStaff(ctx.session.db(), a, ctx),
  'staff.update': (a, ctx) => updateStaff(ctx.session.db(), a, ctx),

  'members.search': (a, ctx) => searchMembers(ctx.session.db(), a),
  'members.addCitizen': (a, ctx) => addCitizen(ctx.session.db(), a, ctx),
  'members.addStaff': (a, ctx) => addStaffMember(ctx.session.db(), a, ctx),
  'members.leave': (a, ctx) => leaveGroup(ctx.session.db(), a, ctx),

  'people.get': (a, ctx) => getPerson(ctx.session.db(), a.id),
  'people.update': (a, ctx) => updatePerson(ctx.session.db(), a, ctx),
  'people.erase': (a, ctx) => erasePerson(ctx.session.db(), { id: a.id }, ctx),

  'audit.verify': (_a, ctx) => verifyAuditWitnessed(ctx.session.db()),
  'policy.active': (_a, ctx) => activePolicy(ctx.session.db(), { operator: ctx.operator, now: ctx.now() }),
});
