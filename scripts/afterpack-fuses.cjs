// electron-builder `afterPack` hook: flips Electron's fuses in the packaged executable, before
// electron-builder signs it (fuses change the binary; signing must come after). Mattermost
// Desktop does the same in scripts/afterpack.js.
//
// CommonJS because electron-builder loads hooks with require(); @electron/fuses is installed
// with electron-builder (app-builder-lib depends on it).
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuse settings, by name (tests read this list). */
const FUSES = {
  // ELECTRON_RUN_AS_NODE would turn Samooh.exe into a general-purpose Node.js.
  RunAsNode: false,
  // Cookies are stored encrypted with the OS key store (the app sets none, but belt and braces).
  EnableCookieEncryption: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would attach a debugger to the main process.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder embeds in the executable…
  EnableEmbeddedAsarIntegrityValidation: true,
  // …and nothing but app.asar is ever loaded (no loose `app/` folder beside it).
  OnlyLoadAppFromAsar: true,
  // Pages come from app://, never file://; file: gets no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
};

function fuseConfig() {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: false };
  for (const [name, value] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`unknown fuse ${name}`);
    config[FuseV1Options[name]] = value;
  }
  return config;
}

/** Where electron-builder put the executable (the same rule it uses for its own fuse step). */
function executablePath(context) {
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[context.electronPlatformName];
  if (ext === undefined) throw new Error(`afterpack-fuses: unknown platform ${context.electronPlatformName}`);
  const name =
    context.electronPlatformName === 'linux'
      ? context.packager.executableName
      : context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, `${name}${ext}`);
}

async function afterPack(context) {
  const exe = executablePath(context);
  await flipFuses(exe, {
    ...fuseConfig(),
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* arm64 */,
  });
  console.log(`afterpack-fuses: fuses flipped in ${exe}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.executablePath = executablePath;
