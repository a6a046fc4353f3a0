// The dashboard's figures as a list to print or export: the same numbers the tiles show, each
// rule's verdict, and every unit that is short or has no group.
import type { TFunction } from 'i18next';
import type { ComplianceReport } from '../../electron/services/compliance/types.js';
import type { ListCell, ListSheet } from '../components/ListOutput.js';

type T = TFunction<['lists', 'dashboard', 'common']>;

export function dashboardSheet(r: ComplianceReport, t: T, lang: 'en' | 'hi', num: (n: number) => string): ListSheet {
  const s = r.summary;
  const rows: ListCell[][] = [
    [t('dashboard:kpi.compliant'), `${num(s.compliant)} / ${num(s.units)}`, `${s.percentCompliant} %`],
    [t('dashboard:kpi.short'), s.short, null],
    [t('dashboard:kpi.missing'), s.missing, null],
    [t('dashboard:kpi.citizens'), s.citizens, null],
    [t('lists:activeMemberships'), s.memberships, null],
    [t('dashboard:kpi.staff'), `${num(s.staffCovered)} / ${num(s.staffTotal)}`, null],
    [t('dashboard:kpi.women'), `${num(s.womenStaffInWomenGroup)} / ${num(s.womenStaffTotal)}`, null],
  ];
  for (const rule of r.rules) {
    rows.push([
      `${t('lists:rule')} ${rule.id}`,
      rule.passed ? t('lists:passed') : t('lists:failed'),
      rule.failures ? t('lists:failures', { n: num(rule.failures) }) : null,
    ]);
  }
  const order = { missing: 0, short: 1, compliant: 2 } as const;
  for (const u of [...r.units]
    .filter((x) => x.status !== 'compliant')
    .sort((a, b) => order[a.status] - order[b.status] || b.shortfall - a.shortfall || a.code.localeCompare(b.code))) {
    rows.push([
      `${lang === 'hi' && u.nameHi ? u.nameHi : u.name} (${u.code})`,
      t(`common:status.${u.status}`),
      u.required !== null ? `${num(u.members)} / ${num(u.required)}` : num(u.members),
    ]);
  }
  return {
    title: t('lists:list.dashboard'),
    columns: [{ header: t('lists:col.figure') }, { header: t('lists:col.value') }, { header: t('lists:col.note') }],
    rows,
  };
}
