// A table of factor results: one row per factor, one column per result list (the whole, a group, a role).
import { useTranslation } from 'react-i18next';
import type { Guide } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import type { FactorResult } from '../../../src-main/core/scoring';
import { ScoreCell } from './ScoreCell';

export function FactorColumnsTable({ guide, caption, columns, className }: { guide: Guide; caption: string; columns: readonly { label: string; factors: readonly FactorResult[] }[]; className?: string }) {
  const { t, i18n } = useTranslation();
  const lookups = columns.map((column) => new Map(column.factors.map((factor) => [factor.factorId, factor])));
  return (
    <div className="table-scroll">
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.factor')}</th>
            {columns.map((column, i) => (
              <th scope="col" key={i}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {guide.factors.map((factor) => (
            <tr key={factor.id}>
              <th scope="row">{localize(factor.title, i18n.language)}</th>
              {lookups.map((lookup, i) => (
                <ScoreCell key={i} result={lookup.get(factor.id)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
