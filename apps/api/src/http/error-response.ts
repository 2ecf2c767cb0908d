import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty({ example: 'streetCode' })
  field!: string;

  @ApiProperty({ example: 'does not belong to districtCode' })
  message!: string;
}

/** The one error shape of the api: every 4xx/5xx answers this. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({ example: 'Invalid input: streetCode' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'One entry per rejected field' })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ description: 'Echoes X-Request-Id; quote it when reporting a problem' })
  requestId?: string;
}
