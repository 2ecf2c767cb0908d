import { fold, normalize, simplified } from './fold';

describe('fold', () => {
  it('folds traditional characters to simplified', () => {
    expect(fold('暖氣不熱')).toBe('暖气不热');
    expect(fold('公積金怎麼提取')).toBe('公积金怎么提取');
    expect(fold('營業執照辦理')).toBe('营业执照办理');
  });

  it('folds full-width letters, digits and spaces to half-width, and lower-cases', () => {
    expect(fold('ＡＰＰ　１２３４５')).toBe('app 12345');
    expect(fold('Wi-Fi')).toBe('wi-fi');
  });

  it('drops zero-width characters, which would split a word', () => {
    expect(fold('公\u200b积金')).toBe('公积金');
  });

  it('keeps simplified text as it is, and `normalize` keeps the case', () => {
    expect(fold('停水了')).toBe('停水了');
    expect(normalize('Ｏffice 暖氣')).toBe('Office 暖气');
    expect(simplified('暖氣，１２３')).toBe('暖气，１２３');
  });
});
