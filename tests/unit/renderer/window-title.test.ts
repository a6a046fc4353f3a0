// The window title names the open register (issue #11).
import { describe, expect, it } from 'vitest';
import { windowTitle } from '../../../renderer/shell/window-title.js';
import type { AppStatus } from '../../../renderer/app-status.js';

const status = (over: Partial<AppStatus>): AppStatus =>
  ({
    hasRegister: true,
    registerFile: 'C:\\Users\\clerk\\AppData\\Samooh\\siwan.sqlite',
    district: { code: 'SIW', name: 'Siwan', nameHi: 'सीवान' },
    ...over,
  }) as AppStatus;

describe('windowTitle', () => {
  it('names the district, its file and the program, in the language on screen', () => {
    expect(windowTitle(status({}), 'en')).toBe('Siwan (SIW) — siwan.sqlite — Samooh');
    expect(windowTitle(status({}), 'hi')).toBe('सीवान (SIW) — siwan.sqlite — Samooh');
    expect(windowTitle(status({ registerFile: '/data/demo.sqlite' }), 'en')).toBe('Siwan (SIW) — demo.sqlite — Samooh');
  });

  it('is the program alone before a register is open', () => {
    expect(windowTitle(undefined, 'en')).toBe('Samooh');
    expect(windowTitle(status({ hasRegister: false, district: null }), 'en')).toBe('Samooh');
  });
});
