// Text keys for matching what people type against known words (headers, enumerations).

/**
 * "Mobile No." → "mobileno", "मोबाइल नं." → "मोबाइलनं", "गाँव" → "गांव". Used for headers, sheet
 * names and enumerated values (unit types, kinds, categories, genders).
 */
export function matchKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u0901/g, '\u0902') // chandrabindu → anusvara (गाँव = गांव)
    .replace(/\u093c/g, '') // nukta (फ़ोन = फोन)
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
