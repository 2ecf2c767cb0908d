/** Fakes for service specs (no I/O): imported only by *.spec.ts files, through @hotline/cases/testing. */
export * from './case-fixtures';
export * from './case-kernel.fake';
export * from './in-memory-cases.repository';
