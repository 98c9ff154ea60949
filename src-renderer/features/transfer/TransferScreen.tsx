// The import and export screen: packages out and in, survey results in, aggregated scores out.
import { useTranslation } from 'react-i18next';
import { ExportPackageSection } from './ExportPackageSection';
import { ImportPackageSection } from './ImportPackageSection';
import { ResultsExportSection } from './ResultsExportSection';
import { SurveyImportSection } from './SurveyImportSection';
import { SurveyTemplateSection } from './SurveyTemplateSection';

export function TransferScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="transfer-title" className="transfer">
      <div className="screen-header">
        <h1 id="transfer-title">{t('transfer.title')}</h1>
      </div>
      <p>{t('transfer.intro')}</p>
      <ExportPackageSection />
      <ImportPackageSection />
      <SurveyImportSection />
      <SurveyTemplateSection />
      <ResultsExportSection />
    </section>
  );
}
