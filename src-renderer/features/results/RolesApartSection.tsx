// Managers' and safety representatives' answers, each role on its own: never part of the employees' results.
import { useTranslation } from 'react-i18next';
import type { Guide } from '../../../src-main/core/guide';
import type { RoleResult } from '../../../src-main/core/scoring';
import { FactorColumnsTable } from './FactorColumnsTable';

export function RolesApartSection({ guide, apart }: { guide: Guide; apart: readonly RoleResult[] }) {
  const { t } = useTranslation();
  const columns = apart.map((role) => ({ label: t(`resultsRoles.roles.${role.role}`), factors: role.factors }));
  return (
    <section aria-labelledby="roles-apart-title" className="results-section">
      <h2 id="roles-apart-title">{t('resultsRoles.title')}</h2>
      <p className="field-hint">{t('resultsRoles.hint')}</p>
      <FactorColumnsTable guide={guide} caption={t('resultsRoles.caption')} columns={columns} />
    </section>
  );
}
