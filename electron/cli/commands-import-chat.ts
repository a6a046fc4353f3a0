// `samooh import chat` (SPEC §6, §9): reconcile one group with a WhatsApp chat export, through
// the same handlers the app calls (chat.preview, chat.apply). A dry run unless --apply; --apply
// applies only the proposals matched by phone (confirm rows need a person chosen in the app).
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ResultOf } from '../backend/define.js';
import type { Handlers } from '../backend/handlers.js';
import { print, requireDbPath, type GlobalOpts } from './runtime.js';

interface ImportChatOpts extends GlobalOpts {
  group: string;
  apply?: boolean;
  dateOrder?: 'dmy' | 'mdy';
}

type Preview = ResultOf<Handlers, 'chat.preview'>;
type Proposal = Preview['proposals'][number];

const n = (x: number) => x.toLocaleString('en-IN');

/** Names come from a phone's export: control characters never reach the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
}

/** The ids --apply applies: matched by phone, not blocked. */
export function phoneMatchedIds(p: Preview): string[] {
  return p.proposals.filter((x) => x.action !== 'confirm' && !x.blocked).map((x) => x.id);
}

const REASON: Record<Proposal['reason'], string> = {
  added: 'added',
  joined: 'joined by link',
  created: 'created the group',
  wrote: 'wrote a message',
  acted: 'added or removed someone',
  left: 'left',
  removed: 'was removed',
  number_changed: 'changed number',
};

const BLOCKED: Record<NonNullable<Proposal['blocked']>, string> = {
  new_number_taken: 'not applied: the new number belongs to someone else in the register',
  not_woman_staff: 'not applied: the women staff group takes women staff members only',
};

function proposalLine(p: Proposal): string {
  const when = p.at.replace('T', ' ');
  const who = printable(p.name ?? '');
  const line = p.line > 0 ? ` (line ${p.line})` : '';
  const blocked = p.blocked ? ` — ${BLOCKED[p.blocked]}` : '';
  switch (p.action) {
    case 'join':
      return `  join    ${p.phone}  ${who}, from ${when}: ${REASON[p.reason]}${line}${blocked}`;
    case 'leave':
      return `  leave   ${p.phone}  ${who}, on ${when}: ${REASON[p.reason]}${line}`;
    case 'number_change':
      return `  number  ${p.phone} → ${p.newPhone}  ${who}, on ${when}${line}${blocked}`;
    case 'confirm':
      return `  confirm "${who}" (${p.intent === 'join' ? 'joins' : 'leaves'}, ${REASON[p.reason]} ${when})${line}: choose the person in the app`;
  }
}

export function importChatText(p: Preview, applied: ResultOf<Handlers, 'chat.apply'> | null): string {
  const lines: string[] = [];
  const where = p.file.kind === 'zip' ? `${p.file.path} (${printable(p.file.entry ?? '')} inside)` : p.file.path;
  lines.push(`Group ${p.group.code} "${printable(p.group.name)}" against the WhatsApp export ${printable(where)}`);
  lines.push(
    `Export: ${p.chat.format === 'ios' ? 'iPhone' : 'Android'}, ${n(p.events.length)} membership events, ${n(p.chat.messages)} messages` +
      (p.span ? `, ${p.span.from.replace('T', ' ')} to ${p.span.to.replace('T', ' ')}` : ''),
  );
  if (p.chat.notices.unrecognised) {
    lines.push(
      `Note: ${n(p.chat.notices.unrecognised)} WhatsApp line(s) not understood (first at line ${p.chat.notices.firstUnrecognisedLine}).`,
    );
  }
  lines.push('');
  if (p.proposals.length === 0) lines.push('Proposals: none — the register agrees with the export.');
  else {
    lines.push(`Proposals (${n(p.proposals.length)}):`);
    for (const x of p.proposals) lines.push(proposalLine(x));
  }
  if (p.notInRegister.length) {
    lines.push(
      '',
      `In the export but not in the register (${n(p.notInRegister.length)}; add them to the register first):`,
    );
    for (const x of p.notInRegister) {
      lines.push(
        `  ${x.phone}  ${x.state === 'in' ? 'in the group' : 'has left'} (${REASON[x.reason]} ${x.at.replace('T', ' ')})`,
      );
    }
  }
  if (p.notInChat.length) {
    lines.push(
      '',
      `Active members the export never mentions: ${n(p.notInChat.length)} (kept; an export shows only what happened in it)`,
    );
  }
  lines.push('');
  if (applied) {
    lines.push(
      `Applied ${n(applied.applied)}: ${n(applied.joined)} joined, ${n(applied.left)} left, ${n(applied.numbersChanged)} number(s) changed` +
        (applied.skipped ? `; ${n(applied.skipped)} no longer applied` : '') +
        '.',
    );
    const confirms = p.proposals.filter((x) => x.action === 'confirm').length;
    if (confirms) lines.push(`${n(confirms)} confirm row(s) were not applied: choose the person in the app.`);
  } else {
    lines.push('Dry run: nothing was changed. Run again with --apply to apply the proposals matched by phone.');
  }
  return lines.join('\n');
}

