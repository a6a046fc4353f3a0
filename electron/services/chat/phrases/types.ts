// The shape of a UI language's phrase table. WhatsApp writes its own lines ("X added Y") in the
// phone's UI language; each language is one table of wordings, so adding a language is data,
// not code (issue #9).
//
// A wording is WhatsApp's text with placeholders:
//   {actor}     who did it                      {subject}   the person it happened to
//   {subjects}  "A", "A and B", "A, B and C" — one event per person (the table's `listAnd` words)
//   {group}     a group name in quotes ("…", “…”, „…“) — the event's subject, exactly as printed
//   {oldGroup}  the former group name in quotes (read, not reported)
//   {phone}     a phone number (the event's subject)   {newPhone}  the new number (`new`)
//   {…}         any text (the rest of a long notice)
//   {a|b}       one of the literal words a or b (e.g. {ग्रुप|समूह})
// Matching is case-insensitive and covers the whole line; a space matches any run of spaces
// (U+00A0 and U+202F included), ' matches ’, and a final full stop is optional.
import type { ChatEventType } from '../types.js';

export interface EventWording {
  type: ChatEventType;
  text: string;
  /** Set when the wording itself names the exporting user ("You added {subjects}"). */
  actor?: 'You';
  subject?: 'You';
}

export interface PhraseTable {
  /** ISO 639-1 code. */
  lang: string;
  /** Words that, standing alone as a name, mean the exporting user ("You", "Du", "आप"). */
  you: string[];
  /** The word joining the last two names of a list ("and", "und", "en", "और"); a comma joins the rest. */
  listAnd: string[];
  /** Membership and subject events. Specific wordings come before general ones. */
  events: EventWording[];
  /**
   * WhatsApp notices that are neither messages nor events (icon changes, settings …). Checked
   * before `events`, so that "X added this group to the community" is not read as "X added Y".
   */
  notices: string[];
  /** Notices about the whole chat (encryption), whose iOS author is the group's name. */
  chatNotices: string[];
}
