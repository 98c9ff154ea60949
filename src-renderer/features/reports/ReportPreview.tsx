// The report's document model drawn as plain React elements: the same headings, text, tables and
// charts as the files, with no frame or HTML from elsewhere (the app's CSP allows neither).
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { chartSvg } from '../../../src-main/core/charts';

type ReportDocument = MethodOutput<'reports.preview'>['document'];
type DocumentBlock = ReportDocument['blocks'][number];
type TextRun = Extract<DocumentBlock, { kind: 'paragraph' }>['runs'][number];

/** SVG as an image from a data URL: drawn, never run (an <img> runs no script). */
function svgSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function Runs({ runs }: { runs: readonly TextRun[] }) {
  return (
    <>
      {runs.map((run, i) => {
        const lines = run.text.split('\n');
        const text = lines.map((line, j) => (
          <span key={j}>
            {j > 0 ? <br /> : null}
            {line}
          </span>
        ));
        const styled = run.bold ? <strong>{text}</strong> : run.italic ? <em>{text}</em> : text;
        return (
          <span key={i} lang={run.lang} dir={run.dir}>
            {run.bold && run.italic ? <em>{styled}</em> : styled}
          </span>
        );
      })}
    </>
  );
}

function Block({ block }: { block: DocumentBlock }) {
  const { t } = useTranslation();
  switch (block.kind) {
    case 'heading': {
      const content = <Runs runs={block.runs} />;
      if (block.level === 0) return <p className="report-title" id={block.anchor}>{content}</p>;
      if (block.level === 1) return <h3 id={block.anchor}>{content}</h3>;
      if (block.level === 2) return <h4 id={block.anchor}>{content}</h4>;
      return <h5 id={block.anchor}>{content}</h5>;
    }
    case 'paragraph':
      return block.style === 'quote' ? (
        <blockquote>
          <Runs runs={block.runs} />
        </blockquote>
      ) : (
        <p className={`report-${block.style}`}>
          <Runs runs={block.runs} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Runs runs={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table': {
      const header = block.layout === 'grid' || block.layout === 'signatures';
      return (
        <table className={`report-table report-table-${block.layout}`}>
          {block.caption ? <caption>{block.caption}</caption> : null}
          {header ? (
            <thead>
              <tr>
                {block.columns.map((column, i) => (
                  <th key={i} scope="col">
                    <Runs runs={column.header} />
                  </th>
                ))}
              </tr>
            </thead>
          ) : null}
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} className={cell.shade && cell.shade !== 'none' ? `shade-${cell.shade}` : undefined} data-align={cell.align ?? block.columns[c]?.align}>
                    <Runs runs={cell.runs} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'image':
      return (
        <figure>
          <img src={svgSource(chartSvg(block.chart))} alt={block.alt} lang={block.lang} width={Math.round(block.width * (4 / 3))} />
          <figcaption className="visually-hidden">{t('reports.image', { alt: block.alt })}</figcaption>
        </figure>
      );
    case 'logo':
      return <img className="report-logo" src={block.format === 'svg' ? svgSource(block.data) : `data:image/png;base64,${block.data}`} alt={block.alt} height={block.height} />;
    case 'pageBreak':
      return <hr className="report-page-break" aria-label={t('reports.pageBreak')} />;
    case 'toc':
      return (
        <nav aria-label={block.title || t('reports.toc')}>
          <p className="report-toc-title">{block.title}</p>
          <ul className="report-toc">
            {block.entries.map((entry) => (
              <li key={entry.anchor} data-level={entry.level}>
                {entry.text}
              </li>
            ))}
          </ul>
        </nav>
      );
  }
}

export function ReportPreview({ document }: { document: ReportDocument }) {
  const { t } = useTranslation();
  return (
    <section className="report-preview" aria-label={t('reports.previewRegion')} lang={document.lang} dir={document.dir}>
      {document.draftMark ? <p className="report-draft-mark">{document.draftMark}</p> : null}
      {document.blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </section>
  );
}
