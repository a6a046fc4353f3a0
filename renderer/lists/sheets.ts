// The lists screens hand to print and export (issue #11), built from the rows the screen shows.
// Dates are written dd-mm-yyyy (India time), names in the language on screen with the other
// language beside where the register has both.
import type { TFunction } from 'i18next';
import type { ListCell, ListColumn, ListSheet } from '../components/ListOutput.js';
import { call, type Args, type Res } from '../data/call.js';
import { formatDate } from '../format/dates.js';
import { formatPhone } from '../pages/members/member-format.js';

type Lang = 'en' | 'hi';
type T = TFunction<['lists', 'common']>;

/** Largest list handed to print/export from a paged screen (a group has at most 1,024). */
export const MAX_OUTPUT_ROWS = 20_000;
const PAGE = 1000;

/** Every page of a paged list (`members.search`, `staff.list`) with the screen's filters. */
export async function loadAllPages<R>(
  fetch: (offset: number, limit: number) => Promise<{ total: number; rows: R[] }>,
): Promise<R[]> {
  const out: R[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await fetch(offset, PAGE);
    out.push(...page.rows);
    if (page.rows.length < PAGE || out.length >= page.total || out.length >= MAX_OUTPUT_ROWS) break;
  }
  return out;
}

const col = (header: string, kind: ListColumn['kind'] = 'text'): ListColumn => ({ header, kind });

const nameOf = (x: { name: string; nameHi?: string | null }, lang: Lang) =>
  lang === 'hi' && x.nameHi ? x.nameHi : x.name;

export interface UnitListRow {
  code: string;
  name: string;
  nameHi: string | null;
  type: string;
  parentCode: string | null;
  division: string | null;
  activeGroups: number;
  compliance?: { members: number; required: number | null; shortfall: number; status: string } | undefined;
}

export function unitsSheet(rows: readonly UnitListRow[], t: T, lang: Lang, title: string, filters: string): ListSheet {
  return {
    title,
    filters,
    columns: [
      col(t('lists:col.code')),
      col(t('lists:col.name')),
      col(t('lists:col.type')),
      col(t('lists:col.parent')),
      col(t('lists:col.groups'), 'number'),
      col(t('lists:col.members'), 'number'),
      col(t('lists:col.required'), 'number'),
      col(t('lists:col.shortfall'), 'number'),
      col(t('lists:col.status')),
    ],
    rows: rows.map((u): ListCell[] => [
      u.code,
      nameOf(u, lang),
      t(`common:unitType.${u.type}` as 'common:unitType.thana') + (u.division ? ` · ${u.division}` : ''),
      u.parentCode,
      u.activeGroups,
      u.compliance?.members ?? null,
      u.compliance?.required ?? null,
      u.compliance?.shortfall ?? null,
      u.compliance ? t(`common:status.${u.compliance.status}` as 'common:status.short') : null,
    ]),
  };
}

export type MemberRow = Res<'members.search'>['rows'][number];

export function membersSheet(rows: readonly MemberRow[], t: T, title: string, filters: string): ListSheet {
  return {
    title,
    filters,
    columns: [
      col(t('lists:col.name')),
      col(t('lists:col.phone'), 'phone'),
      col(t('lists:col.category')),
      col(t('lists:col.serviceNo')),
      col(t('lists:col.locality')),
      col(t('lists:col.group')),
      col(t('lists:col.unit')),
      col(t('lists:col.joinedOn')),
      col(t('lists:col.leftOn')),
    ],
    rows: rows.map((r): ListCell[] => [
      r.name,
      r.phone ? formatPhone(r.phone) : null,
      t(`common:category.${r.category}` as 'common:category.public'),
      r.serviceNo,
      r.memberType === 'staff' ? null : r.locality,
      `${r.groupName} (${r.groupCode})`,
      r.unitCode,
      formatDate(r.joinedOn),
      formatDate(r.leftOn),
    ]),
  };
}

export async function loadMembers(filters: Omit<Args<'members.search'>, 'offset' | 'limit'>): Promise<MemberRow[]> {
  return loadAllPages((offset, limit) => call('members.search', { ...filters, offset, limit }));
}

export type StaffListRow = Res<'staff.list'>['rows'][number];

export function staffSheet(rows: readonly StaffListRow[], t: T, lang: Lang, title: string, filters: string): ListSheet {
  return {
    title,
    filters,
    columns: [
      col(t('lists:col.serviceNo')),
      col(t('lists:col.name')),
      col(t('lists:col.rank')),
      col(t('lists:col.gender')),
      col(t('lists:col.posting')),
      col(t('lists:col.postingCode')),
      col(t('lists:col.phone'), 'phone'),
      col(t('lists:col.activeGroups'), 'number'),
    ],
    rows: rows.map((s): ListCell[] => [
      s.serviceNo,
      s.name,
      lang === 'hi' ? s.rankHi : s.rankEn,
      t(`common:gender.${s.gender}` as 'common:gender.F'),
      lang === 'hi' && s.unitNameHi ? s.unitNameHi : s.unitName,
      s.unitCode,
      s.phone ? formatPhone(s.phone) : null,
      s.activeGroups,
    ]),
  };
}

export async function loadStaff(filters: Omit<Args<'staff.list'>, 'offset' | 'limit'>): Promise<StaffListRow[]> {
  return loadAllPages((offset, limit) => call('staff.list', { ...filters, offset, limit }));
}

export interface GroupListRow {
  code: string;
  name: string;
  kind: string;
  activeMembers: number;
  createdOn: string | null;
  adminServiceNo: string | null;
  status: string;
}

export function groupsSheet(rows: readonly GroupListRow[], t: T, title: string): ListSheet {
  return {
    title,
    columns: [
      col(t('lists:col.code')),
      col(t('lists:col.name')),
      col(t('lists:col.kind')),
      col(t('lists:col.members'), 'number'),
      col(t('lists:col.createdOn')),
      col(t('lists:col.admin')),
      col(t('lists:col.status')),
    ],
    rows: rows.map((g): ListCell[] => [
      g.code,
      g.name,
      t(`common:groupKind.${g.kind}` as 'common:groupKind.public'),
      g.activeMembers,
      formatDate(g.createdOn),
      g.adminServiceNo,
      t(`common:groupStatus.${g.status}` as 'common:groupStatus.active'),
    ]),
  };
}

/** The dashboard's figures as a two-column list (figure, value), plus each rule's verdict. */
export function figuresSheet(
  title: string,
  figures: { label: string; value: ListCell; note?: string }[],
  t: T,
): ListSheet {
  return {
    title,
    columns: [col(t('lists:col.figure')), col(t('lists:col.value')), col(t('lists:col.note'))],
    rows: figures.map((x) => [x.label, x.value, x.note ?? null]),
  };
}
