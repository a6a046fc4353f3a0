// The window remembers its size and position, and never comes back off-screen or too small.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  saveWindowState,
  trackWindowState,
  type WindowState,
} from '../../../electron/window-state.js';
import { tempDir } from '../../fixtures/temp.js';
import { FakeEmitter } from './fakes.js';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('window state', () => {
  it('starts at the default size on first run', () => {
    expect(loadWindowState(path.join(tempDir(), 'window-state.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('round-trips size, position and maximised', () => {
    const file = path.join(tempDir(), 'window-state.json');
    const state: WindowState = { x: 100, y: 50, width: 1400, height: 900, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file, screen)).toEqual(state);
  });

  it('drops a position that is no longer on any display (monitor unplugged)', () => {
    const file = path.join(tempDir(), 'window-state.json');
    saveWindowState(file, { x: 2500, y: 100, width: 1200, height: 800, maximized: false });
    const s = loadWindowState(file, screen);
    expect(s.x).toBeUndefined();
    expect(s.y).toBeUndefined();
    expect(s.width).toBe(1200);
  });

  it('keeps the minimum 1024×700 and fits the largest display', () => {
    const file = path.join(tempDir(), 'window-state.json');
    saveWindowState(file, { x: 0, y: 0, width: 300, height: 200, maximized: false });
    expect(loadWindowState(file, screen)).toMatchObject({ width: 1024, height: 700 });
    saveWindowState(file, { x: 0, y: 0, width: 5000, height: 4000, maximized: false });
    expect(loadWindowState(file, screen)).toMatchObject({ width: 1920, height: 1040 });
  });

  it('ignores a damaged file', () => {
    const file = path.join(tempDir(), 'window-state.json');
    writeFileSync(file, '{"width": "wide"');
    expect(loadWindowState(file, screen)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, JSON.stringify({ width: -5, height: 1e9 }));
    expect(loadWindowState(file, screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('saves the normal bounds when the window closes and after it moves', () => {
    vi.useFakeTimers();
    try {
      const file = path.join(tempDir(), 'window-state.json');
      const win = Object.assign(new FakeEmitter(), {
        getNormalBounds: () => ({ x: 10, y: 20, width: 1300, height: 800 }),
        isMaximized: (): boolean => false,
        isDestroyed: () => false,
      });
      trackWindowState(win as never, file);
      win.emit('move');
      vi.advanceTimersByTime(600);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        x: 10,
        y: 20,
        width: 1300,
        height: 800,
        maximized: false,
      });
      win.getNormalBounds = () => ({ x: 30, y: 40, width: 1500, height: 900 });
      win.isMaximized = () => true;
      win.emit('close');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        x: 30,
        y: 40,
        width: 1500,
        height: 900,
        maximized: true,
      });
    } finally {
      vi.useRealTimers();
    }
  });
});
