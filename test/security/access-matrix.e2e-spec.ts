import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { buildOpenApiDocument } from '../../apps/api/src/http/swagger';
import { Http, startApi } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';

type Who = 'anonymous' | 'agent' | 'supervisor' | 'admin' | 'handler_own' | 'handler_other';
type Role = 'agent' | 'supervisor' | 'admin' | 'handler';
const ALL: Role[] = ['agent', 'handler', 'supervisor', 'admin'];
const CENTRE: Role[] = ['agent', 'supervisor', 'admin'];

/**
 * The access policy, route by route: who may call it, and how a handler is scoped. Generated routes
 * are compared with this table: a route the api has and the table lacks fails the test, so every new
 * route is born with a decided policy.
 */
/**
 * `public`: no sign-in. `citizen`: a citizen's session (X-Citizen-Token) and nothing else — a staff
 * token is no citizen's, so every caller here gets 401 (test/citizens covers the citizens themselves).
 */
const MATRIX: Record<string, { roles: Role[] | 'public' | 'citizen'; scope?: 'case' | 'unit' }> = {
  'POST /api/v1/auth/token': { roles: 'public' },
  'POST /api/v1/auth/password': { roles: ALL },
  'GET /health': { roles: 'public' },
  'GET /metrics': { roles: 'public' },
  'POST /api/v1/users': { roles: ['admin'] },
  'GET /api/v1/users': { roles: ['admin'] },
  'PATCH /api/v1/users/{id}': { roles: ['admin'] },
  'POST /api/v1/users/{id}/password': { roles: ['admin'] },
  'GET /api/v1/hotlines': { roles: ALL },
  'GET /api/v1/units': { roles: ALL },
  'GET /api/v1/categories': { roles: ALL },
  'GET /api/v1/dispatch-rules': { roles: CENTRE },
  'POST /api/v1/dispatch-rules': { roles: ['admin'] },
  'GET /api/v1/sla-policy': { roles: ALL },
  'PUT /api/v1/sla-policy': { roles: ['admin'] },
  'POST /api/v1/sla-policy/changes': { roles: ['admin'] },
  'PATCH /api/v1/hotlines/{code}': { roles: ['admin'] },
  'POST /api/v1/units': { roles: ['admin'] },
  'PATCH /api/v1/units/{code}': { roles: ['admin'] },
  'POST /api/v1/categories': { roles: ['admin'] },
  'PATCH /api/v1/categories/{code}': { roles: ['admin'] },
  'PATCH /api/v1/dispatch-rules/{id}': { roles: ['admin'] },
  'POST /api/v1/dispatch-rules/order': { roles: ['admin'] },
  'POST /api/v1/dispatch-rules/dry-run': { roles: ['admin', 'supervisor'] },
  'GET /api/v1/reference-changes': { roles: ['admin', 'supervisor'] },
  'POST /api/v1/reference-changes/{id}/cancel': { roles: ['admin'] },
  'GET /api/v1/calendar': { roles: ALL },
  'PUT /api/v1/calendar/days/{day}': { roles: ['admin'] },
  'GET /api/v1/audit': { roles: ['admin', 'supervisor'] },
  'POST /api/v1/calls': { roles: ['agent', 'supervisor'] },
  'POST /api/v1/calls/{id}/transfer': { roles: ['agent', 'supervisor'] },
  'POST /api/v1/calls/{id}/outcome': { roles: ['agent', 'supervisor'] },
  'GET /api/v1/online-submissions': { roles: ['agent', 'supervisor'] },
  'GET /api/v1/online-submissions/{id}': { roles: ['agent', 'supervisor'] },
  'POST /api/v1/online-submissions/{id}/accept': { roles: ['agent', 'supervisor'] },
  'POST /api/v1/online-submissions/{id}/answer': { roles: ['agent', 'supervisor'] },
  'POST /api/v1/open311/clients': { roles: ['admin'] },
  'GET /api/v1/open311/clients': { roles: ['admin'] },
  'POST /api/v1/open311/clients/{id}/revoke': { roles: ['admin'] },
  'POST /api/v1/cases': { roles: ['agent', 'supervisor'] },
  'GET /api/v1/cases': { roles: ALL },
  'GET /api/v1/cases/{id}': { roles: ALL, scope: 'case' },
  'POST /api/v1/cases/{id}/attachments': { roles: ['agent', 'supervisor', 'handler'], scope: 'case' },
  'GET /api/v1/cases/{id}/attachments': { roles: ['agent', 'supervisor', 'handler'], scope: 'case' },
  'GET /api/v1/attachments/{id}/content': { roles: ['agent', 'supervisor', 'handler'] },
  'POST /api/v1/cases/{id}/answer': { roles: ['agent', 'supervisor'], scope: 'case' },
  'GET /api/v1/cases/{id}/dispatch-suggestions': { roles: ALL, scope: 'case' },
  'POST /api/v1/cases/{id}/dispatch': { roles: ['agent', 'supervisor'], scope: 'case' },
  'GET /api/v1/calls/abandoned': { roles: ['agent', 'supervisor'] },
  'POST /api/v1/cases/{id}/callback/claim': { roles: ['agent', 'supervisor'], scope: 'case' },
  'POST /api/v1/calls/{id}/claim': { roles: ['agent', 'supervisor'] },
  'POST /api/v1/calls/{id}/call-back': { roles: ['agent', 'supervisor'] },
  'POST /api/v1/cases/{id}/forward': { roles: ['handler'], scope: 'case' },
  'POST /api/v1/cases/{id}/co-handlers': { roles: ['agent', 'supervisor'], scope: 'case' },
  'POST /api/v1/cases/{id}/return': { roles: ['handler'], scope: 'case' },
  'POST /api/v1/cases/{id}/returns/{returnId}/review': { roles: ['supervisor'], scope: 'case' },
  'POST /api/v1/cases/{id}/sign': { roles: ['handler'], scope: 'case' },
  'POST /api/v1/cases/{id}/respond': { roles: ['handler'], scope: 'case' },
  'POST /api/v1/cases/{id}/co-reports': { roles: ['handler'], scope: 'case' },
  'POST /api/v1/cases/{id}/assign': { roles: ['handler'], scope: 'case' },
  'POST /api/v1/cases/{id}/corrections': { roles: ['agent', 'supervisor'], scope: 'case' },
  'POST /api/v1/cases/{id}/notes': { roles: ALL, scope: 'case' },
  'GET /api/v1/cases/{id}/notes': { roles: ALL, scope: 'case' },
  'POST /api/v1/cases/{id}/extensions': { roles: ['handler'], scope: 'case' },
  'POST /api/v1/cases/{id}/extensions/{extensionId}/review': { roles: ['supervisor'], scope: 'case' },
  'POST /api/v1/cases/{id}/resolve': { roles: ['handler'], scope: 'case' },
  'POST /api/v1/cases/{id}/result-review': { roles: ['supervisor'], scope: 'case' },
  'POST /api/v1/cases/{id}/callback': { roles: ['agent', 'supervisor'], scope: 'case' },
  'POST /api/v1/cases/{id}/unreasonable': { roles: ['supervisor'], scope: 'case' },
  'POST /api/v1/cases/{id}/supervisions': { roles: ['supervisor'], scope: 'case' },
  'GET /api/v1/units/{code}/inbox': { roles: ALL, scope: 'unit' },
  'POST /api/v1/transfers/{id}/acknowledge': { roles: ['handler', 'supervisor'] },
  'GET /api/v1/callbacks/due': { roles: ['agent', 'supervisor'] },
  'GET /api/v1/supervisions': { roles: ALL },
  'POST /api/v1/supervisions/{id}/reply': { roles: ['handler', 'supervisor'] },
  'POST /api/v1/supervisions/{id}/close': { roles: ['supervisor'] },
  // Handlers get their own unit's figures only (kpi-scenario checks the rows themselves).
  'GET /api/v1/kpi/five-rates': { roles: ALL },
  'GET /api/v1/kpi/five-rates/misses': { roles: ALL },
  'GET /api/v1/kpi/three-rates': { roles: ALL },
  'GET /api/v1/kpi/live': { roles: ALL },
  'GET /api/v1/kpi/report': { roles: ALL },
  // The knowledge base: handlers write their own unit's entries (knowledge-base e2e checks the unit).
  'GET /api/v1/knowledge/search': { roles: ALL },
  'POST /api/v1/knowledge': { roles: ['handler', 'supervisor', 'admin'] },
  'GET /api/v1/knowledge/{id}': { roles: ALL },
  'PATCH /api/v1/knowledge/{id}': { roles: ['handler', 'supervisor', 'admin'] },
  'POST /api/v1/knowledge/{id}/publish': { roles: ['supervisor', 'admin'] },
  'POST /api/v1/knowledge/{id}/retire': { roles: ['supervisor', 'admin'] },
  'GET /api/v1/knowledge/{id}/versions': { roles: ALL },
  // Answering on the call (answering-on-the-call e2e checks a handler sees only their unit's flags).
  'GET /api/v1/cases/{id}/knowledge-suggestions': { roles: ['agent', 'supervisor'], scope: 'case' },
  'POST /api/v1/knowledge/{id}/flags': { roles: ['agent', 'supervisor'] },
  'GET /api/v1/knowledge/flags': { roles: ['handler', 'supervisor', 'admin'] },
  'GET /api/v1/knowledge/review-due': { roles: ['handler', 'supervisor', 'admin'] },
  'POST /api/v1/knowledge/flags/{flagId}/resolve': { roles: ['handler', 'supervisor'] },
  // The after-hours desk is public; what it was asked is for the centre's supervisors.
  'POST /api/v1/ask': { roles: 'public' },
  'POST /api/v1/ask/{id}/feedback': { roles: 'public' },
  'POST /api/v1/ask/{id}/demand': { roles: 'public' },
  'GET /api/v1/ask/questions': { roles: ['supervisor', 'admin'] },
  'POST /api/v1/public/verifications': { roles: 'public' },
  'POST /api/v1/public/verifications/{id}/confirm': { roles: 'public' },
  'POST /api/v1/public/submissions': { roles: 'citizen' },
  'GET /api/v1/public/submissions': { roles: 'citizen' },
  'GET /api/v1/public/submissions/{id}': { roles: 'citizen' },
  'POST /api/v1/public/submissions/{id}/attachments': { roles: 'citizen' },
  'GET /api/v1/public/cases/{caseNumber}': { roles: 'citizen' },
  'POST /api/v1/public/cases/{caseNumber}/rating': { roles: 'citizen' },
  'GET /api/v1/public/notification-preference': { roles: 'citizen' },
  'PUT /api/v1/public/notification-preference': { roles: 'citizen' },
  // What the case's citizen was sent by SMS: the centre's, like the caller's number.
  'GET /api/v1/cases/{id}/notifications': { roles: ['agent', 'supervisor'] },
  'GET /api/v1/online-submissions/{id}/attachments': { roles: ['agent', 'supervisor'] },
};

