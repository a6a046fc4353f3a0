// electron-builder.yml: parses, passes electron-builder's own schema, and says what the issue
// asks (per-user NSIS x64, Samooh, icons, asar with better-sqlite3 unpacked, fuses flipped).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../..');
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  extraMetadata: { main: string };
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  afterPack: string;
  win: { target: { target: string; arch: string[] }[]; icon: string };
  nsis: Record<string, unknown>;
}

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, log: unknown): Promise<void>;
    };
    await expect(validateConfiguration(config, { add() {}, isEnabled: false })).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: false } }, { add() {}, isEnabled: false }),
    ).rejects.toThrow();
  });

  it('builds a per-user NSIS installer for x64 named Samooh', () => {
    expect(config.productName).toBe('Samooh');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      deleteAppDataOnUninstall: false,
    });
  });

  it('packs dist/ and package.json into asar, with better-sqlite3 unpacked and no native rebuild', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'dist/node/**', 'dist/preload/**', 'dist/renderer/**']),
    );
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    // better-sqlite3 13 is Node-API: its prebuilt win32-x64.node loads in Electron as it is.
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    const prebuilds = path.join(root, 'node_modules/better-sqlite3/prebuilds');
    expect(existsSync(path.join(prebuilds, 'win32-x64.node'))).toBe(true);
    expect(config.files).toContain('!**/node_modules/better-sqlite3/prebuilds/{darwin,linux,linuxmusl}-*.node');
    // the packaged main is the file scripts/build.mjs writes, and main.ts finds the preload there
    expect(config.extraMetadata.main).toBe('dist/node/main.js');
    expect(readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8')).toContain("main: 'electron/main.ts'");
    expect(readFileSync(path.join(root, 'electron/main.ts'), 'utf8')).toContain("'dist', 'preload', 'preload.cjs'");
  });

  it('has icons in build/: a 512 px PNG and an ICO up to 256 px', () => {
    expect(config.directories.buildResources).toBe('build');
    const png = readFileSync(path.join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = readFileSync(path.join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(config.nsis.installerIcon).toBe('build/icon.ico');
  });

  it('keeps the committed icons identical to what scripts/make-icons.mjs draws', async () => {
    const script = pathToFileURL(path.join(root, 'scripts/make-icons.mjs')).href;
    const { iconFiles } = (await import(script)) as { iconFiles(): Record<string, Buffer> };
    for (const [name, data] of Object.entries(iconFiles())) {
      expect(readFileSync(path.join(root, 'build', name)).equals(data), name).toBe(true);
    }
  });
});

describe('fuses (scripts/afterpack-fuses.cjs)', () => {
  const hook = require(path.join(root, 'scripts/afterpack-fuses.cjs')) as {
    FUSES: Record<string, boolean>;
    fuseConfig(): Record<string, unknown>;
    executablePath(ctx: unknown): string;
  };

  it('is the afterPack hook', () => {
    expect(config.afterPack).toBe('scripts/afterpack-fuses.cjs');
    expect(existsSync(path.join(root, config.afterPack))).toBe(true);
  });

  it('flips the fuses the checklist asks for', () => {
    expect(hook.FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('maps them onto @electron/fuses wire positions', () => {
    const { FuseV1Options, FuseVersion } = require('@electron/fuses') as {
      FuseV1Options: Record<string, number>;
      FuseVersion: { V1: string };
    };
    const c = hook.fuseConfig();
    expect(c.version).toBe(FuseVersion.V1);
    expect(c[FuseV1Options.RunAsNode!]).toBe(false);
    expect(c[FuseV1Options.OnlyLoadAppFromAsar!]).toBe(true);
    expect(c[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]).toBe(true);
    expect(c[FuseV1Options.GrantFileProtocolExtraPrivileges!]).toBe(false);
  });

  it('finds the Windows executable where electron-builder writes it', () => {
    const ctx = {
      electronPlatformName: 'win32',
      appOutDir: '/out/win-unpacked',
      packager: { appInfo: { productFilename: 'Samooh' } },
    };
    expect(hook.executablePath(ctx)).toBe(path.join('/out/win-unpacked', 'Samooh.exe'));
    expect(() => hook.executablePath({ ...ctx, electronPlatformName: 'amiga' })).toThrow();
  });
});
