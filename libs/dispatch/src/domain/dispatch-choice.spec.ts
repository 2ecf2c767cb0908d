import { checkManualChoice, isCatalogueChoice } from './dispatch-choice';

const active = (code: string) => ['110105001', '110105', 'DEPT-A', 'DEPT-B'].includes(code);
const reasons = (choice: Parameters<typeof checkManualChoice>[0]) =>
  checkManualChoice(choice, active).map((p) => `${p.field}:${p.reason}`);

describe('dispatch choice', () => {
  it('leaves an empty choice to the catalogue', () => {
    expect(isCatalogueChoice({})).toBe(true);
    expect(isCatalogueChoice({ coUnitCodes: [] })).toBe(true);
    expect(isCatalogueChoice({ leadUnitCode: '110105001' })).toBe(false);
    expect(isCatalogueChoice({ coUnitCodes: ['DEPT-A'] })).toBe(false);
  });

  it('accepts an active lead with distinct active co-handlers', () => {
    expect(reasons({ leadUnitCode: '110105001', coUnitCodes: ['DEPT-A', 'DEPT-B'] })).toEqual([]);
  });

  it('needs a lead with co-handlers, and an active one', () => {
    expect(reasons({ coUnitCodes: ['DEPT-A'] })).toEqual(['leadUnitCode:required']);
    expect(reasons({ leadUnitCode: 'GONE' })).toEqual(['leadUnitCode:not_active']);
  });

  it('names each bad co-handler by position', () => {
    expect(reasons({ leadUnitCode: '110105001', coUnitCodes: ['DEPT-A', '110105001', 'DEPT-A', 'GONE'] })).toEqual([
      'coUnitCodes.1:repeats_lead',
      'coUnitCodes.2:duplicate',
      'coUnitCodes.3:not_active',
    ]);
  });
});
