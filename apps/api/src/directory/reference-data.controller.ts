import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ReferenceDataService } from '@hotline/directory';
import { ALL_ROLES, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import {
  CategoryPageDto,
  CategoryQueryDto,
  HotlinePageDto,
  HotlineQueryDto,
  UnitPageDto,
  UnitQueryDto,
} from './dto/reference.dto';

@ApiTags('reference data')
@Controller()
@Roles(...ALL_ROLES)
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class ReferenceDataController {
  constructor(private readonly directory: ReferenceDataService) {}

  @Get('hotlines')
  @ApiOperation({ summary: 'List hotlines (12345, merged government lines, utility lines)' })
  @ApiOkResponse({ type: HotlinePageDto, description: '12345, the 16 merged lines and the 11 utility lines' })
  hotlines(@Query() query: HotlineQueryDto): Promise<HotlinePageDto> {
    return this.directory.hotlines(query);
  }

  @Get('units')
  @ApiOperation({ summary: 'List handling units, by kind or parent' })
  @ApiOkResponse({ type: UnitPageDto })
  units(@Query() query: UnitQueryDto): Promise<UnitPageDto> {
    return this.directory.units(query);
  }

  @Get('categories')
  @ApiOperation({ summary: 'List demand categories, by level or parent' })
  @ApiOkResponse({ type: CategoryPageDto })
  categories(@Query() query: CategoryQueryDto): Promise<CategoryPageDto> {
    return this.directory.categories(query);
  }
}
