// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { MembersPage, MEMBERS_PAGE_SIZE } from '../../../../renderer/pages/members/MembersPage.js';
import { forgetScrollPositions } from '../../../../renderer/pages/members/VirtualTable.js';
import { PageCache } from '../../../../renderer/pages/members/page-cache.js';
import { JUMP_SETTLE_MS } from '../../../../renderer/pages/members/use-paged-rows.js';
import { renderWithApp } from '../render.js';
import { deferred, GROUPS, installFakeApi, memberRow, pagedMembers, stubScrollBoxHeight } from './fake-api.js';

const ROW = 40; // VirtualTable's row height
const TOTAL = 260_000;

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

const offsetsAsked = (fake: ReturnType<typeof installFakeApi>) =>
  fake.callsTo('members.search').map((a) => a.offset as number);

function scrollTo(box: HTMLElement, row: number) {
  box.scrollTop = row * ROW;
  fireEvent.scroll(box);
}

describe('Members list with 2,60,000 rows', () => {
  it('asks only for the pages on screen, shows placeholders until they arrive, and the total', async () => {
    const all = pagedMembers(TOTAL);
    const held = deferred();
    const fake = installFakeApi({
      'groups.list': () => GROUPS,
      'members.search': async (a) => {
        if ((a.offset as number) > 0) await held.promise;
        return all(a);
      },
    });
    renderWithApp(<MembersPage query={new URLSearchParams()} />);

    expect(await screen.findByText('2,60,000 memberships')).toBeTruthy();
    await screen.findByText('Citizen 0');
    expect(offsetsAsked(fake)).toEqual([0]);
    expect(fake.callsTo('members.search')[0]).toMatchObject({ offset: 0, limit: MEMBERS_PAGE_SIZE, state: 'active' });
    // Only the rows in view (and a few either side) exist in the page.
    expect(screen.getAllByRole('row').length).toBeLessThan(30);

    const box = screen.getByTestId('vtable-scroll');
    await act(async () => scrollTo(box, 150_000));
    await waitFor(() => expect(offsetsAsked(fake).length).toBeGreaterThan(1), { timeout: 2000 });
    // Rows 149,994…150,016 are rendered (with overscan): pages 1,499 and 1,500 and nothing else.
    expect(new Set(offsetsAsked(fake))).toEqual(new Set([0, 149_900, 150_000]));
    const busy = document.querySelectorAll('[role="row"][aria-busy="true"]');
    expect(busy.length).toBeGreaterThan(5);

    await act(async () => held.resolve());
    expect(await screen.findByText('Citizen 150000')).toBeTruthy();
    expect(document.querySelectorAll('[role="row"][aria-busy="true"]')).toHaveLength(0);
    expect(offsetsAsked(fake)).toHaveLength(3);
  });

  it('does not fetch the pages a dragged scrollbar passes over', async () => {
    const fake = installFakeApi({ 'groups.list': () => GROUPS, 'members.search': pagedMembers(TOTAL) });
    renderWithApp(<MembersPage query={new URLSearchParams('category=public')} />);
    await screen.findByText('Citizen 0');
    const box = screen.getByTestId('vtable-scroll');

    // A far jump is fetched once the scrollbar has rested JUMP_SETTLE_MS: the test moves the clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await act(async () => {
        for (const row of [20_000, 60_000, 110_000, 170_000, 230_000]) scrollTo(box, row);
      });
      // Still moving: nothing asked for the rows passed over, nor yet for where it stopped.
      expect(offsetsAsked(fake)).toEqual([0]);
      await act(async () => vi.advanceTimersByTime(JUMP_SETTLE_MS));
      await act(async () => vi.runOnlyPendingTimers());
    } finally {
      vi.useRealTimers();
    }
    await screen.findByText('Citizen 230000');
    expect(new Set(offsetsAsked(fake))).toEqual(new Set([0, 229_900, 230_000]));
    expect(fake.callsTo('members.search').every((a) => a.category === 'public')).toBe(true);
  });

  it('scrolling row by row loads the next page as it comes into view', async () => {
    const fake = installFakeApi({ 'groups.list': () => GROUPS, 'members.search': pagedMembers(TOTAL) });
    renderWithApp(<MembersPage query={new URLSearchParams('state=all')} />);
    await screen.findByText('Citizen 0');
    const box = screen.getByTestId('vtable-scroll');
    for (const row of [30, 60, 90]) await act(async () => scrollTo(box, row));
    await screen.findByText('Citizen 100');
    expect(offsetsAsked(fake)).toEqual([0, 100]);
  });

  it('starts again from the first page when the search changes (debounced)', async () => {
    const fake = installFakeApi({ 'groups.list': () => GROUPS, 'members.search': pagedMembers(5) });
    const { rerender } = renderWithApp(<MembersPage query={new URLSearchParams()} />);
    await screen.findByText('Citizen 0');
    fireEvent.change(screen.getByLabelText('Search members'), { target: { value: 'Ram' } });
    // The box writes the address after a pause; the route then re-renders the page with it.
    await waitFor(() => expect(window.location.hash).toContain('q=Ram'), { timeout: 2000 });
    rerender(<MembersPage query={new URLSearchParams('q=Ram')} />);
    await waitFor(() => expect(fake.callsTo('members.search').at(-1)).toMatchObject({ query: 'Ram', offset: 0 }));
  });

  it('says so when nothing matches, and offers to clear the filters', async () => {
    installFakeApi({ 'groups.list': () => GROUPS, 'members.search': () => ({ total: 0, rows: [] }) });
    renderWithApp(<MembersPage query={new URLSearchParams('q=nobody&group=PAT-KOTWALI-1')} />);
    expect(await screen.findByText('No member matches')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Clear filters' }).length).toBeGreaterThan(0);
  });

  it('explains an empty register and offers to add or import', async () => {
    installFakeApi({ 'groups.list': () => [], 'members.search': () => ({ total: 0, rows: [] }) });
    renderWithApp(<MembersPage query={new URLSearchParams()} />);
    expect(await screen.findByText('No members yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import a workbook' })).toBeTruthy();
  });
});

