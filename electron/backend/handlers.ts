// The one handler map (STYLE habit 1): every domain's `name → { schema, run }` merged here.
// Electron IPC, the browser harness and the CLI all dispatch into this object; the renderer
// imports only its *type* (`Api`).
import type { ApiOf, HandlerMapShape } from './define.js';
import { appHandlers } from '../services/app/handlers.js';
import { registerHandlers } from '../services/register/handlers.js';
import { complianceHandlers } from '../services/compliance/handlers.js';
import { registerIoHandlers } from '../services/register-io/handlers.js';
import { bundleHandlers } from '../services/bundle/handlers.js';

export const handlers = {
  ...appHandlers,
  ...registerHandlers,
  ...complianceHandlers,
  ...registerIoHandlers,
  ...bundleHandlers,
} satisfies HandlerMapShape;

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;
export type Api = ApiOf<Handlers>;
