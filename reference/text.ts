/**
 * Text folding for matching names people type: case-, accent- and punctuation-insensitive.
 * Only Latin combining accents (U+0300–U+036F) are removed — Thai vowel and tone marks are
 * combining characters too, and removing them would merge different words.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** `fold` without any spaces: "Chon Buri", "Chonburi" and "CHON-BURI" share one key. */
export function compactKey(text: string): string {
  let key = compactKeys.get(text);
  if (key === undefined) {
    key = fold(text).replace(/ /g, '');
    // Adapters look up the same few thousand labels (skills, regions, degrees) on every record;
    // Unicode normalisation is the costly part, so keys are remembered, within a bound.
    if (compactKeys.size >= MAX_REMEMBERED_KEYS) compactKeys.clear();
    compactKeys.set(text, key);
  }
  return key;
}
const MAX_REMEMBERED_KEYS = 20_000;
const compactKeys = new Map<string, string>();

/** Words of a folded text. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}
