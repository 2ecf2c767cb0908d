import { DomainError } from '@hotline/core';
import { MAX_NESTING, NestingDepthPipe } from './nesting-depth.pipe';

describe('NestingDepthPipe', () => {
  const pipe = new NestingDepthPipe();
  const nested = (levels: number) => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`) as unknown;
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      const [field] = (error as DomainError).fields;
      return `${field.field}:${field.reason}`;
    }
    return 'accepted';
  };

  it('refuses a value nested past the limit, naming the top-level field, however deep (no stack overflow)', () => {
    expect(refusal(() => pipe.transform({ ok: 1, note: nested(100_000) }, { type: 'body' }))).toBe('note:too_deep');
    expect(refusal(() => pipe.transform(nested(MAX_NESTING + 1), { type: 'body' }))).toBe('0:too_deep');
  });

  it('lets the api’s own shapes through, wide arrays included', () => {
    const policy = { items: [{ dispatchWithin: { amount: 1, unit: 'hours' } }] };
    expect(pipe.transform(policy, { type: 'body' })).toBe(policy);
    const wide = { coUnitCodes: Array.from({ length: 10_000 }, () => 'x') };
    expect(pipe.transform(wide, { type: 'body' })).toBe(wide);
    expect(refusal(() => pipe.transform({ a: nested(MAX_NESTING - 1) }, { type: 'body' }))).toBe('accepted');
  });
});
