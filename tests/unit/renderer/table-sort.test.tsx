// @vitest-environment jsdom
// The in-memory lists' order (issue #11): total (ties by the row's key), blanks last, Hindi and
// English names case-insensitively; remembered for the session; the export's rows in the order
// on screen (sortTableRows is what the pages hand to print/export).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataTable, sortTableRows, type Column } from '../../../renderer/components/DataTable.js';
import { nextSort, rememberedSort, sortRows } from '../../../renderer/lists/table-sort.js';
import { renderWithApp } from './render.js';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

interface Row {
  code: string;
  name: string;
  members: number | null;
}
const ROWS: Row[] = [
  { code: 'T4', name: 'सीता', members: 5 },
  { code: 'T2', name: 'ram', members: null },
  { code: 'T3', name: 'Ram', members: 5 },
  { code: 'T1', name: 'Ajay', members: 9 },
  { code: 'T5', name: 'अजय', members: 5 },
];
const key = (r: Row) => r.code;

describe('sortRows', () => {
  it('breaks ties by the key, in the direction asked, whatever order the rows came in', () => {
    const asc = sortRows(ROWS, (r) => r.members, 'asc', key).map(key);
    expect(asc).toEqual(['T3', 'T4', 'T5', 'T1', 'T2']);
    expect(sortRows([...ROWS].reverse(), (r) => r.members, 'asc', key).map(key)).toEqual(asc);
    // Descending reverses values and ties; blanks stay last.
    expect(sortRows(ROWS, (r) => r.members, 'desc', key).map(key)).toEqual(['T1', 'T5', 'T4', 'T3', 'T2']);
  });

  it('sorts Latin names ignoring case, Devanagari in its own order, the same every time', () => {
    const names = sortRows(ROWS, (r) => r.name, 'asc', key).map((r) => `${r.name}:${r.code}`);
    expect(names.slice(0, 3)).toEqual(['Ajay:T1', 'ram:T2', 'Ram:T3']);
    expect(names.slice(3)).toEqual(['अजय:T5', 'सीता:T4']);
  });

  it('a header press flips the same column and starts another ascending', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'desc' }, 'code')).toEqual({ key: 'code', dir: 'asc' });
    expect(nextSort(null, 'code')).toEqual({ key: 'code', dir: 'asc' });
  });

  it('ignores a remembered order that names no column of the list', () => {
    window.sessionStorage.setItem('samooh.sort.x', JSON.stringify({ key: 'gone', dir: 'asc' }));
    expect(rememberedSort('x', ['code'])).toBeNull();
    window.sessionStorage.setItem('samooh.sort.x', '{not json');
    expect(rememberedSort('x', ['code'])).toBeNull();
  });
});

describe('DataTable order', () => {
  const columns: Column<Row>[] = [
    { key: 'code', header: 'Code', cell: (r) => r.code, sortValue: (r) => r.code },
    { key: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name },
    { key: 'members', header: 'Members', cell: (r) => r.members ?? '', sortValue: (r) => r.members },
  ];
  const codes = () =>
    within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((tr) => tr.firstElementChild!.textContent);

  it('remembers the chosen order for the session and shows what sortTableRows exports', async () => {
    const user = userEvent.setup();
    const table = () => (
      <DataTable
        caption="Units"
        columns={columns}
        rows={ROWS}
        rowKey={key}
        empty={null}
        initialSort={{ key: 'code', dir: 'asc' }}
        sortMemory="test-units"
      />
    );
    renderWithApp(table());
    expect(codes()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    await user.click(screen.getByRole('button', { name: /Members/ }));
    await user.click(screen.getByRole('button', { name: /Members/ }));
    const shown = codes();
    expect(shown).toEqual(sortTableRows(ROWS, columns, { key: 'members', dir: 'desc' }, key).map(key));
    expect(screen.getByRole('columnheader', { name: /Members/ }).getAttribute('aria-sort')).toBe('descending');
    cleanup();

    renderWithApp(table());
    expect(codes()).toEqual(shown);
  });
});
