export * from './case-facts';
export * from './five-rates';
export * from './grouping';
export * from './reference';
export * from './report-request';
export * from './rollup-tally';
export * from './monthly-report';
