// One interview guide: its scales, factors and questions, with two of its languages side by side.
import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Guide, GuideFactor } from '../../../src-main/core/guide';
import { localize, type LocalizedText } from '../../../src-main/core/localize';
import { languageName, languageWithNativeName, textDirection } from '../../../src-main/core/languages';
import { formatScore } from '../../../src-main/core/score-format';
import { useNavigation } from '../../app/navigation';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiQuery } from '../../lib/api/use-api';
import { TranslationReview } from './TranslationReview';

/** The two languages shown first: the consultant's bokmål and English when the guide has them. */
function defaultLanguages(guide: Guide): [string, string] {
  const codes = guide.languages.map((l) => l.code);
  const first = codes.includes('nb') ? 'nb' : codes[0];
  const second = codes.includes('en') && first !== 'en' ? 'en' : (codes.find((c) => c !== first) ?? first);
  return [first, second];
}

/** A guide text in one language, marked with its language and direction; a missing one says so. */
function InLanguage({ text, code, as: Tag = 'span' }: { text: LocalizedText; code: string; as?: 'span' | 'p' | 'td' }) {
  const { t } = useTranslation();
  const value = text[code];
  if (value === undefined) return <Tag className="muted">{t('guides.missingText')}</Tag>;
  return (
    <Tag lang={code} dir={textDirection(code)}>
      {value}
    </Tag>
  );
}

function LanguagePicker({ label, value, guide, onChange }: { label: string; value: string; guide: Guide; onChange(code: string): void }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {guide.languages.map((language) => (
          <option key={language.code} value={language.code}>
            {languageWithNativeName(language.code, ui)} ({t(`guides.translation.${language.status}`)})
          </option>
        ))}
      </select>
    </div>
  );
}

function thresholdText(t: TFunction, factor: GuideFactor, locale: string): string {
  const format = (value: number) => formatScore(value, { locale, decimals: Number.isInteger(value) ? 0 : 1 });
  const values = { lower: format(factor.thresholds.lower), upper: format(factor.thresholds.upper) };
  return factor.direction === 'higherIsBetter' ? t('guides.thresholdsBetter', values) : t('guides.thresholdsWorse', values);
}

