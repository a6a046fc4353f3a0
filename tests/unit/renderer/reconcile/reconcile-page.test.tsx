// @vitest-environment jsdom
// The review screen of "Reconcile with WhatsApp export" against a fake backend: what it sends
// (the ids accepted, the person chosen for a confirm row) and what it shows (empty states,
// errors, a cancelled apply), in English and Hindi. The real handlers are tested on SQLite in
// tests/integration/reconcile; the whole journey in tests/e2e/reconcile.spec.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Res } from '../../../../renderer/api/index.js';
import { ReconcilePage } from '../../../../renderer/pages/reconcile/ReconcilePage.js';
import { renderWithApp } from '../render.js';
import { installFakeApi } from '../members/fake-api.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const FILE = '/home/clerk/WhatsApp Chat with Kotwali.txt';

const GROUP: Res<'groups.get'> = {
  id: 1,
  code: 'KOT-PUB',
  name: 'Kotwali Jan Samvad',
  kind: 'public',
  status: 'active',
  createdOn: null,
  inviteLink: null,
  unitCode: 'KOT',
  unitName: 'Kotwali',
  unitNameHi: 'कोतवाली',
  adminServiceNo: null,
  adminName: null,
  activeMembers: 2,
  activeStaff: 0,
};

function plan(proposals: Res<'chat.preview'>['proposals']): Res<'chat.preview'> {
  return {
    group: { code: 'KOT-PUB', name: 'Kotwali Jan Samvad', status: 'active' },
    events: [],
    proposals,
    notInRegister: [],
    notInChat: [],
    span: { from: '2024-03-12T09:00', to: '2024-03-15T10:02' },
    file: { path: FILE, kind: 'txt', entry: null, bytes: 900 },
    chat: {
      format: 'android',
      dateOrder: 'dmy',
      dateOrderFrom: 'file',
      messages: 4,
      authors: 3,
      languages: ['en'],
      notices: { recognised: 1, unrecognised: 0, firstUnrecognisedLine: null },
    },
    members: [{ type: 'citizen', id: 7, name: 'Anil Kumar', phone: '+919835000011', active: true }],
  };
}

const JOIN = {
  id: 'join:+919835000022',
  action: 'join' as const,
  phone: '+919835000022',
  name: 'Bina Devi',
  at: '2024-03-12T09:01',
  reason: 'added' as const,
  line: 3,
  member: { type: 'citizen' as const, id: 2, name: 'Bina Devi', phone: '+919835000022' },
};
const CONFIRM = {
  id: 'confirm:Sunita Devi',
  action: 'confirm' as const,
  phone: null,
  name: 'Sunita Devi',
  at: '2024-03-12T09:01',
  reason: 'added' as const,
  line: 3,
  intent: 'join' as const,
  candidates: [{ type: 'citizen' as const, id: 9, name: 'Sunita Devi', phone: '+919835000099' }],
};

describe('ReconcilePage', () => {
  it('a file that is not a chat export shows the reason and stays on the first step; a cancelled dialog reads nothing', async () => {
    const user = userEvent.setup();
    let answer: string | null = null;
    const fake = installFakeApi({
      'groups.get': () => GROUP,
      'dialog.openChatExport': () => ({ path: answer }),
      'chat.preview': () => {
        throw { code: 'BAD_FILE', message: 'this is a binary file, not the text of a chat export' };
      },
    });
    renderWithApp(<ReconcilePage code="KOT-PUB" />);
    const choose = await screen.findByRole('button', { name: 'Choose export file…' });
    await user.click(choose);
    await waitFor(() => expect(fake.callsTo('dialog.openChatExport')).toHaveLength(1));
    expect(fake.callsTo('chat.preview')).toHaveLength(0);
    answer = '/home/clerk/photo.jpg';
    await user.click(choose);
    expect(await screen.findByText(/not the text of a chat export/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Choose the exported chat of this group' })).toBeTruthy();
  });

  it('an export that needs nothing says so, and nothing can be applied', async () => {
    const user = userEvent.setup();
    installFakeApi({
      'groups.get': () => GROUP,
      'dialog.openChatExport': () => ({ path: FILE }),
      'chat.preview': () => plan([]),
    });
    renderWithApp(<ReconcilePage code="KOT-PUB" />);
    await user.click(await screen.findByRole('button', { name: 'Choose export file…' }));
    expect(await screen.findByText('The register agrees with the export')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Select the changes to apply' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByText('Every active member appears in the export.')).toBeTruthy();
  });

  it('a confirm row applies only once a person is chosen; apply sends the ids and the person', async () => {
    const user = userEvent.setup();
    const fake = installFakeApi({
      'groups.get': () => GROUP,
      'dialog.openChatExport': () => ({ path: FILE }),
      'chat.preview': () => plan([JOIN, CONFIRM]),
      'chat.apply': () => ({ applied: 2, joined: 2, left: 0, numbersChanged: 0, skipped: 0 }),
    });
    renderWithApp(<ReconcilePage code="KOT-PUB" />);
    await user.click(await screen.findByRole('button', { name: 'Choose export file…' }));
    const sunita = await screen.findByRole('checkbox', { name: /Confirm who — Sunita Devi/ });
    expect((sunita as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Apply 1 change…' })).toBeTruthy();

    // Filter: only the confirm row.
    await user.click(screen.getByRole('button', { name: 'To confirm (1)' }));
    expect(screen.queryByRole('checkbox', { name: /Join — Bina Devi/ })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Who is “Sunita Devi”?' }), 'citizen:9');
    expect((screen.getByRole('checkbox', { name: /Confirm who — Sunita Devi/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Apply 2 changes…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Apply 2 changes to Kotwali Jan Samvad?' });
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('heading', { name: 'Changes applied' })).toBeTruthy();
    expect(fake.callsTo('chat.apply')).toEqual([
      {
        groupCode: 'KOT-PUB',
        file: FILE,
        accept: [JOIN.id],
        confirms: [{ id: CONFIRM.id, member: { type: 'citizen', id: 9 } }],
      },
    ]);
    expect(screen.getByTestId('result-joined').textContent).toBe('2');
  });

  it('a cancelled apply says nothing was changed and returns to the review', async () => {
    const user = userEvent.setup();
    installFakeApi({
      'groups.get': () => GROUP,
      'dialog.openChatExport': () => ({ path: FILE }),
      'chat.preview': () => plan([JOIN]),
      'chat.apply': () => {
        throw { code: 'CANCELLED', message: 'Reconciling was cancelled; nothing was changed.' };
      },
    });
    renderWithApp(<ReconcilePage code="KOT-PUB" />);
    await user.click(await screen.findByRole('button', { name: 'Choose export file…' }));
    await user.click(await screen.findByRole('button', { name: 'Apply 1 change…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Cancelled: nothing was changed.')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Join — Bina Devi/ })).toBeTruthy();
  });

  it('reads in Hindi', async () => {
    installFakeApi({ 'groups.get': () => GROUP });
    renderWithApp(<ReconcilePage code="KOT-PUB" />, { lang: 'hi' });
    expect(await screen.findByRole('heading', { level: 1, name: 'व्हाट्सऐप एक्सपोर्ट से मिलान' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '← कोतवाली पर वापस' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^एंड्रॉइड: ⋮ मेनू/ })).toBeTruthy();
  });
});
