import type { DispatchRuleSeed } from '../seed-types';

/**
 * Default dispatch catalogue (派单目录, docs/product.md, "Reference data"). Rules are tried in ascending `priority`; the first
 * rule whose category covers the case's category (a rule on a 大类/中类 covers everything below it)
 * and whose district/street, if set, matches the case's location wins.
 *
 * Ordering: place-specific rules (street, then district) first; then leaf-level rules before the
 * broader category rules they refine. No rule for 其他 (19): unmatched cases fall back to the
 * district government of the location (兜底), or to manual dispatch when there is no location.
 *
 * `auto` is set only on clear-cut utility outages, which are dispatched on registration.
 */
export const DISPATCH_RULES: readonly DispatchRuleSeed[] = [
  // ── place-specific rules ───────────────────────────────────────────────────
  {
    priority: 10,
    name: '东华门街道（王府井、故宫周边）旅游市场 → 市文化和旅游局，街道协办',
    categoryCode: '1201',
    districtCode: '110101',
    streetCode: '110101001',
    target: 'unit',
    leadUnitCode: 'DEPT-CULTURE-TOURISM',
    coUnitCodes: ['110101001'],
  },
  {
    priority: 20,
    name: '朝阳区停车管理 → 市交通委员会，朝阳区协办',
    categoryCode: '0405',
    districtCode: '110105',
    target: 'unit',
    leadUnitCode: 'DEPT-TRANSPORT',
    coUnitCodes: ['110105'],
  },
  {
    priority: 30,
    name: '通州区（城市副中心）违法建设 → 市城管执法局，市规划自然资源委、通州区协办',
    categoryCode: '0102',
    districtCode: '110112',
    target: 'unit',
    leadUnitCode: 'DEPT-URBAN-LAW-ENFORCEMENT',
    coUnitCodes: ['DEPT-PLANNING', '110112'],
  },
  {
    priority: 40,
    name: '海淀区校外培训 → 市教育委员会，海淀区协办',
    categoryCode: '0902',
    districtCode: '110108',
    target: 'unit',
    leadUnitCode: 'DEPT-EDUCATION',
    coUnitCodes: ['110108'],
  },

  // ── public utilities: clear-cut outages, dispatched automatically ──────────
  {
    priority: 50,
    name: '燃气泄漏 → 燃气集团（自动），市应急管理局协办',
    categoryCode: '030301',
    target: 'unit',
    leadUnitCode: 'UTIL-GAS',
    coUnitCodes: ['DEPT-EMERGENCY'],
    auto: true,
  },
  {
    priority: 60,
    name: '停水 → 自来水集团（自动）',
    categoryCode: '030101',
    target: 'unit',
    leadUnitCode: 'UTIL-WATER',
    auto: true,
  },
  {
    priority: 70,
    name: '停电 → 国网北京电力（自动）',
    categoryCode: '030201',
    target: 'unit',
    leadUnitCode: 'UTIL-POWER',
    auto: true,
  },
  {
    priority: 80,
    name: '暖气不热 → 热力集团（自动）',
    categoryCode: '030401',
    target: 'unit',
    leadUnitCode: 'UTIL-HEATING',
    auto: true,
  },
  {
    priority: 90,
    name: '道路积水 → 排水集团，市水务局协办',
    categoryCode: '030503',
    target: 'unit',
    leadUnitCode: 'UTIL-DRAINAGE',
    coUnitCodes: ['DEPT-WATER'],
  },

  // ── public utilities: whole 中类 ───────────────────────────────────────────
  { priority: 100, name: '供水 → 自来水集团', categoryCode: '0301', target: 'unit', leadUnitCode: 'UTIL-WATER' },
  { priority: 110, name: '供电 → 国网北京电力', categoryCode: '0302', target: 'unit', leadUnitCode: 'UTIL-POWER' },
  { priority: 120, name: '燃气 → 燃气集团', categoryCode: '0303', target: 'unit', leadUnitCode: 'UTIL-GAS' },
  { priority: 130, name: '供热 → 热力集团', categoryCode: '0304', target: 'unit', leadUnitCode: 'UTIL-HEATING' },
  { priority: 140, name: '排水 → 排水集团', categoryCode: '0305', target: 'unit', leadUnitCode: 'UTIL-DRAINAGE' },
  // The operator is often unknown at registration, so 通信 goes to the regulator, which forwards.
  {
    priority: 150,
    name: '通信 → 市通信管理局',
    categoryCode: '0306',
    target: 'unit',
    leadUnitCode: 'DEPT-COMMUNICATIONS',
  },
  { priority: 160, name: '有线电视 → 歌华有线', categoryCode: '0307', target: 'unit', leadUnitCode: 'UTIL-GEHUA' },
  { priority: 170, name: '公交 → 公交集团', categoryCode: '0401', target: 'unit', leadUnitCode: 'UTIL-BUS' },
  { priority: 180, name: '地铁 → 北京地铁', categoryCode: '0402', target: 'unit', leadUnitCode: 'UTIL-SUBWAY' },

  // ── street/township-level matters (属地街乡) ───────────────────────────────
  { priority: 190, name: '市容环境 → 属地街乡', categoryCode: '0101', target: 'street_of_location' },
  { priority: 200, name: '垃圾分类与清运 → 属地街乡', categoryCode: '0103', target: 'street_of_location' },
  { priority: 210, name: '物业管理 → 属地街乡', categoryCode: '0201', target: 'street_of_location' },
  {
    priority: 220,
    name: '社会生活噪声（邻里、商业） → 属地街乡',
    categoryCode: '060102',
    target: 'street_of_location',
  },
  { priority: 230, name: '共享单车乱停乱放 → 属地街乡', categoryCode: '040601', target: 'street_of_location' },

  // ── district-level matters (属地区政府) ────────────────────────────────────
  { priority: 240, name: '违法建设 → 属地区政府', categoryCode: '0102', target: 'district_of_location' },
  { priority: 250, name: '老旧小区改造 → 属地区政府', categoryCode: '0203', target: 'district_of_location' },
  { priority: 260, name: '施工噪声 → 属地区政府', categoryCode: '060101', target: 'district_of_location' },
  { priority: 270, name: '教育 → 属地区政府', categoryCode: '09', target: 'district_of_location' },
  { priority: 280, name: '养老服务 → 属地区政府', categoryCode: '1001', target: 'district_of_location' },
  { priority: 290, name: '安全生产 → 属地区政府', categoryCode: '1701', target: 'district_of_location' },

  // ── city-wide matters (市级部门) ───────────────────────────────────────────
  {
    priority: 300,
    name: '药品医疗器械 → 市药品监督管理局',
    categoryCode: '0505',
    target: 'unit',
    leadUnitCode: 'DEPT-DRUG',
  },
  { priority: 310, name: '知识产权 → 市知识产权局', categoryCode: '0506', target: 'unit', leadUnitCode: 'DEPT-IP' },
  {
    priority: 320,
    name: '市场监管（消费维权、食品、价格、质量等） → 市市场监督管理局',
    categoryCode: '05',
    target: 'unit',
    leadUnitCode: 'DEPT-MARKET-REGULATION',
  },
  {
    priority: 330,
    name: '医疗保障 → 市医疗保障局',
    categoryCode: '0704',
    target: 'unit',
    leadUnitCode: 'DEPT-MEDICAL-SECURITY',
  },
  {
    priority: 340,
    name: '劳动和社会保障（欠薪、社保、就业） → 市人力资源和社会保障局',
    categoryCode: '07',
    target: 'unit',
    leadUnitCode: 'DEPT-HUMAN-RESOURCES',
  },
  {
    priority: 350,
    name: '住房公积金 → 北京住房公积金管理中心',
    categoryCode: '1301',
    target: 'unit',
    leadUnitCode: 'DEPT-HOUSING-FUND',
  },
  { priority: 360, name: '税务 → 市税务局', categoryCode: '1303', target: 'unit', leadUnitCode: 'DEPT-TAX' },
  {
    priority: 370,
    name: '户籍管理 → 市公安局',
    categoryCode: '1101',
    target: 'unit',
    leadUnitCode: 'DEPT-PUBLIC-SECURITY',
  },
  {
    priority: 380,
    name: '出租车与网约车 → 市交通委员会',
    categoryCode: '0403',
    target: 'unit',
    leadUnitCode: 'DEPT-TRANSPORT',
  },
  {
    priority: 390,
    name: '共享单车 → 市交通委员会',
    categoryCode: '0406',
    target: 'unit',
    leadUnitCode: 'DEPT-TRANSPORT',
  },
  { priority: 400, name: '河湖水务 → 市水务局', categoryCode: '0605', target: 'unit', leadUnitCode: 'DEPT-WATER' },
  {
    priority: 410,
    name: '生态环境（大气、水、固废等） → 市生态环境局',
    categoryCode: '06',
    target: 'unit',
    leadUnitCode: 'DEPT-ECOLOGY',
  },
  {
    priority: 420,
    name: '旅游市场 → 市文化和旅游局',
    categoryCode: '1201',
    target: 'unit',
    leadUnitCode: 'DEPT-CULTURE-TOURISM',
  },
  { priority: 430, name: '法律服务 → 市司法局', categoryCode: '14', target: 'unit', leadUnitCode: 'DEPT-JUSTICE' },
  { priority: 440, name: '邮政快递 → 市邮政管理局', categoryCode: '15', target: 'unit', leadUnitCode: 'DEPT-POSTAL' },
  {
    priority: 450,
    name: '极端天气 → 市应急管理局，市城市管理委员会协办',
    categoryCode: '170201',
    target: 'unit',
    leadUnitCode: 'DEPT-EMERGENCY',
    coUnitCodes: ['DEPT-URBAN-MANAGEMENT'],
  },
];
