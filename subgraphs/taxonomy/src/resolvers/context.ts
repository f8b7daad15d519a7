import { localize, parseLang, type Lang, type LocalizedText } from '../../../../reference/index.js';

/** What the taxonomy resolvers need from the request: the language of Accept-Language. */
export interface TaxonomyContext {
  lang?: Lang;
}

/** Arguments of every field taking a language. */
export interface LangArgs {
  lang?: string | null;
}

/**
 * A label in the language asked for: the `lang` argument when given, else the request's
 * Accept-Language, else English. A language we have no label in (or do not know, like "fr")
 * answers in English with `isFallback` set, never with null.
 */
export function labelIn(
  labels: Partial<Record<Lang, string>>,
  english: string,
  args: LangArgs,
  ctx: TaxonomyContext,
): LocalizedText {
  if (args.lang === undefined || args.lang === null) return localize(labels, english, ctx.lang ?? 'en');
  const lang = parseLang(args.lang);
  return lang ? localize(labels, english, lang) : { text: english, language: 'en', isFallback: true };
}
