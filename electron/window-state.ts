// Remembers the main window's size and position in <userData>/window-state.json. A saved
// position is used only if it is still visible on a connected display (a laptop undocked from
// its second monitor must not open Samooh off-screen).
import type { BrowserWindow, Rectangle } from 'electron';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 700;

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1366, height: 768, maximized: false };

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive().max(20000),
  height: z.number().int().positive().max(20000),
  maximized: z.boolean().default(false),
});

/** How much of the window must lie on some display for its saved position to be kept. */
const VISIBLE_W = 200;
const VISIBLE_H = 100;

function overlap(a: Rectangle, b: Rectangle): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

/** Reads the saved state (any damage → defaults), fitted to the displays' work areas. */
export function loadWindowState(file: string, workAreas: Rectangle[]): WindowState {
  let state: WindowState = { ...DEFAULT_WINDOW_STATE };
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) state = parsed.data;
  } catch {
    /* missing or unreadable: first run */
  }
  const largest = workAreas.reduce<Rectangle | undefined>(
    (best, a) => (!best || a.width * a.height > best.width * best.height ? a : best),
    undefined,
  );
  // Never smaller than the minimum, never larger than the biggest display.
  state.width = Math.max(MIN_WIDTH, largest ? Math.min(state.width, largest.width) : state.width);
  state.height = Math.max(MIN_HEIGHT, largest ? Math.min(state.height, largest.height) : state.height);
  if (state.x !== undefined && state.y !== undefined) {
    const rect = { x: state.x, y: state.y, width: state.width, height: state.height };
    const visible = workAreas.some((a) => {
      const o = overlap(rect, a);
      return o.w >= Math.min(VISIBLE_W, rect.width) && o.h >= Math.min(VISIBLE_H, rect.height);
    });
    if (!visible) {
      delete state.x;
      delete state.y;
    }
  } else {
    delete state.x;
    delete state.y;
  }
  return state;
}

/** Written to a temp file and renamed, so a crash never leaves half a JSON file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, file);
}

/** Saves the window's normal (un-maximised) bounds when it moves, resizes or closes. */
export function trackWindowState(
  win: Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>,
  file: string,
  save: (file: string, state: WindowState) => void = saveWindowState,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const snapshot = () => {
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    try {
      save(file, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
    } catch {
      /* a read-only profile folder must not stop the app */
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(snapshot, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    if (timer) clearTimeout(timer);
    snapshot();
  });
}
