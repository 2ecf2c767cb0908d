import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { type Principal, UsersService } from '@hotline/auth';
import { ErrorResponseDto } from '../http/error-response';
import { PageQueryDto } from '../http/page-query.dto';
import { CurrentPrincipal, Roles } from './access.decorators';
import { CreateUserDto, UserDto, UserPageDto } from './dto/user.dto';

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

  @Get()
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() page: PageQueryDto): Promise<UserPageDto> {
    return this.users.list(page);
  }
}