describe('PageCache', () => {
  const rows = (offset: number, limit: number) => Array.from({ length: limit }, (_, i) => memberRow(offset + i));
  type Page = { total: number; rows: ReturnType<typeof rows> };

  /**
   * A fetchPage that keeps every answer it gives. The cache takes an answer before the test can
   * wait for it, so once `all()` resolves the cache has stored every page asked for so far.
   */
  function answered(fetch: (offset: number, limit: number) => Promise<Page>) {
    const given: Promise<Page>[] = [];
    return {
      fetchPage: (offset: number, limit: number) => {
        const answer = fetch(offset, limit);
        given.push(answer);
        return answer;
      },
      all: () => Promise.all(given),
    };
  }

  it('asks once per page however often the same rows are shown, and drops answers for old filters', async () => {
    const asked: number[] = [];
    const gates: (() => void)[] = [];
    const answers: Promise<unknown>[] = [];
    const cache = new PageCache<ReturnType<typeof memberRow>>({
      pageSize: 100,
      onChange: () => {},
      fetchPage: (offset, limit) => {
        asked.push(offset);
        const answer = new Promise<Page>((resolve) =>
          gates.push(() => resolve({ total: 1000, rows: rows(offset, limit) })),
        );
        answers.push(answer);
        return answer;
      },
    });
    cache.reset();
    cache.show(0, 30);
    cache.show(10, 40);
    expect(asked).toEqual([0]);
    cache.reset(); // new filters while page 0 is on its way
    gates[0]!();
    await answers[0];
    expect(cache.total).toBeUndefined();
    gates[1]!();
    await answers[1];
    expect(cache.total).toBe(1000);
    expect(cache.rowAt(5)).toMatchObject({ name: 'Citizen 5' });
    expect(cache.rowAt(150)).toBeUndefined();
  });

  it('keeps memory bounded: pages far from the view are dropped', async () => {
    const answers = answered(async (offset, limit) => ({ total: 100_000, rows: rows(offset, limit) }));
    const cache = new PageCache({ pageSize: 100, maxPages: 5, onChange: () => {}, fetchPage: answers.fetchPage });
    cache.reset();
    for (let p = 0; p < 20; p++) {
      cache.show(p * 100, p * 100 + 50);
      await answers.all();
    }
    expect(cache.heldPages().length).toBeLessThanOrEqual(5);
    expect(cache.heldPages()).toContain(19);
    expect(cache.heldPages()).not.toContain(0);
  });

  it('after a change keeps showing the old rows while the visible pages are fetched again', async () => {
    let version = 'old';
    const answers = answered(async (offset, limit) => ({
      total: 100,
      rows: rows(offset, limit).map((r) => ({ ...r, name: `${version} ${r.name}` })),
    }));
    const cache = new PageCache({ pageSize: 10, onChange: () => {}, fetchPage: answers.fetchPage });
    cache.reset();
    await answers.all();
    cache.show(0, 5);
    version = 'new';
    cache.refresh();
    expect(cache.rowAt(0)).toMatchObject({ name: 'old Citizen 0' });
    await answers.all();
    expect(cache.rowAt(0)).toMatchObject({ name: 'new Citizen 0' });
  });
});
