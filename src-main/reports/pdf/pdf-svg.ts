// Adapts a chart's SVG to what pdfkit's SVG reader (svg-to-pdfkit) understands: it knows bold only
// by the word "bold", and it ignores paint-order, so a text with a white halo drawn under it
// (paint-order="stroke") would come out white. Such a text is split into the halo, then the text.

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
