import type { Urgency } from '@hotline/directory';
import type { SeededRandom } from '../../simulate/random';

/** The reference data a generated case draws on (read from the seeded directory). */
export interface CityReference {
  streets: { code: string; districtCode: string }[];
  departments: string[];
  utilities: string[];
  leafCategories: string[];
  mergedLines: { code: string; number: string }[];
  utilityLines: { code: string; number: string; unitCode: string | null }[];
  /** The seeded default SLA policy per urgency, in hours. */
  sla: Record<Urgency, SlaHours>;
}

/** How long each step may take (hours), from the directory's SLA policy. */
export interface SlaHours {
  dispatch: number;
  sign: number;
  response: number;
  resolve: number;
  callback: number;
}

/** One stored case event, as the api's recorder writes it to case_events. */
export interface HistoryEvent {
  name: string;
  time: Date;
  actorRole: 'agent' | 'handler' | 'supervisor' | 'system';
  actorUnit: string | null;
  data: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface CaseHistory {
  urgency: Urgency;
  demandType: string;
  categoryCode: string;
  districtCode: string;
  streetCode: string;
  sourceHotline: string;
  sourceNumber: string;
  overflowFrom: string | null;
  firstCall: boolean;
  callerPhone: string;
  registeredAt: Date;
  dispatchDueAt: Date;
  /** Every event of the case up to "now", in time order. */
  events: HistoryEvent[];
}

const H = 3600_000;

/**
 * One realistic case history (the shares of scripts/simulate, over days instead of minutes): most
 * consultations answered on the call, a few transfers, dispatches mostly on time, a few returned and
 * re-dispatched, responses and resolutions mostly within their deadlines, extensions, repeat calls,
 * callbacks (some unreachable, some unsatisfied and reopened), breaches and supervision orders.
 */
export function caseHistory(random: SeededRandom, city: CityReference, registeredAt: Date, now: Date): CaseHistory {
  const street = random.pick(city.streets);
  const urgency = random.weighted<Urgency>([
    ['general', 83],
    ['basic_service', 10],
    ['complex', 5],
    ['emergency', 2],
  ]);
  const demandType = random.weighted<string>([
    ['consultation', 58],
    ['help', 12],
    ['complaint', 20],
    ['report', 4],
    ['suggestion', 4],
    ['praise', 2],
  ]);
  const line = random.weighted<'12345' | 'merged' | 'overflow'>([
    ['12345', 62],
    ['merged', 33],
    ['overflow', 5],
  ]);
  const merged = line === 'merged' ? random.pick(city.mergedLines) : null;
  const overflow = line === 'overflow' ? random.pick(city.utilityLines) : null;
  const sla = city.sla[urgency];
  const at = (hoursAfterRegistration: number) => new Date(registeredAt.getTime() + hoursAfterRegistration * H);
  const dispatchDueAt = at(sla.dispatch);
  const history: CaseHistory = {
    urgency,
    demandType,
    categoryCode: random.pick(city.leafCategories),
    districtCode: street.districtCode,
    streetCode: street.code,
    sourceHotline: merged?.code ?? overflow?.code ?? '12345',
    sourceNumber: merged?.number ?? overflow?.number ?? '12345',
    overflowFrom: overflow?.unitCode ?? null,
    firstCall: !random.chance(0.01),
    callerPhone: random.phone(),
    registeredAt,
    dispatchDueAt,
    events: [],
  };
  const events: HistoryEvent[] = [];
  const push = (
    name: string,
    hours: number,
    actorRole: HistoryEvent['actorRole'],
    actorUnit: string | null,
    data: Record<string, unknown> = {},
    change: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
  ) =>
    events.push({
      name,
      time: at(hours),
      actorRole,
      actorUnit,
      data,
      before: change.before ?? null,
      after: change.after ?? null,
    });

  push('registered', 0, 'agent', null, {
    channel: 'phone',
    demandType,
    categoryCode: history.categoryCode,
    urgency,
    districtCode: history.districtCode,
    streetCode: history.streetCode,
    sourceHotline: history.sourceHotline,
    overflowFrom: history.overflowFrom,
    callId: null,
    firstCall: history.firstCall,
    repeatOf: null,
    confidential: demandType === 'report' && random.chance(0.3),
    deadlines: { dispatch: dispatchDueAt.toISOString() },
  });

  if (demandType === 'consultation' || (demandType === 'help' && random.chance(0.3))) {
    push('answered', 0.1, 'agent', null, { reply: '已在电话中解答' }, { after: { status: 'answered' } });
  } else if (random.chance(0.05)) {
    const utility = random.pick(city.utilities);
    push('transferred', 0.1, 'agent', null, { utilityCode: utility }, { after: { status: 'transferred' } });
    push('transfer_acknowledged', 0.1 + random.next() * 0.5, 'handler', utility);
  } else {
    new HandlingStory(random, city, history, sla, push).play();
  }
  history.events = events.filter((e) => e.time <= now).sort((a, b) => a.time.getTime() - b.time.getTime());
  return history;
}

type Push = (
  name: string,
  hours: number,
  actorRole: HistoryEvent['actorRole'],
  actorUnit: string | null,
  data?: Record<string, unknown>,
  change?: { before?: Record<string, unknown>; after?: Record<string, unknown> },
) => void;

/** A dispatched case: the centre, the unit and the citizen, each on their own clock (hours after registration). */
class HandlingStory {
  private dispatchNo = 0;
  private triggered = false;

