// What a survey file will give: the column mapping (changeable, close matches to confirm), its problems, the groups
// found, every rejected cell, and the language cells that name no language (those rows are kept).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import type { Guide } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import { columnLetter, type MappingProblem, type NotedCell, type RejectedCell } from '../../../src-main/core/survey-mapping';
import { hasText } from '../../i18n/keys';
import { transferMessages } from './messages';

type Preview = MethodOutput<'surveys.preview'>;

/** At most this many rejected cells are listed on screen; the count says how many there are. */
const shownRejections = 200;

export function SurveyPreviewView({ preview, guide, onRemap }: { preview: Preview; guide: Guide; onRemap(index: number, target: string): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const targetName = (target: string) => {
    if (hasText(transferMessages.nb.transfer.survey.targets, target)) return t(`transfer.survey.targets.${target}`);
    if (!target.startsWith('item:')) return target;
    const item = guide.items.find((candidate) => candidate.id === target.slice(5));
    return item ? `${item.id} – ${localize(item.text, language)}` : target;
  };
  const problemText = (problem: MappingProblem) =>
    problem.kind === 'duplicateTarget'
      ? t('transfer.survey.problems.duplicateTarget', { target: targetName(problem.target), columns: problem.columns.map(columnLetter).join(', ') })
      : t(`transfer.survey.problems.${problem.kind}`);

  return (
    <>
      <h3>{t('transfer.survey.facts')}</h3>
      <p>
        {preview.format === 'csv'
          ? t('transfer.survey.format', { format: 'CSV', encoding: preview.encoding, delimiter: preview.delimiter === '\t' ? 'TAB' : `«${preview.delimiter}»` })
          : t('transfer.survey.sheet', { name: preview.sheetName })}{' '}
        {t('transfer.survey.rows', { rows: preview.rowCount, valid: preview.validRows, problems: preview.rowsWithProblems })}
      </p>

      <h3>{t('transfer.survey.mapping')}</h3>
      <p className="field-hint">{t('transfer.survey.mappingHint')}</p>
      <div className="table-scroll">
        <table className="data-table survey-mapping">
          <thead>
            <tr>
              <th scope="col">{t('transfer.survey.column')}</th>
              <th scope="col">{t('transfer.survey.heading')}</th>
              <th scope="col">{t('transfer.survey.samples')}</th>
              <th scope="col">{t('transfer.survey.target')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((column, index) => (
              <tr key={column.index} className={column.target === 'ignore' && !column.suggestion ? 'column-ignored' : undefined}>
                <th scope="row">{column.letter}</th>
                <td>{column.header}</td>
                <td className="samples">{column.samples.join(' · ')}</td>
                <td>
                  <select
                    value={column.target}
                    aria-label={t('transfer.survey.targetFor', { letter: column.letter, header: column.header })}
                    onChange={(event) => onRemap(index, event.target.value)}
                  >
                    {(['ignore', 'group', 'language', 'date'] as const).map((target) => (
                      <option key={target} value={target}>
                        {t(`transfer.survey.targets.${target}`)}
                      </option>
                    ))}
                    {guide.factors.map((factor) => (
                      <optgroup key={factor.id} label={t('transfer.survey.itemsOf', { factor: localize(factor.title, language) })}>
                        {guide.items
                          .filter((item) => item.factor === factor.id)
                          .map((item) => (
                            <option key={item.id} value={`item:${item.id}`}>
                              {item.id} – {localize(item.text, language)}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </select>
                  {column.source !== 'none' && column.source !== 'chosen' ? (
                    <span className="target-source"> ({t(`transfer.survey.sources.${column.source}`)})</span>
                  ) : null}
                  {column.suggestion && column.suggestion.target !== column.target ? (
                    <div className="target-suggestion">
                      <span>
                        {t('transfer.surveyFiles.suggested', { target: targetName(column.suggestion.target), confidence: Math.round(column.suggestion.confidence * 100) })}
                      </span>{' '}
                      <button
                        type="button"
                        aria-label={t('transfer.surveyFiles.confirmFor', { letter: column.letter, header: column.header })}
                        onClick={() => onRemap(index, column.suggestion!.target)}
                      >
                        {t('transfer.surveyFiles.confirm')}
                      </button>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.mappingProblems.length > 0 ? (
        <ul className="error-box" role="alert">
          {preview.mappingProblems.map((problem, i) => (
            <li key={i}>{problemText(problem)}</li>
          ))}
        </ul>
      ) : null}

      {preview.groups.length > 0 ? (
        <>
          <h3>{t('transfer.survey.groups')}</h3>
          <table className="data-table survey-groups">
            <thead>
              <tr>
                <th scope="col">{t('transfer.survey.group')}</th>
                <th scope="col">{t('transfer.survey.respondents')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.groups.map((group) => (
                <tr key={group.group ?? ''}>
                  <td>{group.group ?? t('transfer.survey.noGroup')}</td>
                  <td>{group.respondents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {preview.notedTotal > 0 ? (
        <CellTable
          title={t('transfer.surveyFiles.noted')}
          intro={`${t('transfer.surveyFiles.notedIntro', { count: preview.notedTotal })} ${
            preview.languageUnknown > 0 ? t('transfer.surveyFiles.languageUnknown', { count: preview.languageUnknown }) : ''
          }`}
          className="noted-cells"
          cells={preview.noted}
        />
      ) : null}

      {preview.rejectedTotal > 0 ? (
        <CellTable
          title={t('transfer.survey.rejected')}
          intro={`${t('transfer.survey.rejectedIntro', { count: preview.rejectedTotal })} ${
            preview.rejectedTotal > shownRejections ? t('transfer.survey.rejectedShown', { shown: shownRejections }) : ''
          }`}
          className="rejected-cells"
          cells={preview.rejected}
        />
      ) : null}
    </>
  );
}

/** Cells listed by row, column, value and reason: the rejected ones, or the unknown languages of kept rows. */
function CellTable({ title, intro, className, cells }: { title: string; intro: string; className: string; cells: (RejectedCell | NotedCell)[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <>
      <h3 id={titleId}>{title}</h3>
      <p>{intro.trim()}</p>
      <div className="table-scroll">
        <table className={`data-table ${className}`} aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('transfer.survey.row')}</th>
              <th scope="col">{t('transfer.survey.column')}</th>
              <th scope="col">{t('transfer.survey.value')}</th>
              <th scope="col">{t('transfer.survey.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {cells.slice(0, shownRejections).map((cell) => (
              <tr key={`${cell.row}:${cell.column}`}>
                <td>{cell.row}</td>
                <td>{cell.column === 0 ? t('transfer.survey.wholeRow') : `${columnLetter(cell.column)} (${cell.header})`}</td>
                <td>
                  <code>{cell.value}</code>
                </td>
                <td>{t(`transfer.survey.reasons.${cell.reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
