/** Fakes for service specs (no I/O): imported only by *.spec.ts files, through @hotline/dispatch/testing. */
export * from './in-memory-assignments.repository';
export * from './orders.fake';
