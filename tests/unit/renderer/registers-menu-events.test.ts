// @vitest-environment jsdom
// The Electron File menu's register entries reach the header's Registers control (issue #11).
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { handleMenuEvent } from '../../../renderer/shell/menu-events.js';

describe('File → registers menu events', () => {
  it('each register entry is passed on to the Registers control, the others are not', () => {
    const seen: unknown[] = [];
    const listen = (e: Event) => seen.push((e as CustomEvent).detail);
    window.addEventListener('samooh:registers', listen);
    try {
      handleMenuEvent(i18next, 'open-register');
      handleMenuEvent(i18next, 'open-demo');
      handleMenuEvent(i18next, 'recent-registers');
    } finally {
      window.removeEventListener('samooh:registers', listen);
    }
    expect(seen).toEqual(['open-register', 'open-demo', 'recent-registers']);
  });
});
