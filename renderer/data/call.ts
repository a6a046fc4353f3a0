// The one place screens reach the backend: `call('units.list', { type: 'thana' })` returns the
// typed result or throws ApiErrorData. Names, arguments and results are checked by the
// compiler against the handler map's type. The transport (Electron IPC or the browser
// harness) is the API client's business (renderer/api); this file only adapts its shape.
import type { ArgsOf, ResultOf } from '../../electron/backend/define.js';
import type { HandlerName, Handlers } from '../../electron/backend/handlers.js';
import type { SamoohBridge } from '../../electron/ipc-contract.js';

export type Args<K extends HandlerName> = ArgsOf<Handlers, K>;
export type Res<K extends HandlerName> = ResultOf<Handlers, K>;

declare global {
  interface Window {
    samooh?: SamoohBridge;
  }
}

export async function call<K extends HandlerName>(name: K, args: Args<K>): Promise<Res<K>> {
  const bridge = window.samooh;
  if (!bridge) throw { code: 'TRANSPORT', message: 'No connection to the Samooh backend' };
  const r = await bridge.call(name, args);
  if (!r.ok) throw r.error;
  return r.value as Res<K>;
}
