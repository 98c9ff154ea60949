// The installed interview guides with their translations, the files that failed to load, and importing a new one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { localize } from '../../../src-main/core/localize';
import { useNavigation } from '../../app/navigation';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiQuery } from '../../lib/api/use-api';
import { GuideImport } from './GuideImport';
import { TranslationTable } from './TranslationTable';

type GuideList = MethodOutput<'guides.list'>;
type GuideSummary = GuideList['guides'][number];

function GuideCard({ guide, highlighted }: { guide: GuideSummary; highlighted: boolean }) {
  const { t, i18n } = useTranslation();
  const go = useNavigation((s) => s.go);
  const title = localize(guide.title, i18n.language);
  const headingId = `guide-${guide.id}-${guide.version}`.replace(/[^\w-]/g, '-');
  return (
    <article className={highlighted ? 'guide-card guide-card-new' : 'guide-card'} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title}
        {highlighted ? <span className="badge"> {t('guides.importedTitle')}</span> : null}
      </h3>
      <dl className="facts">
        <dt>{t('guides.versionLabel')}</dt>
        <dd>{guide.version}</dd>
        <dt>{t('guides.source')}</dt>
        <dd>{guide.builtIn ? t('guides.builtIn') : t('guides.imported')}</dd>
        <dt>{t('guides.factors')}</dt>
        <dd>{t('guides.counts', { factors: guide.factorCount, items: guide.itemCount })}</dd>
      </dl>
      <TranslationTable caption={t('guides.translations', { title })} languages={guide.languages} sourceLanguage={guide.sourceLanguage} />
      <div className="button-row">
        <button type="button" onClick={() => go({ name: 'guide', guideId: guide.id, version: guide.version })}>
          {t('guides.openNamed', { title: `${title} ${guide.version}` })}
        </button>
      </div>
    </article>
  );
}

function LoadProblems({ problems }: { problems: GuideList['problems'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="guide-problems-title" className="guide-load-problems">
      <h2 id="guide-problems-title">{t('guides.problemsTitle')}</h2>
      <p>{t('guides.problemsIntro')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('guides.problemSource')}</th>
            <th scope="col">{t('guides.problemPath')}</th>
            <th scope="col">{t('guides.problemMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, i) => (
            <tr key={i}>
              <td>
                <code>{problem.source}</code>
              </td>
              <td>
                <code>{problem.path || t('guides.wholeFile')}</code>
              </td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function GuidesScreen() {
  const { t } = useTranslation();
  // Importing a guide reloads the list (useApiMutation in GuideImport).
  const { data: list, errorMessage, reload } = useApiQuery('guides.list', {});
  const [lastImported, setLastImported] = useState<{ id: string; version: string } | null>(null);

  return (
    <section aria-labelledby="guides-title">
      <div className="screen-header">
        <h1 id="guides-title">{t('guides.title')}</h1>
      </div>
      <GuideImport
        onImported={(guide) => {
          setLastImported({ id: guide.id, version: guide.version });
        }}
      />
      {errorMessage ? <LoadError message={`${t('guides.loadFailed')} ${errorMessage}`} onRetry={() => void reload()} /> : null}
      {!list && !errorMessage ? <Loading /> : null}
      {list ? (
        <>
          <h2>{t('guides.installed')}</h2>
          <p className="field-hint">{t('guides.translationHint')}</p>
          {list.guides.length === 0 ? <p className="empty">{t('guides.empty')}</p> : null}
          {list.guides.map((guide) => (
            <GuideCard
              key={`${guide.id}@${guide.version}`}
              guide={guide}
              highlighted={lastImported?.id === guide.id && lastImported.version === guide.version}
            />
          ))}
          {list.problems.length ? <LoadProblems problems={list.problems} /> : null}
        </>
      ) : null}
    </section>
  );
}
