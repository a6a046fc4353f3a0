// bagit.txt: the bag declaration (RFC 8493 §2.1.1).
import { BAGIT, bagInfoValue, parseBagInfo } from '../bagit.js';
import { problem, type VerifyProblem } from './report.js';

export function checkBagitTxt(text: string | undefined): VerifyProblem[] {
  if (text === undefined) return [problem('bagit_txt_missing', 'bagit.txt is missing', BAGIT)];
  const info = parseBagInfo(text);
  const version = bagInfoValue(info, 'BagIt-Version');
  const enc = bagInfoValue(info, 'Tag-File-Character-Encoding');
  if (info.errors.length || version !== '1.0' || typeof enc !== 'string' || enc.toUpperCase() !== 'UTF-8') {
    return [problem('bagit_txt_invalid', 'bagit.txt must declare BagIt-Version 1.0 and UTF-8', BAGIT)];
  }
  return [];
}
