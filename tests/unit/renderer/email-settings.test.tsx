// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EmailSettingsDialog, validRecipients } from '../../../renderer/pages/send/EmailSettingsDialog.js';
import { renderWithApp } from './render.js';

afterEach(cleanup);

describe('EmailSettingsDialog', () => {
  it('refuses a bad address inline and saves good ones; Ctrl+Enter in the message submits', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {});
    renderWithApp(
      <EmailSettingsDialog
        initial={{ to: '', subject: 'Bundle {district} #{sequence}', body: 'Sir,' }}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    const to = screen.getByLabelText(/^To/);
    expect(document.activeElement).toBe(to);
    await user.type(to, 'hq-cell@bihar police.gov.in');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter valid email addresses, separated by commas.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.clear(to);
    await user.type(to, 'hq-cell@bihar.gov.in, dgp-office@bihar.gov.in');
    await user.click(screen.getByLabelText(/^Message/));
    await user.keyboard('{Enter}Regards{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
      to: 'hq-cell@bihar.gov.in, dgp-office@bihar.gov.in',
      subject: 'Bundle {district} #{sequence}',
      body: 'Sir,\nRegards',
    });
  });

  it('checks recipient lists', () => {
    expect(validRecipients('a@b.in')).toBe(true);
    expect(validRecipients('a@b.in; c@d.gov.in')).toBe(true);
    expect(validRecipients('')).toBe(false);
    expect(validRecipients('a@b')).toBe(false);
    expect(validRecipients('a@b.in, nonsense')).toBe(false);
  });
});
