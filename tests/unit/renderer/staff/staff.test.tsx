// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StaffPage } from '../../../../renderer/pages/staff/StaffPage.js';
import { StaffFormDialog } from '../../../../renderer/pages/staff/StaffFormDialog.js';
import { forgetScrollPositions } from '../../../../renderer/pages/members/VirtualTable.js';
import { renderWithApp } from '../render.js';
import { GROUPS, installFakeApi, stubScrollBoxHeight } from '../members/fake-api.js';
import type { Res } from '../../../../renderer/api/index.js';

let restore: () => void;
beforeAll(() => {
  restore = stubScrollBoxHeight(400);
});
afterAll(() => restore());
afterEach(() => {
  cleanup();
  forgetScrollPositions();
  window.location.hash = '';
});

const RANKS = [
  { id: 11, code: 'SI', nameEn: 'Sub-Inspector', nameHi: 'अवर निरीक्षक', aliases: ['SI'], sortOrder: 11 },
  { id: 14, code: 'CONSTABLE', nameEn: 'Constable', nameHi: 'सिपाही', aliases: ['PC'], sortOrder: 14 },
];
const UNITS: Res<'units.list'> = [
  {
    id: 1,
    code: 'PAT-T-KOTWALI',
    name: 'Kotwali',
    nameHi: 'कोतवाली',
    type: 'thana',
    parentCode: null,
    division: null,
    status: 'active',
    activeGroups: 1,
    closedGroups: 0,
  },
  {
    id: 2,
    code: 'PAT-DPC',
    name: 'Police Lines',
    nameHi: 'पुलिस केंद्र',
    type: 'district_centre',
    parentCode: null,
    division: null,
    status: 'active',
    activeGroups: 1,
    closedGroups: 0,
  },
];
type StaffRow = Res<'staff.list'>['rows'][number];
const staffRow = (i: number, over: Partial<StaffRow> = {}): StaffRow => ({
  id: i,
  serviceNo: `BP-${1000 + i}`,
  name: `Officer ${i}`,
  rankCode: 'CONSTABLE',
  rankEn: 'Constable',
  rankHi: 'सिपाही',
  rankOrder: 14,
  gender: i % 3 === 0 ? 'F' : 'M',
  phone: null,
  unitCode: 'PAT-T-KOTWALI',
  unitName: 'Kotwali',
  unitNameHi: 'कोतवाली',
  activeGroups: i % 2,
  ...over,
});

function setup(extra: Parameters<typeof installFakeApi>[0] = {}) {
  return installFakeApi({
    'ranks.list': () => RANKS,
    'units.list': () => UNITS,
    'groups.list': () => GROUPS,
    'staff.list': (a) => {
      const total = a.uncovered ? 2 : 4;
      const rows = Array.from({ length: total }, (_, i) => staffRow(a.uncovered ? i * 2 : i));
      return { total, rows };
    },
    'members.addStaff': () => ({ membershipId: 5, ruleBroken: null }),
    'staff.create': (a) => staffRow(99, { serviceNo: a.serviceNo, name: a.name }),
    ...extra,
  });
}

