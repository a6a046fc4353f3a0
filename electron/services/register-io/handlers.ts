// Handlers of this domain, merged into the one map in electron/backend/handlers.ts.
import type { HandlerMapShape } from '../../backend/define.js';

export const registerIoHandlers = {} satisfies HandlerMapShape;
