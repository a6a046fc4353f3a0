// The renderer build. Pages load from `app://samooh/` in Electron and from the loopback harness
// in the browser, so every asset URL is relative (`base: './'`). The CSP is strict
// (`default-src 'self'`): Vite must not inline scripts, and small assets are emitted as files
// rather than data: URLs so fonts and images stay under 'self'.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
