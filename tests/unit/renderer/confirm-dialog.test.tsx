// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ConfirmDialog, useConfirm } from '../../../renderer/components/ConfirmDialog.js';
import { renderWithApp } from './render.js';

afterEach(cleanup);

describe('ConfirmDialog', () => {
  it('puts focus on Cancel for a destructive action, traps Tab inside, and Esc cancels', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    renderWithApp(
      <>
        <button type="button">outside</button>
        <ConfirmDialog
          title="Close group Kotwali?"
          body="A closed group stops counting."
          confirmLabel="Close group"
          destructive
          onConfirm={onConfirm}
          onCancel={onCancel}
        />
      </>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Close group Kotwali?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(screen.getByText('A closed group stops counting.')).toBeTruthy();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const ok = screen.getByRole('button', { name: 'Close group' });
    expect(document.activeElement).toBe(cancel);

    await user.tab();
    expect(document.activeElement).toBe(ok);
    await user.tab(); // wraps instead of leaving the dialog
    expect(document.activeElement).toBe(cancel);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(ok);
    // The page behind is inert while the dialog is open.
    expect(document.getElementById('root')!.hasAttribute('inert')).toBe(true);

    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('useConfirm resolves true on confirm, false on cancel, and returns focus to the trigger', async () => {
    const user = userEvent.setup();
    const results: boolean[] = [];
    function Page() {
      const confirm = useConfirm();
      const [n, setN] = useState(0);
      return (
        <button
          type="button"
          onClick={async () => {
            results.push(await confirm({ title: `Really ${n}?`, confirmLabel: 'Yes, do it' }));
            setN((x) => x + 1);
          }}
        >
          Do it
        </button>
      );
    }
    renderWithApp(<Page />);
    const trigger = screen.getByRole('button', { name: 'Do it' });
    await user.click(trigger);
    // Not destructive: the confirm button has focus, Enter confirms.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes, do it' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(results).toEqual([true]));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(document.getElementById('root')!.hasAttribute('inert')).toBe(false);

    await user.click(trigger);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(results).toEqual([true, false]));
  });
});
