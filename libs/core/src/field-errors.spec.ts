import { toFieldErrors } from './field-errors';

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted field paths without repeating the property name', () => {
    const fields = toFieldErrors([
      { property: 'urgency', constraints: { isIn: 'urgency must be one of: emergency, general' } },
      {
        property: 'data',
        children: [{ property: 'unitCode', constraints: { isString: 'unitCode must be a string' } }],
      },
    ]);
    expect(fields).toEqual([
      { field: 'urgency', message: 'must be one of: emergency, general', reason: 'isIn' },
      { field: 'data.unitCode', message: 'must be a string', reason: 'isString' },
    ]);
  });

  it('gives one entry per broken constraint', () => {
    const fields = toFieldErrors([
      { property: 'name', constraints: { isString: 'name must be a string', maxLength: 'too long' } },
    ]);
    expect(fields).toHaveLength(2);
  });
});
