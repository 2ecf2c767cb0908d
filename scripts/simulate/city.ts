import type { ApiClient, Tally } from './api-client';
import type { SeededRandom } from './random';
import type { Scheduler } from './scheduler';

export interface CityDirectory {
  /** The merged lines' and the utilities' numbers, besides 12345 itself. */
  mergedLines: string[];
  utilityLines: string[];
  streets: { code: string; parentCode: string }[];
  leafCategories: string[];
}

export interface Staff {
  admin: string;
  agent: string;
  supervisor: string;
}

interface Caller {
  phone: string;
  categoryCode: string;
  districtCode: string;
  streetCode: string;
}

const UTILITIES = ['UTIL-POWER', 'UTIL-WATER', 'UTIL-GAS', 'UTIL-HEATING'];

/**
 * The city's behaviour: who calls about what, and how the centre and the units act on it. The
 * shares follow the article (seed/): most demands are consultations answered on the call, a few
 * callers ring again about the same thing, a few calls belong to a utility's own line.
 */
export class City {
  private readonly callers: Caller[] = [];

  constructor(
    private readonly api: ApiClient,
    private readonly random: SeededRandom,
    private readonly tally: Tally,
    private readonly scheduler: Scheduler,
    private readonly directory: CityDirectory,
    private readonly staff: Staff,
  ) {}

  /** One incoming call: taken, registered as a case (or merged), then answered, transferred or queued for dispatch. */
  async call(): Promise<void> {
    const { random, api, staff } = this;
    const line = random.weighted<string>([
      ['12345', 60],
      [random.pick(this.directory.mergedLines), 30],
      [random.pick(this.directory.utilityLines), 10],
    ]);
    const repeat = this.callers.length > 20 && random.chance(0.05) ? random.pick(this.callers) : null;
    const phone = repeat?.phone ?? random.phone();
    this.tally.add('calls');
    const taken = await api.call('POST', '/calls', staff.agent, {
      dialedNumber: line,
      callerNumber: phone,
      startedAt: new Date().toISOString(),
    });
    if (taken.status !== 201) return;
    if (random.chance(0.03)) return this.tally.add('hung up before registering');

    const street = repeat
      ? { code: repeat.streetCode, parentCode: repeat.districtCode }
      : random.pick(this.directory.streets);
    const demandType = random.weighted<string>([
      ['consultation', 58],
      ['help', 12],
      ['complaint', 20],
      ['report', 4],
      ['suggestion', 4],
      ['praise', 2],
    ]);
    const caller: Caller = {
      phone,
      categoryCode: repeat?.categoryCode ?? random.pick(this.directory.leafCategories),
      districtCode: street.parentCode,
      streetCode: street.code,
    };
    const registered = await api.call('POST', '/cases', staff.agent, {
      callId: taken.body.id,
      channel: 'phone',
      demandType,
      categoryCode: caller.categoryCode,
      urgency: random.weighted<string>([
        ['general', 83],
        ['basic_service', 10],
        ['complex', 5],
        ['emergency', 2],
      ]),
      districtCode: caller.districtCode,
      streetCode: caller.streetCode,
      address: `模拟地址 ${Math.floor(random.next() * 999)} 号`,
      callerPhone: phone,
      description: '模拟诉求：市民反映的问题需要处理',
      confidential: demandType === 'report' && random.chance(0.3),
    });
    if (registered.status !== 201) return;
    if (registered.body.merged) return this.tally.add('repeat calls merged');
    this.tally.add('cases registered');
    this.callers.push(caller);

    const caseId = registered.body.id;
    if (demandType === 'consultation' || (demandType === 'help' && random.chance(0.3))) {
      await api.call('POST', `/cases/${caseId}/answer`, staff.agent, { reply: '已在电话中解答' });
      return this.tally.add('answered on the call');
    }
    if (random.chance(0.05)) return this.transfer(taken.body.id);
    this.scheduler.later(random.next() * 90, () => this.dispatch(caseId, 1));
  }

