// @vitest-environment jsdom
// The app's start: app.status decides between the first-run screen and the shell; creating the
// register sends what the clerk typed and lands on the dashboard. Screens of the units area
// read their filters from the address. The backend is a fake behind the API client's seam.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComplianceReport, UnitCompliance } from '../../../electron/services/compliance/types.js';
import { App } from '../../../renderer/App.js';
import { installFakeApi } from './members/fake-api.js';
import type { Res } from '../../../renderer/api/index.js';
import { renderWithApp } from './render.js';

function report(units: UnitCompliance[]): ComplianceReport {
  const count = (s: string) => units.filter((u) => u.status === s).length;
  return {
    schemaVersion: 1,
    policyVersion: 1,
    policyTitle: { en: 'Policy v1', hi: 'नीति v1' },
    district: { code: 'PAT', name: 'Patna', nameHi: 'पटना' },
    generatedAt: '2024-06-30T10:00:00.000Z',
    units,
    groups: [],
    rules: [],
    summary: {
      units: units.length,
      compliant: count('compliant'),
      short: count('short'),
      missing: count('missing'),
      percentCompliant: units.length ? (count('compliant') / units.length) * 100 : 0,
      unitsWithoutRule: 0,
      activeGroups: 0,
      closedGroups: 0,
      citizens: 0,
      memberships: 0,
      staffTotal: 0,
      staffCovered: 0,
      womenStaffTotal: 0,
      womenStaffInWomenGroup: 0,
      womenStaffCovered: 0,
      uncoveredStaff: [],
    },
    staffByRankGender: [],
  };
}

function unit(code: string, name: string, type: 'thana' | 'op', status: UnitCompliance['status'], members: number) {
  const required = type === 'thana' ? 200 : 100;
  return {
    code,
    name,
    nameHi: null,
    type,
    parentCode: null,
    division: null,
    status,
    rule: type === 'thana' ? 'R1' : 'R2',
    members,
    required,
    shortfall: Math.max(0, required - members),
    groups: [],
    bestGroup: null,
    split: { eminent: 0, public: members, staff: 0 },
  } as UnitCompliance;
}

const listRow = (u: UnitCompliance): Res<'units.list'>[number] => ({
  id: 1,
  code: u.code,
  name: u.name,
  nameHi: u.nameHi,
  type: u.type,
  parentCode: null,
  division: null,
  status: 'active',
  activeGroups: u.status === 'missing' ? 0 : 1,
  closedGroups: 0,
});

beforeEach(() => {
  window.location.hash = '';
  localStorage.clear();
});
afterEach(cleanup);

describe('app start', () => {
  it('shows first run without a register, creates it and lands on the dashboard', async () => {
    const user = userEvent.setup();
    let district: { code: string; name: string; nameHi: string | null } | null = null;
    const fake = installFakeApi({
      'app.status': () => ({
        version: '0.1.0',
        dataDir: '/data',
        hasRegister: district !== null,
        registerFile: district ? '/data/PAT.sqlite' : null,
        district,
        mode: district ? 'district' : null,
        keyId: null,
      }),
      'app.createRegister': (a) => {
        district = { code: String(a.code), name: String(a.name), nameHi: (a.nameHi as string | null) ?? null };
        return { file: '/data/PAT.sqlite', district, keyId: '8467F50B0F8CFC74' };
      },
      'compliance.report': () => report([]),
    });
    renderWithApp(<App />);

    expect(await screen.findByRole('heading', { name: 'Welcome to Samooh' })).toBeTruthy();
    expect(screen.getByText('Registers are kept in /data')).toBeTruthy();
    await user.type(screen.getByLabelText(/^District code/), 'pat');
    await user.type(screen.getByLabelText(/^District name \(English\)/), ' Patna ');
    await user.type(screen.getByLabelText(/^District name \(Hindi\)/), 'पटना{Enter}');

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(fake.callsTo('app.createRegister')).toEqual([{ code: 'PAT', name: 'Patna', nameHi: 'पटना' }]);
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    expect(screen.getByText('District: Patna')).toBeTruthy();
    expect(screen.getByText('The register is empty')).toBeTruthy();
    expect(window.location.hash).toBe('#/dashboard');
  });

  it('shows the backend’s reason when the status cannot be read, and retries', async () => {
    const user = userEvent.setup();
    let fail = true;
    installFakeApi({
      'app.status': () => {
        if (fail) throw { code: 'DB_TOO_NEW', message: 'register schema 9 is newer than this Samooh (2)' };
        return {
          version: '0.1.0',
          dataDir: '/d',
          hasRegister: false,
          registerFile: null,
          district: null,
          mode: null,
          keyId: null,
        };
      },
    });
    renderWithApp(<App />);
    expect(
      await screen.findByText('This register was made by a newer version of Samooh. Please update Samooh.'),
    ).toBeTruthy();
    expect(screen.getByText('register schema 9 is newer than this Samooh (2)')).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Welcome to Samooh' })).toBeTruthy();
  });
});

