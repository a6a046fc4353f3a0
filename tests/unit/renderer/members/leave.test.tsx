// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersPage } from '../../../../renderer/pages/members/MembersPage.js';
import { forgetScrollPositions } from '../../../../renderer/pages/members/VirtualTable.js';
import { formatDate, todayIso } from '../../../../renderer/format/dates.js';
import { renderWithApp } from '../render.js';
import { GROUPS, installFakeApi, pagedMembers, stubScrollBoxHeight } from './fake-api.js';

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

function setup(extra: Parameters<typeof installFakeApi>[0] = {}) {
  return installFakeApi({
    'groups.list': () => GROUPS,
    'members.search': pagedMembers(3),
    'members.leave': (a) => ({ membershipId: a.membershipId, leftOn: a.leftOn ?? '2026-11-28' }),
    ...extra,
  });
}

describe('Mark as left', () => {
  it('asks first, with today as the leaving date, then records it and refreshes the list', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    await user.click(await screen.findByRole('button', { name: 'Mark Citizen 0 as left' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Mark as left' });
    expect(within(dialog).getByText(/Citizen 0 will be recorded as having left Kotwali Police Public/)).toBeTruthy();
    const date = within(dialog).getByLabelText(/^Left on/) as HTMLInputElement;
    expect(date.value).toBe(formatDate(todayIso()));
    // A reflexive Enter must not end a membership: Cancel has the focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('members.leave')).toHaveLength(0);

    const searchesBefore = fake.callsTo('members.search').length;
    await user.click(within(dialog).getByRole('button', { name: 'Mark as left' }));
    await waitFor(() =>
      expect(fake.callsTo('members.leave')).toEqual([{ membershipId: 1_000_000, leftOn: todayIso() }]),
    );
    expect(await screen.findByText('Citizen 0 marked as left Kotwali Police Public.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // The change is visible at once: the list asks for its rows again.
    await waitFor(() => expect(fake.callsTo('members.search').length).toBeGreaterThan(searchesBefore));
  });

  it('records nothing when cancelled with Esc', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    await user.click(await screen.findByRole('button', { name: 'Mark Citizen 2 as left' }));
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.callsTo('members.leave')).toHaveLength(0);
  });

  it('takes another date, and shows the backend’s verdict beside it', async () => {
    const user = userEvent.setup();
    const fake = setup({
      'members.leave': () => {
        throw {
          code: 'BAD_INPUT',
          message: 'the leaving date is before the joining date (2024-01-15)',
          details: { field: 'leftOn' },
        };
      },
    });
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    await user.click(await screen.findByRole('button', { name: 'Mark Citizen 1 as left' }));
    const dialog = await screen.findByRole('alertdialog');
    const date = within(dialog).getByLabelText(/^Left on/);
    await user.clear(date);
    await user.type(date, '31-12-2023');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as left' }));
    await waitFor(() =>
      expect(fake.callsTo('members.leave')).toEqual([{ membershipId: 999_999, leftOn: '2023-12-31' }]),
    );
    expect(await within(dialog).findByText('the leaving date is before the joining date (2024-01-15)')).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('refuses an impossible date without calling the backend', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    await user.click(await screen.findByRole('button', { name: 'Mark Citizen 1 as left' }));
    const dialog = await screen.findByRole('alertdialog');
    const date = within(dialog).getByLabelText(/^Left on/);
    await user.clear(date);
    await user.click(within(dialog).getByRole('button', { name: 'Mark as left' }));
    expect(within(dialog).getByText('Required.')).toBeTruthy();
    await user.type(date, '30-02-2024');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as left' }));
    expect(within(dialog).getByText('Not a valid date; type dd-mm-yyyy.')).toBeTruthy();
    expect(fake.callsTo('members.leave')).toHaveLength(0);
  });

  it('is reachable from the keyboard: ↓ to a row, Delete to mark it as left', async () => {
    const user = userEvent.setup();
    setup();
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    const grid = await screen.findByRole('grid', { name: 'Members' });
    await screen.findByText('Citizen 0');
    grid.focus();
    await user.keyboard('{ArrowDown}');
    expect(grid.getAttribute('aria-activedescendant')).toMatch(/row-1$/);
    await user.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/Citizen 1 will be recorded/)).toBeTruthy();
  });
});
