// The preload: exactly one `contextBridge.exposeInMainWorld('samooh', …)` with a fixed method
// set (STYLE habit 4). No generic `on(channel)`, no ipcRenderer, no Electron event objects ever
// reach the page; messages from main are shape-checked before the page's callbacks see them.
// Runs sandboxed (CommonJS, Electron's restricted `require`), so it imports nothing but
// 'electron' and the constants of the IPC contract.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  CHANNELS,
  isMenuEvent,
  pathsOfDroppedFiles,
  type MenuEvent,
  type ProgressMessage,
  type SamoohBridge,
} from './ipc-contract.js';

let seq = 0;
const runPrefix = `p${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const nextId = () => `${runPrefix}-${++seq}`;

function isProgressMessage(m: unknown): m is ProgressMessage {
  if (!m || typeof m !== 'object') return false;
  const { id, progress } = m as Partial<ProgressMessage>;
  return (
    typeof id === 'string' &&
    !!progress &&
    typeof progress.phase === 'string' &&
    typeof progress.done === 'number' &&
    typeof progress.total === 'number'
  );
}

const bridge: SamoohBridge = {
  call(name, args, id) {
    if (typeof name !== 'string') return Promise.reject(new TypeError('call(name, args): name must be a string'));
    return ipcRenderer.invoke(CHANNELS.call, { id: typeof id === 'string' ? id : nextId(), name, args });
  },
  onProgress(cb) {
    const listener = (_event: IpcRendererEvent, message: unknown) => {
      if (isProgressMessage(message)) cb({ id: message.id, progress: { ...message.progress } });
    };
    ipcRenderer.on(CHANNELS.progress, listener);
    return () => void ipcRenderer.removeListener(CHANNELS.progress, listener);
  },
  cancel(id) {
    return ipcRenderer.invoke(CHANNELS.cancel, String(id));
  },
  onMenu(cb) {
    const listener = (_event: IpcRendererEvent, message: unknown) => {
      if (isMenuEvent(message)) cb(message as MenuEvent);
    };
    ipcRenderer.on(CHANNELS.menu, listener);
    return () => void ipcRenderer.removeListener(CHANNELS.menu, listener);
  },
  // With contextIsolation the page cannot see a dropped File's path; Electron's webUtils can,
  // here in the preload. Only Files the user dropped have one, so the page learns nothing it
  // was not given. The paths then go to `hq.import`, which reads them as hostile input.
  pathsForFiles(files) {
    return pathsOfDroppedFiles(files, (f) => webUtils.getPathForFile(f));
  },
};

contextBridge.exposeInMainWorld('samooh', bridge);
