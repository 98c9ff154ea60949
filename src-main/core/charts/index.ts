// The charts the results screen and the reports share: drawings built from plain data, as SVG documents or drawn by the PDF renderer.
export * from './chart-types';
export { distributionChart, distributionChartSvg, type DistributionChartRow, type DistributionChartOptions, type DistributionChartTexts } from './distribution-chart';
export * from './drawing';
export { factorScoreChart, factorScoreChartSvg, type FactorScoreChartRow, type FactorScoreChartOptions } from './factor-score-chart';
export { groupComparisonChart, groupComparisonChartSvg, type GroupComparisonChartData, type GroupComparisonChartFactor, type GroupComparisonChartOptions } from './group-comparison-chart';
export { lightShapePath, trafficLights } from './light-style';
export * from './result-chart-data';
