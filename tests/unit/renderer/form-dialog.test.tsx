// @vitest-environment jsdom
// FormDialog, the shell of every create/edit dialog: Enter submits from any field, Esc and
// Cancel close, Tab stays inside, focus comes back to the opener, and after a refused save focus
// lands where the clerk must look: the first invalid field, or the banner.
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormDialog } from '../../../renderer/components/FormDialog.js';
import { TextField } from '../../../renderer/components/FormFields.js';
import { useFormState } from '../../../renderer/components/form-state.js';
import { renderWithApp } from './render.js';

afterEach(cleanup);

interface Values extends Record<string, string> {
  code: string;
  name: string;
}

interface TestFormProps {
  onSave: (v: Values) => Promise<void> | void;
  onCancel: () => void;
  submitLabel?: string;
  notices?: React.ReactNode;
}

function TestForm({ onSave, onCancel, submitLabel, notices }: TestFormProps) {
  const form = useFormState<Values>({ code: '', name: '' }, (v) => ({
    code: v.code.trim() ? undefined : 'Enter the code.',
    name: v.name.trim() ? undefined : 'Enter the name.',
  }));
  return (
    <FormDialog
      title="New record"
      form={form}
      onSubmit={form.handleSubmit(onSave)}
      onCancel={onCancel}
      submitLabel={submitLabel}
      notices={notices}
    >
      <TextField label="Code" field={form.field('code')} required />
      <TextField label="Name" field={form.field('name')} required autoFocus />
    </FormDialog>
  );
}

/** A page with a button that opens the dialog, as the screens use it. */
function Opener({ onSave }: { onSave: (v: Values) => Promise<void> | void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Add
      </button>
      {open ? (
        <TestForm
          onSave={async (v) => {
            await onSave(v);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

describe('FormDialog', () => {
  it('is a labelled dialog with its form; Enter in any field submits; Save is the default label', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderWithApp(<TestForm onSave={onSave} onCancel={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'New record' });
    expect(within(dialog).getByRole('form', { name: 'New record' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeTruthy();
    // The field marked autoFocus has the focus, not the first one.
    expect(document.activeElement).toBe(screen.getByLabelText(/^Name/));

    await user.type(screen.getByLabelText(/^Code/), 'PAT-1');
    await user.type(screen.getByLabelText(/^Name/), 'Kotwali{Enter}');
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith({ code: 'PAT-1', name: 'Kotwali' });
  });

  it('says what the primary button does, and shows "Saving…" with both buttons disabled while it works', async () => {
    const user = userEvent.setup();
    let finish!: () => void;
    const onSave = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const onCancel = vi.fn();
    renderWithApp(<TestForm onSave={onSave} onCancel={onCancel} submitLabel="Add to group" />);
    await user.type(screen.getByLabelText(/^Code/), 'PAT-1');
    await user.type(screen.getByLabelText(/^Name/), 'Kotwali');
    await user.click(screen.getByRole('button', { name: 'Add to group' }));

    const saving = screen.getByRole('button', { name: 'Saving…' });
    expect((saving as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    // Esc does not abandon a save in progress.
    screen.getByLabelText(/^Name/).focus();
    await user.keyboard('{Escape}');
    expect(onCancel).not.toHaveBeenCalled();
    await act(async () => finish());
    expect(screen.getByRole('button', { name: 'Add to group' })).toBeTruthy();
  });

  it('Esc and Cancel close it, and focus returns to the button that opened it', async () => {
    const user = userEvent.setup();
    renderWithApp(<Opener onSave={() => {}} />);
    const add = screen.getByRole('button', { name: 'Add' });
    await user.click(add);
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(add);

    await user.click(add);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(add);
  });

  it('keeps Tab inside the dialog', async () => {
    const user = userEvent.setup();
    renderWithApp(<Opener onSave={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const code = screen.getByLabelText(/^Code/);
    const save = screen.getByRole('button', { name: 'Save' });
    save.focus();
    await user.tab();
    expect(document.activeElement).toBe(code);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(save);
    // The hidden submit button that keeps Enter working is not a Tab stop.
    const order: Element[] = [];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      order.push(document.activeElement!);
    }
    expect(order.map((el) => el.textContent || el.getAttribute('name'))).toEqual(['code', 'name', 'Cancel', 'Save']);
  });

  it('on a field error, focus goes to the first invalid field', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderWithApp(<TestForm onSave={onSave} onCancel={() => {}} />);
    await user.type(screen.getByLabelText(/^Name/), 'Kotwali');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Enter the code.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Code/)));
  });

  it('a backend refusal naming a field lands beside it; one naming none is a banner that takes the focus', async () => {
    const user = userEvent.setup();
    const onSave = vi
      .fn()
      .mockRejectedValueOnce({ code: 'CONFLICT', message: 'Code PAT-1 is already used', details: { field: 'code' } })
      .mockRejectedValueOnce({ code: 'INTERNAL', message: 'The disk is full' });
    renderWithApp(<TestForm onSave={onSave} onCancel={() => {}} />);
    await user.type(screen.getByLabelText(/^Code/), 'PAT-1');
    await user.type(screen.getByLabelText(/^Name/), 'Kotwali{Enter}');
    expect(await screen.findByText('Code PAT-1 is already used')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Code/)));
    expect(screen.queryByRole('alert')).toBeNull();

    await user.type(screen.getByLabelText(/^Code/), '0{Enter}');
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('The disk is full');
    expect(document.activeElement).toBe(banner.parentElement);
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows notices (a list the form needs that failed to load) above the fields', () => {
    renderWithApp(
      <TestForm onSave={() => {}} onCancel={() => {}} notices={<p role="status">Groups could not be loaded</p>} />,
    );
    const dialog = screen.getByRole('dialog');
    const notice = within(dialog).getByRole('status');
    const form = within(dialog).getByRole('form');
    expect(notice.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
