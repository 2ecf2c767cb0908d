import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HOTLINE_KINDS, HotlineKind, MERGE_MODES, UNIT_KINDS, UnitKind } from '@hotline/directory';
import { PageQueryDto } from '../../http/page-query.dto';
import { QueryInteger } from '../../http/query-integer';

export class HotlineQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: HOTLINE_KINDS })
  @IsOptional()
  @IsIn(HOTLINE_KINDS)
  kind?: HotlineKind;
}

export class UnitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ example: '110105', description: 'Only the units under this one (a district’s streets)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentCode?: string;
}

export class CategoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3 })
  @IsOptional()
  @QueryInteger(1, 3)
  level?: number;

  @ApiPropertyOptional({ example: '01' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentCode?: string;
}

export class HotlineDto {
  @ApiProperty({ example: '12319' }) code!: string;
  @ApiProperty({ example: '12319', nullable: true, type: String }) number!: string | null;
  @ApiProperty({ example: '城市管理' }) name!: string;
  @ApiProperty({ enum: HOTLINE_KINDS }) kind!: HotlineKind;
  @ApiProperty({ enum: MERGE_MODES, nullable: true }) mergeMode!: string | null;
  @ApiProperty({ example: '2018-10-30', nullable: true, type: String }) mergedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Utility lines: the unit answering it' }) unitCode!:
    string | null;
  @ApiProperty() active!: boolean;
}

export class UnitDto {
  @ApiProperty({ example: '110105001' }) code!: string;
  @ApiProperty({ example: '建外街道' }) name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ example: '110105', nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty() active!: boolean;
}

export class CategoryDto {
  @ApiProperty({ example: '010101' }) code!: string;
  @ApiProperty({ example: '占道经营' }) name!: string;
  @ApiProperty({ minimum: 1, maximum: 3 }) level!: number;
  @ApiProperty({ example: '0101', nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty() active!: boolean;
}

export class HotlinePageDto {
  @ApiProperty({ type: [HotlineDto] }) items!: HotlineDto[];
  @ApiProperty() total!: number;
}
export class UnitPageDto {
  @ApiProperty({ type: [UnitDto] }) items!: UnitDto[];
  @ApiProperty() total!: number;
}
export class CategoryPageDto {
  @ApiProperty({ type: [CategoryDto] }) items!: CategoryDto[];
  @ApiProperty() total!: number;
}
