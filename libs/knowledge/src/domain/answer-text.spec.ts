import { plainAnswer } from './answer-text';

describe('plainAnswer', () => {
  it('keeps the words of Markdown and drops its marks', () => {
    const markdown = [
      '## 办理材料',
      '',
      '1. **身份证**原件',
      '- 租房合同（见[样本](https://example.org/a.pdf)）',
      '> 以`京政发〔2020〕1号`为准',
      '',
      '| 情形 | 期限 |',
      '| --- | --- |',
      '| 租房 | 每年 |',
    ].join('\n');
    expect(plainAnswer(markdown)).toBe(
      '办理材料\n身份证原件\n租房合同（见样本）\n以京政发〔2020〕1号为准\n情形 期限\n租房 每年',
    );
  });

  it('leaves plain text, and underscores inside words, as they are', () => {
    expect(plainAnswer('供暖期内室温低于18℃的，可拨打12345。')).toBe('供暖期内室温低于18℃的，可拨打12345。');
    expect(plainAnswer('file_name_v2')).toBe('file_name_v2');
  });
});
