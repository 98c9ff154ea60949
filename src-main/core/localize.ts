// Text per language and the pick of one language from it: free of the guide's zod schema, so the
// renderer's screens can show guide texts without loading zod.

/** Text in several languages, keyed by language code. */
export type LocalizedText = Record<string, string>;

/** A text in the wanted language, else the source language, else whatever there is. */
export function localize(text: LocalizedText, language: string, fallback = 'nb'): string {
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
