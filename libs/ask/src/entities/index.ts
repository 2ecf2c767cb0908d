import { PublicQuestionEntity } from './public-question.entity';

export * from './public-question.entity';

export const ASK_ENTITIES = [PublicQuestionEntity];
