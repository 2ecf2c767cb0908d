/** A citizen's Open311 POST requests form, read and checked: what the centre is asked to register. */
export interface NewServiceRequest {
  /** The client's key as sent: whether it is a known, unrevoked client is for the caller to check. */
  apiKey: string | null;
  serviceCode: string;
  lat: number | null;
  long: number | null;
  addressString: string | null;
  /** This centre's own extension fields: a client that knows its district and street codes may send them. */
  districtCode: string | null;
  streetCode: string | null;
  description: string | null;
  phone: string | null;
  name: string | null;
  email: string | null;
  mediaUrl: string | null;
  /** `attribute[code]` answers to the service definition's questions, by code. */
  attributes: Record<string, string>;
}

export interface Open311FormError {
  code: 400;
  /** The form field at fault, for the api's own field errors; `description` names it too. */
  field: string;
  description: string;
}

type Problems = Omit<Open311FormError, 'code'>[];

export type ParsedServiceRequest = { ok: true; value: NewServiceRequest } | { ok: false; errors: Open311FormError[] };

/** The same limit as a case's description (`@MaxLength(4000)`, which counts characters, not UTF-16 units). */
export const MAX_DESCRIPTION_CHARACTERS = 4000;
export const MAX_MEDIA_URL_CHARACTERS = 2000;
export const MAX_PLACE_CODE_CHARACTERS = 16;

/** Plain decimals only: no exponent, hex or Infinity, which Number() would also take. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** `attribute[code]`, and `attribute[code][]` for each value of a multivaluelist. */
const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;
const LOCATION_FIELDS = ['lat', 'long', 'address_string', 'address_id'];

/**
 * Reads the form as decoded (each value a string, or a string array for a repeated field): every
 * problem is reported at once, each naming its field. Strings are trimmed and an empty one is absent;
 * fields the standard or this centre does not define are ignored, as the standard lets clients send
 * more than a server knows.
 */
export function parseServiceRequest(form: Record<string, unknown>): ParsedServiceRequest {
  const problems: Problems = [];
  const read = (field: string, check?: (value: string) => string | null): string | null => {
    const value = textOf(form[field]);
    if (typeof value === 'object' && value !== null) {
      problems.push({ field, description: `${field} ${value.problem}` });
      return null;
    }
    const problem = value === null || !check ? null : check(value);
    if (problem) problems.push({ field, description: `${field} ${problem}` });
    return problem ? null : value;
  };

  const apiKey = read('api_key');
  const serviceCode = read('service_code');
  if (isAbsent(form.service_code)) problems.push({ field: 'service_code', description: 'service_code is required' });
  const lat = read('lat', coordinate(90));
  const long = read('long', coordinate(180));
  if (isAbsent(form.lat) !== isAbsent(form.long))
    problems.push({ field: 'long', description: 'lat and long go together' });
  const addressString = read('address_string');
  if (LOCATION_FIELDS.every((field) => isAbsent(form[field]))) {
    problems.push({
      field: 'address_string',
      description: 'a location is required: lat and long, address_string or address_id',
    });
  }
  // Checked as text like the rest but not kept: the centre keeps no address, device or account registry
  // (an address_id alone is still a location, as the standard has it; an agent then places the request).
  for (const field of ['address_id', 'device_id', 'account_id']) read(field);
  const email = read('email');
  const name = nameOf(read('first_name'), read('last_name'));
  const phone = read('phone');
  const description = read('description', atMost(MAX_DESCRIPTION_CHARACTERS));
  const mediaUrl = read('media_url', (url) => atMost(MAX_MEDIA_URL_CHARACTERS)(url) ?? webUrlProblem(url));
  const districtCode = read('district_code', atMost(MAX_PLACE_CODE_CHARACTERS));
  const streetCode = read('street_code', atMost(MAX_PLACE_CODE_CHARACTERS));
  const attributes = attributesOf(form, problems);

  if (serviceCode === null || problems.length > 0) {
    return { ok: false, errors: problems.map((problem) => ({ code: 400, ...problem })) };
  }
  const point = lat !== null && long !== null ? { lat: Number(lat), long: Number(long) } : { lat: null, long: null };
  return {
    ok: true,
    value: {
      apiKey,
      serviceCode,
      ...point,
      addressString,
      districtCode,
      streetCode,
      description,
      phone,
      name,
      email,
      mediaUrl,
      attributes,
    },
  };
}

/** The trimmed text of a form value, null when absent or empty, or what is wrong with it. */
function textOf(raw: unknown): string | null | { problem: string } {
  const values = textsOf(raw);
  if (!values) return { problem: 'must be text' };
  if (values.length > 1) return { problem: 'must be given once' };
  return values[0] ?? null;
}

/** The trimmed, non-empty texts of a form value (a repeated field is an array), or null when not text. */
function textsOf(raw: unknown): string[] | null {
  if (raw === undefined) return [];
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (!values.every((v) => typeof v === 'string')) return null;
  return values.map((v) => v.trim()).filter((v) => v !== '');
}

function isAbsent(raw: unknown): boolean {
  return textsOf(raw)?.length === 0;
}

function coordinate(limit: number) {
  return (value: string) =>
    DECIMAL.test(value) && Math.abs(Number(value)) <= limit
      ? null
      : `must be a decimal number between -${limit} and ${limit}`;
}

function atMost(limit: number) {
  return (value: string) => ([...value].length > limit ? `must be at most ${limit} characters` : null);
}

function webUrlProblem(value: string): string | null {
  const isWeb = /^https?:\/\//i.test(value) && URL.canParse(value);
  return isWeb ? null : 'must be an http or https URL';
}

/** First and last joined with a space, either alone being the whole name: Chinese names often come in one field. */
function nameOf(first: string | null, last: string | null): string | null {
  return [first, last].filter((part) => part !== null).join(' ') || null;
}

/**
 * `attribute[code]` answers by code; the several values of a multivaluelist joined with commas, the
 * way the standard writes lists.
 */
function attributesOf(form: Record<string, unknown>, problems: Problems): Record<string, string> {
  const answers = new Map<string, string[]>();
  for (const [field, raw] of Object.entries(form)) {
    const code = ATTRIBUTE.exec(field)?.[1];
    if (code === undefined) continue;
    const values = textsOf(raw);
    if (!values) problems.push({ field, description: `${field} must be text` });
    else if (values.length > 0) answers.set(code, [...(answers.get(code) ?? []), ...values]);
  }
  // fromEntries, not assignment: a code such as __proto__ stays a plain key.
  return Object.fromEntries([...answers].map(([code, values]) => [code, values.join(',')]));
}