export function importChatJson(p: Preview, applied: ResultOf<Handlers, 'chat.apply'> | null): unknown {
  return {
    group: p.group,
    events: p.events.map((e) => ({
      type: e.type,
      at: e.at,
      actor: e.actor,
      subject: e.subject,
      ...(e.new !== undefined ? { new: e.new } : {}),
    })),
    proposals: p.proposals.map((x) => ({
      action: x.action,
      phone: x.phone,
      name: x.name,
      at: x.at,
      reason: x.reason,
      id: x.id,
      line: x.line,
      ...(x.newPhone ? { newPhone: x.newPhone } : {}),
      ...(x.intent ? { intent: x.intent } : {}),
      ...(x.candidates ? { candidates: x.candidates } : {}),
      ...(x.blocked ? { blocked: x.blocked } : {}),
    })),
    notInRegister: p.notInRegister,
    notInChat: p.notInChat,
    applied: applied?.applied ?? 0,
    ...(applied ? { result: applied } : {}),
    chat: p.chat,
    file: p.file,
  };
}

/** `import` is shared with `import register`: find it or make it. */
function importGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('bring data into the register')
  );
}

export function registerImportChatCommand(program: Command): void {
  importGroup(program)
    .command('chat')
    .description('reconcile a group with a WhatsApp chat export: propose joins, leaves and number changes')
    .argument('<FILE>', 'the exported chat (.txt, or the .zip a phone made)')
    .requiredOption('--db <file>', 'the register database')
    .requiredOption('--group <CODE>', 'the group the export is of')
    .option('--apply', 'apply the proposals matched by phone, in one transaction (default: dry run)')
    .addOption(
      new Option('--date-order <order>', 'dmy (dd/mm) or mdy (mm/dd), when the file cannot tell').choices([
        'dmy',
        'mdy',
      ]),
    )
    .option(
      '--json',
      'print { events, proposals: [{ action, phone, name, at, reason }], notInRegister, notInChat, applied }',
    )
    .addHelpText(
      'after',
      `
People are matched by phone number. Proposals: join (added, joined, or wrote a message, and not an
active member), leave (left or removed while active), number_change (the person keeps their
history; only the phone changes), confirm (a saved-contact name or "You": never applied here —
choose the person in the app). Dates come from the export. Active members the export never
mentions are listed, never removed. Applying the same export again applies nothing.

Exit codes: 0 done · 2 unknown group, the file cannot be read as a chat export, or bad usage
(the register is then unchanged)

Examples:
  samooh import chat --db patna.sqlite --group KOT-PUB "WhatsApp Chat with Kotwali.txt"
  samooh import chat --db patna.sqlite --group KOT-PUB export.zip --apply --json`,
    )
    .action(async (file: string, opts: ImportChatOpts) => {
      const db = requireDbPath(opts);
      const { call } = await import('./runtime.js');
      const args = {
        groupCode: opts.group,
        file: path.resolve(file),
        ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
      };
      const preview = await call(db, 'chat.preview', args);
      const applied = opts.apply
        ? await call(db, 'chat.apply', { ...args, accept: phoneMatchedIds(preview), confirms: [] })
        : null;
      print(opts, { exitCode: 0, json: importChatJson(preview, applied), text: importChatText(preview, applied) });
    });
}
