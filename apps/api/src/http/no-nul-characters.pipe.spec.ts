import { DomainError } from '@hotline/core';
import { NoNulCharactersPipe } from './no-nul-characters.pipe';

describe('NoNulCharactersPipe', () => {
  const pipe = new NoNulCharactersPipe();
  const fieldOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as DomainError).fields[0]?.field;
    }
    return 'accepted';
  };

  it('names the field holding a NUL, however deep', () => {
    expect(fieldOf(() => pipe.transform({ a: 'ok', b: { c: ['x', 'y\u0000'] } }, { type: 'body' }))).toBe('b.c.1');
    expect(fieldOf(() => pipe.transform({ hotline: 'a\u0000' }, { type: 'query' }))).toBe('hotline');
    expect(fieldOf(() => pipe.transform('\u0000', { type: 'param', data: 'code' }))).toBe('code');
  });

  it('lets every other value through unchanged, odd unicode included', () => {
    const value = { q: '𠜎\u202e\ud800 %00', n: 1, list: [null, true] };
    expect(pipe.transform(value, { type: 'body' })).toBe(value);
    expect(fieldOf(() => pipe.transform({ user: '\u0000' }, { type: 'custom' }))).toBe('accepted');
  });
});
