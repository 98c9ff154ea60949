// Adapts an SVG logo to what pdfkit's SVG reader (svg-to-pdfkit) understands (the charts are drawn
// without it, by pdf-chart.ts): it knows bold only by the word "bold", and it ignores paint-order,
// so a text with a white halo drawn under it (paint-order="stroke") would come out white. Such a
// text is split into the halo, then the text.
// It also tells which styles of the text font an SVG's text needs, so that those are loaded.
import type { FontStyle } from '../fonts';

const textElement = /<text\b([^>]*)>([\s\S]*?)<\/text>/g;
const attribute = (name: string) => new RegExp(`\\s${name}="[^"]*"`, 'g');

function withoutAttributes(attributes: string, names: string[]): string {
  return names.reduce((rest, name) => rest.replace(attribute(name), ''), attributes);
}

export function svgForPdf(svg: string): string {
  return svg
    .replace(/\sfont-weight="(?:[6-9]00|bolder)"/g, ' font-weight="bold"')
    .replace(textElement, (whole, attributes: string, content: string) => {
      if (!/\spaint-order="stroke[^"]*"/.test(attributes)) return whole;
      const plain = withoutAttributes(attributes, ['paint-order']);
      const halo = `<text${withoutAttributes(plain, ['fill'])} fill="none">${content}</text>`;
      const text = `<text${withoutAttributes(plain, ['stroke', 'stroke-width', 'stroke-linejoin'])}>${content}</text>`;
      return halo + text;
    });
}

const boldMark = /font-weight\s*(?:=\s*["']|:)\s*(?:bold|bolder|[6-9]00)\b/;
const italicMark = /font-style\s*(?:=\s*["']|:)\s*(?:italic|oblique)\b/;
const allStyles: FontStyle[] = ['normal', 'bold', 'italics', 'bolditalics'];

/**
 * The styles of the text font that the SVG's text is drawn in: a text is bold or italic when it or
 * an element around it says so. It may name a style the SVG does not need, never miss one: an SVG
 * it cannot follow (an element closed that was never opened) needs every style.
 */
export function svgTextStyles(svg: string): FontStyle[] {
  const styles = new Set<FontStyle>();
  const open: { bold: boolean; italic: boolean }[] = [{ bold: false, italic: false }];
  for (const [, closing, name, attributes, selfClosing] of svg.matchAll(/<(\/?)([\w:.-]+)([^>]*?)(\/?)>/g)) {
    if (closing) {
      if (open.length === 1) return allStyles;
      open.pop();
      continue;
    }
    const around = open[open.length - 1];
    const look = { bold: around.bold || boldMark.test(attributes), italic: around.italic || italicMark.test(attributes) };
    if (/^(?:text|tspan|textPath)$/.test(name)) styles.add(look.bold ? (look.italic ? 'bolditalics' : 'bold') : look.italic ? 'italics' : 'normal');
    if (!selfClosing) open.push(look);
  }
  return open.length === 1 ? [...styles] : allStyles;
}
