// WhatsApp group invite links (SPEC §3): `https://chat.whatsapp.com/<code>`. One definition for
// the group form, the workbook import and the app's "open in WhatsApp" (electron/security.ts),
// so a link the register accepts is exactly a link the app will open. (There were three
// patterns once, and a link the form took could be one the app refused to open.)
//
// Accepted as people paste them: `https://`, any case in the host, an optional `invite/`
// segment, a trailing slash, a share query (`?utm_…`). Stored and opened only in the canonical
// form `https://chat.whatsapp.com/<code>`. Codes are 22 letters and digits today; 16–40 leaves
// room for WhatsApp to change without letting arbitrary paths through.

export const INVITE_HOST = 'chat.whatsapp.com';
export const INVITE_CODE_PATTERN = /^[A-Za-z0-9]{16,40}$/;

const PASTED = /^https:\/\/chat\.whatsapp\.com\/(?:invite\/)?([A-Za-z0-9]{16,40})\/?(?:\?[^\s#]*)?$/i;

/** The invite code in a pasted link, or null when the text is not a WhatsApp group invite link. */
export function inviteCodeOf(text: string): string | null {
  if (text.length > 300) return null;
  const m = PASTED.exec(text.trim());
  return m ? m[1]! : null;
}

/** `https://chat.whatsapp.com/<code>` for a pasted link, or null. */
export function canonicalInviteLink(text: string): string | null {
  const code = inviteCodeOf(text);
  return code === null ? null : `https://${INVITE_HOST}/${code}`;
}
