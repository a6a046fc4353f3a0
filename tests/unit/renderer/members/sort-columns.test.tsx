// @vitest-environment jsdom
// Sortable columns on the paged lists (issue #11): headers are buttons with aria-sort; a press
// (click, or Enter/Space on the focused button) asks the backend for the new order from the
// first page; the chosen order is remembered for the session, so the next visit shows the same
// order; print/export loads the rows in that order.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersPage } from '../../../../renderer/pages/members/MembersPage.js';
import { forgetScrollPositions } from '../../../../renderer/pages/members/VirtualTable.js';
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
  window.sessionStorage.clear();
  window.location.hash = '';
});

const header = (name: RegExp) => {
  const grid = screen.getByRole('grid');
  return within(grid)
    .getAllByRole('columnheader')
    .find((h) => name.test(h.textContent ?? ''))!;
};

describe('Members list columns', () => {
  it('starts in the default order (group ascending) and says so with aria-sort', async () => {
    const fake = installFakeApi({ 'groups.list': () => GROUPS, 'members.search': pagedMembers(500) });
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    await screen.findByText('Citizen 0');
    expect(fake.callsTo('members.search')[0]).toMatchObject({ sort: { column: 'group', dir: 'asc' }, offset: 0 });
    expect(header(/^Group/).getAttribute('aria-sort')).toBe('ascending');
    expect(header(/^Name/).getAttribute('aria-sort')).toBe('none');
    // Columns without a backend order have no sort button and no aria-sort.
    expect(header(/^Mobile/).getAttribute('aria-sort')).toBeNull();
    expect(within(header(/^Mobile/)).queryByRole('button')).toBeNull();
  });

  it('a header press sorts by it, a second press reverses; keyboard Enter and Space work too', async () => {
    const user = userEvent.setup();
    const fake = installFakeApi({ 'groups.list': () => GROUPS, 'members.search': pagedMembers(500) });
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    await screen.findByText('Citizen 0');

    await user.click(within(header(/^Name/)).getByRole('button'));
    await waitFor(() => expect(header(/^Name/).getAttribute('aria-sort')).toBe('ascending'));
    expect(header(/^Group/).getAttribute('aria-sort')).toBe('none');
    expect(fake.callsTo('members.search').at(-1)).toMatchObject({ sort: { column: 'name', dir: 'asc' }, offset: 0 });

    within(header(/^Name/)).getByRole('button').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(header(/^Name/).getAttribute('aria-sort')).toBe('descending'));
    expect(fake.callsTo('members.search').at(-1)).toMatchObject({ sort: { column: 'name', dir: 'desc' }, offset: 0 });

    within(header(/^Joined/))
      .getByRole('button')
      .focus();
    await user.keyboard(' ');
    await waitFor(() => expect(header(/^Joined/).getAttribute('aria-sort')).toBe('ascending'));
    expect(fake.callsTo('members.search').at(-1)).toMatchObject({ sort: { column: 'joined', dir: 'asc' } });
  });

  it('remembers the order for the next visit', async () => {
    const user = userEvent.setup();
    installFakeApi({ 'groups.list': () => GROUPS, 'members.search': pagedMembers(500) });
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    await screen.findByText('Citizen 0');
    await user.click(within(header(/^Name/)).getByRole('button'));
    await user.click(within(header(/^Name/)).getByRole('button'));
    await waitFor(() => expect(header(/^Name/).getAttribute('aria-sort')).toBe('descending'));
    cleanup();

    const fake = installFakeApi({ 'groups.list': () => GROUPS, 'members.search': pagedMembers(500) });
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    await screen.findByText('Citizen 0');
    expect(fake.callsTo('members.search')[0]).toMatchObject({ sort: { column: 'name', dir: 'desc' } });
    expect(header(/^Name/).getAttribute('aria-sort')).toBe('descending');
  });

  it('in Hindi the headers are sort buttons too', async () => {
    installFakeApi({ 'groups.list': () => GROUPS, 'members.search': pagedMembers(500) });
    renderWithApp(<MembersPage query={new URLSearchParams()} />, { lang: 'hi' });
    await screen.findByText('Citizen 0');
    const sortable = within(screen.getByRole('grid'))
      .getAllByRole('columnheader')
      .filter((h) => h.getAttribute('aria-sort') !== null);
    expect(sortable).toHaveLength(3);
    expect(sortable.map((h) => h.getAttribute('aria-sort'))).toEqual(['none', 'ascending', 'none']);
  });
});
