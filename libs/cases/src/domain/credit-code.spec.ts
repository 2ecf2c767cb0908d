import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  normalizeCreditCode,
  organisationCheckCharacter,
} from './credit-code';

/** A code with the right final check character for its first 17. */
const sealed = (first17: string) => `${first17}${creditCodeCheckCharacter(first17)}`;

describe('the unified social credit code (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'an enterprise in Fuzhou (the standard’s own example)'],
    ['91110000600037341L', 'an enterprise in Beijing'],
    ['91310115MA1K3BTP2B', 'an enterprise whose organisation code has letters'],
    ['9144030071526726XG', 'an organisation code whose check character is X'],
    ['92340602MA2PBMEM24', 'a 个体工商户'],
    ['92340603MA2PBMCG0U', 'an organisation code whose check character is 0'],
    ['121200004013590816', 'a 事业单位 registered by 机构编制'],
  ])('accepts %s (%s)', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the published check characters: 31 is written 0; for the organisation code 10 is X, 11 is 0', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
    expect(creditCodeCheckCharacter('91152201078376286')).toBe('0'); // 911522010783762860
    expect(organisationCheckCharacter('M000100Y')).toBe('4');
    expect(organisationCheckCharacter('71526726')).toBe('X'); // 9144030071526726XG
    expect(organisationCheckCharacter('MA2PBMCG')).toBe('0'); // 92340603MA2PBMCG0U
  });

  it('finds a mistyped character by the final check character', () => {
    expect(creditCodeProblem('91110000600037341N')).toBe('check_digit');
    expect(creditCodeProblem('91110000600037431L')).toBe('check_digit'); // two digits swapped
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check_digit');
  });

  it.each(['9111000060003734', '91110000600037341', '91110000600037341LL', ''])('refuses %p by its length', (code) => {
    expect(creditCodeProblem(code)).toBe('length');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the letter %s, which the code never uses', (letter) => {
    expect(creditCodeProblem(`9111000060003734${letter}L`)).toBe('charset');
    expect(creditCodeProblem(`91110000${letter}00037341L`)).toBe('charset');
  });

  it('refuses lower case and other characters as they are, and accepts lower case once normalised', () => {
    expect(creditCodeProblem('91350100m000100y43')).toBe('charset');
    expect(creditCodeProblem('9111000060003734-L')).toBe('charset');
    expect(normalizeCreditCode('91350100m000100y43')).toBe('91350100M000100Y43');
    expect(creditCodeProblem(normalizeCreditCode(' 91110000600037341L'))).toBe('length');
    expect(creditCodeProblem(normalizeCreditCode('91350100m000100y43'))).toBeNull();
  });

  it('refuses an unknown registration authority or an organisation type it does not register', () => {
    expect(creditCodeProblem(sealed('B1110000600037341'))).toBe('registration_authority'); // no authority B
    expect(creditCodeProblem(sealed('94110000600037341'))).toBe('registration_authority'); // 工商 registers 1–3
    expect(creditCodeProblem(sealed('Y2110000600037341'))).toBe('registration_authority'); // 其他: 1 only
    expect(creditCodeProblem(sealed('51110000600037341'))).toBeNull(); // 民政: 社会团体
  });

  it('refuses an area code that is not six digits', () => {
    expect(creditCodeProblem(sealed('911100A0600037341'))).toBe('region_code');
  });

  it('refuses an organisation code whose own check character (17th) is wrong', () => {
    expect(creditCodeProblem(sealed('91110000600037342'))).toBe('organisation_check_digit');
    expect(creditCodeProblem(sealed('91350100M000100Y5'))).toBe('organisation_check_digit');
  });
});
