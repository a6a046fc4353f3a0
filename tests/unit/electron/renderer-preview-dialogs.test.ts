// @vitest-environment jsdom
// The preview-mode stand-in for native dialogs: a plain-DOM overlay the user (or Playwright)
// answers by uploading a file, typing a path, or cancelling.
import { describe, expect, it } from 'vitest';
import type { DialogRequest } from '../../../electron/contract/bridge-wire.js';
import type { PreviewTools } from '../../../renderer/api/bridge-transport.js';
import { createPreviewDialogUi } from '../../../renderer/api/preview-dialogs.js';

const q = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function tools(uploaded: { name: string; size: number }[] = []): PreviewTools {
  return {
    upload: async (file, name) => {
      uploaded.push({ name, size: file.size });
      return `/data/uploads/${name}`;
    },
    download: async () => new Blob(['x']),
  };
}

const openFile: DialogRequest = {
  dialogId: 'd1',
  kind: 'openFile',
  title: 'Open workbook',
  filters: [{ name: 'Excel', extensions: ['xlsx', 'csv'] }],
};

describe('preview dialog overlay', () => {
  it('uploads the chosen file and answers with its stored path', async () => {
    const uploaded: { name: string; size: number }[] = [];
    const answer = createPreviewDialogUi(document).ask(openFile, tools(uploaded));
    expect(q('preview-dialog')!.getAttribute('role')).toBe('dialog');
    expect(q('preview-dialog')!.textContent).toContain('Open workbook');
    const input = q('preview-dialog-file') as HTMLInputElement;
    expect(input.accept).toBe('.xlsx,.csv');
    const file = new File(['a,b\n'], 'register.xlsx');
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    expect(await answer).toBe('/data/uploads/register.xlsx');
    expect(uploaded).toEqual([{ name: 'register.xlsx', size: 4 }]);
    expect(q('preview-dialog')).toBeNull();
  });

  it('openFiles: uploads every chosen file, or takes typed paths one per line', async () => {
    const uploaded: { name: string; size: number }[] = [];
    const request: DialogRequest = {
      ...openFile,
      kind: 'openFiles',
      filters: [{ name: 'Bundle', extensions: ['zip'] }],
    };
    const answer = createPreviewDialogUi(document).ask(request, tools(uploaded));
    const input = q('preview-dialog-file') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    const files = [new File(['PK1'], 'samooh-PAT-20261128-1.zip'), new File(['PK22'], 'samooh-GAY-20261128-1.zip')];
    Object.defineProperty(input, 'files', { value: files });
    input.dispatchEvent(new Event('change'));
    expect(await answer).toEqual([
      '/data/uploads/samooh-PAT-20261128-1.zip',
      '/data/uploads/samooh-GAY-20261128-1.zip',
    ]);
    expect(uploaded).toEqual([
      { name: 'samooh-PAT-20261128-1.zip', size: 3 },
      { name: 'samooh-GAY-20261128-1.zip', size: 4 },
    ]);

    const typed = createPreviewDialogUi(document).ask(request, tools());
    const paths = q('preview-dialog-path') as HTMLTextAreaElement;
    expect(paths.tagName).toBe('TEXTAREA');
    paths.value = '/media/usb/a.zip\n\n  /media/usb/b.zip  \n';
    q('preview-dialog-ok')!.click();
    expect(await typed).toEqual(['/media/usb/a.zip', '/media/usb/b.zip']);
  });

  it('answers with a typed path, prefilled with the suggestion', async () => {
    const answer = createPreviewDialogUi(document).ask(
      { dialogId: 'd2', kind: 'openFolder', title: 'Export to', suggestion: '/data/exports' },
      tools(),
    );
    expect(q('preview-dialog-file')).toBeNull();
    const path = q('preview-dialog-path') as HTMLInputElement;
    expect(path.value).toBe('/data/exports');
    path.value = '/media/usb';
    q('preview-dialog-ok')!.click();
    expect(await answer).toBe('/media/usb');
  });

  it('answers null on Cancel and on Escape, and not on an empty path', async () => {
    const ui = createPreviewDialogUi(document);
    const a = ui.ask({ dialogId: 'd3', kind: 'saveFile', title: 'Save', defaultName: 'r.xlsx' }, tools());
    q('preview-dialog-ok')!.click(); // empty path: stays open
    expect(q('preview-dialog')).not.toBeNull();
    q('preview-dialog-cancel')!.click();
    expect(await a).toBeNull();
    const b = ui.ask(openFile, tools());
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(await b).toBeNull();
    expect(document.querySelectorAll('[data-testid="preview-dialog"]')).toHaveLength(0);
  });

  it('uses no inline style attributes the CSP would block (styles go through the CSSOM)', async () => {
    const a = createPreviewDialogUi(document).ask(openFile, tools());
    // jsdom serialises CSSOM styles into the attribute; the point is no <style> elements.
    expect(document.querySelectorAll('style')).toHaveLength(0);
    q('preview-dialog-cancel')!.click();
    await a;
  });
});
