// Building blocks of the charts: XML escaping and elements for their SVG, text width and wrapping.

/** Named first so the PDF and DOCX renderers, which embed Noto, find it; the rest cover other scripts. */
export const chartFontFamily = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Ethiopic', sans-serif";

export const ink = '#1b1f24';
export const mutedInk = '#4a5560';
export const gridLine = '#c9d1d9';

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Whether XML 1.0 can hold the character at all. */
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

/** Text safe in XML content and in attribute values. Characters XML 1.0 cannot hold at all
 * (control characters, unpaired surrogates) are dropped or replaced, so a stray one in a guide
 * text cannot make the whole chart unreadable. */
export function escapeXml(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // Iterating by code point leaves an unpaired surrogate on its own.
    if (code >= 0xd800 && code <= 0xdfff) out += '\uFFFD';
    else if (isXmlChar(code)) out += xmlEntities[char] ?? char;
  }
  return out;
}

/** Coordinates with at most two decimals: smaller files, and the same output on every machine. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export type Attributes = Record<string, string | number | undefined | null | false>;

function attributeString(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(String(value))}"`)
    .join('');
}

/** An element; children are XML already built (escape text with `escapeXml`). */
export function el(name: string, attributes: Attributes = {}, ...children: string[]): string {
  const content = children.join('');
  return content ? `<${name}${attributeString(attributes)}>${content}</${name}>` : `<${name}${attributeString(attributes)}/>`;
}

/** Rough advance widths of Noto Sans in ems; good enough to lay out labels without measuring. */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x1100) return 1; // CJK, Ethiopic and other wide scripts
  if (' '.includes(char)) return 0.26;
  if ('iljtfrI.,:;!|\'()[]'.includes(char)) return 0.3;
  if ('mwMW'.includes(char)) return 0.86;
  if (char >= 'A' && char <= 'Z') return 0.66;
  if (char >= '0' && char <= '9') return 0.57;
  return 0.55;
}

export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize;
}

/** Breaks a label into lines no wider than maxWidth; past maxLines the last line ends with "…". */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  // A tenth to spare: the estimate is rough, and a label must never run into the bars.
  const fits = (line: string) => estimateTextWidth(line, fontSize) * 1.1 <= maxWidth;
  const lines: string[] = [];
  let current = '';
  const pieces = text.trim().split(/\s+/).filter(Boolean);
  for (const word of pieces) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    // A word longer than the line is broken where it has to be.
    let rest = word;
    while (!fits(rest)) {
      let cut = 1;
      const chars = [...rest];
      while (cut < chars.length && fits(chars.slice(0, cut + 1).join(''))) cut++;
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    current = rest;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (!fits(last) && last.length > 1) last = `${[...last].slice(0, -2).join('')}…`;
  kept[maxLines - 1] = last;
  return kept;
}
