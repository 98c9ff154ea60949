// The characters fontkit draws as an empty space of no advance (its default-ignorable ones), which
// the PDF's text layer therefore does not hold as themselves.
/**
 * fontkit's LayoutEngine.isDefaultIgnorable (the characters it draws as an empty space). A copy,
 * because fontkit's lives on a font's layout engine, whose creation decodes the GSUB and GPOS
 * tables that plain-words.ts exists to leave alone; tests/unit/report-plain-words.test.ts compares
 * both for every code point.
 */
export function isDefaultIgnorable(ch: number): boolean {
  const plane = ch >> 16;
  if (plane === 0) {
    switch (ch >> 8) {
      case 0x00:
        return ch === 0x00ad;
      case 0x03:
        return ch === 0x034f;
      case 0x06:
        return ch === 0x061c;
      case 0x17:
        return 0x17b4 <= ch && ch <= 0x17b5;
      case 0x18:
        return 0x180b <= ch && ch <= 0x180e;
      case 0x20:
        return (0x200b <= ch && ch <= 0x200f) || (0x202a <= ch && ch <= 0x202e) || (0x2060 <= ch && ch <= 0x206f);
      case 0xfe:
        return (0xfe00 <= ch && ch <= 0xfe0f) || ch === 0xfeff;
      case 0xff:
        return 0xfff0 <= ch && ch <= 0xfff8;
      default:
        return false;
    }
  }
  if (plane === 0x01) return (0x1bca0 <= ch && ch <= 0x1bca3) || (0x1d173 <= ch && ch <= 0x1d17a);
  if (plane === 0x0e) return 0xe0000 <= ch && ch <= 0xe0fff;
  return false;
}

/** The text without the characters fontkit draws as nothing (the text itself when it has none, as
 * nearly every text has: the self-check asks this of every word of a report). */
export function withoutDefaultIgnorables(text: string): string {
  let has = false;
  for (let i = 0; i < text.length && !has; i++) has = isDefaultIgnorable(text.codePointAt(i)!);
  if (!has) return text;
  let kept = '';
  for (const char of text) if (!isDefaultIgnorable(char.codePointAt(0)!)) kept += char;
  return kept;
}
