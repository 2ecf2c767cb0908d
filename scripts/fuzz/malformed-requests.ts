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

/** Any JSON value of the wrong kind. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(Number.MAX_SAFE_INTEGER * 1000),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

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
      return fc.string({ maxLength: 20 });
  }
}

/** An object of the schema's properties, each valid or (with weight `bad`) of the wrong kind, some dropped. */
function objectOf(schema: Schema, bad: () => number): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fc
      .tuple(
        fc.oneof({ weight: 4, arbitrary: validValue(property) }, { weight: bad(), arbitrary: wrongValue }),
        fc.integer({ min: 0, max: 9 }),
      )
      .map(([value, roll]) => [name, roll === 0 ? undefined : value] as const),
  );
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== undefined)));
}

const BODY_DEFECTS = ['fields', 'extra field', 'not an object', 'malformed JSON', 'empty'] as const;

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
      query: fc.tuple(
        ...queryParams.map((p) =>
          fc.option(fc.oneof(validValue(p.schema).map(String), nastyString), { nil: undefined, freq: 2 }),
        ),
      ),
      extraQuery: fc.option(fc.tuple(nastyString, nastyString), { freq: 4 }),
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