function FactorSection({ guide, factor, languages }: { guide: Guide; factor: GuideFactor; languages: [string, string] }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const headingId = useId();
  const items = guide.items.filter((item) => item.factor === factor.id);
  const legal = factor.legalBasis.map((id) => guide.legalReferences.find((ref) => ref.id === id)).filter((ref) => ref !== undefined);
  const scales = new Map(guide.scales.map((scale) => [scale.id, scale]));
  return (
    <section className="guide-factor" aria-labelledby={headingId}>
      <h3 id={headingId}>{localize(factor.title, ui)}</h3>
      <div className="side-by-side">
        {languages.map((code, i) => (
          <div key={`${i}-${code}`} className="side">
            <p className="side-title">
              <InLanguage text={factor.title} code={code} />
            </p>
            <InLanguage text={factor.description} code={code} as="p" />
          </div>
        ))}
      </div>
      <dl className="facts">
        <dt>{t('guides.direction')}</dt>
        <dd>{t(`guides.directionValue.${factor.direction}`)}</dd>
        <dt>{t('guides.thresholds')}</dt>
        <dd>{thresholdText(t, factor, ui)}</dd>
        <dt>{t('guides.legalBasis')}</dt>
        <dd>
          <ul className="plain-list">
            {legal.map((ref) => (
              <li key={ref.id}>
                <cite lang="nb">{ref.citation}</cite> – {localize(ref.title, ui)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('guides.measures')}</dt>
        <dd>
          {factor.measures.length ? (
            <ul className="plain-list">
              {factor.measures.map((measure) => (
                <li key={measure.id}>{localize(measure.text, ui)}</li>
              ))}
            </ul>
          ) : (
            t('guides.noMeasures')
          )}
        </dd>
      </dl>
      <table className="data-table guide-items">
        <caption>{t('guides.items', { factor: localize(factor.title, ui) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('guides.itemNumber')}</th>
            {languages.map((code, i) => (
              <th scope="col" key={`${i}-${code}`}>
                {t('guides.itemIn', { language: languageName(code, ui) })}
              </th>
            ))}
            <th scope="col">{t('guides.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const scale = scales.get(item.scale);
            return (
              <tr key={item.id} className={item.reverse ? 'reverse-item' : undefined}>
                <th scope="row">{guide.items.indexOf(item) + 1}</th>
                {languages.map((code, i) => (
                  <InLanguage key={`${i}-${code}`} text={item.text} code={code} as="td" />
                ))}
                <td className="item-notes">
                  {scale ? <div>{t('guides.scale', { scale: t(`guides.scaleKind.${scale.kind}`) })}</div> : null}
                  {item.reverse ? (
                    <div className="reverse-mark">
                      <span aria-hidden="true">⇅ </span>
                      <strong>{t('guides.reverse')}</strong> <span className="muted">{t('guides.reverseHint')}</span>
                    </div>
                  ) : null}
                  {item.followUp.length ? (
                    <div className="follow-up">
                      <span className="follow-up-title">
                        <span aria-hidden="true">? </span>
                        {t('guides.followUp')}
                      </span>
                      <ul className="plain-list">
                        {item.followUp.map((prompt, p) => (
                          <li key={p}>{localize(prompt, ui)}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function ScalesSection({ guide, languages }: { guide: Guide; languages: [string, string] }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <section aria-labelledby="guide-scales-title">
      <h2 id="guide-scales-title">{t('guides.scales')}</h2>
      <div className="scale-tables">
        {guide.scales.map((scale) => (
          <table key={scale.id} className="data-table">
            <caption>{t(`guides.scaleKind.${scale.kind}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('guides.scaleValue')}</th>
                {languages.map((code, i) => (
                  <th scope="col" key={`${i}-${code}`}>
                    {languageName(code, ui)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {scale.points.map((point) => (
                <tr key={point.value}>
                  <th scope="row">{point.value}</th>
                  {languages.map((code, i) => (
                    <InLanguage key={`${i}-${code}`} text={point.label} code={code} as="td" />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}

export function GuideScreen({ guideId, version }: { guideId: string; version: string }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const go = useNavigation((s) => s.go);
  const { data: guide, errorMessage, reload } = useApiQuery('guides.get', { id: guideId, version });
  // The languages side by side: the guide's defaults until the user picks others.
  const [picked, setLanguages] = useState<[string, string] | null>(null);

  if (errorMessage) return <LoadError message={errorMessage} onRetry={() => void reload()} />;
  if (!guide) return <Loading />;
  const languages = picked ?? defaultLanguages(guide);

  return (
    <section aria-labelledby="guide-title">
      <div className="screen-header">
        <button type="button" className="link back" onClick={() => go({ name: 'guides' })}>
          ← {t('guides.back')}
        </button>
        <h1 id="guide-title">{localize(guide.title, ui)}</h1>
      </div>
      <p className="muted">{t('guides.version', { version: guide.version })}</p>
      <p>{localize(guide.description, ui)}</p>
      <fieldset className="language-pickers">
        <legend>{t('guides.languagesHint')}</legend>
        <LanguagePicker label={t('guides.leftLanguage')} value={languages[0]} guide={guide} onChange={(code) => setLanguages([code, languages[1]])} />
        <LanguagePicker label={t('guides.rightLanguage')} value={languages[1]} guide={guide} onChange={(code) => setLanguages([languages[0], code])} />
      </fieldset>
      <TranslationReview guide={guide} language={languages[1]} />
      <ScalesSection guide={guide} languages={languages} />
      <h2>{t('guides.factors')}</h2>
      {guide.factors.map((factor) => (
        <FactorSection key={factor.id} guide={guide} factor={factor} languages={languages} />
      ))}
    </section>
  );
}
