import type { ApiClient, ApiAnswer } from '../simulate/api-client';

/** Streets of 朝阳区 the load dispatches to; each has a handler of its own. */
export const LOAD_UNITS = ['110105001', '110105002', '110105003', '110105004'];

export interface LoadTokens {
  agent: string;
  handlers: Record<string, string>;
  /** Three digits of this run in the callers' numbers, so no call repeats an earlier run's demand. */
  runTag: string;
}

export interface LoadProgress {
  started: number;
  /** Cases that got a 201: they must exist afterwards. */
  created: string[];
  finished: number;
}

const RETRIES = 20;

/**
 * A client that keeps going through outages: a 503 or a dropped connection is retried with backoff
 * (as the agents' desktop does); any other answer is final.
 */
async function persist(send: () => Promise<ApiAnswer>): Promise<ApiAnswer | null> {
  for (let attempt = 1; attempt <= RETRIES; attempt++) {
    try {
      const answer = await send();
      if (answer.status !== 503) return answer;
    } catch {
      // connection refused or reset: the api is restarting or PostgreSQL is away
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2000)));
  }
  return null;
}

/**
 * One demand's whole life through the api: a call, a case; half answered on the call, the other
 * half dispatched, signed, responded, resolved and called back.
 */
async function oneCase(api: ApiClient, tokens: LoadTokens, index: number, progress: LoadProgress): Promise<void> {
  const phone = `139${tokens.runTag}${String(index).padStart(5, '0')}`;
  const unit = LOAD_UNITS[index % LOAD_UNITS.length];
  const call = await persist(() =>
    api.call('POST', '/calls', tokens.agent, {
      dialedNumber: '12345',
      callerNumber: phone,
      startedAt: new Date().toISOString(),
    }),
  );
  if (call?.status !== 201) return;
  const created = await persist(() =>
    api.call('POST', '/cases', tokens.agent, {
      callId: call.body.id,
      channel: 'phone',
      demandType: index % 2 === 0 ? 'consultation' : 'complaint',
      categoryCode: '010101',
      urgency: 'general',
      districtCode: '110105',
      streetCode: unit,
      address: `混沌测试地址 ${index} 号`,
      callerPhone: phone,
      description: '混沌测试：市民反映的问题',
    }),
  );
  if (created?.status !== 201) return;
  const id = created.body.id;
  progress.created.push(id);
  if (index % 2 === 0) {
    await persist(() => api.call('POST', `/cases/${id}/answer`, tokens.agent, { reply: '已在电话中解答' }));
    return;
  }
  const handler = tokens.handlers[unit];
  const steps: [string, string, string, object?][] = [
    ['dispatch', tokens.agent, `/cases/${id}/dispatch`, { leadUnitCode: unit }],
    ['sign', handler, `/cases/${id}/sign`],
    ['respond', handler, `/cases/${id}/respond`, { note: '已联系市民' }],
    ['resolve', handler, `/cases/${id}/resolve`, { outcome: 'solved', reply: '已处理' }],
    ['callback', tokens.agent, `/cases/${id}/callback`, { reached: true, solved: true, satisfaction: 'satisfied' }],
  ];
  for (const [, token, path, body] of steps) {
    const answer = await persist(() => api.call('POST', path, token, body ?? {}));
    if (!answer || answer.status >= 300) return;
  }
}

/** `total` cases, `concurrency` at a time; `progress` is read by the fault schedule while it runs. */
export async function runCaseLoad(
  api: ApiClient,
  tokens: LoadTokens,
  total: number,
  concurrency: number,
  progress: LoadProgress,
): Promise<void> {
  const worker = async () => {
    while (progress.started < total) {
      const index = progress.started++;
      await oneCase(api, tokens, index, progress);
      progress.finished++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
