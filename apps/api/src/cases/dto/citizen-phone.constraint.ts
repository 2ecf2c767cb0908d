import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { normalizePhone, PHONE_RULE } from '@hotline/cases';

/** The domain's own phone rule, so a bad number is named in the same 400 as every other field. */
@ValidatorConstraint({ name: 'citizenPhone' })
export class CitizenPhoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && normalizePhone(value) !== undefined;
  }

  defaultMessage(): string {
    return PHONE_RULE;
  }
}
