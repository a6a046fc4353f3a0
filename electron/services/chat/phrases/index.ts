// The UI languages the reader knows, in the order their wordings are tried: English first (most
// phones), then Hindi, then German and Dutch (found in real exports of public parsers' fixtures).
import { de } from './de.js';
import { en } from './en.js';
import { hi } from './hi.js';
import { nl } from './nl.js';
import type { PhraseTable } from './types.js';

export type { EventWording, PhraseTable } from './types.js';

export const PHRASE_TABLES: readonly PhraseTable[] = [en, hi, de, nl];
