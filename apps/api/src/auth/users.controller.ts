import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { type Principal, UsersService } from '@hotline/auth';
import { ErrorResponseDto } from '../http/error-response';
import { PageQueryDto } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param';
import { CurrentPrincipal, Roles } from './access.decorators';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserDto, UserPageDto } from './dto/user.dto';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (a handler needs a unit)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Username taken' })
  create(@Body() body: CreateUserDto, @CurrentPrincipal() admin: Principal): Promise<UserDto> {
    return this.users.create(body, admin);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user’s role, unit or whether they may sign in (their sign-ins end within seconds)',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The last active admin, or a single sign-on user' })
  update(
    @UuidParam('id') id: string,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() admin: Principal,
  ): Promise<UserDto> {
    return this.users.update(id, body, admin);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password for a user (their sign-ins end within seconds)' })
  @ApiNoContentResponse({ description: 'Set' })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A single sign-on user' })
  async resetPassword(
    @UuidParam('id') id: string,
    @Body() body: ResetPasswordDto,
    @CurrentPrincipal() admin: Principal,
  ): Promise<void> {
    await this.users.resetPassword(id, body.password, admin);
  }

  @Get()
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() page: PageQueryDto): Promise<UserPageDto> {
    return this.users.list(page);
  }
}
