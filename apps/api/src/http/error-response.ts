import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_REASON_NAMES } from '@hotline/core';

/**
 * Reasons of refusals the HTTP layer makes itself (no route, a body that is not JSON, too many
 * sign-ins …); the domain's own are ERROR_REASONS (libs/core). Both listed in docs/errors.md.
 */
export const HTTP_REASONS = [
  'http.bad_request',
  'http.malformed_request',
  'http.malformed_json',
  'http.route_not_found',
  'http.method_not_allowed',
  'http.payload_too_large',
  'http.unsupported_media_type',
  'http.too_many_requests',
  'http.headers_too_large',
  'internal.error',
] as const;
export type HttpReason = (typeof HTTP_REASONS)[number];

class FieldErrorDto {
  @ApiProperty({ example: 'streetCode' })
  field!: string;

  @ApiProperty({ example: 'does not belong to districtCode' })
  message!: string;

  @ApiProperty({
    example: 'not_in_district',
    description: 'What is wrong with the field: the constraint (isIn, maxLength, whitelistValidation …) or the rule',
  })
  reason!: string;
}

/** The one error shape of the api: every 4xx/5xx answers this. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({
    example: 'case.already_signed',
    enum: [...ERROR_REASON_NAMES, ...HTTP_REASONS],
    description: 'Stable machine-readable reason: what exactly was refused (docs/errors.md); branch on this',
  })
  reason!: string;

  @ApiProperty({ example: 'Invalid input: streetCode' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'One entry per rejected field' })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ description: 'Echoes X-Request-Id; quote it when reporting a problem' })
  requestId?: string;
}
