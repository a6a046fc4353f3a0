// The one handler map (STYLE habit 1): every domain's implementations merged here. Electron IPC,
// the browser harness and the CLI all dispatch into this object (inside the backend worker); the
// renderer imports only its *type* (`Api`).
import type { CallName } from '../contract/calls/index.js';
import type { ApiOf, HandlerMapShape } from './define.js';
import { appHandlers } from './handlers/app.js';
import { backupHandlers } from './handlers/backup.js';
import { bundleHandlers } from './handlers/bundle.js';
import { chatHandlers } from './handlers/chat.js';
import { complianceHandlers } from './handlers/compliance.js';
import { privacyHandlers } from './handlers/privacy.js';
import { editHandlers } from './handlers/edits.js';
import { listHandlers } from './handlers/lists.js';
import { registerIoHandlers } from './handlers/register-io.js';
import { registerHandlers } from './handlers/register.js';
import { hqHandlers } from './handlers/hq.js';

export const handlers = {
  ...appHandlers,
  ...registerHandlers,
  ...editHandlers,
  ...complianceHandlers,
  ...registerIoHandlers,
  ...bundleHandlers,
  ...privacyHandlers,
  ...backupHandlers,
  ...chatHandlers,
  ...listHandlers,
  ...hqHandlers,
} satisfies HandlerMapShape;

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;
export type Api = ApiOf<Handlers>;

// Every call the contract declares is implemented, and nothing else is: a missing or extra name
// is a compile error here.
type Missing = Exclude<CallName, HandlerName>;
type Extra = Exclude<HandlerName, CallName>;
const complete: [Missing, Extra] extends [never, never] ? true : { missing: Missing; extra: Extra } = true;
void complete;
