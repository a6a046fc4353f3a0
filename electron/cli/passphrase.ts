// The district key's passphrase for CLI commands that sign (`init`, `bundle export`), SPEC §9:
// from --passphrase-file, else SAMOOH_PASSPHRASE, else asked on the terminal without echo.
// With none of them and no terminal it fails at once (exit 2): a script must never hang on a
// prompt nobody sees.
import { readRegularText } from '../services/file-input/regular-file.js';
import { CliError } from './cli-error.js';

export interface PassphraseOptions {
  /** --passphrase-file */
  passphraseFile?: string;
  /** Ask twice on the terminal (a new key's passphrase). */
  confirm?: boolean;
  /** Minimum length for a new passphrase. */
  minLength?: number;
  /** What the passphrase is for, shown in the prompt. */
  purpose?: string;
  /** For tests: the environment and streams to use. */
  env?: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadStream;
  stderr?: NodeJS.WriteStream;
}

export const PASSPHRASE_ENV = 'SAMOOH_PASSPHRASE';
const MAX_FILE_BYTES = 64 * 1024;

export type PassphraseSource = 'file' | 'env' | 'terminal';

export async function readPassphrase(opts: PassphraseOptions = {}): Promise<string> {
  return (await readPassphraseWithSource(opts)).passphrase;
}

export async function readPassphraseWithSource(
  opts: PassphraseOptions = {},
): Promise<{ passphrase: string; source: PassphraseSource }> {
  const env = opts.env ?? process.env;
  const check = (p: string, where: string): string => {
    if (p.length === 0) throw new CliError(2, `the passphrase from ${where} is empty`);
    if (opts.minLength && [...p].length < opts.minLength) {
      throw new CliError(2, `the passphrase from ${where} is shorter than ${opts.minLength} characters`);
    }
    return p;
  };
  if (opts.passphraseFile) {
    let text: string;
    try {
      // A regular file only: a FIFO nobody writes would hang a script (use SAMOOH_PASSPHRASE).
      text = readRegularText(opts.passphraseFile, { maxBytes: MAX_FILE_BYTES, what: 'passphrase file' });
    } catch (err) {
      throw new CliError(2, `cannot read --passphrase-file ${opts.passphraseFile}: ${(err as Error).message}`);
    }
    // The first line, without its line ending: files written by `echo` or Notepad both work.
    const firstLine = text.split(/\r?\n/)[0] ?? '';
    return { passphrase: check(firstLine, '--passphrase-file'), source: 'file' };
  }
  const fromEnv = env[PASSPHRASE_ENV];
  if (fromEnv !== undefined) return { passphrase: check(fromEnv, PASSPHRASE_ENV), source: 'env' };

  const stdin = opts.stdin ?? process.stdin;
  const stderr = opts.stderr ?? process.stderr;
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') {
    throw new CliError(
      2,
      `the district key needs its passphrase, and there is no terminal to ask it on: set ${PASSPHRASE_ENV} or pass --passphrase-file FILE`,
    );
  }
  const what = opts.purpose ?? 'the district key';
  const first = check(await promptHidden(stdin, stderr, `Passphrase for ${what}: `), 'the terminal');
  if (opts.confirm) {
    const again = await promptHidden(stdin, stderr, 'Repeat the passphrase: ');
    if (again !== first) throw new CliError(2, 'the two passphrases differ; nothing was changed');
  }
  return { passphrase: first, source: 'terminal' };
}

/** Reads one line in raw mode, echoing nothing; Backspace edits, Ctrl-C / Ctrl-D give up. */
function promptHidden(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    let value = '';
    // Inside an escape sequence (arrow keys send ESC [ A): skip it up to its final letter.
    let escape = false;
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (escape) {
          if (/[A-Za-z~]/.test(ch)) escape = false;
          continue;
        }
        if (ch === '\u001b') {
          escape = true;
          continue;
        }
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new CliError(2, 'cancelled'));
        if (ch === '\u0004') {
          if (value === '') return finish(new CliError(2, 'no passphrase given'));
          return finish();
        }
        if (ch === '\u007f' || ch === '\b') {
          value = [...value].slice(0, -1).join('');
          continue;
        }
        // Other control characters (arrow-key escapes and the like) are not part of a passphrase.
        if (ch < ' ') continue;
        value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
