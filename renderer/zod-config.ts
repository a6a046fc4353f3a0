// Zod's object parser compiles a fast path with `new Function` when the page allows eval. Our
// Content-Security-Policy does not (script-src 'self'), so the probe itself is a CSP violation
// reported on every start. Jitless parsing never probes. Imported first by main.tsx, before any
// module that could parse at load time.
import { z } from 'zod';

z.config({ jitless: true });
