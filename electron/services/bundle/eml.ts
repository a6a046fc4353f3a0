// The "Email to HQ" draft: an RFC 5322 / MIME message with the bundle attached, saved as .eml
// and handed to the PC's mail client. `X-Unsent: 1` makes Outlook (the usual client on
// district PCs) open it as a draft to send, not as a received message. Nothing is sent by
// Samooh itself (SPEC §10).
//
// There is no From header on purpose: the clerk's mail client fills it from the account that
// sends the draft; a made-up address would be wrong or bounce.
import { randomUUID } from 'node:crypto';
import type { SettingsShape } from '../../../db/settings.js';
import { parseRecipients } from '../../contract/email-address.js';

export { parseRecipients };

export type EmailSettings = SettingsShape['email'];

export const DEFAULT_EMAIL: EmailSettings = {
  to: '',
  subject: 'Samooh compliance bundle {district} #{sequence} ({date})',
  body:
    'महोदय,\n\nव्हाट्सऐप समूह अनुपालन बंडल संलग्न है।\n\n' +
    'Sir/Madam,\n\nPlease find attached the WhatsApp group compliance bundle.\n\n' +
    'District / जिला: {district}\nSequence / क्रम: {sequence}\nDate / तिथि: {date}\n' +
    'District key ID / कुंजी आईडी: {keyId}\nFile / फ़ाइल: {file}\nZIP SHA-256: {zipSha256}\n',
};

export interface EmailFields {
  district: string;
  sequence: number;
  date: string;
  keyId: string;
  file: string;
  zipSha256: string;
  tagmanifestSha256: string;
}

/** Fills {district}, {sequence}, {date}, {keyId}, {file}, {zipSha256}, {tagmanifestSha256}. */
export function fillTemplate(template: string, f: EmailFields): string {
  return template.replace(
    /\{(district|sequence|date|keyId|file|zipSha256|tagmanifestSha256)\}/g,
    (_, k: keyof EmailFields) => String(f[k]),
  );
}

/** RFC 2047 encoded-words (UTF-8, base64) for a header value that is not plain ASCII. */
export function encodeHeaderWord(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  // Each encoded word ≤ 75 chars: split the UTF-8 on character boundaries.
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** Base64 in lines of 76 characters (RFC 2045 §6.8), CRLF-terminated. */
export function base64Lines(bytes: Buffer): string {
  const b64 = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join('\r\n') + '\r\n';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in the PC's zone, e.g. "Sat, 28 Nov 2026 15:30:00 +0530". */
export function rfc5322Date(d: Date): string {
  const p = (x: number) => String(x).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return (
    `${DAYS[d.getDay()]}, ${p(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ` +
    `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${sign}${p(Math.floor(abs / 60))}${p(abs % 60)}`
  );
}

export interface EmlInput {
  to: string[];
  subject: string;
  body: string;
  attachment: { fileName: string; bytes: Buffer; contentType?: string };
  date: Date;
}

export function buildEml(m: EmlInput): Buffer {
  const boundary = `----=_samooh_${randomUUID().replace(/-/g, '')}`;
  const fileName = m.attachment.fileName.replace(/["\\\r\n]/g, '_');
  const headers = [
    ...(m.to.length ? [`To: ${m.to.join(',\r\n ')}`] : []),
    `Subject: ${encodeHeaderWord(m.subject)}`,
    `Date: ${rfc5322Date(m.date)}`,
    `Message-ID: <${randomUUID()}@samooh.invalid>`,
    'MIME-Version: 1.0',
    'X-Unsent: 1',
    'X-Mailer: Samooh',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const body = m.body.replace(/\r?\n/g, '\r\n');
  const parts = [
    headers.join('\r\n'),
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(body, 'utf8')),
    `--${boundary}`,
    `Content-Type: ${m.attachment.contentType ?? 'application/zip'}; name="${fileName}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${fileName}"`,
    '',
    base64Lines(m.attachment.bytes),
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(parts.join('\r\n'), 'utf8');
}
