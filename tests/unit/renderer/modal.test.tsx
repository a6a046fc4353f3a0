// @vitest-environment jsdom
// The one shared dialog (components/Modal.tsx, issue #11): Esc closes the innermost dialog even
// when focus has dropped to <body> (a Save button disabled while saving), not while it is busy;
// focus returns to the opener; a failed action's error is an alert and focus goes to the field
// it names (details.field, or a zod issue path), else to the alert.
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Modal, errorFieldName } from '../../../renderer/components/Modal.js';
import { ConfirmDialog } from '../../../renderer/components/ConfirmDialog.js';
import type { ApiErrorData } from '../../../renderer/data/errors.js';
import { renderWithApp } from './render.js';

afterEach(cleanup);

function Opener({ busy = false, error = null }: { busy?: boolean; error?: ApiErrorData | null }) {
  const [open, setOpen] = useState(false);
  const [inner, setInner] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open ? (
        <Modal title="Outer" onClose={() => setOpen(false)} busy={busy} error={error}>
          <label>
            Code <input name="code" />
          </label>
          <label>
            Phone <input name="phone" />
          </label>
          <button type="button" onClick={() => setInner(true)}>
            Inner
          </button>
          {inner ? (
            <Modal title="Inner dialog" onClose={() => setInner(false)}>
              <button type="button">Inside</button>
            </Modal>
          ) : null}
        </Modal>
      ) : null}
    </>
  );
}

describe('Modal', () => {
  it('Esc closes it with focus on <body>, and focus returns to the opener', async () => {
    const user = userEvent.setup();
    renderWithApp(<Opener />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    expect(screen.getByRole('dialog', { name: 'Outer' })).toBeTruthy();
    (document.activeElement as HTMLElement).blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('Tab from <body> goes back into the dialog', async () => {
    const user = userEvent.setup();
    renderWithApp(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Code' }));
  });

  it('focus moved to the page behind comes back to the dialog; other layers on <body> keep it', async () => {
    const user = userEvent.setup();
    renderWithApp(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Outer' });
    act(() => screen.getByRole('button', { name: 'Open', hidden: true }).focus());
    expect(document.activeElement).toBe(dialog);
    const layer = document.body.appendChild(document.createElement('button'));
    act(() => layer.focus());
    expect(document.activeElement).toBe(layer);
    layer.remove();
  });

  it('Esc closes only the innermost of two dialogs', async () => {
    const user = userEvent.setup();
    renderWithApp(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const innerOpener = screen.getByRole('button', { name: 'Inner' });
    await user.click(innerOpener);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Inside' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Inner dialog' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Outer' })).toBeTruthy();
    expect(document.activeElement).toBe(innerOpener);
    // From <body> too.
    await user.click(innerOpener);
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Inner dialog' })).toBeNull());
    expect(screen.getByRole('dialog', { name: 'Outer' })).toBeTruthy();
  });

  it('does not close while busy', async () => {
    const user = userEvent.setup();
    renderWithApp(<Opener busy />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.keyboard('{Escape}');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.getByRole('dialog', { name: 'Outer' })).toBeTruthy();
  });

  it('an error naming a field: an alert, and focus on that field', async () => {
    const user = userEvent.setup();
    const { rerender } = renderWithApp(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const error: ApiErrorData = {
      code: 'CONFLICT',
      message: 'The phone is in use.',
      details: { field: 'phone' },
    };
    act(() => rerender(<Opener error={error} />));
    expect(screen.getByRole('alert').textContent).toContain('The phone is in use.');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Phone' }));
  });

  it('an error naming no field: focus on the alert', async () => {
    const user = userEvent.setup();
    const { rerender } = renderWithApp(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    act(() => rerender(<Opener error={{ code: 'INTERNAL', message: 'Disk full.' }} />));
    const alert = screen.getByRole('alert');
    expect(alert.parentElement!.contains(document.activeElement)).toBe(true);
  });

  it('reads the field from details.field or the first zod issue path', () => {
    expect(errorFieldName({ code: 'BAD_INPUT', message: '', details: { field: 'code' } })).toBe('code');
    expect(
      errorFieldName({
        code: 'BAD_INPUT',
        message: '',
        details: { issues: [{ path: [], message: 'x' }, { path: ['phone'] }] },
      }),
    ).toBe('phone');
    expect(errorFieldName({ code: 'INTERNAL', message: '' })).toBeUndefined();
  });
});

describe('ConfirmDialog with an error', () => {
  it('shows the refusal as an alert that takes focus', () => {
    renderWithApp(
      <ConfirmDialog
        title="Restore?"
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
        error={{ code: 'BAD_INPUT', message: 'The backup is damaged.' }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The backup is damaged.');
    expect(alert.parentElement!.contains(document.activeElement)).toBe(true);
  });
});
