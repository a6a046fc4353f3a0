// The menu: File (open workbook, export, quit), Language (English / हिन्दी), Help → About.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuEvent } from '../../../electron/ipc-contract.js';
import { MENU_EVENTS } from '../../../electron/ipc-contract.js';
import { aboutDetail, buildMenuTemplate } from '../../../electron/menu.js';

function build(isPackaged = true) {
  const sent: MenuEvent[] = [];
  let about = 0;
  const template = buildMenuTemplate({ send: (e) => sent.push(e), about: () => about++, isMac: false, isPackaged });
  const find = (top: string, label: string) => {
    const menu = template.find((m) => m.label?.replace('&', '') === top);
    const items = (menu?.submenu ?? []) as MenuItemConstructorOptions[];
    return items.find((i) => i.label === label || i.role === label);
  };
  const click = (top: string, label: string) => (find(top, label)!.click as unknown as () => void)();
  return { template, sent, find, click, about: () => about };
}

describe('application menu', () => {
  it('sends the fixed menu events to the page', () => {
    const m = build();
    m.click('File', 'Open workbook…');
    m.click('File', 'Export register…');
    m.click('Language', 'English');
    m.click('Language', 'हिन्दी (Hindi)');
    expect(m.sent).toEqual(['open-workbook', 'export-register', 'language-en', 'language-hi']);
    expect(m.sent.every((e) => (MENU_EVENTS as readonly string[]).includes(e))).toBe(true);
    expect(m.find('File', 'quit')).toBeDefined();
  });

  it('File offers the registers at any time (issue #11): open register, the demo district, recent registers', () => {
    const m = build();
    m.click('File', 'Open register…');
    m.click('File', 'Open demo district');
    m.click('File', 'Recent registers…');
    expect(m.sent).toEqual(['open-register', 'open-demo', 'recent-registers']);
    expect(m.find('File', 'Open register…')?.accelerator).toBe('CmdOrCtrl+Shift+O');
  });

  it('opens About from Help', () => {
    const m = build();
    m.click('Help', 'About Samooh');
    expect(m.about()).toBe(1);
    const text = aboutDetail({
      version: '0.1.0',
      dataDir: 'C:\\Users\\clerk\\AppData\\Roaming\\Samooh',
      electron: '45.5.0',
      chrome: '140',
      node: '24',
    });
    expect(text).toContain('Version 0.1.0');
    expect(text).toContain('Data folder: C:\\Users\\clerk\\AppData\\Roaming\\Samooh');
  });

  it('offers devtools only in development builds', () => {
    const roles = (packaged: boolean) =>
      build(packaged)
        .template.flatMap((m) => (m.submenu ?? []) as MenuItemConstructorOptions[])
        .map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });
});
