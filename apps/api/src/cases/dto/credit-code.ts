import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, ValidateBy } from 'class-validator';
import {
  CREDIT_CODE_MESSAGES,
  CREDIT_CODE_PROBLEMS,
  type CreditCodeProblem,
  creditCodeProblem,
  normalizeCreditCode,
} from '@hotline/cases';

/**
 * A unified social credit code field, normalised to capitals and checked by the domain's own rule
 * (GB 32100-2015), so a bad code is named in the same 400 as every other field, with the rule's problem
 * (`check_digit`, `length` …) as its reason (docs/errors.md).
 */
export function IsCreditCode(): PropertyDecorator {
  const check = (problem: CreditCodeProblem) =>
    ValidateBy({
      name: problem,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || creditCodeProblem(value) !== problem,
        defaultMessage: () => CREDIT_CODE_MESSAGES[problem],
      },
    });
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeCreditCode(value) : value)),
    IsString(),
    ...CREDIT_CODE_PROBLEMS.map(check),
  );
}
