import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, Role } from '@hotline/auth';

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
  @ApiProperty() createdAt!: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
}
