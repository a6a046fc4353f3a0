// What the chat-export reader hands back (SPEC §6). Shaped for the reconciliation that will
// consume it (the second half of issue #9): events with normalised people (E.164 phones, names as
// printed, the exporting user as "You"), and every author with their first and last message
// time, because a person who wrote a message is a member whether or not an event names them.

export type ChatEventType = 'created' | 'added' | 'joined' | 'left' | 'removed' | 'number_changed' | 'subject_changed';

export type ChatFormat = 'android' | 'ios';
export type DateOrder = 'dmy' | 'mdy';

/**
 * How the date order was decided: `file` (a day above 12 in the file settles it), `option`
 * (--date-order), `assumed` (nothing in the file tells; dd/mm, as Indian phones print it).
 */
export type DateOrderSource = 'file' | 'option' | 'assumed';

/** `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`: the local time as printed, no time zone. */
export type LocalTime = string;

export interface ChatEvent {
  type: ChatEventType;
  at: LocalTime;
  /** Who did it; null when the line names nobody ("X was added", "X joined …", "X left"). */
  actor: string | null;
  /** Whom or what: the person, or for created/subject_changed the group name (null if unnamed). */
  subject: string | null;
  /** number_changed only: the new number, when the line prints it. */
  new?: string;
  /** 1-based line of the file where the event's line starts (for the clerk's review). */
  line: number;
}

export interface ChatAuthor {
  /** E.164 when the author is shown as a phone number, otherwise the cleaned name. */
  name: string;
  messages: number;
  firstAt: LocalTime;
  lastAt: LocalTime;
}

export interface ChatExport {
  format: ChatFormat;
  dateOrder: DateOrder;
  dateOrderFrom: DateOrderSource;
  /** Entries written by a person (text, media placeholders, polls, locations …). */
  messages: number;
  events: ChatEvent[];
  /** Everyone who wrote a message, in order of their first message in the file. */
  authors: ChatAuthor[];
  /** UI languages whose phrasings were recognised (`en`, `hi`, `de`, `nl`), in table order. */
  languages: string[];
  /**
   * WhatsApp's own lines that are neither messages nor membership events: `recognised` ones
   * (encryption notice, icon and description changes …) and `unrecognised` system lines this
   * reader has no phrasing for (a UI language without a table, or a new WhatsApp wording).
   */
  notices: { recognised: number; unrecognised: number; firstUnrecognisedLine: number | null };
  /** Lines in the text (after CRLF/CR/LF splitting). */
  lines: number;
}

export interface ReadOptions {
  /** Overrides the date order the file suggests (`--date-order`). */
  dateOrder?: DateOrder;
}
