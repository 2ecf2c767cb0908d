import { ApiClient, Tally } from '../simulate/api-client';
import { FuzzContext, FuzzRequest, sampleRequests } from './malformed-requests';
import { loadOperations } from './openapi-operations';

export interface FuzzFinding {
  request: FuzzRequest;
  status: number;
  problem: string;
  body: string;
}

export interface FuzzReport {
  requests: number;
  operations: number;
  byStatus: Record<number, number>;
  findings: FuzzFinding[];
}

/**
 * What a client must get back (docs/api.md): never a 5xx for anything it sent; a 4xx in the one error
 * shape, with a code and a message, and for a 400 the fields at fault.
 */
export function judge(status: number, text: string): string | null {
  if (status >= 500) return `answered ${status}`;
  if (status < 400) return null;
  let body: { code?: unknown; message?: unknown; errors?: { field?: unknown; message?: unknown }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `a ${status} whose body is not JSON`;
  }
  if (typeof body.code !== 'string' || typeof body.message !== 'string' || !body.message)
    return `a ${status} without code and message`;
  if (
    status === 400 &&
    !(
      body.errors?.length &&
      body.errors.every((e) => typeof e.field === 'string' && e.field && typeof e.message === 'string')
    )
  )
    return 'a 400 that names no field';
  return null;
}

/** Users of each role and a real case, call and unit, so requests get past sign-in to the handlers. */
export async function fuzzContext(baseUrl: string, adminUser: string, adminPassword: string): Promise<FuzzContext> {
  const api = new ApiClient(baseUrl, new Tally());
  const admin = await api.signIn(adminUser, adminPassword);
  const unitCode = '110105001';
  const [agent, supervisor, handler] = await Promise.all([
    api.userToken(admin, 'agent'),
    api.userToken(admin, 'supervisor'),
    api.userToken(admin, 'handler', unitCode),
  ]);
  const call = await api.call('POST', '/calls', agent, {
    dialedNumber: '12345',
    callerNumber: '13900000001',
    startedAt: new Date().toISOString(),
  });
  const created = await api.call('POST', '/cases', agent, {
    callId: call.body.id,
    channel: 'phone',
    demandType: 'complaint',
    categoryCode: '010101',
    urgency: 'general',
    districtCode: '110105',
    streetCode: unitCode,
    address: '建国门外大街1号',
    callerPhone: '13900000001',
    description: '模糊测试用的诉求',
  });
  if (created.status !== 201) throw new Error(`fuzz: could not create the case to aim at (${created.status})`);
  await api.call('POST', `/cases/${created.body.id}/dispatch`, agent, { leadUnitCode: unitCode });
  return {
    tokens: { admin, agent, supervisor, handler },
    ids: { caseId: created.body.id, callId: call.body.id, unitCode },
  };
}

/** Sends `count` malformed requests over every operation of openapi.json, `concurrency` at a time. */
export async function runFuzz(
  baseUrl: string,
  context: FuzzContext,
  options: { count: number; seed: number; concurrency: number },
): Promise<FuzzReport> {
  const operations = loadOperations();
  const requests = sampleRequests(operations, context, options.count, options.seed);
  const report: FuzzReport = { requests: 0, operations: operations.length, byStatus: {}, findings: [] };
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const res = await fetch(`${baseUrl}${request.url}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      const text = await res.text();
      report.requests++;
      report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
      const problem = judge(res.status, text);
      if (problem) report.findings.push({ request, status: res.status, problem, body: text.slice(0, 300) });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return report;
}