describe('Staff roster', () => {
  it('lists rank, gender and posting, and flags staff in no group', async () => {
    setup();
    renderWithApp(<StaffPage query={new URLSearchParams()} />);
    expect(await screen.findByText('4 staff members')).toBeTruthy();
    const row = (await screen.findByText('Officer 0')).closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('BP-1000')).toBeTruthy();
    expect(within(row).getByText('Constable')).toBeTruthy();
    expect(within(row).getByText('Woman')).toBeTruthy();
    expect(within(row).getByText('Kotwali')).toBeTruthy();
    expect(within(row).getByText('none')).toBeTruthy();
  });

  it('uses Hindi rank, unit and gender names in the Hindi screen', async () => {
    setup();
    renderWithApp(<StaffPage query={new URLSearchParams()} />, { lang: 'hi' });
    const row = (await screen.findByText('Officer 1')).closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('सिपाही')).toBeTruthy();
    expect(within(row).getByText('कोतवाली')).toBeTruthy();
    expect(within(row).getByText('पुरुष')).toBeTruthy();
    await screen.findByRole('option', { name: 'अवर निरीक्षक' });
  });

  it('sends the filters the address holds: not in any group, unit, rank, gender and search', async () => {
    const fake = setup();
    renderWithApp(<StaffPage query={new URLSearchParams('uncovered=1&unit=PAT-T-KOTWALI&rank=SI&gender=F&q=Sita')} />);
    await screen.findByText('2 staff members');
    expect(fake.callsTo('staff.list')[0]).toEqual({
      query: 'Sita',
      uncovered: true,
      unitCode: 'PAT-T-KOTWALI',
      rank: 'SI',
      gender: 'F',
      sort: { column: 'rank', dir: 'asc' },
      offset: 0,
      limit: 100,
    });
    expect((screen.getByLabelText('Not in any group') as HTMLInputElement).checked).toBe(true);
  });

  it('ticking "not in any group" writes it to the address', async () => {
    const user = userEvent.setup();
    setup();
    renderWithApp(<StaffPage query={new URLSearchParams()} />);
    await screen.findByText('4 staff members');
    await user.click(screen.getByLabelText('Not in any group'));
    expect(window.location.hash).toContain('uncovered=1');
  });

  it('tells the clerk when everyone is covered', async () => {
    setup({ 'staff.list': () => ({ total: 0, rows: [] }) });
    renderWithApp(<StaffPage query={new URLSearchParams('uncovered=1')} />);
    expect(await screen.findByText('Everyone is in a group')).toBeTruthy();
  });

  it('adds a staff member to a group from the roster', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderWithApp(<StaffPage query={new URLSearchParams()} />);
    await user.click(await screen.findByRole('button', { name: 'Add Officer 0 to a group' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/^Service number/) as HTMLInputElement).readOnly).toBe(true);
    await within(dialog).findByRole('option', { name: /Patna Police Lines Staff/ });
    // Staff groups are offered first.
    const first = within(within(dialog).getByLabelText(/^Group/)).getAllByRole('option')[1]!;
    expect(first.textContent).toContain('Patna Police Lines Staff');
    await user.selectOptions(within(dialog).getByLabelText(/^Group/), 'PAT-DPC-STAFF');
    await user.click(within(dialog).getByRole('button', { name: 'Add to group' }));
    await waitFor(() =>
      expect(fake.callsTo('members.addStaff')).toEqual([
        { groupCode: 'PAT-DPC-STAFF', serviceNo: 'BP-1000', joinedOn: null },
      ]),
    );
  });
});

describe('Staff form', () => {
  it('requires the roster fields and sends the rank code and trimmed values', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderWithApp(<StaffFormDialog onClose={() => {}} />);
    await screen.findByRole('option', { name: 'Sub-Inspector' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getAllByText('Required')).toHaveLength(5);
    expect(fake.callsTo('staff.create')).toHaveLength(0);

    await user.type(screen.getByLabelText(/^Service number/), ' BP-2040 ');
    await user.type(screen.getByLabelText(/^Name/), ' Sita   Kumari ');
    await user.selectOptions(screen.getByLabelText(/^Rank/), 'SI');
    await user.selectOptions(screen.getByLabelText(/^Gender/), 'F');
    await user.selectOptions(screen.getByLabelText(/^Posting unit/), 'PAT-DPC');
    await user.type(screen.getByLabelText(/^Mobile number/), '98350 12345');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fake.callsTo('staff.create')).toEqual([
        {
          serviceNo: 'BP-2040',
          name: 'Sita Kumari',
          rank: 'SI',
          gender: 'F',
          unitCode: 'PAT-DPC',
          phone: '98350 12345',
        },
      ]),
    );
  });

  it('edits with the service number fixed, through staff.update', async () => {
    const user = userEvent.setup();
    const fake = setup({ 'staff.update': (a) => staffRow(3, { name: a.name }) });
    renderWithApp(<StaffFormDialog onClose={() => {}} staff={staffRow(3) as never} />);
    await screen.findByRole('option', { name: 'Sub-Inspector' });
    expect((screen.getByLabelText(/^Service number/) as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText(/^Rank/) as HTMLSelectElement).value).toBe('CONSTABLE');
    await user.selectOptions(screen.getByLabelText(/^Rank/), 'SI');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('staff.update')).toHaveLength(1));
    expect(fake.callsTo('staff.update')[0]).toMatchObject({ serviceNo: 'BP-1003', rank: 'SI', phone: null });
  });
});
