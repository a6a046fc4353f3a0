// `samooh chat read` (SPEC §6, §9): the messages and membership events in a WhatsApp chat
// export, with no register needed. The reader is imported when the command runs, so that
// `samooh --version` stays fast.
import { Option, type Command } from 'commander';
import type { ChatFileRead } from '../services/chat/chat-file.js';
import type { ChatEvent, DateOrder } from '../services/chat/types.js';
import { CliError, print } from './runtime.js';

interface ReadOpts {
  dateOrder?: DateOrder;
  json?: boolean;
}

/** The parent command `chat`, shared with later chat subcommands. */
function group(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'chat') ??
    program.command('chat').description('WhatsApp chat exports (Export chat → Without media)')
  );
}

/**
 * Names come from a phone's export: control characters (terminal escape sequences, carriage
 * returns that overwrite a line) are shown as U+FFFD, never sent to the terminal.
 */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
}

const n = (x: number) => x.toLocaleString('en-IN');
const who = (name: string | null, fallback = 'someone') => printable(name ?? fallback);
const quoted = (name: string | null) => (name === null ? 'the group' : `"${printable(name)}"`);

/** One event as a sentence ("You added Mallory"). */
export function eventSentence(e: ChatEvent): string {
  switch (e.type) {
    case 'created':
      return e.subject === null
        ? `${who(e.actor)} created the group`
        : `${who(e.actor)} created the group ${quoted(e.subject)}`;
    case 'added':
      return e.actor === null ? `${who(e.subject)} was added` : `${who(e.actor)} added ${who(e.subject)}`;
    case 'joined':
      return `${who(e.subject)} joined (invite link or community)`;
    case 'left':
      return `${who(e.subject)} left`;
    case 'removed':
      return e.actor === null ? `${who(e.subject)} was removed` : `${who(e.actor)} removed ${who(e.subject)}`;
    case 'number_changed':
      return e.new ? `${who(e.subject)} changed number to ${printable(e.new)}` : `${who(e.subject)} changed number`;
    case 'subject_changed':
      return `${who(e.actor)} renamed the group to ${quoted(e.subject)}`;
  }
}

const LANGUAGE: Record<string, string> = { en: 'English', hi: 'Hindi', de: 'German', nl: 'Dutch' };

export function chatReadText(r: ChatFileRead): string {
  const c = r.chat;
  const lines: string[] = [];
  const where =
    r.file.kind === 'zip' ? `${r.file.path} (the chat "${printable(r.file.entry ?? '')}" inside the zip)` : r.file.path;
  lines.push(`WhatsApp chat export: ${printable(where)}`);
  lines.push(`Format: ${c.format === 'ios' ? 'iPhone (iOS)' : 'Android'}`);
  const order = c.dateOrder === 'dmy' ? 'day/month/year' : 'month/day/year';
  const why =
    c.dateOrderFrom === 'file'
      ? 'decided from the dates in the file'
      : c.dateOrderFrom === 'option'
        ? 'as asked with --date-order'
        : `assumed: no date in the file has a day above 12; pass --date-order ${c.dateOrder === 'dmy' ? 'mdy' : 'dmy'} if that is wrong`;
  lines.push(`Dates: ${order} (${why})`);
  lines.push(`Messages: ${n(c.messages)} by ${n(c.authors.length)} ${c.authors.length === 1 ? 'person' : 'people'}`);
  if (c.languages.length) lines.push(`WhatsApp language: ${c.languages.map((l) => LANGUAGE[l] ?? l).join(', ')}`);
  const notices = [
    `${n(c.notices.recognised)} WhatsApp ${c.notices.recognised === 1 ? 'notice' : 'notices'} (encryption, icon and setting changes …)`,
  ];
  if (c.notices.unrecognised) {
    notices.push(
      `${n(c.notices.unrecognised)} WhatsApp ${c.notices.unrecognised === 1 ? 'line' : 'lines'} not understood (first at line ${c.notices.firstUnrecognisedLine}); they may be membership changes in wording this version does not know`,
    );
  }
  lines.push(`Not counted: ${notices.join('; ')}`);
  lines.push('');
  if (c.events.length === 0) {
    lines.push('No membership events (created, added, joined, left, removed, number or name changes).');
  } else {
    lines.push(`Events (${n(c.events.length)}):`);
    const width = Math.max(...c.events.map((e) => e.type.length));
    for (const e of c.events) {
      lines.push(`  ${e.at.replace('T', ' ')}  ${e.type.padEnd(width)}  ${eventSentence(e)}  (line ${e.line})`);
    }
  }
  return lines.join('\n');
}

/** The JSON document of SPEC §6: events as { type, at, actor, subject, new? }, plus what reconciliation needs. */
export function chatReadJson(r: ChatFileRead): unknown {
  const c = r.chat;
  return {
    format: c.format,
    dateOrder: c.dateOrder,
    messages: c.messages,
    events: c.events.map((e) => ({
      type: e.type,
      at: e.at,
      actor: e.actor,
      subject: e.subject,
      ...(e.new !== undefined ? { new: e.new } : {}),
    })),
    dateOrderFrom: c.dateOrderFrom,
    authors: c.authors,
    languages: c.languages,
    notices: c.notices,
    file: r.file,
  };
}

export function registerChatCommands(program: Command): void {
  group(program)
    .command('read')
    .description('the messages and membership events in a WhatsApp chat export (.txt, or the .zip a phone made)')
    .argument('<FILE>', 'the exported chat: a .txt, or a .zip holding _chat.txt (iPhone) or "WhatsApp Chat with ….txt"')
    .addOption(
      new Option(
        '--date-order <order>',
        'dmy (dd/mm) or mdy (mm/dd), when the file cannot tell (no day above 12)',
      ).choices(['dmy', 'mdy']),
    )
    .option(
      '--json',
      'print one JSON document: { format, dateOrder, messages, events: [{ type, at, actor, subject, new? }] … }',
    )
    .addHelpText(
      'after',
      `
Reads Android ("29/01/18, 12:24 - Name: …") and iPhone ("[29/01/18, 12:24:05] Name: …") exports,
12- and 24-hour clocks, dd/mm and mm/dd dates, WhatsApp in English (Hindi, German and Dutch
wordings as far as known). Needs no register and changes nothing.

Events: created added joined left removed number_changed subject_changed, each with the local time
as printed, who did it (actor) and to whom (subject). Phone numbers are given in E.164
(+919835012345), the person who exported the chat as "You".

Exit codes: 0 read · 2 the file cannot be read as a chat export, or bad usage

Examples:
  samooh chat read "WhatsApp Chat with Kotwali Thana.txt"
  samooh chat read "WhatsApp Chat - Kotwali Thana.zip" --json > kotwali-events.json
  samooh chat read old-export.txt --date-order mdy`,
    )
    .action(async (file: string, opts: ReadOpts) => {
      const [{ readChatFile }, { AppError }] = await Promise.all([
        import('../services/chat/chat-file.js'),
        import('../contract/errors.js'),
      ]);
      let r: ChatFileRead;
      try {
        r = await readChatFile(file, opts.dateOrder ? { dateOrder: opts.dateOrder } : {});
      } catch (err) {
        if (err instanceof AppError) throw new CliError(2, err.message, { ok: false, error: err.toData() });
        throw err;
      }
      print(opts, { exitCode: 0, json: chatReadJson(r), text: chatReadText(r) });
    });
}
