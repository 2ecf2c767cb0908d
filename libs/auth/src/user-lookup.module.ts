import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserLookupService } from './user-lookup.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** Reading users from other libraries without the sign-in machinery (hashing, tokens, the bootstrap admin). */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [UsersRepository, UserLookupService],
  exports: [UserLookupService],
})
export class UserLookupModule {}
