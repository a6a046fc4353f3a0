// @vitest-environment jsdom
// Dropping on the HQ window (HqApp + the import page + hq-import-run.ts) against a fake
// transport that locates dropped files as the preload does: bundles and folders go to
// `hq.import` as paths, other files and files without a path are refused with reasons, the
// drop zone lights up while files are dragged, and Cancel stops a running import.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, type Transport } from '../../../renderer/api/index.js';
import type { Args, Res } from '../../../renderer/api/index.js';
import { HqApp } from '../../../renderer/pages/hq/HqApp.js';
import { resetImportRun } from '../../../renderer/pages/hq/hq-import-run.js';
import { renderWithApp } from './render.js';

type ImportArgs = Args<'hq.import'>;
type ImportRes = Res<'hq.import'>;

function fakeTransport(opts: { importer: (args: ImportArgs, cancelled: Promise<void>) => Promise<ImportRes> }) {
  const imports: ImportArgs[] = [];
  const located: string[] = [];
  const cancels = new Map<string, () => void>();
  const transport: Transport = {
    kind: 'test',
    async call({ id, name, args }) {
      if (name !== 'hq.import') return { ok: false, error: { code: 'INTERNAL', message: `no fake for ${name}` } };
      imports.push(args as ImportArgs);
      const cancelled = new Promise<void>((resolve) => cancels.set(id, resolve));
      try {
        return { ok: true, value: await opts.importer(args as ImportArgs, cancelled) };
      } catch (err) {
        return { ok: false, error: { code: 'CANCELLED', message: (err as Error).message } };
      }
    },
    async cancel(id) {
      cancels.get(id)?.();
    },
    onMenu: () => () => {},
    // As the preload: files from the user's disk have a path; one called "cloud.zip" has none.
    async pathsForFiles(files) {
      return files.map((f) => {
        located.push(f.name);
        return f.name === 'cloud.zip' ? null : `/media/usb/${f.name}`;
      });
    },
  };
  api.useTransport(transport);
  return { imports, located };
}

interface FakeItem {
  name: string;
  folder?: boolean;
}

/** A drag event as the browser sends it, with a DataTransfer jsdom does not have. */
function dragEvent(type: string, items: FakeItem[]): Event {
  const files = items.map((i) => new File(['PK'], i.name));
  const ev = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(ev, 'dataTransfer', {
    value: {
      types: ['Files'],
      files,
      dropEffect: 'none',
      items: files.map((file, i) => ({
        kind: 'file',
        getAsFile: () => file,
        webkitGetAsEntry: () => ({ isDirectory: items[i]!.folder === true }),
      })),
    },
  });
  return ev;
}

const fire = (target: EventTarget, type: string, items: FakeItem[]) =>
  act(() => {
    target.dispatchEvent(dragEvent(type, items));
  });

const done = (over: Partial<Extract<ImportRes, { cancelled: false }>> = {}): ImportRes => ({
  cancelled: false,
  accepted: [],
  duplicates: [],
  rejected: [],
  ...over,
});

beforeEach(() => {
  window.location.hash = '#/hq';
  resetImportRun();
});
afterEach(() => {
  cleanup();
  resetImportRun();
});

const hq = { name: 'Police HQ Bihar', nameHi: null };

describe('dropping bundles on the HQ window', () => {
  it('imports the bundles and folders dropped anywhere; refuses other files and files without a path', async () => {
    window.location.hash = '#/hq/trust';
    const fake = fakeTransport({
      importer: async () =>
        done({
          accepted: [{ file: '/media/usb/samooh-PAT-20261128-1.zip', district: 'PAT', sequence: 1, warnings: [] }],
          duplicates: [{ file: '/media/usb/bundles', district: 'GAY', sequence: 3 }],
        }),
    });
    const { container } = renderWithApp(<HqApp hq={hq} onLeft={() => {}} />);
    const dropped = [
      { name: 'samooh-PAT-20261128-1.zip' },
      { name: 'bundles', folder: true },
      { name: 'letter.pdf' },
      { name: 'cloud.zip' },
    ];
    await fire(container, 'dragenter', dropped);
    expect(screen.getByTestId('hq-drop-overlay').textContent).toContain('Drop here to import the bundles');
    await fire(container, 'drop', dropped);
    expect(screen.queryByTestId('hq-drop-overlay')).toBeNull();
    await screen.findByRole('heading', { level: 1, name: 'Import bundles' });
    await waitFor(() => expect(screen.getByText('1 accepted, 1 already held, 2 refused')).toBeTruthy());
    // Only the bundle and the folder were located and imported; the letter never left the page.
    expect(fake.located).toEqual(['samooh-PAT-20261128-1.zip', 'bundles', 'cloud.zip']);
    expect(fake.imports).toEqual([{ paths: ['/media/usb/samooh-PAT-20261128-1.zip', '/media/usb/bundles'] }]);
    const table = screen.getByRole('table', { name: 'Result' });
    const row = (name: string) => within(table).getByText(name).closest('tr')!;
    expect(row('letter.pdf').textContent).toContain('not a .zip bundle or a folder');
    expect(row('cloud.zip').textContent).toContain('could not be read from here; use the buttons above');
    expect(row('bundles').textContent).toContain('HQ already holds this bundle; nothing changed');
  });

  it('lights the drop zone while files are over the page, and ignores drags of text', async () => {
    window.location.hash = '#/hq/import';
    fakeTransport({ importer: async () => done() });
    const { container } = renderWithApp(<HqApp hq={hq} onLeft={() => {}} />);
    const zone = screen.getByTestId('hq-drop-zone');
    await fire(container, 'dragenter', [{ name: 'a.zip' }]);
    expect(zone.className).toContain('is-dragging');
    expect(zone.textContent).toContain('Release to import these bundles');
    await fire(container, 'dragleave', [{ name: 'a.zip' }]);
    expect(zone.className).not.toContain('is-dragging');
    const text = new Event('dragenter', { bubbles: true, cancelable: true });
    Object.defineProperty(text, 'dataTransfer', { value: { types: ['text/plain'], items: [], files: [] } });
    await act(() => {
      container.dispatchEvent(text);
    });
    expect(zone.className).not.toContain('is-dragging');
    expect(text.defaultPrevented).toBe(false);
  });

  it('shows progress with Cancel; a drop while an import runs is turned away; Cancel stops it', async () => {
    window.location.hash = '#/hq/import';
    const fake = fakeTransport({
      importer: async (_a, cancelled) => {
        await cancelled;
        throw new Error('Cancelled');
      },
    });
    const { container } = renderWithApp(<HqApp hq={hq} onLeft={() => {}} />);
    await fire(container, 'drop', [{ name: 'a.zip' }]);
    await waitFor(() => expect(screen.getByTestId('hq-drop-zone').textContent).toContain('An import is running'));
    await fire(container, 'drop', [{ name: 'b.zip' }]);
    expect(fake.imports).toHaveLength(1);
    await act(async () => {
      screen.getByRole('button', { name: 'Cancel' }).click();
    });
    await waitFor(() => expect(screen.getByTestId('hq-drop-zone').textContent).toContain('Drop bundles (.zip)'));
    expect(screen.queryByRole('table', { name: 'Result' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
