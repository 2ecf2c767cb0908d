import type { CaseHistory } from './city-history';

/** The `cases` columns the generator fills (the others keep their defaults). */
export const CASE_COLUMNS = [
  'id',
  'case_number',
  'status',
  'channel',
  'demand_type',
  'category_code',
  'urgency',
  'district_code',
  'street_code',
  'address',
  'caller_phone',
  'description',
  'reasonable',
  'source_hotline_code',
  'source_hotline_number',
  'overflow_from',
  'first_call',
  'repeat_count',
  'lead_unit_code',
  'registered_at',
  'dispatch_count',
  'first_dispatched_at',
  'first_dispatch_returned',
  'dispatched_at',
  'closed_at',
  'dispatch_due_at',
  'sign_due_at',
  'response_due_at',
  'resolve_due_at',
  'callback_due_at',
  'signed_at',
  'responded_at',
  'resolved_at',
  'resolution_outcome',
] as const;

type Value = string | number | boolean | Date | null;

/**
 * The descriptions of generated cases: a limited set, worded as agents write them, so that the case
 * search (`GET /cases?q=`) has words to find and misses to skip; each is cut into words once per load.
 */
export const BENCH_DESCRIPTIONS = [
  '小区暖气一直不热，室内温度只有十四度，希望尽快处理',
  '楼下路灯坏了一个多月，晚上很黑，老人出行不安全',
  '小区门口有商贩占道经营，影响通行',
  '夜间施工噪音太大，影响休息，希望核查施工许可',
  '家里停水两天了，物业说是管道维修，没有提前通知',
  '垃圾清运不及时，小区垃圾桶满了散发异味',
  '公交车司机态度恶劣，没到站就开门',
  '出租车拒载，司机说不顺路',
  '餐馆油烟直排，楼上住户无法开窗',
  '小区电梯经常故障，困人两次了',
  '住房公积金提取需要哪些材料，办理地点在哪里',
  '医保异地就医备案怎么办理',
  '单位拖欠工资三个月，要求帮助讨薪',
  '超市销售过期食品，要求查处',
  '小区地下车库积水，车辆无法进出',
  '道路井盖缺失，存在安全隐患',
  '学校周边黑车较多，接送孩子不安全',
  '燃气费缴纳后没有到账',
  '共享单车乱停乱放，堵塞人行道',
  '违章建筑私搭乱建，占用公共绿地',
  '物业费收费标准不透明，要求公示',
  '小区绿化带树木倒伏，砸坏车辆',
  '快递网点野蛮分拣，包裹破损',
  '网约车平台扣费异常，客服不处理',
  '农贸市场缺斤短两',
  '河道垃圾漂浮，水体发黑发臭',
  '工地渣土车遗撒，道路扬尘严重',
  '养犬不拴绳，小区内发生咬人事件',
  '供暖费退费申请一直没有回复',
  '老旧小区加装电梯的补贴政策咨询',
  '社区卫生服务中心疫苗预约不上',
  '幼儿园收费过高，要求核查',
] as const;

/** The description of the generated case with this number (by its sequence, spread over the templates). */
export function benchDescription(caseNumber: string): string {
  const sequence = Number(caseNumber.slice(caseNumber.indexOf('-') + 1));
  return BENCH_DESCRIPTIONS[(sequence * 7919) % BENCH_DESCRIPTIONS.length];
}
const STATUS_AFTER: Record<string, string> = {
  answered: 'answered',
  transferred: 'transferred',
  dispatched: 'dispatched',
  return_requested: 'return_requested',
  signed: 'signed',
  resolved: 'resolved',
  reopened: 'reopened',
  closed: 'closed',
};

/** The case's current row, as the api would have left it after these events (in CASE_COLUMNS order). */
export function caseRow(id: string, caseNumber: string, h: CaseHistory): Value[] {
  const row = {
    status: 'registered',
    reasonable: true,
    repeatCount: 0,
    leadUnit: null as string | null,
    dispatchCount: 0,
    firstDispatchedAt: null as Date | null,
    firstReturned: false,
    dispatchedAt: null as Date | null,
    closedAt: null as Date | null,
    deadlines: {} as Record<string, string>,
    callbackDueAt: null as string | null,
    signedAt: null as Date | null,
    respondedAt: null as Date | null,
    resolvedAt: null as Date | null,
    outcome: null as string | null,
  };
  for (const e of h.events) {
    const d = e.data;
    row.status = STATUS_AFTER[e.name] ?? row.status;
    switch (e.name) {
      case 'dispatched':
        row.leadUnit = d.leadUnitCode as string;
        row.dispatchCount += 1;
        row.firstDispatchedAt ??= e.time;
        row.dispatchedAt = e.time;
        row.deadlines = d.deadlines as Record<string, string>;
        row.signedAt = row.respondedAt = null;
        break;
      case 'return_reviewed':
        if (d.approved === true) {
          row.status = 'registered';
          row.firstReturned ||= d.dispatchNo === 1;
        } else row.status = 'dispatched';
        break;
      case 'merged':
        row.repeatCount += 1;
        break;
      case 'deadline_changed':
        row.deadlines = { ...row.deadlines, resolve: e.after!.resolveDueAt as string };
        break;
      case 'signed':
        row.signedAt = e.time;
        break;
      case 'responded':
        row.respondedAt ??= e.time;
        break;
      case 'resolved':
        row.resolvedAt = e.time;
        row.outcome = d.outcome as string;
        row.callbackDueAt = d.callbackDueAt as string;
        break;
      case 'sla_breached':
        if (d.kind === 'resolve') row.callbackDueAt ??= d.callbackDueAt as string;
        break;
      case 'marked_unreasonable':
        row.reasonable = false;
        break;
      case 'closed':
        row.closedAt = e.time;
        break;
    }
  }
  return [
    id,
    caseNumber,
    row.status,
    'phone',
    h.demandType,
    h.categoryCode,
    h.urgency,
    h.districtCode,
    h.streetCode,
    `${h.streetCode} 模拟地址`,
    h.callerPhone,
    benchDescription(caseNumber),
    row.reasonable,
    h.sourceHotline,
    h.sourceNumber,
    h.overflowFrom,
    h.firstCall,
    row.repeatCount,
    row.leadUnit,
    h.registeredAt,
    row.dispatchCount,
    row.firstDispatchedAt,
    row.firstReturned,
    row.dispatchedAt,
    row.closedAt,
    h.dispatchDueAt,
    row.deadlines.sign ?? null,
    row.deadlines.response ?? null,
    row.deadlines.resolve ?? null,
    row.callbackDueAt,
    row.signedAt,
    row.respondedAt,
    row.resolvedAt,
    row.outcome,
  ];
}
