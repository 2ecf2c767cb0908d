export * from './domain';
export * from './auth.module';
export * from './auth.service';
export * from './token.service';
export * from './users.service';
export * from './user-lookup.service';
export * from './user-lookup.module';
export * from './user.entity';

import { UserEntity } from './user.entity';

/** Tables this library owns, for the TypeORM CLI's data source. */
export const AUTH_ENTITIES = [UserEntity];
