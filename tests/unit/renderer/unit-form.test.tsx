// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UnitFormDialog, type UnitInput } from '../../../renderer/pages/units/UnitForm.js';
import { renderWithApp } from './render.js';

afterEach(cleanup);

const thanas = [
  { code: 'PAT-T-KOTWALI', name: 'Kotwali', nameHi: 'कोतवाली' },
  { code: 'PAT-T-GANDHI', name: 'Gandhi Maidan', nameHi: null },
];

describe('UnitFormDialog', () => {
  it('shows inline messages for a bad code and a missing name, and sends nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async (_: UnitInput) => {});
    renderWithApp(<UnitFormDialog mode="create" thanas={thanas} onSubmit={onSubmit} onCancel={() => {}} />);

    const code = screen.getByLabelText(/^Code/);
    await user.type(code, '-bad code');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(await screen.findByText(/Use letters, digits and - _ \. \//)).toBeTruthy();
    expect(screen.getByText('Enter the name.')).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(code));
  });

  it('asks an OP for its parent thana and submits with Enter', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async (_: UnitInput) => {});
    renderWithApp(<UnitFormDialog mode="create" thanas={thanas} onSubmit={onSubmit} onCancel={() => {}} />);

    await user.type(screen.getByLabelText(/^Code/), 'PAT-OP-DIGHA');
    await user.selectOptions(screen.getByLabelText(/^Type/), 'op');
    await user.type(screen.getByLabelText(/^Name \(English\)/), 'Digha OP{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(await screen.findByText('Choose the thana this OP belongs to.')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText(/^Parent thana/), 'PAT-T-KOTWALI');
    await user.type(screen.getByLabelText(/^Name \(Hindi\)/), 'दीघा ओपी{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      code: 'PAT-OP-DIGHA',
      name: 'Digha OP',
      nameHi: 'दीघा ओपी',
      type: 'op',
      parentCode: 'PAT-T-KOTWALI',
      division: null,
    });
  });

  it('shows a backend error beside the field it names', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {
      throw { code: 'CONFLICT', message: 'unit code PAT-T-KOTWALI is already used', details: { field: 'code' } };
    });
    renderWithApp(<UnitFormDialog mode="create" thanas={thanas} onSubmit={onSubmit} onCancel={() => {}} />);
    await user.type(screen.getByLabelText(/^Code/), 'PAT-T-KOTWALI');
    await user.type(screen.getByLabelText(/^Name \(English\)/), 'Kotwali');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('unit code PAT-T-KOTWALI is already used')).toBeTruthy();
    // Changing the field clears the backend's verdict.
    await user.type(screen.getByLabelText(/^Code/), '-2');
    expect(screen.queryByText('unit code PAT-T-KOTWALI is already used')).toBeNull();
  });

  it('keeps the code read-only when editing and Esc cancels', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    renderWithApp(
      <UnitFormDialog
        mode="edit"
        initial={{ code: 'PAT-T-KOTWALI', name: 'Kotwali', type: 'thana' }}
        thanas={thanas}
        onSubmit={async () => {}}
        onCancel={onCancel}
      />,
    );
    expect((screen.getByLabelText(/^Code/) as HTMLInputElement).readOnly).toBe(true);
    expect(document.activeElement).toBe(screen.getByLabelText(/^Name \(English\)/));
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
