// The words the charts draw, taken from the UI's translations, and the note for each reason a result is withheld.
import type { TFunction } from 'i18next';
import type { ScoreChartTexts, WithheldNote } from '../../../src-main/core/charts';

export function scoreChartTexts(t: TFunction): ScoreChartTexts {
  return {
    withheld: t('results.withheld'),
    lights: { green: t('results.lights.green'), yellow: t('results.lights.yellow'), red: t('results.lights.red') },
    axis: t('results.chartAxis'),
    thresholds: t('results.chartThresholds'),
  };
}

export function withheldNote(t: TFunction): WithheldNote {
  return (reason) => (reason === 'revealsWithheldGroup' ? t('results.withheldReveals') : t('results.withheld'));
}

/** An SVG chart as an image: the CSP allows data: images, and the chart is a complete document. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
