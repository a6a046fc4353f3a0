// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataTable, VIRTUAL_FROM, type Column } from '../../../renderer/components/DataTable.js';
import { EmptyState } from '../../../renderer/components/EmptyState.js';
import { renderWithApp } from './render.js';

afterEach(cleanup);

// jsdom does no layout: give the long table's scroll box the height a window would, and each
// row the height it would have, so the virtualiser sees what it sees in Chromium.
let restore: () => void;
beforeAll(() => {
  const client = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
  const offset = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!;
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('table-scroll') ? 600 : client.get!.call(this);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.tagName === 'TR' ? 38 : offset.get!.call(this);
    },
  });
  restore = () => {
    Object.defineProperty(Element.prototype, 'clientHeight', client);
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offset);
  };
});
afterAll(() => restore());

interface Row {
  code: string;
  members: number | null;
}

const columns: Column<Row>[] = [
  { key: 'code', header: 'Code', cell: (r) => r.code, sortValue: (r) => r.code },
  {
    key: 'members',
    header: 'Members',
    cell: (r) => String(r.members ?? '—'),
    sortValue: (r) => r.members,
    align: 'end',
  },
];

const table = (rows: Row[]) =>
  renderWithApp(
    <DataTable
      caption="Units"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.code}
      empty={<EmptyState title="No units yet" />}
      showCount
    />,
  );

describe('DataTable', () => {
  it('sorts by a header (numbers as numbers, codes naturally, blanks last) and says so with aria-sort', async () => {
    const user = userEvent.setup();
    table([
      { code: 'T-10', members: 5 },
      { code: 'T-2', members: null },
      { code: 'T-1', members: 120 },
    ]);
    const codes = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]!.textContent);
    await user.click(screen.getByRole('button', { name: /Code/ }));
    expect(codes()).toEqual(['T-1', 'T-2', 'T-10']);
    expect(screen.getByRole('columnheader', { name: /Code/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: /Members/ }));
    expect(codes()).toEqual(['T-10', 'T-1', 'T-2']);
    await user.click(screen.getByRole('button', { name: /Members/ }));
    expect(codes()).toEqual(['T-1', 'T-10', 'T-2']);
    expect(screen.getByRole('columnheader', { name: /Members/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByText('3 rows')).toBeTruthy();
  });

  it('shows its empty state instead of an empty table', () => {
    table([]);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No units yet')).toBeTruthy();
  });

  it('renders only the rows in view for a long list, sorted over all rows', async () => {
    const user = userEvent.setup();
    const n = VIRTUAL_FROM * 5;
    table(Array.from({ length: n }, (_, i) => ({ code: `U-${String(i).padStart(4, '0')}`, members: i })));
    const grid = await screen.findByRole('table', { name: 'Units' });
    expect(grid.getAttribute('aria-rowcount')).toBe(String(n + 1));
    const rendered = within(grid).getAllByRole('row').length - 1;
    expect(rendered).toBeLessThan(100);
    await user.click(screen.getByRole('button', { name: /Members/ }));
    await user.click(screen.getByRole('button', { name: /Members/ }));
    const first = within(grid).getAllByRole('row')[1]!;
    expect(within(first).getAllByRole('cell')[0]!.textContent).toBe(`U-${String(n - 1).padStart(4, '0')}`);
    expect(first.getAttribute('aria-rowindex')).toBe('2');
    expect(screen.getByText(`${n.toLocaleString('en-IN')} rows`)).toBeTruthy();
  });
});
