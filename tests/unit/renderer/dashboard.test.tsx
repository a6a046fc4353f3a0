// @vitest-environment jsdom
// The dashboard from a compliance report: headline figures with Indian digit grouping, the
// units that need attention (each a link to its unit), the rules with pass/fail and links to
// what fails, in both languages. (Charts draw nothing in jsdom, which does no layout; they are
// looked at in Chromium screenshots.)
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { ComplianceReport, UnitCompliance } from '../../../electron/services/compliance/types.js';
import { DashboardPage } from '../../../renderer/pages/dashboard/DashboardPage.js';
import { installFakeApi } from './members/fake-api.js';
import { renderWithApp } from './render.js';

beforeAll(() => {
  // Recharts' ResponsiveContainer watches its size; jsdom has no ResizeObserver.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

function u(
  code: string,
  name: string,
  nameHi: string,
  status: UnitCompliance['status'],
  members: number,
): UnitCompliance {
  return {
    code,
    name,
    nameHi,
    type: 'thana',
    parentCode: null,
    division: null,
    status,
    rule: 'R1',
    members,
    required: 200,
    shortfall: Math.max(0, 200 - members),
    groups: status === 'missing' ? [] : [`${code}-1`],
    bestGroup: status === 'missing' ? null : `${code}-1`,
    split: { eminent: 0, public: members, staff: 0 },
  };
}

const report: ComplianceReport = {
  schemaVersion: 1,
  policyVersion: 1,
  policyTitle: { en: 'Policy v1', hi: 'नीति v1' },
  district: { code: 'PAT', name: 'Patna', nameHi: 'पटना' },
  generatedAt: '2024-06-30T10:00:00.000Z',
  units: [
    u('PAT-T-KOTWALI', 'Kotwali', 'कोतवाली', 'compliant', 230),
    u('PAT-T-GANDHI', 'Gandhi Maidan', 'गांधी मैदान', 'short', 150),
    u('PAT-T-DIGHA', 'Digha', 'दीघा', 'missing', 0),
  ],
  groups: [],
  rules: [
    { id: 'R1', passed: false, failures: 2, message: '2 thanas fail' },
    { id: 'R4', passed: true, failures: 0, message: 'ok' },
    { id: 'R6', passed: false, failures: 12, message: '12 staff uncovered' },
    { id: 'R7', passed: true, failures: 0, warnings: 1, message: 'one group near the cap' },
  ],
  summary: {
    units: 3,
    compliant: 1,
    short: 1,
    missing: 1,
    percentCompliant: 33.3,
    unitsWithoutRule: 0,
    activeGroups: 2,
    closedGroups: 0,
    citizens: 130000,
    memberships: 260000,
    staffTotal: 48,
    staffCovered: 36,
    womenStaffTotal: 16,
    womenStaffInWomenGroup: 10,
    womenStaffCovered: 14,
    uncoveredStaff: [],
  },
  staffByRankGender: [],
};

describe('DashboardPage', () => {
  it('shows the district’s figures, what needs attention and the rules', async () => {
    installFakeApi({ 'compliance.report': () => report });
    renderWithApp(<DashboardPage />);
    expect(await screen.findByText('1,30,000')).toBeTruthy();
    // The two figures say what they count (issue #11): citizens once each, memberships of active groups.
    expect(screen.getByText('2,60,000 memberships in active groups (citizens + staff)')).toBeTruthy();
    expect(screen.getByText('Citizens in groups (each counted once)')).toBeTruthy();
    expect(screen.getByText('33.3%')).toBeTruthy();
    expect(screen.getByText('12 not in any group')).toBeTruthy();
    expect(screen.getByText('Women staff: 14 of 16')).toBeTruthy();
    expect(
      // 10:00 UTC is 15:30 in India, whatever the test machine's zone.
      screen.getByText('As of 30-06-2024 15:30 · policy v1'),
    ).toBeTruthy();

    const attention = screen.getByRole('region', { name: 'Needs attention' });
    const links = within(attention).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/units/PAT-T-DIGHA', '#/units/PAT-T-GANDHI']);
    expect(within(attention).getByText(/150 \/ 200 · short by 50/)).toBeTruthy();

    const rules = screen.getByRole('region', { name: 'Rules' });
    expect(
      within(rules).getByText('Each thana has an active police–public group with at least 200 members'),
    ).toBeTruthy();
    // The count opens who breaks the rule (the card below); the filtered list is a link beside it.
    expect(within(rules).getByRole('button', { name: '2 failing' }).getAttribute('aria-controls')).toBe(
      'rule-breakers-R1-heading',
    );
    expect(within(rules).getByRole('button', { name: '12 failing' })).toBeTruthy();
    expect(
      within(rules)
        .getAllByRole('link', { name: 'open the list' })
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#/units?type=thana&status=failing', '#/staff?uncovered=1']);
    expect(within(rules).getByText('1 near the limit')).toBeTruthy();
    expect(within(rules).getAllByText('Not met')).toHaveLength(2);

    const byStatus = screen.getByRole('region', { name: 'Units by status' });
    expect(within(byStatus).getByRole('link', { name: '3' }).getAttribute('href')).toBe('#/units?type=thana');
  });

  it('speaks Hindi with the same figures', async () => {
    installFakeApi({ 'compliance.report': () => report });
    renderWithApp(<DashboardPage />, { lang: 'hi' });
    expect(await screen.findByText('1,30,000')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'डैशबोर्ड' })).toBeTruthy();
    expect(screen.getByText('महिला पुलिसकर्मी: 16 में से 14')).toBeTruthy();
    const attention = screen.getByRole('region', { name: 'ध्यान देने योग्य' });
    expect(within(attention).getByText('दीघा')).toBeTruthy();
    expect(within(attention).getByText(/50 की कमी/)).toBeTruthy();
  });

  it('offers the first steps when the register is empty', async () => {
    installFakeApi({
      'compliance.report': () => ({
        ...report,
        units: [],
        rules: [],
        summary: { ...report.summary, units: 0, staffTotal: 0 },
      }),
    });
    renderWithApp(<DashboardPage />);
    expect(await screen.findByText('The register is empty')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import a workbook' }).getAttribute('href')).toBe('#/import');
  });
});