  private async transfer(callId: string): Promise<void> {
    const utility = this.random.pick(UTILITIES);
    const t = await this.api.call('POST', `/calls/${callId}/transfer`, this.staff.agent, { utilityCode: utility });
    if (t.status !== 201) return;
    this.tally.add('transferred');
    this.scheduler.later(5 + this.random.next() * 40, async () => {
      const handler = await this.api.userToken(this.staff.admin, 'handler', utility);
      await this.api.call('POST', `/transfers/${t.body.id}/acknowledge`, handler);
    });
  }

  /** Dispatch to the suggested unit; the unit returns a few, signs, responds and resolves (some late). */
  private async dispatch(caseId: string, round: number): Promise<void> {
    const { random, api, scheduler } = this;
    const res = await api.call('POST', `/cases/${caseId}/dispatch`, this.staff.agent, {});
    if (res.status !== 201) return; // an auto-dispatch rule may have dispatched it already
    this.tally.add('dispatched');
    const unit = await api.userToken(this.staff.admin, 'handler', res.body.leadUnitCode);
    if (round === 1 && random.chance(0.03)) {
      scheduler.later(10 + random.next() * 60, () => this.returnWrongDispatch(caseId, unit));
      return;
    }
    scheduler.later(random.chance(0.9) ? random.next() * 60 : 60 + random.next() * 300, async () => {
      if ((await api.call('POST', `/cases/${caseId}/sign`, unit)).status !== 201) return;
      scheduler.later(random.chance(0.9) ? random.next() * 600 : 600 + random.next() * 2000, async () => {
        await api.call('POST', `/cases/${caseId}/respond`, unit, { note: '已联系市民' });
        scheduler.later(60 + random.next() * 3000, () => this.resolve(caseId, unit));
      });
    });
  }

  private async returnWrongDispatch(caseId: string, unit: string): Promise<void> {
    const ret = await this.api.call('POST', `/cases/${caseId}/return`, unit, {
      reasonCode: 'not_our_jurisdiction',
      reason: '不属本单位职责',
    });
    if (ret.status !== 201) return;
    this.tally.add('returned');
    this.scheduler.later(10 + this.random.next() * 60, async () => {
      await this.api.call('POST', `/cases/${caseId}/returns/${ret.body.id}/review`, this.staff.supervisor, {
        approve: true,
      });
      this.scheduler.later(this.random.next() * 30, () => this.dispatch(caseId, 2));
    });
  }

  private async resolve(caseId: string, unit: string): Promise<void> {
    const outcome = this.random.weighted<string>([
      ['solved', 85],
      ['partly', 10],
      ['unsolved', 5],
    ]);
    const res = await this.api.call('POST', `/cases/${caseId}/resolve`, unit, { outcome, reply: '已处理' });
    if (res.status !== 201) return;
    this.tally.add('resolved');
    this.scheduler.later(60 + this.random.next() * 2400, () => this.callback(caseId, 1));
  }

  /** The centre calls back: some citizens cannot be reached (three tries), some are unsatisfied. */
  private async callback(caseId: string, attempt: number): Promise<void> {
    const { random, api } = this;
    if (random.chance(0.1)) {
      const r = await api.call('POST', `/cases/${caseId}/callback`, this.staff.agent, { reached: false });
      if (r.status === 201 && r.body.status !== 'closed' && attempt < 3)
        this.scheduler.later(120, () => this.callback(caseId, attempt + 1));
      return this.tally.add('callbacks unreached');
    }
    const satisfaction = random.weighted<string>([
      ['satisfied', 85],
      ['basically_satisfied', 10],
      ['unsatisfied', 5],
    ]);
    const r = await api.call('POST', `/cases/${caseId}/callback`, this.staff.agent, {
      reached: true,
      solved: satisfaction !== 'unsatisfied',
      satisfaction,
    });
    if (r.status !== 201) return;
    if (r.body.status === 'reopened') {
      this.tally.add('reopened after callback');
      this.scheduler.later(30, () => this.dispatch(caseId, 2));
    } else this.tally.add('closed after callback');
  }
}
