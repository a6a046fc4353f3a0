// Dialogs for the browser harness. There is no native file dialog, so each question goes
// (1) to a queue of scripted answers, if a test put one there, or else (2) to the page that
// made the call, as a `dialog` line in the call's response stream; the page answers with
// POST /api/dialog (a path typed by the user, or the path of a file it uploaded). Files the app
// "opens" are offered to the page as downloads.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Dialogs } from '../backend/context.js';
import { reasonError, internalError } from '../contract/errors.js';
import type { OpenablePaths } from '../dialogs.js';
import type { BridgeLine, DialogAnswer, DialogKind, DialogRequest, ScriptedAnswer } from '../contract/bridge-wire.js';

interface Pending {
  kind: DialogKind;
  resolve: (answer: DialogAnswer) => void;
}

/** At most this many files in one openFiles answer (the import takes up to 20 000 via a folder). */
export const MAX_CHOSEN_FILES = 1000;

/** Keeps file names to letters, digits and a few marks; never a path. */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = path.basename(String(name).replace(/\\/g, '/'));
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._ (),-]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(-120);
  return cleaned || fallback;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A name for a file the page uploads, accepted only when it is a plain file name as a file
 * picker or a drop gives it: no folders, no control characters, nothing Windows would refuse
 * or treat specially, not hidden, at most 255 bytes. Null for anything else: an odd name is
 * refused, not rewritten into something the user did not choose.
 */
