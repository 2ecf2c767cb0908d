import { DomainError } from '@hotline/core';
import { DEMAND_TYPES } from './case-vocabulary';
import { ANSWERABLE_DEMANDS, assertAnswerable } from './answerability';

describe('answering on the call', () => {
  it('is allowed for consultations, help, suggestions and praise', () => {
    for (const type of ANSWERABLE_DEMANDS) expect(() => assertAnswerable(type)).not.toThrow();
  });

  it('is refused for complaints and reports, which need a unit', () => {
    const refused = DEMAND_TYPES.filter((t) => !ANSWERABLE_DEMANDS.includes(t));
    expect(refused).toEqual(['complaint', 'report']);
    for (const type of refused) {
      expect(() => assertAnswerable(type)).toThrow(DomainError);
      expect(() => assertAnswerable(type)).toThrow(expect.objectContaining({ reason: 'case.not_answerable' }));
    }
  });
});
