// The browser harness transport (`npm run preview`, Playwright): each call is one POST to
// /api/call whose response streams NDJSON lines — progress, dialog questions, files to hand
// over, and finally the result (electron/harness/wire.ts). The per-run token travels in a
// header on every request, never in a URL.
import type { Result } from '../../electron/contract/errors.js';
import {
  API_PATHS,
  TOKEN_HEADER,
  type BridgeLine,
  type DialogAnswer,
  type DialogRequest,
} from '../../electron/contract/bridge-wire.js';
import { ApiError } from './errors.js';
import type { Transport } from './transport.js';

/** What the page does when the app asks for a file or folder, or hands over a file. */
export interface PreviewDialogUi {
  /** Resolves with a path on the harness's machine (several for openFiles), or null for Cancel. */
  ask(request: DialogRequest, tools: PreviewTools): Promise<DialogAnswer>;
  /** A file the app "opens" (a report, an .eml draft): the browser downloads it. */
  offerDownload(file: { fileId: string; name: string }, tools: PreviewTools): Promise<void>;
}

export interface PreviewTools {
  /** Sends a file to the harness; resolves with the path it was stored at. */
  upload(file: Blob, name: string): Promise<string>;
  /** Fetches a file the app handed over. */
  download(fileId: string): Promise<Blob>;
}

export interface BridgeOptions {
  token: string;
  /** Origin of the harness; '' = the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  ui?: PreviewDialogUi;
}

const lost = (why: string) =>
  new ApiError('TRANSPORT', `Lost contact with the preview server (${why}). Is \`npm run preview\` still running?`);

function isResult(v: unknown): v is Result<unknown> {
  if (!v || typeof v !== 'object') return false;
  const r = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return true;
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

export function createBridgeTransport(opts: BridgeOptions): Transport {
  const base = opts.baseUrl ?? '';
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers = (extra: Record<string, string> = {}) => ({ [TOKEN_HEADER]: opts.token, ...extra });

  const postJson = async (path: string, body: unknown): Promise<Response> => {
    try {
      return await doFetch(base + path, {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify(body),
        credentials: 'omit',
      });
    } catch (err) {
      throw lost((err as Error).message);
    }
  };

  const tools: PreviewTools = {
    async upload(file, name) {
      const res = await doFetch(`${base}${API_PATHS.upload}?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/octet-stream' }),
        body: file,
        credentials: 'omit',
      });
      const body = (await res.json().catch(() => null)) as { path?: unknown; error?: { message?: string } } | null;
      if (!res.ok || typeof body?.path !== 'string') {
        throw new ApiError('BAD_FILE', body?.error?.message ?? `Upload failed (${res.status})`);
      }
      return body.path;
    },
    async download(fileId) {
      const res = await doFetch(`${base}${API_PATHS.files}${encodeURIComponent(fileId)}`, {
        headers: headers(),
        credentials: 'omit',
      });
      if (!res.ok) throw new ApiError('NOT_FOUND', `Download failed (${res.status})`);
      return res.blob();
    },
  };

  const answerDialog = async (request: DialogRequest) => {
    let answer: DialogAnswer = null;
    try {
      answer = opts.ui ? await opts.ui.ask(request, tools) : null;
    } finally {
      const body = Array.isArray(answer)
        ? { dialogId: request.dialogId, path: null, paths: answer }
        : { dialogId: request.dialogId, path: answer };
      await postJson(API_PATHS.dialog, body).catch(() => undefined);
    }
  };

  return {
    kind: 'preview',
    async call({ id, name, args, onProgress }) {
      const res = await postJson(API_PATHS.call, { id, name, args: args ?? {} });
      if (!res.ok) {
        // Refusals (wrong token, bad envelope) come back as errors-as-data with a 4xx status.
        const body: unknown = await res.json().catch(() => null);
        if (isResult(body)) return body;
        throw lost(`HTTP ${res.status}`);
      }
      if (!res.body) throw lost('empty response');
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      const pending: Promise<unknown>[] = [];
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (err) {
          throw lost((err as Error).message);
        }
        if (chunk.done) break;
        buffered += decoder.decode(chunk.value, { stream: true });
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const text = buffered.slice(0, nl).trim();
          buffered = buffered.slice(nl + 1);
          if (!text) continue;
          let line: BridgeLine;
          try {
            line = JSON.parse(text) as BridgeLine;
          } catch {
            throw lost('malformed reply');
          }
          switch (line.type) {
            case 'progress':
              onProgress(line.progress);
              break;
            case 'dialog':
              // Not awaited: the stream must keep flowing (progress, cancellation) while the
              // user looks for the file.
              pending.push(answerDialog(line.dialog).catch(() => undefined));
              break;
            case 'open':
              pending.push((opts.ui?.offerDownload(line.file, tools) ?? Promise.resolve()).catch(() => undefined));
              break;
            case 'result':
              await reader.cancel().catch(() => undefined);
              await Promise.all(pending);
              if (!isResult(line.result)) throw lost('malformed result');
              return line.result;
          }
        }
      }
      throw lost('the reply ended without a result');
    },
    async cancel(id) {
      await postJson(API_PATHS.cancel, { id }).catch(() => undefined);
    },
    onMenu() {
      return () => {};
    },
    // The browser cannot tell the harness where a dropped file lives, so its bytes go to the
    // harness's uploads folder (token-protected, size-bounded, plain names only) and that
    // path stands in for it. One at a time; a folder or a refused name gives null.
    async pathsForFiles(files) {
      const paths: (string | null)[] = [];
      for (const file of files) {
        try {
          paths.push(await tools.upload(file, file.name));
        } catch {
          paths.push(null);
        }
      }
      return paths;
    },
  };
}
