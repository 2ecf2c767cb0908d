import type { HotlineSeed } from '../seed-types';

/**
 * Default hotlines (docs/product.md, "Reference data"): the primary 12345 line, the 16 government lines merged into it and
 * the 11 public-utility enterprise lines reachable by one-key transfer / overflow.
 *
 * Merge dates are plausible defaults, not official records: per the press article, nine lines had
 * been merged before 2018-12-15 and a tenth was due by that date; the rest follow the three-year
 * integration plan. Admins correct them on the live rows.
 */
export const HOTLINES: readonly HotlineSeed[] = [
  // ── primary ────────────────────────────────────────────────────────────────
  { code: '12345', number: '12345', name: '市民服务热线', kind: 'primary' },

  // ── 16 merged government lines ─────────────────────────────────────────────
  {
    code: '12319',
    number: '12319',
    name: '城市管理',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2018-06-29',
  },
  {
    code: '96310',
    number: '96310',
    name: '城管执法',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2018-07-31',
  },
  { code: '12349', number: '12349', name: '民政', kind: 'merged', mergeMode: 'number_retired', mergedOn: '2018-08-31' },
  {
    code: '12320',
    number: '12320',
    name: '卫生健康',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2018-09-28',
  },
  {
    code: '12329',
    number: '12329',
    name: '住房公积金',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2018-10-31',
  },
  {
    code: '12301',
    number: '12301',
    name: '文化旅游',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2018-11-15',
  },
  {
    code: '12348',
    number: '12348',
    name: '法律服务',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2018-11-30',
  },
  {
    code: '12300',
    number: '12300',
    name: '电信用户申诉',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2018-12-07',
  },
  {
    code: '12305',
    number: '12305',
    name: '邮政快递',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2018-12-10',
  },
  {
    code: '12369',
    number: '12369',
    name: '生态环境',
    kind: 'merged',
    mergeMode: 'dual_number',
    mergedOn: '2018-12-15',
  },
  {
    code: '12333',
    number: '12333',
    name: '人力社保',
    kind: 'merged',
    mergeMode: 'dual_number',
    mergedOn: '2019-06-28',
  },
  {
    code: '12330',
    number: '12330',
    name: '知识产权',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2019-09-30',
  },
  { code: '12358', number: '12358', name: '价格', kind: 'merged', mergeMode: 'number_retired', mergedOn: '2019-12-20' },
  {
    code: '12365',
    number: '12365',
    name: '质量监督',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2019-12-20',
  },
  {
    code: '12331',
    number: '12331',
    name: '食品药品',
    kind: 'merged',
    mergeMode: 'number_retired',
    mergedOn: '2019-12-20',
  },
  {
    code: '12315',
    number: '12315',
    name: '市场监管',
    kind: 'merged',
    mergeMode: 'dual_number',
    mergedOn: '2020-06-30',
  },

  // ── 11 utility enterprise lines (each answered by a utility unit) ──────────
  { code: '95598', number: '95598', name: '电力', kind: 'utility', unitCode: 'UTIL-POWER' },
  { code: '96116', number: '96116', name: '供水', kind: 'utility', unitCode: 'UTIL-WATER' },
  { code: '96777', number: '96777', name: '燃气', kind: 'utility', unitCode: 'UTIL-GAS' },
  { code: '96069', number: '96069', name: '供热', kind: 'utility', unitCode: 'UTIL-HEATING' },
  { code: '96166', number: '96166', name: '公交', kind: 'utility', unitCode: 'UTIL-BUS' },
  { code: '96165', number: '96165', name: '地铁', kind: 'utility', unitCode: 'UTIL-SUBWAY' },
  { code: '96196', number: '96196', name: '歌华有线', kind: 'utility', unitCode: 'UTIL-GEHUA' },
  // Number deliberately unset: an admin enters it (docs/product.md, "Reference data").
  { code: 'drainage', number: null, name: '排水', kind: 'utility', unitCode: 'UTIL-DRAINAGE' },
  { code: '10086', number: '10086', name: '中国移动', kind: 'utility', unitCode: 'UTIL-CMCC' },
  { code: '10010', number: '10010', name: '中国联通', kind: 'utility', unitCode: 'UTIL-CUCC' },
  { code: '10000', number: '10000', name: '中国电信', kind: 'utility', unitCode: 'UTIL-CTCC' },
];
