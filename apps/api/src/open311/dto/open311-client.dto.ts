import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { HasText } from '../../http/has-text';

export class IssueOpen311ClientDto {
  @ApiProperty({ example: 'FixMyStreet 朝阳', description: 'The application’s name, unique' })
  @IsString()
  @HasText(2)
  @MaxLength(100)
  name!: string;
}

export class Open311ClientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class IssuedOpen311ClientDto extends Open311ClientDto {
  @ApiProperty({ description: 'The `api_key` the application sends; shown this once, never again' })
  apiKey!: string;
}

export class Open311ClientListDto {
  @ApiProperty({ type: [Open311ClientDto] }) items!: Open311ClientDto[];
  @ApiProperty() total!: number;
}
