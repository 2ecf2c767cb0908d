import fc from 'fast-check';
import type { Operation, Schema } from './openapi-operations';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** What was done to it, for the report. */
  label: string;
}

/** Who the fuzzer can be, and real ids for paths (so some requests reach the handlers). */
export interface FuzzContext {
  tokens: Record<'admin' | 'agent' | 'supervisor' | 'handler', string>;
  ids: { caseId: string; callId: string; unitCode: string };
}

/**
 * Writes to data every other test reads (users, rules, the SLA table, the calendar): requests to
 * them always carry an unknown field or broken JSON, so they are refused and never change the shared reference data.
 */
const SHARED_STATE = new Set([
  'POST /api/v1/users',
  'POST /api/v1/dispatch-rules',
  'PUT /api/v1/sla-policy',
  'PUT /api/v1/calendar/days/{day}',
]);

const HUGE = 'x'.repeat(100_000);

/** Strings that break naive code: injections, traversal, odd unicode, control characters. */
const nastyString = fc.oneof(
  fc.constantFrom(
    "' OR '1'='1",
    "'; DROP TABLE cases; --",
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    '${jndi:ldap://example/a}',
    '{{7*7}}',
    '{"$gt": ""}',
    '%00',
    '\u0000',
    '\ud800',
    '\u202eevil',
    '𠜎𠜱𠝹𠱓',
    '👩‍👩‍👧‍👦',
    'null',
    'NaN',
    '-1',
    '1e309',
    '0x1F',
    ' ',
    '',
    HUGE,
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/**
 * Numbers at the limits of the types they meet on the way: int4 and bigint in PostgreSQL, doubles and
 * safe integers in JavaScript (`OFFSET 100000000000000000000` overflowed bigint: a 500 once).
 */
const LIMIT_NUMBERS = [
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  2 ** 63,
  1e20,
  1e300,
  -1,
  -0,
  0.5,
  Number.MIN_VALUE,
  -Number.MAX_VALUE,
];

/** The same limits as a query string or a path writes them, and numbers that are not quite numbers. */
const limitNumberText = fc.constantFrom(
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '9223372036854775808',
  '100000000000000000000',
  '1e20',
  '1e300',
  '-1',
  '-0',
  '0.5',
  '1.0',
  'Infinity',
  '-Infinity',
  'NaN',
  '0x10',
  ' 1',
  '1_000',
  '',
);

/** Days and times at the edges of what JavaScript and PostgreSQL read (PostgreSQL has no year 0000). */
const limitDateText = fc.constantFrom(
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.999Z',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-02-30',
  '2026-13-01',
  '2026-02-29T24:00:00Z',
);

/** Strings at and just over a field's maxLength, in one-byte and three-byte characters, and far over it. */
function limitString(schema: Schema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 4000;
  return fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), '界'.repeat(max + 1), 'x'.repeat(65_536));
}

/** Any JSON value of the wrong kind. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(Number.MAX_SAFE_INTEGER * 1000),
  fc.constantFrom(...LIMIT_NUMBERS),
  fc.array(nastyString, { maxLength: 3 }),
  fc.constant(Array.from({ length: 10_000 }, (_, i) => String(i))),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

/** Values at the limits of a field's own type: out-of-range numbers, absurd dates, over-long strings. */
function limitValue(schema: Schema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.constantFrom(...LIMIT_NUMBERS);
    case 'array':
      return fc.constant(Array.from({ length: 10_000 }, () => 'x'));
    case 'string':
      if (schema.format === 'date-time' || schema.format === 'date') return limitDateText;
      return limitString(schema);
    default:
      return wrongValue;
  }
}

/** A query value at the limits of its declared type, written as text; of every type when none is declared. */
function limitText(schema: Schema): fc.Arbitrary<string> {
  if (schema.type === 'integer' || schema.type === 'number') return limitNumberText;
  if (schema.format === 'date-time' || schema.format === 'date') return limitDateText;
  if (schema.type === 'string') return limitString(schema);
  return fc.oneof(limitNumberText, limitDateText, limitString(schema));
}

/**
 * A query value: mostly valid, so that the one bad value of a request is the one tested (a bad `status`
 * beside `offset=1e20` hides the offset); else a nasty string or, except for an enum, a value at its limits.
 */
function queryValue(schema: Schema): fc.Arbitrary<string> {
  const valid = { weight: 2, arbitrary: validValue(schema).map(String) };
  const nasty = { weight: 1, arbitrary: nastyString };
  return schema.enum?.length
    ? fc.oneof(valid, nasty)
    : fc.oneof(valid, nasty, { weight: 2, arbitrary: limitText(schema) });
}

/** A value that fits the schema (so the other defects of a request are the ones tested). */
function validValue(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items ?? {}), { maxLength: 3 });
    case 'object':
      return objectOf(schema, () => 0);
    default:
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'date')
        return fc.date({ min: new Date('2000-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      return fc.string({ maxLength: 20 });
  }
}

/** An object of the schema's properties, each valid or (with weight `bad`) of the wrong kind, some dropped. */
function objectOf(schema: Schema, bad: () => number): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fc
      .tuple(
        fc.oneof(
          { weight: 4, arbitrary: validValue(property) },
          { weight: bad(), arbitrary: wrongValue },
          { weight: bad(), arbitrary: limitValue(property) },
        ),
        fc.integer({ min: 0, max: 9 }),
      )
      .map(([value, roll]) => [name, roll === 0 ? undefined : value] as const),
  );
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== undefined)));
}