  constructor(
    private readonly random: SeededRandom,
    private readonly city: CityReference,
    private readonly c: CaseHistory,
    private readonly sla: SlaHours,
    private readonly push: Push,
  ) {}

  play(): void {
    const { random } = this;
    // 2% dispatched late; the rest within the first half of the window.
    let t = random.chance(0.02)
      ? this.sla.dispatch * (1.05 + random.next())
      : this.sla.dispatch * random.next() * 0.5 + 0.02;
    if (t > this.sla.dispatch) this.breach('dispatch', this.sla.dispatch);
    let unit = this.leadUnit();
    this.dispatch(t, unit);
    if (random.chance(0.04)) {
      this.push('return_requested', t + 0.5, 'handler', unit, { dispatchNo: 1, reasonCode: 'not_our_jurisdiction' });
      const approved = random.chance(0.75);
      this.push('return_reviewed', t + 1 + random.next() * 2, 'supervisor', null, { dispatchNo: 1, approved });
      if (approved) {
        t += 3 + random.next() * 2;
        unit = this.leadUnit();
        this.dispatch(t, unit);
      }
    }
    const dispatchedAt = t;
    t = this.work(t, unit);
    // Repeat calls about the same demand join the open case; the second triggers supervision.
    for (let r = 1; r <= 2 && random.chance(r === 1 ? 0.05 : 0.3); r++) {
      this.push('merged', dispatchedAt + 24 * r, 'agent', null, { callId: null, repeatCount: r });
      if (r === 2) this.trigger(dispatchedAt + 48, 'repeat_call');
    }
    if (t < 0) return;
    if (random.chance(0.01)) this.push('marked_unreasonable', t + 1, 'supervisor', null, { reason: '诉求不合理' });
    this.callback(t, unit);
  }

  private leadUnit(): string {
    return this.random.weighted<string>([
      [this.c.streetCode, 75],
      [this.c.districtCode, 10],
      [this.random.pick(this.city.departments), 10],
      [this.random.pick(this.city.utilities), 5],
    ]);
  }

  private dispatch(t: number, unit: string): void {
    this.dispatchNo += 1;
    this.push(
      'dispatched',
      t,
      'agent',
      null,
      {
        dispatchNo: this.dispatchNo,
        leadUnitCode: unit,
        coUnitCodes: [],
        ruleId: null,
        reason: 'catalogue',
        deadlines: {
          sign: this.iso(t + this.sla.sign),
          response: this.iso(t + this.sla.response),
          resolve: this.iso(t + this.sla.resolve),
        },
      },
      { before: { status: 'registered', leadUnitCode: null }, after: { status: 'dispatched', leadUnitCode: unit } },
    );
  }

