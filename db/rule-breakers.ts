// Who breaks a rule, by name (issue #11): the dashboard lists each entry with a link to fix it.
import type { RegisterDb } from './register-db.js';
import { all } from './exec.js';
import type { Gender } from './schema.js';

export interface MembershipWho {
  membershipId: number;
  groupCode: string;
  groupName: string;
  unitCode: string;
  personId: number | null;
  serviceNo: string | null;
  name: string;
  gender: Gender | null;
}

/** The member and group of each membership id (citizen or staff), in id order. */
export function membershipsWho(db: RegisterDb, ids: readonly number[]): MembershipWho[] {
  const out: MembershipWho[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(
      ...all(
        db,
        db.k
          .selectFrom('memberships as m')
          .innerJoin('groups as g', 'g.id', 'm.groupId')
          .innerJoin('units as u', 'u.id', 'g.unitId')
          .leftJoin('people as p', 'p.id', 'm.personId')
          .leftJoin('staff as s', 's.id', 'm.staffId')
          .select((eb) => [
            'm.id as membershipId',
            'g.code as groupCode',
            'g.name as groupName',
            'u.code as unitCode',
            'm.personId',
            's.serviceNo',
            eb.fn.coalesce('p.name', 's.name').$castTo<string>().as('name'),
            's.gender',
          ])
          .where('m.id', 'in', chunk)
          .orderBy('m.id'),
      ),
    );
  }
  return out;
}
