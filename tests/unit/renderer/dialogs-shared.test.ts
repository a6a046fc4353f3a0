// Every dialog goes through the one shared Modal (renderer/components/Modal.tsx), which gives Esc
// to close, the focus trap, focus back to the opener, and focus to the field in error after a
// failed action (issue #11). This test makes that a rule rather than a habit: a component that
// renders its own role="dialog", a <dialog> element, aria-modal or a portal fails here, and so
// does a *Dialog component that renders neither Modal nor one of the dialogs built on it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = path.resolve(import.meta.dirname, '../../../renderer');
const MODAL = path.join('components', 'Modal.tsx');

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** What only the shared Modal may do. */
const OWN_DIALOG: readonly [string, RegExp][] = [
  // On an HTML element (lower-case tag); <Modal role="alertdialog"> is the shared dialog's own prop.
  ['role="dialog" / "alertdialog"', /<[a-z][\w-]*\b[^<]*?\brole\s*=\s*\{?\s*['"`](alert)?dialog['"`]/],
  ['a role variable set to dialog', /role\s*:\s*['"`](alert)?dialog['"`]/],
  ['a <dialog> element', /<dialog[\s>]/],
  ['aria-modal', /(?<![[\w-])aria-modal\s*=/],
  ['showModal()', /\.showModal\s*\(/],
  ['createPortal', /\bcreatePortal\s*\(/],
];

/** Exceptions, each with its reason (and only for the pattern named). */
const ALLOWED: Record<string, readonly string[]> = {
  // The browser preview's stand-in for the OS file dialog: plain DOM, outside React, made by the
  // API layer before any screen exists; it has its own Esc (and Electron shows the OS dialog).
  [path.join('api', 'preview-dialogs.ts')]: ['a role variable set to dialog'],
  // The print view is portalled to <body> for the print stylesheet; it is not a dialog.
  [path.join('components', 'ListOutput.tsx')]: ['createPortal'],
};

/**
 * What a *Dialog component must render: Modal, or another *Dialog (FormDialog, ConfirmDialog, a
 * page's own, each of them checked here in turn), or ask through useConfirm().
 */
const SHARED = /<(Modal|\w*Dialog)\b|\buseConfirm\s*\(/;

/** Comments say what they like; only code counts. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('one shared dialog', () => {
  const files = sources(RENDERER);

  it('finds the renderer sources', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map((f) => path.relative(RENDERER, f))).toContain(MODAL);
  });

  it('only components/Modal.tsx renders a dialog of its own', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const rel = path.relative(RENDERER, file);
      if (rel === MODAL) continue;
      const text = code(readFileSync(file, 'utf8'));
      for (const [what, re] of OWN_DIALOG) {
        if (re.test(text) && !ALLOWED[rel]?.includes(what)) offenders.push(`${rel}: ${what}`);
      }
    }
    expect(offenders, 'use <Modal>, <FormDialog> or <ConfirmDialog> from renderer/components').toEqual([]);
  });

  it('every *Dialog component renders the shared Modal (directly or through FormDialog/ConfirmDialog)', () => {
    const offenders: string[] = [];
    let dialogs = 0;
    for (const file of files) {
      const rel = path.relative(RENDERER, file);
      if (rel === MODAL) continue;
      const text = code(readFileSync(file, 'utf8'));
      const names = [...text.matchAll(/\b(?:function|const)\s+([A-Z]\w*Dialog)\b\s*[(=]/g)].map((m) => m[1]!);
      if (names.length === 0) continue;
      dialogs += names.length;
      if (!SHARED.test(text)) offenders.push(`${rel}: ${names.join(', ')}`);
    }
    expect(dialogs).toBeGreaterThanOrEqual(10);
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a hand-made dialog', () => {
    const made = code(
      [
        '// role="dialog" in a comment is fine',
        'export function OwnDialog() {',
        '  return <div role="dialog" aria-modal="true">x</div>;',
        '}',
      ].join('\n'),
    );
    const hits = OWN_DIALOG.filter(([, re]) => re.test(made)).map(([what]) => what);
    expect(hits).toEqual(['role="dialog" / "alertdialog"', 'aria-modal']);
    expect(SHARED.test(made)).toBe(false);
    expect(OWN_DIALOG[0]![1].test("<div role={'alertdialog'} />")).toBe(true);
    expect(OWN_DIALOG[0]![1].test('<Modal title="x" role="alertdialog">')).toBe(false);
    expect(OWN_DIALOG[2]![1].test('<dialog open>')).toBe(true);
  });
});
