import { fromHighlightText, toHighlightText, toSearchDocument } from './search-document';

describe('toSearchDocument', () => {
  it('gives each weight its fields’ words, folded and space-separated', () => {
    const document = toSearchDocument([
      { text: '住房公积金提取', weight: 'A' },
      { text: '公積金怎麼提取？', weight: 'B' },
      { text: '租房可以提取', weight: 'B' },
      { text: '携带身份证到管理中心办理。', weight: 'C' },
    ]);
    expect(document).toEqual({
      A: '住房 公积 积金 公积金 住房公积金 提取',
      B: '公积 积金 公积金 怎么 提取 租房 可以 提取',
      C: '携带 身份 身份证 到 管理 中心 管理中心 办理',
      D: '',
    });
  });

  it('keeps hotline terms and numbers as words, drops punctuation', () => {
    expect(toSearchDocument([{ text: '接诉即办：请拨打１２３４５！', weight: 'D' }]).D).toBe('接诉即办 请 拨打 12345');
  });
});

describe('highlight text', () => {
  it('separates words invisibly and escapes HTML word by word', () => {
    const text = toHighlightText('请携带<身份证>到 Office 办理 & 咨询');
    expect(text.split('\u200b')).toEqual(
      expect.arrayContaining(['请', '携带', '&lt;', '身份证', '&gt;', 'Office', '&amp;', '咨询']),
    );
    expect(fromHighlightText(text)).toBe('请携带&lt;身份证&gt;到 Office 办理 &amp; 咨询');
  });

  it('shows words as the search matched them (simplified, half-width) and punctuation as written', () => {
    expect(fromHighlightText(toHighlightText('暖氣不熱，請撥打１２３４５！'))).toBe('暖气不热，请拨打12345！');
  });
});
