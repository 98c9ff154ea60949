// Both renderers draw the consultancy's logo, PNG or SVG, from the document model alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkLogo } from '../../src-main/core/logo';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { renderDocx } from '../../src-main/reports/docx/render-docx';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { pdfContents } from '../fixtures/pdf-contents';
import { appRoot, fixtureReportData, fontDir } from '../fixtures/report-fixture';

const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGP4z8DAwPAfAAcAAf9+CLHQAAAAAElFTkSuQmCC';
const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30"><rect width="90" height="30" fill="#1f4e79"/></svg>').toString('base64')}`;

function documentWithLogo(dataUrl: string) {
  const file = path.join(appRoot, 'templates', 'reports', 'action-plan.json');
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error('action-plan.json is not valid');
  const logo = checkLogo(dataUrl);
  if (!logo.ok) throw new Error(logo.message);
  const data = fixtureReportData();
  data.branding.logo = logo.logo;
  return buildReportDocument(parsed.template, data);
}

describe.each([
  ['PNG', png, 'image/png'],
  ['SVG', svg, 'image/svg+xml'],
])('a %s logo', (_format, dataUrl, contentType) => {
  const document = documentWithLogo(dataUrl);

  it('leads the cover, at 48 points high', () => {
    expect(document.blocks[0]).toMatchObject({ kind: 'logo', height: 48 });
  });

  it('is drawn in the PDF', async () => {
    const pdf = await renderPdf(document, loadReportFonts(fontDir));
    // A PNG becomes an image; an SVG becomes drawing operators (the blue of its rectangle).
    if (contentType === 'image/png') expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    else expect(pdfContents(pdf)).toMatch(/0\.12\d* 0\.30\d* 0\.47\d* (scn|rg)/);
  });

  it('is in the DOCX as an image part', async () => {
    const files = unzipSync(await renderDocx(document, { fontDir }));
    const types = strFromU8(files['[Content_Types].xml']);
    expect(types).toContain(contentType === 'image/png' ? 'png' : 'svg');
    expect(Object.keys(files).some((name) => name.startsWith('word/media/'))).toBe(true);
  });
});
