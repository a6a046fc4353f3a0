// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportReport } from '../../../../electron/services/register-io/types.js';
import { ImportPage } from '../../../../renderer/pages/import/ImportPage.js';
import { rejectedCsv } from '../../../../renderer/pages/import/rejected-csv.js';
import { detailsHi } from '../../../../renderer/i18n/import-details.js';
import { renderWithApp } from '../render.js';
import { deferred, installFakeApi, type FakeHandler } from '../members/fake-api.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
  vi.restoreAllMocks();
});

const FILE = '/home/clerk/Patna register.xlsx';
const SHA = 'a'.repeat(64);
const HEADERS = ['Group', 'Naam', 'Mob. No', 'Gaon'];

const destroyed = {
  sheet: 'members',
  row: 4,
  column: 'Mob. No',
  value: '9.19835E+11',
  reason: {
    code: 'PHONE_DESTROYED' as const,
    message: 'Excel has turned this number into scientific notation and lost digits; type the number again as text',
  },
};
const missingPhone = (row: number) => ({
  sheet: 'members',
  row,
  column: 'phone',
  value: null,
  reason: { code: 'MISSING_COLUMN' as const, message: 'the members sheet has no phone column' },
});

function report(opts: { phoneMapped: boolean; committed?: boolean }): ImportReport {
  const accepted = opts.phoneMapped ? 2 : 0;
  const rejected = opts.phoneMapped ? [destroyed] : [missingPhone(2), missingPhone(3), missingPhone(4)];
  const counts = { rows: 3, new: accepted, updated: 0, unchanged: 0, duplicate: 0, rejected: 3 - accepted };
  const none = { new: 0, updated: 0, unchanged: 0 };
  return {
    file: FILE,
    format: 'xlsx',
    sha256: SHA,
    files: [{ name: 'Patna register.xlsx', bytes: 9000, sha256: SHA }],
    dryRun: !opts.committed,
    strict: false,
    committed: !!opts.committed,
    sheets: [
      {
        sheet: 'members',
        source: 'सदस्य सूची',
        headerRow: 1,
        columns: [
          { header: 'Group', column: 'A', field: 'group_code', source: 'alias' },
          { header: 'Naam', column: 'B', field: 'name', source: 'alias' },
          {
            header: 'Mob. No',
            column: 'C',
            field: opts.phoneMapped ? 'phone' : null,
            source: opts.phoneMapped ? 'mapping' : 'none',
          },
          { header: 'Gaon', column: 'D', field: 'locality', source: 'alias' },
        ],
        mappingKey: 'members:0123456789abcdef',
        counts,
        samples: [
          {
            row: 2,
            values: { group_code: 'PAT-KOTWALI-1', name: 'Ram Kumar', phone: '+919835012345', locality: 'Digha' },
          },
        ],
      },
    ],
    totals: counts,
    entities: {
      units: none,
      groups: none,
      staff: none,
      people: { new: accepted, updated: 0, unchanged: 0 },
      memberships: { new: accepted, updated: 0, unchanged: 0 },
    },
    rejected,
    review: [],
    ignored: [],
    timings: { readMs: 1, validateMs: 1, writeMs: 0 },
  };
}

function fakeBackend(commit?: FakeHandler<'import.commit'>) {
  return installFakeApi({
    'dialog.openWorkbook': () => ({ path: FILE }),
    'import.preview': (a) => report({ phoneMapped: !!(a.mapping as { members?: object } | undefined)?.members }),
    // As the backend stores it: a column set to be ignored is remembered as ''.
    'import.mappings.set': (a) => ({
      key: 'members:0123456789abcdef',
      mapping: a.mapping && Object.fromEntries(Object.entries(a.mapping).map(([h, f]) => [h, f ?? ''])),
    }),
    'import.commit': commit ?? (() => report({ phoneMapped: true, committed: true })),
  });
}

async function toMapping(user: ReturnType<typeof userEvent.setup>) {
  renderWithApp(<ImportPage query={new URLSearchParams()} />);
  await user.click(screen.getByRole('button', { name: 'Choose file…' }));
  await screen.findByRole('heading', { name: 'Match the columns' });
}

async function toPreview(user: ReturnType<typeof userEvent.setup>) {
  await toMapping(user);
  await user.selectOptions(screen.getByLabelText('Mob. No'), 'phone');
  await user.click(screen.getByRole('button', { name: 'Check rows' }));
  await screen.findByRole('heading', { name: 'Check what will be imported' });
}

