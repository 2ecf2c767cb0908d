import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, Role, USER_SOURCES, UserSource } from '@hotline/auth';

export class CreateUserDto {
  @ApiProperty({ example: 'agent.li', description: '3–64 characters: lower-case letters, digits, . _ -' })
  @IsString()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'a-long-passphrase-7', minLength: 8 })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: '110105001', description: 'Required for handlers, empty for other roles' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitCode?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ nullable: true, type: String }) unitCode!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: USER_SOURCES, description: '`sso`: an identity provider’s user, created at first sign-in' })
  source!: UserSource;
  @ApiProperty() createdAt!: Date;
}

/** An admin's change; absent fields stay. Any change ends the user's current sign-ins. */
export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'Leaving the handler role drops the unit' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: '110105001', nullable: true, type: String, description: 'A handler’s unit' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  unitCode?: string | null;

  @ApiPropertyOptional({ description: 'false: the user can no longer sign in, and their tokens stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'a-new-passphrase-8', minLength: 8 })
  @IsString()
  @MaxLength(256)
  password!: string;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
}
