// The text of a DOCX this app rendered, read back from its bytes for the self-check after rendering:
// the body's paragraphs, one line each, in document order.
import { strFromU8, unzipSync } from 'fflate';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return entities[name] ?? whole;
  });
}

export function extractDocxText(docx: Uint8Array): string[] {
  const files = unzipSync(docx, { filter: (file) => file.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  if (!xml) return [];
  const paragraphs: string[] = [];
  for (const paragraph of strFromU8(xml).split(/<\/w:p>/)) {
    const text = [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescapeXml(match[1])).join('');
    if (text) paragraphs.push(text);
  }
  return paragraphs;
}