describe('Import wizard', () => {
  it('goes from mapping to preview to commit to result, sending the clerk’s mapping each time', async () => {
    const user = userEvent.setup();
    const gate = deferred();
    const fake = fakeBackend(async (_a, ctx) => {
      ctx.progress({ phase: 'write', done: 1, total: 2 });
      await gate.promise;
      ctx.progress({ phase: 'write', done: 2, total: 2 });
      return report({ phoneMapped: true, committed: true });
    });

    await toMapping(user);
    expect(fake.callsTo('import.preview')).toEqual([{ file: FILE, strict: false }]);
    expect(screen.getByText(/^Chosen file/).parentElement?.textContent).toContain(FILE);
    // The file's columns with what Samooh matched; the unmatched one is flagged.
    expect((screen.getByLabelText('Naam') as HTMLSelectElement).value).toBe('name');
    expect((screen.getByLabelText('Mob. No') as HTMLSelectElement).value).toBe('');
    expect(screen.getByText('Required fields without a column: Mobile')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Sheet “सदस्य सूची” → Members/ })).toBeTruthy();

    // Edit the mapping; choosing one field twice is caught before anything is sent.
    await user.selectOptions(screen.getByLabelText('Gaon'), 'name');
    expect(screen.getByText('“Name” is chosen for more than one column.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check rows' }).hasAttribute('disabled')).toBe(true);
    await user.selectOptions(screen.getByLabelText('Gaon'), 'locality');
    await user.selectOptions(screen.getByLabelText('Mob. No'), 'phone');
    expect(screen.queryByText(/Required fields without a column/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Check rows' }));

    await screen.findByRole('heading', { name: 'Check what will be imported' });
    const mapping = { Group: 'group_code', Naam: 'name', 'Mob. No': 'phone', Gaon: 'locality' };
    expect(fake.callsTo('import.mappings.set')).toEqual([{ sheet: 'members', headers: HEADERS, mapping }]);
    expect(fake.callsTo('import.preview')[1]).toEqual({ file: FILE, mapping: { members: mapping }, strict: false });

    // Counts per sheet and the rejected row with its reason.
    const counts = screen.getAllByRole('table')[0]!;
    expect(within(counts).getByRole('row', { name: /Members/ }).textContent).toMatch(/3.*2.*0.*0.*0.*1/);
    const rejectedTable = screen.getByRole('table', { name: 'Rejected rows' });
    const row = within(rejectedTable).getByRole('row', { name: /9\.19835E\+11/ });
    expect(row.textContent).toContain('Mob. No');
    expect(row.textContent).toContain('scientific notation');

    // Strict mode refuses the file while any row is rejected.
    const commitButton = screen.getByRole('button', { name: 'Import 2 accepted rows' });
    await user.click(screen.getByLabelText(/^Strict mode/));
    expect(commitButton.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/Strict mode is on and 1 row is rejected/)).toBeTruthy();
    await user.click(screen.getByLabelText(/^Strict mode/));
    expect(commitButton.hasAttribute('disabled')).toBe(false);

    await user.click(commitButton);
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(bar.getAttribute('aria-valuemax')).toBe('2');
    expect(screen.getByText('Writing to the register', { selector: '.progress__detail' })).toBeTruthy();
    expect(fake.callsTo('import.commit')).toEqual([
      { file: FILE, mapping: { members: mapping }, strict: false, sha256: SHA },
    ]);

    await act(async () => gate.resolve());
    await screen.findByRole('heading', { name: 'Import finished' });
    const written = screen.getByRole('table', { name: 'Written to the register' });
    expect(within(written).getByRole('row', { name: /Citizens/ }).textContent).toMatch(/2.*0.*0/);
    expect(within(written).getByRole('row', { name: /Memberships/ }).textContent).toMatch(/2.*0.*0/);
    expect(screen.getByRole('table', { name: 'Rows to fix' })).toBeTruthy();

    // The list of rows to fix can be saved.
    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      saved = b as Blob;
      return 'blob:rows-to-fix';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Save the list of rows to fix…' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('Patna register-rows-to-fix.csv');
    const text = await saved!.text();
    expect(text).toContain('sheet,row,column,value,reason_code,reason');
    expect(text).toContain('members,4,Mob. No,9.19835E+11,PHONE_DESTROYED,');
  });

  it('cancels a running import: the backend is asked to stop and nothing is reported as written', async () => {
    const user = userEvent.setup();
    const fake = fakeBackend(async (_a, ctx) => {
      ctx.progress({ phase: 'write', done: 10, total: 100 });
      await ctx.cancelled;
      throw { code: 'CANCELLED', message: 'The import was cancelled; nothing was written.' };
    });
    await toPreview(user);
    await user.click(screen.getByRole('button', { name: 'Import 2 accepted rows' }));
    await screen.findByRole('progressbar');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The import was cancelled. Nothing was changed.')).toBeTruthy();
    expect(fake.cancels).toHaveLength(1);
    expect(fake.calls.find((c) => c.name === 'import.commit')!.id).toBe(fake.cancels[0]);
    // Back on the preview, ready to try again.
    expect(screen.getByRole('heading', { name: 'Check what will be imported' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Import finished' })).toBeNull();
  });

  it('shows why strict mode refused the file and keeps the clerk on the preview', async () => {
    const user = userEvent.setup();
    fakeBackend(() => {
      throw {
        code: 'IMPORT_REJECTED',
        message: 'Strict mode: 1 row(s) of Patna register.xlsx were rejected, so nothing was imported.',
        details: report({ phoneMapped: true }),
      };
    });
    await toPreview(user);
    await user.click(screen.getByRole('button', { name: 'Import 2 accepted rows' }));
    expect(await screen.findByText(/were rejected, so nothing was imported/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Check what will be imported' })).toBeTruthy();
  });

  it('does not remember the mapping when the clerk says no, but still uses it', async () => {
    const user = userEvent.setup();
    const fake = fakeBackend();
    await toMapping(user);
    await user.click(screen.getByLabelText('Remember these matches for next time'));
    await user.selectOptions(screen.getByLabelText('Mob. No'), 'phone');
    await user.click(screen.getByRole('button', { name: 'Check rows' }));
    await screen.findByRole('heading', { name: 'Check what will be imported' });
    expect(fake.callsTo('import.mappings.set')).toHaveLength(0);
    expect(fake.callsTo('import.preview')[1]!.mapping).toEqual({
      members: { Group: 'group_code', Naam: 'name', 'Mob. No': 'phone', Gaon: 'locality' },
    });
  });

  it('stays on the first step when the picker is cancelled or the file cannot be read', async () => {
    const user = userEvent.setup();
    const fake = installFakeApi({
      'dialog.openWorkbook': () => ({ path: null }),
      'import.preview': () => {
        throw { code: 'BAD_FILE', message: 'notes.docx has no register sheets.' };
      },
    });
    renderWithApp(<ImportPage query={new URLSearchParams()} />);
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(fake.callsTo('dialog.openWorkbook')).toHaveLength(1));
    expect(fake.callsTo('import.preview')).toHaveLength(0);

    fake.set('dialog.openWorkbook', () => ({ path: '/tmp/notes.docx' }));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(await screen.findByText('notes.docx has no register sheets.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Choose the workbook to import' })).toBeTruthy();
  });

  it('shows the steps and the reasons in Hindi', async () => {
    const user = userEvent.setup();
    fakeBackend();
    renderWithApp(<ImportPage query={new URLSearchParams()} />, { lang: 'hi' });
    await user.click(screen.getByRole('button', { name: 'फ़ाइल चुनें…' }));
    await screen.findByRole('heading', { name: 'कॉलम मिलाएँ' });
    await user.selectOptions(screen.getByLabelText('Mob. No'), 'phone');
    await user.click(screen.getByRole('button', { name: 'पंक्तियाँ जाँचें' }));
    await screen.findByRole('heading', { name: 'जाँचें कि क्या आयात होगा' });
    expect(screen.getByText('एक्सेल ने यह नंबर बिगाड़ दिया है (वैज्ञानिक रूप)')).toBeTruthy();
    // The detail line is Hindi too (issue #11), never the English message.
    expect(screen.getByText(detailsHi.PHONE_DESTROYED)).toBeTruthy();
    expect(screen.queryByText(destroyed.reason.message)).toBeNull();
    expect(screen.getByRole('button', { name: '2 स्वीकृत पंक्तियाँ आयात करें' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'आयात के चरण' })).toBeTruthy();
  });
});

describe('rows-to-fix CSV', () => {
  it('neutralises cells Excel would run as formulas and quotes commas', () => {
    const csv = rejectedCsv(
      [
        {
          sheet: 'members',
          row: 7,
          column: 'name',
          value: '=HYPERLINK("http://x","click")',
          reason: { code: 'BAD_TEXT', message: 'bad, really' },
        },
      ],
      (x) => x.reason.message,
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`members,7,name,"'=HYPERLINK(""http://x"",""click"")",BAD_TEXT,"bad, really"`);
  });
});
