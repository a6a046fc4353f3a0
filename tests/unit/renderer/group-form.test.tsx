// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GroupFormDialog, groupToForm, type GroupInput } from '../../../renderer/pages/units/GroupForm.js';
import { renderWithApp } from './render.js';
import { POLICY_V1, type Policy } from '../../../electron/contract/policy.js';
import { inviteLinkOf } from '../../../electron/contract/values/normalise.js';
import { isVettedExternalUrl } from '../../../electron/security.js';

afterEach(cleanup);

const units = [
  { code: 'PAT-T-KOTWALI', name: 'Kotwali', nameHi: 'कोतवाली', type: 'thana' as const },
  { code: 'PAT-DPC', name: 'Police Lines', nameHi: null, type: 'district_centre' as const },
];

function setup(props: Partial<Parameters<typeof GroupFormDialog>[0]> = {}) {
  const onSubmit = vi.fn(async (_: GroupInput) => {});
  const onCancel = vi.fn();
  const user = userEvent.setup();
  const view = renderWithApp(
    <GroupFormDialog
      mode="create"
      policy={POLICY_V1}
      units={units}
      unitCode="PAT-T-KOTWALI"
      today="2024-06-30"
      onSubmit={onSubmit}
      onCancel={onCancel}
      {...props}
    />,
  );
  return { onSubmit, onCancel, user, ...view };
}

describe('GroupFormDialog', () => {
  it('defaults a thana’s new group to police–public and submits ISO dates', async () => {
    const { onSubmit, user } = setup();
    expect((screen.getByLabelText(/^Kind/) as HTMLSelectElement).value).toBe('public');
    await user.type(screen.getByLabelText(/^Group code/), 'PAT-KOTWALI-1');
    await user.type(screen.getByLabelText(/^WhatsApp group name/), 'Kotwali Police Public');
    await user.type(screen.getByLabelText(/^Created on/), '07-03-2024');
    await user.type(screen.getByLabelText(/^Invite link/), 'https://chat.whatsapp.com/AbCdEf123456GhIjKl7890{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      code: 'PAT-KOTWALI-1',
      unitCode: 'PAT-T-KOTWALI',
      kind: 'public',
      name: 'Kotwali Police Public',
      createdOn: '2024-03-07',
      adminServiceNo: null,
      inviteLink: 'https://chat.whatsapp.com/AbCdEf123456GhIjKl7890',
    });
  });

  it('rejects a bad invite link, an impossible date and a future date inline', async () => {
    const { onSubmit, user } = setup();
    await user.type(screen.getByLabelText(/^Group code/), 'G1');
    await user.type(screen.getByLabelText(/^WhatsApp group name/), 'G one');
    const link = screen.getByLabelText(/^Invite link/);
    await user.type(link, 'https://example.com/join/abc');
    await user.tab(); // leaving the field shows its message
    expect(await screen.findByText(/An invite link looks like https:\/\/chat\.whatsapp\.com/)).toBeTruthy();
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(link.getAttribute('aria-describedby')).toMatch(/-error$/);

    const date = screen.getByLabelText(/^Created on/);
    await user.type(date, '31-02-2024');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByText('Enter a real date as dd-mm-yyyy.')).toBeTruthy();
    await user.clear(date);
    await user.type(date, '01-07-2024');
    expect(screen.getByText('The date is in the future.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.clear(date);
    await user.clear(link);
    await user.type(link, 'https://chat.whatsapp.com/Zx9Yw8Vu7T6s5R4q3P2o1N');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0].createdOn).toBeNull();
  });

  it('follows the unit’s usual kind when the unit changes and flags a kind that does not count', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByLabelText(/^Unit/), 'PAT-DPC');
    expect((screen.getByLabelText(/^Kind/) as HTMLSelectElement).value).toBe('staff');
    await user.selectOptions(screen.getByLabelText(/^Kind/), 'public');
    expect(screen.getByText('A Police–public group does not count for a District police centre.')).toBeTruthy();
  });

  it('reads what counts from the policy: R3 counts only `staff` at the district centre', async () => {
    // The renderer once kept its own copy of this rule and also counted women_staff there.
    const { user } = setup({ unitCode: 'PAT-DPC' });
    expect((screen.getByLabelText(/^Kind/) as HTMLSelectElement).value).toBe(POLICY_V1.rules.R3.groupKinds[0]);
    await user.selectOptions(screen.getByLabelText(/^Kind/), 'women_staff');
    expect(screen.getByText('A Women staff group does not count for a District police centre.')).toBeTruthy();
  });

  it('follows a newer policy from HQ, not a constant of its own', async () => {
    const v2: Policy = {
      ...POLICY_V1,
      version: 2,
      rules: { ...POLICY_V1.rules, R1: { ...POLICY_V1.rules.R1, groupKinds: ['cyber_senani'] } },
    };
    const { user } = setup({ policy: v2 });
    expect((screen.getByLabelText(/^Kind/) as HTMLSelectElement).value).toBe('cyber_senani');
    await user.selectOptions(screen.getByLabelText(/^Kind/), 'public');
    expect(screen.getByText('A Police–public group does not count for a Thana.')).toBeTruthy();
  });

  it('accepts exactly the invite links the import accepts and the app will open', async () => {
    const { user } = setup();
    const link = screen.getByLabelText(/^Invite link/);
    const cases = [
      'https://chat.whatsapp.com/AbCdEf123456', // 12 characters: too short for WhatsApp
      'https://chat.whatsapp.com/AbCdEf123456GhIjKl7890',
      'https://chat.whatsapp.com/invite/AbCdEf123456GhIjKl7890/?utm_source=share',
      'http://chat.whatsapp.com/AbCdEf123456GhIjKl7890',
      'https://chat.whatsapp.com.evil.example/AbCdEf123456GhIjKl7890',
    ];
    for (const text of cases) {
      await user.clear(link);
      await user.type(link, text);
      await user.tab();
      const formAccepts = !screen.queryByText(/An invite link looks like/);
      const imported = inviteLinkOf(text);
      const importAccepts = imported.ok && imported.value !== null;
      expect([text, formAccepts]).toEqual([text, importAccepts]);
      if (importAccepts) expect(isVettedExternalUrl(imported.value)).toBe(true);
      await user.click(link);
    }
  });

  it('edits an existing group: code fixed, date shown dd-mm-yyyy, Esc cancels', async () => {
    const { onCancel, user } = setup({
      mode: 'edit',
      initial: groupToForm({
        code: 'PAT-KOTWALI-1',
        unitCode: 'PAT-T-KOTWALI',
        kind: 'cyber_senani',
        name: 'Cyber Senani Kotwali',
        createdOn: '2019-08-15',
        adminServiceNo: 'BP-1001',
        inviteLink: null,
      }),
    });
    expect((screen.getByLabelText(/^Group code/) as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText(/^Created on/) as HTMLInputElement).value).toBe('15-08-2019');
    expect(document.activeElement).toBe(screen.getByLabelText(/^WhatsApp group name/));
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('speaks Hindi when the app does', () => {
    renderWithApp(
      <GroupFormDialog mode="create" policy={POLICY_V1} units={units} onSubmit={async () => {}} onCancel={() => {}} />,
      { lang: 'hi' },
    );
    expect(screen.getByRole('dialog', { name: 'नया समूह' })).toBeTruthy();
    expect(screen.getByLabelText(/^व्हाट्सऐप समूह का नाम/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'बनाएँ' })).toBeTruthy();
  });
});