  /** Sign, respond, maybe extend, resolve; returns when it was resolved (−1: never, still open). */
  private work(d: number, unit: string): number {
    const { random, sla } = this;
    this.push('signed', d + sla.sign * random.next() * 0.8, 'handler', unit);
    const respondedAt = random.chance(0.96)
      ? d + sla.response * random.next() * 0.9
      : d + sla.response * (1 + random.next());
    if (respondedAt > d + sla.response) this.breach('response', d + sla.response);
    this.push('responded', respondedAt, 'handler', unit, { note: '已联系市民' });
    let resolveDue = d + sla.resolve;
    if (random.chance(0.03)) {
      this.push('extension_requested', d + sla.resolve * 0.5, 'handler', unit, { days: 3, reason: '需协调多部门' });
      this.push('extension_reviewed', d + sla.resolve * 0.55, 'supervisor', null, { approved: true });
      this.push(
        'deadline_changed',
        d + sla.resolve * 0.55,
        'supervisor',
        null,
        { deadline: 'resolve' },
        {
          before: { resolveDueAt: this.iso(resolveDue) },
          after: { resolveDueAt: this.iso(resolveDue + 72) },
        },
      );
      resolveDue += 72;
    }
    const late = random.chance(0.06);
    if (late) {
      this.breach('resolve', resolveDue, { callbackDueAt: this.iso(resolveDue + this.sla.callback) });
      if (random.chance(0.3)) return -1; // still unresolved
    }
    const resolvedAt = late
      ? resolveDue + sla.resolve * random.next()
      : Math.max(respondedAt, d + (resolveDue - d) * random.next() * 0.9);
    const outcome = random.weighted<string>([
      ['solved', 85],
      ['partly', 10],
      ['unsolved', 5],
    ]);
    this.push(
      'resolved',
      resolvedAt,
      'handler',
      unit,
      { outcome, reply: '已处理', callbackDueAt: this.iso(resolvedAt + this.sla.callback) },
      { after: { status: 'resolved' } },
    );
    return resolvedAt;
  }

  /** The centre calls back within 48 h (mostly): reached and satisfied, unsatisfied (reopened), or unreachable. */
  private callback(resolvedAt: number, unit: string): void {
    const { random } = this;
    const first = random.chance(0.95) ? resolvedAt + 1 + random.next() * 40 : resolvedAt + 50 + random.next() * 48;
    if (first > resolvedAt + this.sla.callback) this.breach('callback', resolvedAt + this.sla.callback);
    if (random.chance(0.06)) {
      for (let attempt = 0; attempt < 3; attempt++)
        this.push('callback_recorded', first + attempt * 2, 'agent', null, { reached: false, attempt: attempt + 1 });
      this.push('closed', first + 4, 'agent', null, { reason: 'unreachable' }, { after: { status: 'closed' } });
      return;
    }
    const satisfaction = random.weighted<string>([
      ['satisfied', 82],
      ['basically_satisfied', 12],
      ['unsatisfied', 6],
    ]);
    this.push('callback_recorded', first, 'agent', null, {
      reached: true,
      solved: satisfaction !== 'unsatisfied',
      satisfaction,
    });
    if (satisfaction !== 'unsatisfied') {
      this.push('closed', first + 0.01, 'agent', null, { reason: 'callback' }, { after: { status: 'closed' } });
      return;
    }
    this.push('reopened', first + 0.01, 'agent', null, {}, { after: { status: 'reopened' } });
    this.trigger(first + 0.01, 'unsatisfied_callback');
    const again = first + 1 + random.next() * 4;
    this.dispatch(again, unit);
    const resolved = this.work(again, unit);
    if (resolved >= 0)
      this.push('closed', resolved + 30, 'agent', null, { reason: 'callback' }, { after: { status: 'closed' } });
  }

  private breach(kind: string, dueHours: number, extra: Record<string, unknown> = {}): void {
    this.push('sla_breached', dueHours, 'system', null, { kind, dueAt: this.iso(dueHours), ...extra });
    this.trigger(dueHours, `${kind}_breached`);
  }

  /** The first trigger puts the case under supervision: an order within 24 h (mostly). */
  private trigger(hours: number, reason: string): void {
    this.push('supervision_triggered', hours, 'system', null, { reason });
    if (this.triggered) return;
    this.triggered = true;
    const roll = this.random.next();
    if (roll < 0.01) return; // never supervised
    const after = roll < 0.05 ? 24 + this.random.next() * 24 : this.random.next() * 20;
    this.push('supervision_issued', hours + after, 'supervisor', null, { level: 'reminder', note: '请加快办理' });
  }

  private iso(hours: number): string {
    return new Date(this.c.registeredAt.getTime() + hours * H).toISOString();
  }
}