const BODY_DEFECTS = ['fields', 'extra field', 'not an object', 'malformed JSON', 'empty', 'deeply nested'] as const;

/** 10,000 nested arrays: 20 KB of text, too deep for JSON.stringify to write and for recursive walks to read. */
const DEEPLY_NESTED = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

/** `mustBeRefused`: only defects no valid request has (an unknown field, broken JSON). */
function bodyOf(operation: Operation, mustBeRefused: boolean): fc.Arbitrary<{ text: string; label: string }> {
  const schema = operation.body ?? { type: 'object', properties: {} };
  const defects = mustBeRefused ? (['extra field', 'malformed JSON'] as const) : BODY_DEFECTS;
  return fc
    .tuple(
      fc.constantFrom(...defects),
      objectOf(schema, () => 2),
      wrongValue,
      nastyString,
    )
    .map(([defect, object, wrong, key]) => {
      switch (defect) {
        case 'not an object':
          return { text: JSON.stringify(wrong ?? null), label: 'body: not an object' };
        case 'malformed JSON':
          return { text: `${JSON.stringify(object).slice(0, -1)},"`, label: 'body: malformed JSON' };
        case 'empty':
          return { text: '', label: 'body: empty' };
        case 'deeply nested': {
          const [field = 'value'] = Object.keys(schema.properties ?? {});
          return { text: `{"${field}":${DEEPLY_NESTED}}`, label: 'body: a field nested 10,000 deep' };
        }
        case 'extra field':
          return {
            text: JSON.stringify({ ...object, [`${key}_unknown`]: wrong }),
            label: 'body: unknown field + bad or missing fields',
          };
        case 'fields':
          return { text: JSON.stringify(object), label: 'body: bad or missing fields' };
      }
    });
}

function pathValue(name: string, context: FuzzContext): fc.Arbitrary<string> {
  const real = name === 'code' ? context.ids.unitCode : name === 'id' ? context.ids.caseId : context.ids.callId;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(real) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: nastyString.map((s) => (s === '' ? ' ' : s)) },
    { weight: 1, arbitrary: fc.oneof(limitNumberText, limitDateText).map((s) => (s === '' ? ' ' : s)) },
  );
}

function tokenFor(context: FuzzContext): fc.Arbitrary<{ header?: string; label: string }> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .constantFrom('admin', 'agent', 'supervisor', 'handler' as const)
        .map((role) => ({ header: `Bearer ${context.tokens[role]}`, label: role })),
    },
    { weight: 1, arbitrary: fc.constant({ label: 'no token' }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { header: 'Bearer not.a.jwt', label: 'garbage token' },
        { header: `Bearer ${context.tokens.admin.slice(0, -4)}AAAA`, label: 'bad signature' },
        // alg "none": must never be accepted.
        {
          header: 'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.',
          label: 'alg none',
        },
        { header: `Basic ${Buffer.from('admin:admin').toString('base64')}`, label: 'wrong scheme' },
      ),
    },
  );
}

/** Malformed requests to one operation: bad paths, queries, bodies and tokens, mixed. */
export function malformedRequests(operation: Operation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const key = `${operation.method} ${operation.path}`;
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  return fc
    .record({
      path: fc.tuple(...pathParams.map((p) => pathValue(p.name, context))),
      query: fc.tuple(...queryParams.map((p) => fc.option(queryValue(p.schema), { nil: undefined, freq: 2 }))),
      // One request in four: an unknown parameter refuses the whole query, hiding its other values.
      extraQuery: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(nastyString, nastyString) },
      ),
      body: SHARED_STATE.has(key)
        ? bodyOf(operation, true)
        : operation.body || operation.method !== 'GET'
          ? fc.option(bodyOf(operation, false), { nil: undefined, freq: 6 })
          : fc.constant(undefined),
      token: operation.secured
        ? tokenFor(context)
        : fc.constant<{ header?: string; label: string }>({ label: 'public' }),
    })
    .map(({ path, query, extraQuery, body, token }) => {
      let url = operation.path;
      pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, escapeSegment(path[i]))));
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => query[i] !== undefined && search.append(p.name, query[i]));
      if (extraQuery) search.append(extraQuery[0] || 'unknown', extraQuery[1]);
      const qs = search.toString();
      return {
        method: operation.method,
        url: qs ? `${url}?${qs}` : url,
        headers: {
          ...(token.header ? { authorization: token.header } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body?.text,
        label: [token.label, body?.label, extraQuery ? 'extra query' : null].filter(Boolean).join(', '),
      };
    });
}

/** Percent-encodes every byte but the unreserved ones (lone surrogates go as U+FFFD, like a browser). */
function escapeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

/** `count` requests spread over every operation, reproducible from `seed`. */
export function sampleRequests(
  operations: readonly Operation[],
  context: FuzzContext,
  count: number,
  seed: number,
): FuzzRequest[] {
  const all = fc.oneof(...operations.map((op) => malformedRequests(op, context)));
  return fc.sample(all, { numRuns: count, seed });
}
