import type { FieldError } from '@hotline/core';
import type { RequesterKind } from './case-vocabulary';
import { CREDIT_CODE_MESSAGES, creditCodeProblem, normalizeCreditCode } from './credit-code';

/** The enterprise behind a demand: its registered name and unified social credit code. */
export interface Company {
  name: string;
  creditCode: string;
}

/** Who raised a demand, as a case keeps it. */
export interface Requester {
  requesterKind: RequesterKind;
  company: Company | null;
  /** 敏感诉求: dispatched anonymously — no unit learns the company or the caller. */
  sensitive: boolean;
}

/** Who raised a demand, as registration is told (citizen by default). */
export interface RequesterInput {
  requesterKind?: RequesterKind;
  company?: Company;
  sensitive?: boolean;
}

/**
 * docs/product.md, "The enterprise service channel": an enterprise's demand names its company with a valid
 * credit code; a citizen's names none; only an enterprise's demand can be sensitive (a citizen's own
 * anonymity is `confidential`).
 */
export function requesterProblems(input: RequesterInput): FieldError[] {
  if ((input.requesterKind ?? 'citizen') === 'citizen') {
    return [
      ...(input.company ? [enterpriseOnly('company')] : []),
      ...(input.sensitive ? [enterpriseOnly('sensitive')] : []),
    ];
  }
  if (!input.company) return [{ field: 'company', message: 'is required for an enterprise', reason: 'required' }];
  const problem = creditCodeProblem(normalizeCreditCode(input.company.creditCode));
  return problem ? [{ field: 'company.creditCode', message: CREDIT_CODE_MESSAGES[problem], reason: problem }] : [];
}

/** The requester of a demand that passed `requesterProblems`, its credit code normalised. */
export function requesterOf(input: RequesterInput): Requester {
  const company = input.requesterKind === 'enterprise' ? input.company : undefined;
  return {
    requesterKind: company ? 'enterprise' : 'citizen',
    company: company ? { name: company.name.trim(), creditCode: normalizeCreditCode(company.creditCode) } : null,
    sensitive: company ? (input.sensitive ?? false) : false,
  };
}

function enterpriseOnly(field: string): FieldError {
  return {
    field,
    message: 'is for an enterprise’s demand only (requesterKind: enterprise)',
    reason: 'enterprise_only',
  };
}
