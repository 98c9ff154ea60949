// A report whose text cannot be typeset (layout-fallback.ts) is refused with its own code: the
// reports screen says so in the user's language, names the text with advice the user can follow for
// an issued revision too, and shows neither the server's English sentence nor the library's error.
import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { untypesetText } from '../../src-main/reports/layout-fallback';
import { ApiError } from '../../src-renderer/lib/api/client';
import { errorText, fieldErrors } from '../../src-renderer/lib/errors';
import { en } from '../../src-renderer/i18n/en';
import { nb } from '../../src-renderer/i18n/nb';

// The API client module picks its transport from the window when loaded: an unused bridge here.
vi.hoisted(() => Object.assign(globalThis, { window: { kartlegg: {} } }));

async function translator(language: 'nb' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ resources: { nb: { translation: nb }, en: { translation: en } }, lng: language, interpolation: { escapeValue: false } });
  return i18n.t;
}

const text = 'Merket ĽAVff\u0323 på verkstedet';
const refusal = () => new ApiError(untypesetText(text, 'NotoSans-Bold').toData());

describe('a report text that cannot be typeset', () => {
  it.each([
    ['nb', 'Rapportfilen ble ikke laget', 'DOCX', 'kundestøtte'],
    ['en', 'The report file was not made', 'DOCX', 'support'],
  ] as const)('%s: the error and its problem in the user\'s language, with the text', async (language, general, docx, support) => {
    const t = await translator(language);
    const error = refusal();
    expect(error.code).toBe('report_not_typeset');
    const said = errorText(t, error);
    expect(said).toContain(general);
    expect(said).not.toContain('cannot be typeset in the font');
    expect(said).not.toContain('unexpected');
    const problem = fieldErrors(t, error).text;
    expect(problem).toContain(docx);
    expect(problem).toContain(support);
    expect(problem).not.toMatch(/list below|listen under/);
    expect(error.issues[0].message).toBe(`"${text}"`);
  });
});
