// Fakes of the Electron objects the shell configures (the Electron binary is not available in
// this environment). They record what was installed so tests can assert it and then fire the
// installed handlers as Electron would.
import type { App, IpcMain, IpcMainInvokeEvent, Session, WebContents } from 'electron';

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  has(event: string): boolean {
    return (this.listeners.get(event)?.length ?? 0) > 0;
  }
}

/** An Electron-style event: `preventDefault()` is recorded. */
export function fakeEvent<T extends object>(fields: T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const e = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: 'deny' | 'allow' }) | undefined;
  destroyed = false;
  readonly sent: { channel: string; payload: unknown }[] = [];
  mainFrame: FakeFrame = { url: 'app://samooh/index.html', parent: null, processId: 4, routingId: 1 };
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' | 'allow' }): void {
    this.windowOpenHandler = h;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  asReal(): WebContents {
    return this as unknown as WebContents;
  }
}

export class FakeSession {
  permissionRequest: Listener | undefined;
  permissionCheck: Listener | undefined;
  devicePermission: Listener | undefined;
  beforeRequest: Listener | undefined;
  headersReceived: Listener | undefined;
  certificateVerifyProc: Listener | undefined;
  webRequest = {
    onBeforeRequest: (l: Listener) => {
      this.beforeRequest = l;
    },
    onHeadersReceived: (l: Listener) => {
      this.headersReceived = l;
    },
  };
  setPermissionRequestHandler(h: Listener) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: Listener) {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: Listener) {
    this.devicePermission = h;
  }
  setCertificateVerifyProc(h: Listener) {
    this.certificateVerifyProc = h;
  }
  asReal(): Session {
    return this as unknown as Session;
  }
}

export class FakeApp extends FakeEmitter {
  sandboxEnabled = false;
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  asReal(): App {
    return this as unknown as App;
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, h: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, h);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Invokes a channel as a renderer would, from `sender`'s `frame`. */
  invoke(channel: string, sender: FakeWebContents, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    const event = { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
    return Promise.resolve(h(event, ...args));
  }
  asReal(): Pick<IpcMain, 'handle' | 'removeHandler'> {
    return this as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
  }
}
