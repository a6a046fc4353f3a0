// E-mail addresses as the clerk types them for HQ (settings form, the backend's check, the .eml draft).

const ADDRESS =
  /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Comma- or semicolon-separated addresses; returns the clean list or the first bad one. */
export function parseRecipients(to: string): { ok: true; list: string[] } | { ok: false; bad: string } {
  const list = to
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of list) if (!ADDRESS.test(a)) return { ok: false, bad: a };
  return { ok: true, list };
}
