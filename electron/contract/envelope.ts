// The envelope of one call, the same on every transport (Electron IPC, the browser bridge, the
// backend worker): `{ id, name, args }` in, `Result` out, progress tagged with the id.
import { z } from 'zod';

/** Call ids are chosen by the renderer; bounded so a hostile page cannot grow the backend's maps. */
export const CALL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const callRequestSchema = z.object({
  id: z.string().regex(CALL_ID_PATTERN, 'call id: 1–64 letters, digits, _ or -'),
  name: z.string().min(1).max(100),
  args: z.unknown(),
});

export type CallRequest = z.infer<typeof callRequestSchema>;