describe('units list', () => {
  const units = [
    unit('PAT-T-KOTWALI', 'Kotwali', 'thana', 'compliant', 230),
    unit('PAT-T-DIGHA', 'Digha', 'thana', 'missing', 0),
    unit('PAT-OP-RAJIV', 'Rajiv Nagar OP', 'op', 'short', 60),
  ];

  function install(list = units) {
    return installFakeApi({
      'app.status': () => ({
        version: '0.1.0',
        dataDir: '/d',
        hasRegister: true,
        registerFile: '/d/PAT.sqlite',
        district: { code: 'PAT', name: 'Patna', nameHi: 'पटना' },
        mode: 'district',
        keyId: null,
      }),
      'units.list': () => list.map(listRow),
      'compliance.report': () => report(list),
    });
  }

  it('filters by status from the address, in Hindi too, and clears the filters', async () => {
    const user = userEvent.setup();
    install();
    window.location.hash = '#/units?status=failing';
    renderWithApp(<App />, { lang: 'hi' });
    const table = await screen.findByRole('table', { name: 'इकाइयाँ एवं समूह' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3)); // header + Digha + Rajiv
    expect(within(table).getByText('PAT-T-DIGHA')).toBeTruthy();
    expect(within(table).queryByText('PAT-T-KOTWALI')).toBeNull();
    expect(within(table).getByText('समूह नहीं')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'अनुपालन पूर्ण' }));
    expect(window.location.hash).toBe('#/units?status=compliant');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByText('PAT-T-KOTWALI')).toBeTruthy();

    await user.type(screen.getByRole('searchbox'), 'zzz');
    expect(await screen.findByText('इन फ़िल्टरों से कोई इकाई नहीं मिली')).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'फ़िल्टर हटाएँ' })[0]!);
    expect(window.location.hash).toBe('#/units');
    expect((await screen.findAllByRole('row')).length).toBe(4);
  });

  it('has an empty state that offers to add a unit or import', async () => {
    install([]);
    window.location.hash = '#/units';
    renderWithApp(<App />);
    expect(await screen.findByText('No units yet')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '+ Add unit' })).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Import a workbook' }).getAttribute('href')).toBe('#/import');
  });
});

describe('unit page', () => {
  it('closes a group only after confirmation, and Undo reopens it', async () => {
    const user = userEvent.setup();
    const kotwali = unit('PAT-T-KOTWALI', 'Kotwali', 'thana', 'compliant', 230);
    let status: 'active' | 'closed' = 'active';
    const group = (): Res<'groups.get'> => ({
      id: 1,
      code: 'PAT-KOTWALI-1',
      name: 'Kotwali Police Public',
      kind: 'public',
      status,
      createdOn: '2019-08-15',
      inviteLink: null,
      unitCode: 'PAT-T-KOTWALI',
      unitName: 'Kotwali',
      unitNameHi: null,
      adminServiceNo: null,
      adminName: null,
      activeMembers: 230,
      activeStaff: 0,
    });
    const fake = installFakeApi({
      'app.status': () => ({
        version: '0.1.0',
        dataDir: '/d',
        hasRegister: true,
        registerFile: '/d/PAT.sqlite',
        district: { code: 'PAT', name: 'Patna', nameHi: null },
        mode: 'district',
        keyId: null,
      }),
      'units.list': () => [listRow(kotwali)],
      'units.get': () => ({ unit: listRow(kotwali), groups: [group()], children: [] }),
      'compliance.report': () => report([{ ...kotwali, groups: status === 'active' ? ['PAT-KOTWALI-1'] : [] }]),
      'groups.close': () => ((status = 'closed'), group()),
      'groups.reopen': () => ((status = 'active'), group()),
    });
    window.location.hash = '#/units/PAT-T-KOTWALI';
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { name: /Kotwali/ })).toBeTruthy();
    expect(screen.getByText('15-08-2019')).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: 'Close group: Kotwali Police Public' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Close group Kotwali Police Public?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('groups.close')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Close group: Kotwali Police Public' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Close group' }));
    expect(await screen.findByText('Group Kotwali Police Public closed.')).toBeTruthy();
    expect(fake.callsTo('groups.close')).toEqual([{ code: 'PAT-KOTWALI-1' }]);
    // Everything on screen reloads after the change: the row now offers Reopen.
    expect(await screen.findByRole('button', { name: 'Reopen: Kotwali Police Public' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(fake.callsTo('groups.reopen')).toEqual([{ code: 'PAT-KOTWALI-1' }]));
    expect(await screen.findByRole('button', { name: 'Close group: Kotwali Police Public' })).toBeTruthy();

    // Another unit's address never shows this unit's figures, even when that unit is unknown.
    fake.set('units.get', (a) => {
      throw { code: 'NOT_FOUND', message: `unit ${String(a.code)} does not exist` };
    });
    window.location.hash = '#/units/PAT-T-NOWHERE';
    expect(await screen.findByText('Unit PAT-T-NOWHERE was not found.')).toBeTruthy();
    expect(screen.queryByText('Kotwali Police Public')).toBeNull();
  });
});
