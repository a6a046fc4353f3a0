// One rule for WhatsApp invite links: what the group form takes (canonicalInviteLink), what the
// workbook import takes (inviteLinkOf) and what the app will hand to the system browser
// (isVettedExternalUrl) are the same set. Before the contract there were three patterns and a
// link the form accepted could be one the app refused to open.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalInviteLink } from '../../../electron/contract/invite-link.js';
import { inviteLinkOf } from '../../../electron/contract/values/normalise.js';
import { isVettedExternalUrl, vettedExternalUrl } from '../../../electron/security.js';

const code = fc.stringMatching(/^[A-Za-z0-9]{8,48}$/);
const link = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', ''),
    fc.constantFrom('chat.whatsapp.com', 'CHAT.WhatsApp.com', 'chat.whatsapp.com.evil.example', 'evil.example'),
    fc.constantFrom('/', '/invite/', '//', '/join/'),
    code,
    fc.constantFrom('', '/', '?utm_source=share', '/?x=1', '#frag', ' '),
  )
  .map((parts) => parts.join(''));

describe('WhatsApp invite links', () => {
  it('form, import and the external-link opener agree on every link (property)', () => {
    fc.assert(
      fc.property(link, (text) => {
        const form = canonicalInviteLink(text);
        const imported = inviteLinkOf(text);
        const importValue = imported.ok ? imported.value : null;
        expect(importValue).toBe(form);
        // Everything the register can hold, the app can open — exactly as stored.
        if (form !== null) expect(vettedExternalUrl(form)).toBe(form);
        // And the opener never takes a link the register would refuse.
        if (isVettedExternalUrl(text)) expect(form).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('stores the canonical form', () => {
    expect(canonicalInviteLink('https://chat.whatsapp.com/invite/AbCdEf123456GhIjKl7890/?utm_source=share')).toBe(
      'https://chat.whatsapp.com/AbCdEf123456GhIjKl7890',
    );
    expect(canonicalInviteLink('https://chat.whatsapp.com/AbCdEf12')).toBeNull();
  });
});