const WHO: Who[] = ['anonymous', 'agent', 'supervisor', 'admin', 'handler_own', 'handler_other'];

describe('access matrix: every route × every role × own/other unit', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let routes: string[];
  const tokens = new Map<Who, string>();
  let caseId: string;

  beforeAll(async () => {
    ({ app, http } = await startApi());
    const document = buildOpenApiDocument(app);
    routes = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    tokens.set('admin', await adminToken(http));
    for (const role of ['agent', 'supervisor'] as const) tokens.set(role, await tokenFor(http, role));
    tokens.set('handler_own', await tokenFor(http, 'handler', '110105001'));
    tokens.set('handler_other', await tokenFor(http, 'handler', '110108001'));
    const agent = as(http, tokens.get('agent')!);
    caseId = (await agent.post('/cases', caseBody()).expect(201)).body.id as string;
    await agent.post(`/cases/${caseId}/dispatch`, { leadUnitCode: '110105001' }).expect(201);
  });
  afterAll(() => app?.close());

  it('has a decided policy for every route the api serves, and no stale entries', () => {
    expect(routes.filter((r) => !MATRIX[r])).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('answers each caller as the policy says', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const policy = MATRIX[route];
      const [method, template] = route.split(' ') as [string, string];
      for (const who of WHO) {
        const path = template
          .replace('{id}', template.startsWith('/api/v1/cases/') ? caseId : randomUUID())
          .replace('{returnId}', randomUUID())
          .replace('{extensionId}', randomUUID())
          .replace('{flagId}', randomUUID())
          .replace('{code}', '110105001')
          .replace('{caseNumber}', '20310101000001')
          .replace('{day}', '2031-01-01');
        let req = http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](path);
        if (who !== 'anonymous') req = req.auth(tokens.get(who)!, { type: 'bearer' });
        const res = method === 'GET' ? await req : await req.send({});
        const expected = expectation(policy, who);
        const ok =
          expected === 'allowed'
            ? ![401, 403, 404, 500].includes(res.status) || (res.status === 404 && !policy.scope)
            : res.status === expected;
        if (!ok) failures.push(`${route} as ${who}: expected ${expected}, got ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

function expectation(policy: (typeof MATRIX)[string], who: Who): 'allowed' | 401 | 403 | 404 {
  if (policy.roles === 'public') return 'allowed';
  if (policy.roles === 'citizen') return 401;
  if (who === 'anonymous') return 401;
  const role: Role = who.startsWith('handler') ? 'handler' : (who as Role);
  if (!policy.roles.includes(role)) return 403;
  if (who === 'handler_other' && policy.scope === 'case') return 404;
  if (who === 'handler_other' && policy.scope === 'unit') return 403;
  return 'allowed';
}
