import { requesterOf, requesterProblems } from './requester';

const company = { name: ' 北京某某科技有限公司 ', creditCode: '91110000600037341l' };

describe('who raised a demand', () => {
  it('is a citizen by default, with no company and not sensitive', () => {
    expect(requesterProblems({})).toEqual([]);
    expect(requesterOf({})).toEqual({ requesterKind: 'citizen', company: null, sensitive: false });
    expect(requesterProblems({ requesterKind: 'citizen', sensitive: false })).toEqual([]);
  });

  it('is an enterprise with its company, the code normalised and the name trimmed', () => {
    const input = { requesterKind: 'enterprise' as const, company, sensitive: true };
    expect(requesterProblems(input)).toEqual([]);
    expect(requesterOf(input)).toEqual({
      requesterKind: 'enterprise',
      company: { name: '北京某某科技有限公司', creditCode: '91110000600037341L' },
      sensitive: true,
    });
    expect(requesterOf({ requesterKind: 'enterprise', company }).sensitive).toBe(false);
  });

  it('needs the company of an enterprise, with a valid credit code named by its path', () => {
    expect(requesterProblems({ requesterKind: 'enterprise' })).toEqual([
      expect.objectContaining({ field: 'company', reason: 'required' }),
    ]);
    const wrong = { ...company, creditCode: '91110000600037341N' };
    expect(requesterProblems({ requesterKind: 'enterprise', company: wrong })).toEqual([
      expect.objectContaining({ field: 'company.creditCode', reason: 'check_digit' }),
    ]);
  });

  it('refuses a company or sensitivity on a citizen’s demand', () => {
    expect(requesterProblems({ company, sensitive: true })).toEqual([
      expect.objectContaining({ field: 'company', reason: 'enterprise_only' }),
      expect.objectContaining({ field: 'sensitive', reason: 'enterprise_only' }),
    ]);
  });
});
