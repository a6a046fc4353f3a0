// Electron dialogs behind the `Dialogs` interface, and the rule for shell.openPath: only files
// the app wrote, with extensions it writes.
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Dialog, Shell } from 'electron';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/errors.js';
import { createElectronDialogs, OpenablePaths } from '../../../electron/dialogs.js';
import { tempDir } from '../../fixtures/temp.js';

function fakes(answers: { open?: string[] | null; save?: string | null }) {
  const calls: { kind: string; parent: unknown; opts: Record<string, unknown> }[] = [];
  const opened: string[] = [];
  const dialog = {
    showOpenDialog: async (a: unknown, b?: unknown) => {
      const [parent, opts] = b === undefined ? [null, a] : [a, b];
      calls.push({ kind: 'open', parent, opts: opts as Record<string, unknown> });
      return answers.open ? { canceled: false, filePaths: answers.open } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (a: unknown, b?: unknown) => {
      const [parent, opts] = b === undefined ? [null, a] : [a, b];
      calls.push({ kind: 'save', parent, opts: opts as Record<string, unknown> });
      return answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' };
    },
  } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  const shell = {
    openPath: async (p: string) => {
      opened.push(p);
      return '';
    },
  } as unknown as Pick<Shell, 'openPath'>;
  return { dialog, shell, calls, opened };
}

const fakeWindow = { isDestroyed: () => false } as never;

describe('createElectronDialogs', () => {
  it('opens a file with the given filters, modal to the window; cancel → null', async () => {
    const data = tempDir();
    const f = fakes({ open: ['/home/clerk/register.xlsx'] });
    const d = createElectronDialogs({ ...f, window: () => fakeWindow, openable: new OpenablePaths(data) });
    const filters = [{ name: 'Excel', extensions: ['xlsx'] }];
    expect(await d.openFile({ title: 'Open workbook', filters })).toBe('/home/clerk/register.xlsx');
    expect(f.calls[0]).toMatchObject({
      kind: 'open',
      parent: fakeWindow,
      opts: { title: 'Open workbook', filters, properties: ['openFile'] },
    });
    const g = fakes({ open: null });
    const d2 = createElectronDialogs({ ...g, window: () => null, openable: new OpenablePaths(data) });
    expect(await d2.openFile({ title: 'x', filters: [] })).toBeNull();
    expect(g.calls[0]!.parent).toBeNull();
  });

  it('opens many files at once (multiSelections), modal to the window; cancel or none → null', async () => {
    const data = tempDir();
    const chosen = ['/media/usb/samooh-PAT-20261128-1.zip', '/media/usb/samooh-GAY-20261128-1.zip'];
    const f = fakes({ open: chosen });
    const d = createElectronDialogs({ ...f, window: () => fakeWindow, openable: new OpenablePaths(data) });
    const filters = [{ name: 'Samooh bundle', extensions: ['zip'] }];
    expect(await d.openFiles({ title: 'Bundles', filters })).toEqual(chosen);
    expect(f.calls[0]).toMatchObject({
      kind: 'open',
      parent: fakeWindow,
      opts: { title: 'Bundles', filters, properties: ['openFile', 'multiSelections'] },
    });
    for (const open of [null, []]) {
      const g = fakes({ open });
      const d2 = createElectronDialogs({ ...g, window: () => null, openable: new OpenablePaths(data) });
      expect(await d2.openFiles({ title: 'x', filters: [] })).toBeNull();
    }
  });

  it('chooses folders and save targets, and lets the app open what it then wrote there', async () => {
    const data = tempDir();
    const usb = tempDir();
    const save = path.join(tempDir(), 'report.pdf');
    const f = fakes({ open: [usb], save });
    const openable = new OpenablePaths(data);
    const d = createElectronDialogs({ ...f, window: () => fakeWindow, openable });
    expect(await d.openFolder({ title: 'USB' })).toBe(usb);
    expect(f.calls[0]!.opts.properties).toEqual(['openDirectory', 'createDirectory']);
    expect(await d.saveFile({ title: 'Save', defaultName: 'report.pdf', filters: [] })).toBe(save);
    expect(f.calls[1]!.opts.defaultPath).toBe('report.pdf');

    writeFileSync(save, '%PDF');
    await d.openPath(save);
    const bundle = path.join(usb, 'samooh-PAT-20260101-1.zip');
    writeFileSync(bundle, 'PK');
    await d.openPath(bundle);
    expect(f.opened).toEqual([save, bundle]);
  });

  it('refuses to open files the app did not write', async () => {
    const data = tempDir();
    const f = fakes({});
    const d = createElectronDialogs({ ...f, window: () => null, openable: new OpenablePaths(data) });
    const stranger = path.join(tempDir(), 'invoice.pdf');
    writeFileSync(stranger, '%PDF');
    await expect(d.openPath(stranger)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(d.openPath(stranger)).rejects.toBeInstanceOf(AppError);
    expect(f.opened).toEqual([]);
  });

  it('reports a failure of the OS to open a file', async () => {
    const data = tempDir();
    const file = path.join(data, 'outbox', 'bundle.eml');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'From: x');
    const shell = { openPath: async () => 'No application is associated' } as unknown as Pick<Shell, 'openPath'>;
    const d = createElectronDialogs({ ...fakes({}), shell, window: () => null, openable: new OpenablePaths(data) });
    await expect(d.openPath(file)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('OpenablePaths', () => {
  it('accepts files under the data folder except uploads, with extensions the app writes', () => {
    const data = tempDir();
    const o = new OpenablePaths(data);
    mkdirSync(path.join(data, 'outbox'));
    mkdirSync(path.join(data, 'uploads'));
    const eml = path.join(data, 'outbox', 'b.eml');
    const exe = path.join(data, 'outbox', 'b.exe');
    const upload = path.join(data, 'uploads', 'x.xlsx');
    const lnk = path.join(data, 'outbox', 'x.lnk');
    for (const f of [eml, exe, upload, lnk]) writeFileSync(f, 'x');
    expect(o.isOpenable(eml)).toBe(true);
    expect(o.isOpenable(exe)).toBe(false);
    expect(o.isOpenable(lnk)).toBe(false);
    expect(o.isOpenable(upload)).toBe(false);
    // Uploads now sit in a folder of their own (the harness keeps the user's file name): still not openable.
    mkdirSync(path.join(data, 'uploads', '20261202T101500-0a1b2c3d4e5f'));
    const nested = path.join(data, 'uploads', '20261202T101500-0a1b2c3d4e5f', 'samooh-PAT-20261128-1.zip');
    writeFileSync(nested, 'PK');
    expect(o.isOpenable(nested)).toBe(false);
    expect(o.isOpenable(path.join(data, 'outbox', 'missing.eml'))).toBe(false);
    expect(o.isOpenable(path.join(data, 'outbox'))).toBe(false);
    expect(o.isOpenable('')).toBe(false);
    expect(o.isOpenable(`${eml}\0.exe`)).toBe(false);
  });

  it('follows symlinks to their target before deciding', () => {
    const data = tempDir();
    const outside = path.join(tempDir(), 'evil.html');
    writeFileSync(outside, '<script>');
    const link = path.join(data, 'report.html');
    symlinkSync(outside, link);
    expect(new OpenablePaths(data).isOpenable(link)).toBe(false);
    const exeTarget = path.join(data, 'tool.exe');
    writeFileSync(exeTarget, 'MZ');
    symlinkSync(exeTarget, path.join(data, 'tool.txt'));
    expect(new OpenablePaths(data).isOpenable(path.join(data, 'tool.txt'))).toBe(false);
  });

  it('accepts files in a chosen folder only if written after the choice', () => {
    const data = tempDir();
    const usb = tempDir();
    const old = path.join(usb, 'old.html');
    writeFileSync(old, 'x');
    const past = new Date(Date.now() - 3600_000);
    utimesSync(old, past, past);
    const o = new OpenablePaths(data);
    o.rememberFolder(usb);
    const fresh = path.join(usb, 'samooh.zip');
    writeFileSync(fresh, 'PK');
    expect(o.isOpenable(fresh)).toBe(true);
    expect(o.isOpenable(old)).toBe(false);
  });
});
