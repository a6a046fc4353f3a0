// The application menu. Items either act in main (quit, About) or send one of the fixed
// MENU_EVENTS to the page, which decides what to show (the import wizard, the export dialog,
// the language). Built as a plain template so tests can inspect it without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuEvent } from './ipc-contract.js';

export interface MenuDeps {
  send: (event: MenuEvent) => void;
  about: () => void;
  isMac: boolean;
  /** Development builds get View → Reload / Toggle developer tools. */
  isPackaged: boolean;
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'Open workbook…', accelerator: 'CmdOrCtrl+O', click: () => deps.send('open-workbook') },
        { label: 'Export register…', accelerator: 'CmdOrCtrl+E', click: () => deps.send('export-register') },
        { type: 'separator' },
        { label: 'Open register…', accelerator: 'CmdOrCtrl+Shift+O', click: () => deps.send('open-register') },
        { label: 'Open demo district', click: () => deps.send('open-demo') },
        { label: 'Recent registers…', click: () => deps.send('recent-registers') },
        { type: 'separator' },
        { role: 'quit', label: deps.isMac ? 'Quit Samooh' : 'Exit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&Language',
      submenu: [
        // Plain items, not radio buttons: the page can also switch language itself and
        // remembers the choice, so a check mark kept here could go stale.
        { label: 'English', click: () => deps.send('language-en') },
        { label: 'हिन्दी (Hindi)', click: () => deps.send('language-hi') },
      ],
    },
  ];
  if (!deps.isPackaged) {
    template.push({
      label: '&View',
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }],
    });
  } else {
    template.push({
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }],
    });
  }
  template.push({
    label: '&Help',
    submenu: [{ label: 'About Samooh', click: () => deps.about() }],
  });
  return template;
}

export interface AboutInfo {
  version: string;
  dataDir: string;
  electron: string;
  chrome: string;
  node: string;
}

export function aboutDetail(info: AboutInfo): string {
  return [
    `Version ${info.version}`,
    `Data folder: ${info.dataDir}`,
    '',
    `Electron ${info.electron} · Chromium ${info.chrome} · Node ${info.node}`,
    '',
    'The district register of police–public and staff WhatsApp groups,',
    'and the signed compliance bundle for Police Headquarters.',
  ].join('\n');
}
