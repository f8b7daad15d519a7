/** Languages the reference data has labels in. English is always present and is the fallback. */
export type Lang = 'en' | 'id' | 'ms' | 'th';
export const LANGS: readonly Lang[] = ['en', 'id', 'ms', 'th'];

/** A label with the language it is actually in; `isFallback` when English stood in. */
export interface LocalizedText {
  text: string;
  language: Lang;
  isFallback: boolean;
}

/**
 * The language a caller asked for, from a BCP 47 tag ("th", "th-TH", "ms-MY", "in"): its primary
 * subtag when we know it, else undefined. `in` is the withdrawn ISO 639 code for Indonesian
 * that some Android and Java stacks still send.
 */
export function parseLang(tag: string | undefined | null): Lang | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'in') return 'id';
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : undefined;
}

/** The label in `lang` when there is one, else English, saying which it is. */
export function localize(labels: Partial<Record<Lang, string>>, english: string, lang: Lang): LocalizedText {
  const text = lang === 'en' ? english : labels[lang];
  if (text) return { text, language: lang, isFallback: false };
  return { text: english, language: 'en', isFallback: lang !== 'en' };
}
