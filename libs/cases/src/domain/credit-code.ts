/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015, as docs/product.md, "The enterprise
 * service channel", checks it: 18 characters from 31 (digits and capitals without I, O, Z, S and V);
 * 1 登记管理部门码, 2 机构类别码, 3–8 the registering authority's area code (GB/T 2260, digits), 9–17 the
 * organisation code (GB 11714, its own check character at 17), 18 the check character of the whole.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714-1997: the weights of the organisation code's eight body characters. */
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * 登记管理部门码 → the 机构类别码 it registers: GB 32100-2015's 1 机构编制, 5 民政, 9 工商 and Y 其他, and the
 * departments given codes since (2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室,
 * N 农业), as the national code centre lists them.
 */
const CATEGORIES_BY_AUTHORITY: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

export const CREDIT_CODE_LENGTH = 18;

/** What is wrong with a code, in the order it is checked; each is the field reason of a 400 (docs/errors.md). */
export const CREDIT_CODE_PROBLEMS = [
  'length',
  'charset',
  'check_digit',
  'registration_authority',
  'region_code',
  'organisation_check_digit',
] as const;
export type CreditCodeProblem = (typeof CREDIT_CODE_PROBLEMS)[number];

export const CREDIT_CODE_MESSAGES: Readonly<Record<CreditCodeProblem, string>> = {
  length: `must be ${CREDIT_CODE_LENGTH} characters`,
  charset: 'may hold only digits and capital letters other than I, O, Z, S and V',
  check_digit: 'does not match its check character (18th): mistyped?',
  registration_authority: 'does not start with a known registration authority and organisation type',
  region_code: 'must have the registering authority’s area code (six digits) at positions 3–8',
  organisation_check_digit: 'does not match the organisation code’s check character (17th)',
};

/** Agents type codes off letterheads and screens: lower case means the same code. */
export function normalizeCreditCode(raw: string): string {
  return raw.toUpperCase();
}

/**
 * The first problem of a normalised code, or null when it is valid. A typo anywhere breaks the
 * final check character first; a code that passes it but not the structure was made up.
 */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== CREDIT_CODE_LENGTH) return 'length';
  if ([...code].some((c) => !CHARSET.includes(c))) return 'charset';
  if (code[17] !== creditCodeCheckCharacter(code.slice(0, 17))) return 'check_digit';
  if (!CATEGORIES_BY_AUTHORITY[code[0]]?.includes(code[1])) return 'registration_authority';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region_code';
  if (code[16] !== organisationCheckCharacter(code.slice(8, 16))) return 'organisation_check_digit';
  return null;
}

/** GB 32100-2015: 31 − (Σ value × weight mod 31), where 31 is written 0. */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, c, i) => total + CHARSET.indexOf(c) * WEIGHTS[i], 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714-1997: 11 − (Σ value × weight mod 11), where 10 is written X and 11 is written 0; letters count A = 10 … Z = 35. */
export function organisationCheckCharacter(body: string): string {
  const sum = [...body].reduce((total, c, i) => total + Number.parseInt(c, 36) * ORGANISATION_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : String(check % 11);
}
