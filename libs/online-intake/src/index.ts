export * from './domain';
export * from './entities';
export type { QueueCounts, SubmissionFilter } from './online-submissions.repository';
export * from './online-intake.service';
export * from './online-intake.module';
