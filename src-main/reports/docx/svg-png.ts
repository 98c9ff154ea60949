// PNGs of the SVG charts, for Word versions that cannot show SVG: drawn by resvg with the report's
// own fonts only (no system fonts, so every machine draws the same), on the thread pool.
import { renderAsync } from '@resvg/resvg-js';
import path from 'node:path';

const arabic = /[\u0600-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const ethiopic = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/u;

/** resvg reads its fonts for every picture, so it gets only those the picture's text needs. */
function fontsFor(svg: string, fontDir: string): string[] {
  const names = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSans-Italic.ttf'];
  if (arabic.test(svg)) names.push('NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf');
  if (ethiopic.test(svg)) names.push('NotoSansEthiopic-Regular.ttf', 'NotoSansEthiopic-Bold.ttf');
  return names.map((name) => path.join(fontDir, name));
}

export async function svgToPng(svg: string, widthPixels: number, fontDir: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round(widthPixels) },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: fontsFor(svg, fontDir), defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
  });
  return image.asPng();
}
