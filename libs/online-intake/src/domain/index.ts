export * from './online-submission-rules';
