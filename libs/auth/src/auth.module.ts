import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@hotline/config';
import { AuthService } from './auth.service';
import { BootstrapAdmin } from './bootstrap-admin';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it
        // as a public key on every verification, which cost ~11% of the api's CPU under load.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: config.JWT_TTL_SECONDS },
      }),
    }),
  ],
  providers: [AuthService, BootstrapAdmin, PasswordHasher, TokenService, UsersService],
  exports: [AuthService, TokenService, UsersService],
})
export class AuthModule {}
