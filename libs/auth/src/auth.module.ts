import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@hotline/audit';
import { AppConfig } from '@hotline/config';
import { AuthService } from './auth.service';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { PasswordHasherService } from './password-hasher.service';
import { SignInLimitsRepository } from './sign-in-limits.repository';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';
import { UserStatusService } from './user-status.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    AuditModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        signOptions: { algorithm: 'HS256', expiresIn: config.JWT_TTL_SECONDS },
      }),
    }),
  ],
  providers: [
    AuthService,
    BootstrapAdminService,
    PasswordHasherService,
    SignInLimitsRepository,
    TokenService,
    UsersRepository,
    UserStatusService,
    UsersService,
  ],
  exports: [AuthService, TokenService, UsersService],
})
export class AuthModule {}
