// What the bundle handlers need from the platform that runs them, configured once at start-up:
// the app passes an OS protector built on Electron's safeStorage and a printToPdf built on
// webContents.printToPDF; the CLI passes a passphrase protector; tests pass doubles. Services
// themselves take these as arguments; only the handler map reads this.
import { AppError } from '../../backend/errors.js';
import type { KeyProtector } from './keys.js';

export type PrintToPdf = (html: string) => Promise<Buffer> | Buffer;

export interface BundlePlatform {
  keyProtector?: KeyProtector;
  printToPdf?: PrintToPdf;
}

let platform: BundlePlatform = {};

export function configureBundlePlatform(p: BundlePlatform): void {
  platform = { ...platform, ...p };
}

export function resetBundlePlatform(): void {
  platform = {};
}

export function platformKeyProtector(): KeyProtector {
  if (!platform.keyProtector) {
    throw new AppError('KEY_LOCKED', 'No way to unlock the district key is configured in this program.');
  }
  return platform.keyProtector;
}

export function platformPrintToPdf(): PrintToPdf {
  if (!platform.printToPdf) throw new AppError('INTERNAL', 'Printing to PDF is not available in this program.');
  return platform.printToPdf;
}
