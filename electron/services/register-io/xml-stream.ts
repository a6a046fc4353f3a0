// A small streaming XML scanner for the parts of an .xlsx (SpreadsheetML): fed text chunks as
// they are inflated, it reports open tags (name without prefix, attributes), close tags and — only
// while the caller asks for it — text. Nothing grows without a bound:
//
// - text outside the elements the caller captures is dropped as it streams past (a 300 MB string
//   in an element nobody reads costs nothing);
// - captured text is capped (`maxTextChars`): Excel itself holds at most 32,767 characters per
//   cell, so more is refused, not accumulated;
// - a tag, a comment's tail or a CDATA section waiting for its end is capped (`maxPending`);
// - DOCTYPE/ENTITY declarations are refused (no entity expansion, no external references).
//
// It is not a validating parser: SpreadsheetML is machine-written, and what it cannot make sense
// of becomes an XmlStreamError that the reader turns into a clear refusal.

import { ownCopy } from '../../contract/values/cells.js';

export class XmlStreamError extends Error {
  constructor(
    message: string,
    readonly reason: 'TEXT_TOO_LONG' | 'TAG_TOO_LONG' | 'MALFORMED' | 'DTD',
  ) {
    super(message);
    this.name = 'XmlStreamError';
  }
}

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
}

export interface XmlStreamLimits {
  maxTextChars: number;
  maxPending: number;
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
  });
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i === -1 ? qname : qname.slice(i + 1);
}

export class XmlStream {
  private pending = '';
  private inComment = false;
  private capturing = false;
  /** Raw (still entity-encoded) captured text. */
  private raw = '';
  private rawLimit: number;

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: XmlStreamLimits,
  ) {
    // An entity is at most 10 characters for one decoded one.
    this.rawLimit = limits.maxTextChars * 10;
  }

  /** Starts collecting text (until takeText). */
  captureText(): void {
    this.capturing = true;
    this.raw = '';
  }

  /** The text collected since captureText, decoded; stops collecting. */
  takeText(): string {
    // A copy: V8 would otherwise keep the whole chunk a short slice came from alive for as long
    // as the text lives (a shared string lives for the whole import).
    const text = ownCopy(decodeEntities(this.raw));
    this.capturing = false;
    this.raw = '';
    if (text.length > this.limits.maxTextChars) this.tooLong();
    return text;
  }

  private tooLong(): never {
    throw new XmlStreamError(
      `a text of more than ${this.limits.maxTextChars.toLocaleString('en-IN')} characters`,
      'TEXT_TOO_LONG',
    );
  }

  private text(s: string): void {
    if (!this.capturing || s.length === 0) return;
    if (this.raw.length + s.length > this.rawLimit) this.tooLong();
    this.raw += s;
  }

  write(chunk: string): void {
    const b = this.pending.length ? this.pending + chunk : chunk;
    this.pending = '';
    let i = 0;
    const n = b.length;
    while (i < n) {
      if (this.inComment) {
        const e = b.indexOf('-->', i);
        if (e === -1) {
          // Keep only what could be the start of "-->".
          i = Math.max(i, n - 2);
          break;
        }
        this.inComment = false;
        i = e + 3;
        continue;
      }
      const lt = b.indexOf('<', i);
      if (lt === -1) {
        this.text(b.slice(i));
        i = n;
        break;
      }
      if (lt > i) this.text(b.slice(i, lt));
      i = lt;
      if (n - i < 9 && b.charCodeAt(i + 1) === 33 /* ! */) break; // "<!--" or "<![CDATA[" may be split
      const c1 = b.charCodeAt(i + 1);
      if (c1 === 33 /* ! */) {
        if (b.startsWith('<!--', i)) {
          this.inComment = true;
          i += 4;
          continue;
        }
        if (b.startsWith('<![CDATA[', i)) {
          const e = b.indexOf(']]>', i + 9);
          if (e === -1) break;
          const cdata = b.slice(i + 9, e);
          // CDATA is literal text: escape '&' so takeText's entity decoding leaves it as it is.
          this.text(cdata.replace(/&/g, '&amp;'));
          i = e + 3;
          continue;
        }
        throw new XmlStreamError('a document type declaration (not allowed in a workbook)', 'DTD');
      }
      if (c1 === 63 /* ? */) {
        const e = b.indexOf('?>', i + 2);
        if (e === -1) break;
        i = e + 2;
        continue;
      }
      const gt = tagEnd(b, i + 1);
      if (gt === -1) break;
      this.tag(b.slice(i + 1, gt));
      i = gt + 1;
    }
    if (i < n) {
      this.pending = b.slice(i);
      if (this.pending.length > this.limits.maxPending) {
        throw new XmlStreamError(
          `a tag longer than ${this.limits.maxPending.toLocaleString('en-IN')} characters`,
          'TAG_TOO_LONG',
        );
      }
    }
  }

  end(): void {
    if (this.inComment || this.pending.trim().length > 0) {
      throw new XmlStreamError('the XML ends in the middle of a tag', 'MALFORMED');
    }
  }

  private tag(body: string): void {
    if (body.length === 0) throw new XmlStreamError('an empty tag', 'MALFORMED');
    if (body.charCodeAt(0) === 47 /* / */) {
      this.handler.close(localName(body.slice(1).trim()));
      return;
    }
    const selfClosing = body.charCodeAt(body.length - 1) === 47;
    const inner = selfClosing ? body.slice(0, -1) : body;
    let sp = 0;
    while (sp < inner.length && !isSpace(inner.charCodeAt(sp))) sp++;
    const name = localName(inner.slice(0, sp));
    const attrs: Record<string, string> = {};
    if (sp < inner.length) {
      ATTR.lastIndex = 0;
      const rest = inner.slice(sp);
      for (let m = ATTR.exec(rest); m; m = ATTR.exec(rest)) {
        attrs[localName(m[1]!)] = decodeEntities(m[2] ?? m[3] ?? '');
      }
    }
    this.handler.open(name, attrs, selfClosing);
    if (selfClosing) this.handler.close(name);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The index of the '>' closing the tag that starts at `from`, skipping quoted attribute values. */
function tagEnd(b: string, from: number): number {
  let quote = 0;
  for (let j = from; j < b.length; j++) {
    const c = b.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j;
  }
  return -1;
}
