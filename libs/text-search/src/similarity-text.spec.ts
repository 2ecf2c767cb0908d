import { toSimilarityText } from './similarity-text';

describe('toSimilarityText', () => {
  it('makes every Chinese character a word, so pg_trgm compares characters', () => {
    expect(toSimilarityText('公积金提取')).toBe('公 积 金 提 取');
  });

  it('drops filler and punctuation, folds, keeps numbers and Latin words whole', () => {
    expect(toSimilarityText('请问公積金怎麼提取？')).toBe('公 积 金 提 取');
    expect(toSimilarityText('１２３４５ APP 热线')).toBe('12345 app 热 线');
  });
});
