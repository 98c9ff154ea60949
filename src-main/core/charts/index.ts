// The charts the results screen and the reports share: standalone SVG documents built from plain data.
export * from './chart-types';
export { distributionChartSvg, type DistributionChartRow, type DistributionChartOptions, type DistributionChartTexts } from './distribution-chart';
export { factorScoreChartSvg, type FactorScoreChartRow, type FactorScoreChartOptions } from './factor-score-chart';
export { groupComparisonChartSvg, type GroupComparisonChartData, type GroupComparisonChartFactor, type GroupComparisonChartOptions } from './group-comparison-chart';
export { lightShapePath, trafficLights } from './light-style';
export * from './result-chart-data';
