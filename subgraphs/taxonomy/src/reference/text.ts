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
  return fold(text).replace(/ /g, '');
}

/** Words of a folded text. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}
