// Every call the backend answers, with the zod schema of its arguments: the contract both sides
// compile against (STYLE habit 2). The backend implements each name once
// (electron/backend/handlers/*.ts; the compiler refuses a missing or extra one); the renderer
// checks what it sends against the same schemas and imports the results' types from the handler
// map (type-only).
import type { z } from 'zod';
import { appCalls } from './app.js';
import { backupCalls } from './backup.js';
import { bundleCalls } from './bundle.js';
import { chatCalls } from './chat.js';
import { complianceCalls } from './compliance.js';
import { privacyCalls } from './privacy.js';
import { editCalls } from './edits.js';
import { listCalls } from './lists.js';
import { registerIoCalls } from './register-io.js';
import { registerCalls } from './register.js';
import { hqCalls } from './hq.js';

export const CALLS = {
  ...appCalls,
  ...registerCalls,
  ...editCalls,
  ...complianceCalls,
  ...registerIoCalls,
  ...bundleCalls,
  ...privacyCalls,
  ...backupCalls,
  ...chatCalls,
  ...listCalls,
  ...hqCalls,
};

export type Calls = typeof CALLS;
export type CallName = keyof Calls;
/** What a caller passes (before defaults and transforms). */
export type CallArgs<K extends CallName> = z.input<Calls[K]>;
/** What the handler receives (after validation). */
export type CallInput<K extends CallName> = z.output<Calls[K]>;
