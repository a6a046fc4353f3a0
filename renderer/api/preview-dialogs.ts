// The browser harness's stand-in for native file dialogs. A plain-DOM overlay (no React: the
// API layer must work before and outside the screens) offering, for "open a file", an upload
// (the file is copied into the harness's data folder) or a typed path; for folders and save
// targets, a path prefilled with the harness's suggestion. Styles go through the CSSOM, which
// the strict CSP allows. Stable data-testid hooks let Playwright drive it.
import type { DialogAnswer, DialogRequest } from '../../electron/contract/bridge-wire.js';
import type { PreviewDialogUi, PreviewTools } from './bridge-transport.js';

const TEXT = {
  openFile: 'Choose a file · फ़ाइल चुनें',
  openFiles: 'Choose files · फ़ाइलें चुनें',
  openFolder: 'Choose a folder · फ़ोल्डर चुनें',
  saveFile: 'Save as · इस नाम से सहेजें',
  note: 'Preview mode has no system file dialog. Upload a file from this computer, or type a path the preview server can read.',
  noteFolder: 'Preview mode has no system folder dialog. Type a folder path on the computer running the preview.',
  noteSave:
    'Preview mode has no system save dialog. Type a file name (saved in the preview data folder) or a full path.',
  noteFiles:
    'Preview mode has no system file dialog. Upload files from this computer, or type paths the preview server can read, one per line.',
  upload: 'Upload a file',
  uploadMany: 'Upload files',
  path: 'Path',
  paths: 'Paths (one per line)',
  ok: 'OK · ठीक है',
  cancel: 'Cancel · रद्द करें',
  uploading: 'Uploading…',
  downloaded: 'The file was downloaded by the browser:',
};

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<Record<string, string>> = {},
  style: Partial<CSSStyleDeclaration> = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  Object.assign(node.style, style);
  return node;
}

export function createPreviewDialogUi(doc: Document = document): PreviewDialogUi {
  return {
    ask(request: DialogRequest, tools: PreviewTools): Promise<DialogAnswer> {
      const many = request.kind === 'openFiles';
      const picks = request.kind === 'openFile' || many;
      return new Promise((resolve) => {
        const backdrop = el(
          doc,
          'div',
          { 'data-testid': 'preview-dialog-backdrop' },
          {
            position: 'fixed',
            inset: '0',
            background: 'rgba(0,0,0,0.35)',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            zIndex: '2147483647',
          },
        );
        const box = el(
          doc,
          'div',
          {
            role: 'dialog',
            'aria-modal': 'true',
            'aria-labelledby': 'preview-dialog-title',
            'data-testid': 'preview-dialog',
          },
          {
            background: '#fff',
            color: '#111',
            padding: '20px 24px',
            borderRadius: '8px',
            width: 'min(560px, 90vw)',
            boxShadow: '0 8px 32px rgba(0,0,0,0.3)',
            fontFamily: 'inherit',
            fontSize: '14px',
          },
        );
        const title = el(doc, 'h2', { id: 'preview-dialog-title' }, { margin: '0 0 8px', fontSize: '18px' });
        title.textContent = `${TEXT[request.kind]} — ${request.title}`;
        const note = el(doc, 'p', {}, { margin: '0 0 12px', color: '#444' });
        note.textContent = {
          openFile: TEXT.note,
          openFiles: TEXT.noteFiles,
          openFolder: TEXT.noteFolder,
          saveFile: TEXT.noteSave,
        }[request.kind];
        const status = el(
          doc,
          'p',
          { role: 'status', 'data-testid': 'preview-dialog-status' },
          { minHeight: '1.2em', color: '#a00' },
        );
        box.append(title, note);

        let done = false;
        const finish = (answer: DialogAnswer) => {
          if (done) return;
          done = true;
          doc.removeEventListener('keydown', onKey, true);
          backdrop.remove();
          resolve(answer);
        };
        const onKey = (e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            finish(null);
          }
        };
        doc.addEventListener('keydown', onKey, true);

        if (picks) {
          const label = el(doc, 'label', {}, { display: 'block', margin: '0 0 12px' });
          label.textContent = (many ? TEXT.uploadMany : TEXT.upload) + ' ';
          const accept = (request.filters ?? [])
            .flatMap((f) => f.extensions)
            .filter((x) => x !== '*')
            .map((x) => `.${x}`)
            .join(',');
          const file = el(doc, 'input', {
            type: 'file',
            'data-testid': 'preview-dialog-file',
            ...(accept ? { accept } : {}),
            ...(many ? { multiple: '' } : {}),
          });
          file.addEventListener('change', () => {
            const chosen = [...(file.files ?? [])];
            if (chosen.length === 0) return;
            status.textContent = TEXT.uploading;
            // One after another: the harness stores each under its own name.
            const uploads = chosen.reduce<Promise<string[]>>(
              (acc, f) => acc.then(async (done) => [...done, await tools.upload(f, f.name)]),
              Promise.resolve([]),
            );
            uploads.then(
              (paths) => finish(many ? paths : (paths[0] ?? null)),
              (err: Error) => {
                status.textContent = err.message;
              },
            );
          });
          label.append(file);
          box.append(label);
        }

        const pathLabel = el(doc, 'label', {}, { display: 'block', margin: '0 0 12px' });
        pathLabel.textContent = (many ? TEXT.paths : TEXT.path) + ' ';
        const pathInput = el(
          doc,
          many ? 'textarea' : 'input',
          { 'data-testid': 'preview-dialog-path', spellcheck: 'false', ...(many ? { rows: '4' } : { type: 'text' }) },
          { width: '100%', boxSizing: 'border-box', padding: '6px', marginTop: '4px' },
        );
        pathInput.value = request.suggestion ?? '';
        pathLabel.append(pathInput);
        box.append(pathLabel, status);

        const buttons = el(doc, 'div', {}, { display: 'flex', gap: '8px', justifyContent: 'flex-end' });
        const ok = el(doc, 'button', { type: 'button', 'data-testid': 'preview-dialog-ok' }, { padding: '6px 14px' });
        ok.textContent = TEXT.ok;
        ok.addEventListener('click', () => {
          const lines = pathInput.value
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean);
          if (lines.length === 0) pathInput.focus();
          else finish(many ? lines : lines[0]!);
        });
        const cancel = el(
          doc,
          'button',
          { type: 'button', 'data-testid': 'preview-dialog-cancel' },
          { padding: '6px 14px' },
        );
        cancel.textContent = TEXT.cancel;
        cancel.addEventListener('click', () => finish(null));
        buttons.append(cancel, ok);
        box.append(buttons);
        backdrop.append(box);
        doc.body.append(backdrop);
        (picks ? box.querySelector('input') : pathInput)?.focus();
      });
    },

    async offerDownload(file, tools) {
      const blob = await tools.download(file.fileId);
      const url = URL.createObjectURL(blob);
      const a = el(
        doc,
        'a',
        { href: url, download: file.name, 'data-testid': 'preview-download' },
        { display: 'none' },
      );
      doc.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
