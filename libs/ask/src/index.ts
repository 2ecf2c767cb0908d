export * from './domain';
export * from './entities';
export * from './ask.service';
export * from './ask.module';
export type { PublicQuestionFilter } from './public-questions.repository';
