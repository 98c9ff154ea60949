// The action plan as a table, sortable by deadline, priority or responsible role with header
// buttons that say how the table is sorted (aria-sort).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../src-main/core/dates';
import { isOverdue, measurePriorities, riskNumbers, type Finding, type MeasureView, type ResponsibleRole } from '../../../src-main/core/risk';
import { formatDate } from '../../lib/dates';

type SortKey = 'deadline' | 'priority' | 'responsible';
interface Sort {
  key: SortKey;
  ascending: boolean;
}

interface MeasuresTableProps {
  measures: MeasureView[];
  findings: Finding[];
  numbers: Map<string, number>;
  onEdit(measure: MeasureView): void;
  onDelete(measure: MeasureView): void;
}

export function MeasuresTable({ measures, findings, numbers, onEdit, onDelete }: MeasuresTableProps) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<Sort>({ key: 'deadline', ascending: true });
  const today = localIsoDate(new Date());
  const roleName = (role: ResponsibleRole) => t(`risk.measures.roles.${role}`);
  const measureNumbers = riskNumbers(measures);

  const compare: Record<SortKey, (a: MeasureView, b: MeasureView) => number> = {
    // Measures without a deadline go last either way round.
    deadline: (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
    priority: (a, b) => measurePriorities.indexOf(a.priority) - measurePriorities.indexOf(b.priority),
    responsible: (a, b) => roleName(a.responsibleRole).localeCompare(roleName(b.responsibleRole), i18n.language),
  };
  const sorted = [...measures].sort((a, b) => {
    const order = compare[sort.key](a, b) * (sort.ascending ? 1 : -1);
    return order || (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.title.localeCompare(b.title, i18n.language);
  });

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="risk-sort"
          onClick={() => setSort(active ? { key, ascending: !sort.ascending } : { key, ascending: true })}
        >
          {label}
          <span aria-hidden="true" className="risk-sort-mark">
            {active ? (sort.ascending ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      </th>
    );
  };

  const findingTitle = (id: string | null) => {
    const finding = id ? findings.find((f) => f.id === id) : undefined;
    return finding ? `F${numbers.get(finding.id)} ${finding.title}` : t('risk.measures.noFinding');
  };

  return (
    <table className="data-table measures-table">
      <caption className="visually-hidden">{t('risk.measures.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('risk.findings.number')}</th>
          <th scope="col">{t('risk.measures.measure')}</th>
          {header('responsible', t('risk.measures.responsible'))}
          {header('deadline', t('risk.measures.deadline'))}
          {header('priority', t('risk.measures.priority'))}
          <th scope="col">{t('risk.measures.status')}</th>
          <th scope="col">{t('risk.measures.agreedBy')}</th>
          <th scope="col">{t('risk.measures.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((measure) => {
          const overdue = isOverdue(measure, today);
          return (
            <tr key={measure.id}>
              <td>T{measureNumbers.get(measure.id)}</td>
              <th scope="row" className="measure-title">
                {measure.title}
                <span className="muted measure-finding">{findingTitle(measure.findingId)}</span>
              </th>
              <td>{roleName(measure.responsibleRole)}</td>
              <td>
                {measure.deadline ? formatDate(measure.deadline, i18n.language) : '–'}
                {overdue ? <span className="risk-overdue">{t('risk.measures.overdue')}</span> : null}
              </td>
              <td>
                <span className={`risk-priority risk-priority-${measure.priority}`}>{t(`risk.measures.priorities.${measure.priority}`)}</span>
              </td>
              <td>
                {t(`risk.measures.statuses.${measure.status}`)}
                {measure.status === 'dropped' && measure.dropReason ? <span className="muted measure-drop">{measure.dropReason}</span> : null}
              </td>
              <td>
                {measure.agreedBy.map(roleName).join(', ')}
                {measure.missingParties.length ? (
                  <span className="risk-warning">
                    <span aria-hidden="true">⚠ </span>
                    {t('risk.measures.missingParties', { parties: measure.missingParties.map(roleName).join(t('risk.measures.and')) })}
                  </span>
                ) : null}
              </td>
              <td>
                <div className="button-row row-actions">
                  <button type="button" aria-label={t('risk.measures.editNamed', { title: measure.title })} onClick={() => onEdit(measure)}>
                    {t('risk.measures.edit')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('risk.measures.deleteNamed', { title: measure.title })}
                    onClick={() => onDelete(measure)}
                  >
                    {t('risk.measures.delete')}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