export function plainFileName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const n = name.normalize('NFC');
  if (n.length === 0 || Buffer.byteLength(n) > 255) return null;
  // Control characters and bidirectional overrides (U+202E makes "x\u202Epiz.exe" look like a .zip);
  // joiners stay allowed, Devanagari names use them.
  if (/[\p{Cc}\u202A-\u202E\u2066-\u2069/\\<>:"|?*]/u.test(n)) return null;
  if (n.startsWith('.') || n.startsWith(' ') || n.endsWith('.') || n.endsWith(' ')) return null;
  if (WINDOWS_RESERVED.test(n)) return null;
  return n;
}

export class HarnessDialogBroker {
  private readonly scripted: ScriptedAnswer[] = [];
  private readonly pending = new Map<string, Pending>();
  private readonly openedFiles = new Map<string, string>();
  readonly opened: string[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly openable: OpenablePaths,
  ) {}

  get exportsDir(): string {
    return path.join(this.dataDir, 'exports');
  }

  get uploadsDir(): string {
    return path.join(this.dataDir, 'uploads');
  }

  script(answers: ScriptedAnswer[], replace = false): void {
    if (replace) this.scripted.length = 0;
    this.scripted.push(...answers);
  }

  get scriptedCount(): number {
    return this.scripted.length;
  }

  /** The page's answer to one of its dialogs. False when no such question is open. */
  answer(dialogId: string, answer: DialogAnswer): boolean {
    const p = this.pending.get(dialogId);
    if (!p) return false;
    this.pending.delete(dialogId);
    p.resolve(answer);
    return true;
  }

  /** The file behind a download id handed to the page by openPath. */
  openedFile(fileId: string): string | undefined {
    return this.openedFiles.get(fileId);
  }

  /** The dialogs of one call: questions go out on that call's own response stream. */
  forCall(emit: (line: BridgeLine) => void, signal: AbortSignal): Dialogs {
    const ask = async (request: Omit<DialogRequest, 'dialogId'>): Promise<DialogAnswer> => {
      const next = this.scripted.shift();
      if (next) {
        if (next.kind !== request.kind) {
          // Only a Playwright test scripts answers; a mismatch is a wrong test, never a clerk's doing.
          throw internalError(`Scripted dialog answer was for ${next.kind}, the app asked ${request.kind}`);
        }
        return next.paths ?? next.path;
      }
      if (signal.aborted) return null;
      const dialogId = randomBytes(12).toString('base64url');
      return new Promise<DialogAnswer>((resolve) => {
        const onAbort = () => {
          this.pending.delete(dialogId);
          resolve(null);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        this.pending.set(dialogId, {
          kind: request.kind,
          resolve: (a) => {
            signal.removeEventListener('abort', onAbort);
            resolve(a);
          },
        });
        emit({ type: 'dialog', dialog: { dialogId, ...request } });
      });
    };

    // One path for every kind but openFiles: a list where one was asked for is the page's mistake.
    const askOne = async (request: Omit<DialogRequest, 'dialogId'>): Promise<string | null> => {
      const answer = await ask(request);
      if (Array.isArray(answer)) {
        if (answer.length > 1) {
          throw reasonError('BAD_INPUT', 'choose_one_path', 'Choose one path here.', {}, { field: 'path' });
        }
        return answer[0] ?? null;
      }
      return answer;
    };
    const existingFile = (answer: string): string => {
      const file = path.resolve(answer);
      if (!existsSync(file) || !statSync(file).isFile()) {
        throw reasonError(
          'BAD_INPUT',
          'file_not_found',
          `No such file: ${answer}`,
          { file: path.basename(answer) },
          { field: 'path' },
        );
      }
      return file;
    };

    return {
      openFile: async ({ title, filters }) => {
        const answer = await askOne({ kind: 'openFile', title, filters });
        return answer === null ? null : existingFile(answer);
      },
      openFiles: async ({ title, filters }) => {
        const answer = await ask({ kind: 'openFiles', title, filters });
        const list = answer === null ? [] : Array.isArray(answer) ? answer : [answer];
        if (list.length === 0) return null;
        if (list.length > MAX_CHOSEN_FILES) {
          throw reasonError(
            'BAD_INPUT',
            'too_many_files',
            `Choose at most ${MAX_CHOSEN_FILES} files at once, or a folder.`,
            { max: MAX_CHOSEN_FILES },
            { field: 'path' },
          );
        }
        return list.map(existingFile);
      },
      openFolder: async ({ title }) => {
        mkdirSync(this.exportsDir, { recursive: true });
        const answer = await askOne({ kind: 'openFolder', title, suggestion: this.exportsDir });
        if (answer === null) return null;
        const folder = path.resolve(answer);
        // Like the native dialog's "New folder": create it when its parent exists.
        if (!existsSync(folder) && existsSync(path.dirname(folder))) mkdirSync(folder);
        if (!existsSync(folder) || !statSync(folder).isDirectory()) {
          throw reasonError(
            'BAD_INPUT',
            'folder_missing',
            `No such folder: ${answer}`,
            { folder: answer },
            { field: 'path' },
          );
        }
        this.openable.rememberFolder(folder);
        return folder;
      },
      saveFile: async ({ title, defaultName, filters }) => {
        mkdirSync(this.exportsDir, { recursive: true });
        const suggestion = path.join(this.exportsDir, safeFileName(defaultName));
        const answer = await askOne({ kind: 'saveFile', title, defaultName, filters, suggestion });
        if (answer === null) return null;
        // A bare name lands in the harness's exports folder; a full path is taken as typed.
        const file = path.isAbsolute(answer) ? path.resolve(answer) : path.join(this.exportsDir, safeFileName(answer));
        if (!existsSync(path.dirname(file))) {
          throw reasonError(
            'BAD_INPUT',
            'folder_missing',
            `No such folder: ${path.dirname(file)}`,
            { folder: path.dirname(file) },
            { field: 'path' },
          );
        }
        this.openable.rememberSaveTarget(file);
        return file;
      },
      openPath: async (file) => {
        if (!this.openable.isOpenable(file)) {
          throw reasonError(
            'FORBIDDEN',
            'foreign_file',
            'Samooh opens only files it wrote itself.',
            { file: path.basename(file) },
            { file },
          );
        }
        const fileId = randomBytes(12).toString('base64url');
        const abs = path.resolve(file);
        this.openedFiles.set(fileId, abs);
        this.opened.push(abs);
        emit({ type: 'open', file: { fileId, name: path.basename(abs) } });
      },
    };
  }

  /** Every open question is answered "Cancel" (the harness is stopping). */
  cancelAll(): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve(null);
    }
  }
}
