import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import { HOUR_MS, MINUTE_MS } from '@hotline/clock';
import { ClocksJob } from '../../apps/worker/src/clocks/clocks.job';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { eventually } from '../support/kafka-probe';
import { testClock } from '../support/test-clock';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Client = ReturnType<typeof as>;
interface Change {
  id: string;
  entity: string;
  entityKey: string;
  status: string;
  version: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  problems: { field: string; reason: string }[] | null;
}

const STREET = '110105001';
const OTHER_STREET = '110105002';
/** 地质灾害 and 商标侵权: no other test files cases under them, so the rules added here touch nothing else. */
const RULE_CATEGORY = '170202';
const DRY_RUN_CATEGORY = '050601';

/**
 * Reference-data upkeep (docs/product.md, "Reference data upkeep"): admins change hotlines, units,
 * categories, dispatch rules and the SLA policy; every change is checked, versioned with the row before
 * and after, audited, and applied at once or at its effective time by the worker's clocks.
 */
describe('reference data upkeep (real api + worker, PostgreSQL)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let admin: Client;
  let supervisor: Client;
  let agent: Client;
  const unique = () => randomUUID().slice(0, 8);
  /** Random digits: codes no seed or earlier run has (the test database outlives runs). */
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
  const history = async (entity: string, key: string) =>
    (await admin.get(`/reference-changes?entity=${entity}&key=${key}&limit=100`).expect(200)).body.items as Change[];
  const unitOf = async (code: string, parentCode: string) =>
    ((await admin.get(`/units?parentCode=${parentCode}&limit=1000`).expect(200)).body.items as { code: string }[]).find(
      (u) => u.code === code,
    ) as Record<string, unknown> | undefined;
  const suggestionFor = async (caseId: string) =>
    (await agent.get(`/cases/${caseId}/dispatch-suggestions`).expect(200)).body.suggestion as {
      ruleId: string | null;
      leadUnitCode: string;
    };

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    worker = await startWorker();
    admin = as(http, await tokenFor(http, 'admin'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    agent = as(http, await tokenFor(http, 'agent'));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('numbers a hotline, keeps every version with the row before and after, and refuses what would break it', async () => {
    try {
      const numbered = await admin.patch('/hotlines/drainage', { number: '96556', reason: '排水热线开通' }).expect(200);
      expect(numbered).toSatisfyApiSpec();
      expect(numbered.body).toMatchObject({
        entity: 'hotline',
        entityKey: 'drainage',
        status: 'applied',
        reason: '排水热线开通',
        before: { number: null },
        after: { number: '96556' },
      });
      const hotlines = (await agent.get('/hotlines?kind=utility').expect(200)).body.items as Record<string, unknown>[];
      expect(hotlines.find((h) => h.code === 'drainage')).toMatchObject({ number: '96556' });
      await admin.patch('/hotlines/drainage', { name: '排水服务' }).expect(200);
      const versions = (await history('hotline', 'drainage')).slice(0, 2);
      expect(versions.map((v) => [v.version, v.after?.name])).toEqual([
        [numbered.body.version + 1, '排水服务'],
        [numbered.body.version, '排水'],
      ]);

      const taken = await admin.patch('/hotlines/drainage', { number: '96116' }).expect(400);
      expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'number', reason: 'taken' })]);
      const primary = await admin.patch('/hotlines/12345', { active: false }).expect(400);
      expect(primary.body.errors).toEqual([expect.objectContaining({ field: 'active', reason: 'primary_line' })]);
      const empty = await admin.patch('/hotlines/drainage', { reason: '只说原因' }).expect(400);
      expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'body', reason: 'empty' })]);
      expect((await admin.patch('/hotlines/nope', { name: '无此线' }).expect(404)).body.reason).toBe(
        'reference.not_found',
      );
      await admin.patch('/hotlines/drainage', { number: 'abc' }).expect(400);
      await supervisor.patch('/hotlines/drainage', { name: '越权' }).expect(403);

      const audited = (await admin.get('/audit?entity=hotline&entityId=drainage&limit=10').expect(200)).body.items;
      expect(audited.map((a: { action: string }) => a.action)).toContain('hotline.change_applied');
    } finally {
      await admin.patch('/hotlines/drainage', { number: null, name: '排水', reason: '测试复原' }).expect(200);
    }
  });

  it('adds, renames, moves and deactivates units, keeping each under a parent of the right kind', async () => {
    const code = `${STREET}${digits(6)}`;
    const added = await admin
      .post('/units', { code, name: '测试社区', kind: 'community', parentCode: STREET })
      .expect(201);
    expect(added).toSatisfyApiSpec();
    expect(added.body).toMatchObject({
      status: 'applied',
      version: 1,
      before: null,
      after: { code, parentCode: STREET },
    });
    expect(await unitOf(code, STREET)).toMatchObject({ name: '测试社区', active: true });
    const again = await admin.post('/units', { code, name: '重复', kind: 'community', parentCode: STREET }).expect(400);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'code', reason: 'taken' })]);
    const underDistrict = await admin
      .post('/units', { code: `X${unique()}`.toUpperCase(), name: '错挂社区', kind: 'community', parentCode: '110105' })
      .expect(400);
    expect(underDistrict.body.errors).toEqual([expect.objectContaining({ field: 'parentCode', reason: 'wrong_kind' })]);

    await admin.patch(`/units/${code}`, { name: '改名社区' }).expect(200);
    const moved = await admin.patch(`/units/${code}`, { parentCode: OTHER_STREET, reason: '区划调整' }).expect(200);
    expect(moved.body).toMatchObject({
      version: 3,
      before: { parentCode: STREET },
      after: { parentCode: OTHER_STREET },
    });
    expect(await unitOf(code, OTHER_STREET)).toMatchObject({ name: '改名社区' });
    const wrongMove = await admin.patch(`/units/${code}`, { parentCode: 'DEPT-HOUSING' }).expect(400);
    expect(wrongMove.body.errors).toEqual([expect.objectContaining({ field: 'parentCode', reason: 'wrong_kind' })]);
    await admin.patch(`/units/${code}`, { active: false }).expect(200);
    expect(await unitOf(code, OTHER_STREET)).toMatchObject({ active: false });
    expect((await history('unit', code)).map((v) => v.version)).toEqual([4, 3, 2, 1]);
  });

  it('adds categories, moves one within its level, and a deactivated one takes no new case', async () => {
    const code = `9${digits(8)}`;
    await admin.post('/categories', { code, name: '共享单车乱停放', parentCode: '0101' }).expect(201);
    const cats = async (parent: string) =>
      (await agent.get(`/categories?parentCode=${parent}&limit=1000`).expect(200)).body.items as { code: string }[];
    expect((await cats('0101')).map((c) => c.code)).toContain(code);
    const registered = await agent.post('/cases', caseBody({ categoryCode: code })).expect(201);
    expect(registered.body.categoryCode).toBe(code);

    const moved = await admin.patch(`/categories/${code}`, { parentCode: '0102' }).expect(200);
    expect(moved.body).toMatchObject({ after: { parentCode: '0102', level: 3 } });
    expect((await cats('0102')).map((c) => c.code)).toContain(code);
    const tooHigh = await admin.patch(`/categories/${code}`, { parentCode: '01' }).expect(400);
    expect(tooHigh.body.errors).toEqual([expect.objectContaining({ field: 'parentCode', reason: 'wrong_level' })]);
    const tooDeep = await admin
      .post('/categories', { code: `${code}01`, name: '第四级', parentCode: code })
      .expect(400);
    expect(tooDeep.body.errors).toEqual([expect.objectContaining({ field: 'parentCode', reason: 'too_deep' })]);

    await admin.patch(`/categories/${code}`, { active: false, reason: '并入其他类别' }).expect(200);
    const refused = await agent.post('/cases', caseBody({ categoryCode: code })).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'categoryCode', reason: 'not_active' })]);
  });

  it('edits, disables and reorders dispatch rules, each a version of its rule', async () => {
    const c = (await agent.post('/cases', caseBody({ categoryCode: RULE_CATEGORY })).expect(201)).body as {
      id: string;
    };
    const rule = async (name: string, priority: number, leadUnitCode: string) =>
      (
        await admin
          .post('/dispatch-rules', { priority, name, categoryCode: RULE_CATEGORY, target: 'unit', leadUnitCode })
          .expect(201)
      ).body as { id: string };
    const a = await rule(`地质灾害甲 ${unique()}`, 3, 'DEPT-PLANNING');
    const b = await rule(`地质灾害乙 ${unique()}`, 4, 'DEPT-HOUSING');
    expect(await suggestionFor(c.id)).toMatchObject({ ruleId: a.id, leadUnitCode: 'DEPT-PLANNING' });

    const edited = await admin.patch(`/dispatch-rules/${a.id}`, { leadUnitCode: 'DEPT-URBAN-MANAGEMENT' }).expect(200);
    expect(edited.body).toMatchObject({ version: 2, before: { leadUnitCode: 'DEPT-PLANNING' } });
    expect(await suggestionFor(c.id)).toMatchObject({ ruleId: a.id, leadUnitCode: 'DEPT-URBAN-MANAGEMENT' });
    const bad = await admin.patch(`/dispatch-rules/${a.id}`, { target: 'unit', leadUnitCode: 'NOPE' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'leadUnitCode' })]);

    const reordered = await admin.post('/dispatch-rules/order', { ids: [b.id, a.id] }).expect(201);
    expect(reordered.body.map((ch: Change) => [ch.entityKey, ch.after?.priority])).toEqual([
      [b.id, 10],
      [a.id, 20],
    ]);
    expect(await suggestionFor(c.id)).toMatchObject({ ruleId: b.id, leadUnitCode: 'DEPT-HOUSING' });
    await admin.patch(`/dispatch-rules/${b.id}`, { active: false, reason: '职责调整' }).expect(200);
    expect(await suggestionFor(c.id)).toMatchObject({ ruleId: a.id });
    await admin.patch(`/dispatch-rules/${a.id}`, { active: false }).expect(200);
    expect((await suggestionFor(c.id)).ruleId).not.toBe(a.id);
    expect((await history('dispatch_rule', b.id)).map((v) => [v.version, v.after?.active])).toEqual([
      [3, false],
      [2, true],
      [1, true],
    ]);
  });

  it('dry-runs a rule on the last dispatched cases: which would change unit', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = (await agent.post('/cases', caseBody({ categoryCode: DRY_RUN_CATEGORY })).expect(201)).body;
      await agent.post(`/cases/${c.id}/dispatch`, {}).expect(201);
      ids.push(c.id);
    }
    const proposal = {
      rule: {
        priority: 1,
        name: `商标侵权改派 ${unique()}`,
        categoryCode: DRY_RUN_CATEGORY,
        target: 'unit',
        leadUnitCode: 'DEPT-HOUSING',
      },
      lastN: 10_000,
    };
    const res = await supervisor.post('/dispatch-rules/dry-run', proposal).expect(200);
    expect(res).toSatisfyApiSpec();
    const mine = (res.body.items as { caseId: string }[]).filter((i) => ids.includes(i.caseId));
    expect(mine).toHaveLength(2);
    expect(mine).toEqual(
      expect.arrayContaining(
        ids.map((caseId) =>
          expect.objectContaining({
            caseId,
            actualUnitCode: 'DEPT-IP',
            currentUnitCode: 'DEPT-IP',
            proposedUnitCode: 'DEPT-HOUSING',
          }),
        ),
      ),
    );
    expect(res.body.changed).toBeGreaterThanOrEqual(2);
    expect(res.body.examined).toBeGreaterThanOrEqual(res.body.changed);
    // Nothing was written: the catalogue still sends these cases where it did.
    const rules = (await admin.get('/dispatch-rules?limit=1000').expect(200)).body.items as { name: string }[];
    expect(rules.map((r) => r.name)).not.toContain(proposal.rule.name);
    const refused = await supervisor
      .post('/dispatch-rules/dry-run', { rule: { ...proposal.rule, leadUnitCode: 'NOPE' } })
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'rule.leadUnitCode' })]);
    await agent.post('/dispatch-rules/dry-run', proposal).expect(403);
  });

  // Last: it moves the clock.
  it('applies a scheduled change at its time, fails one that no longer holds, and cancels on request', async () => {
    const at = new Date(testClock.now().getTime() + HOUR_MS).toISOString();
    const code = `${STREET}${digits(6)}`;
    await admin.post('/units', { code, name: '定时社区', kind: 'community', parentCode: STREET }).expect(201);
    const rename = await admin
      .patch(`/units/${code}`, { name: '新名社区', effectiveFrom: at, reason: '下月起更名' })
      .expect(200);
    expect(rename.body).toMatchObject({ status: 'scheduled', version: null, after: null });
    expect(await unitOf(code, STREET)).toMatchObject({ name: '定时社区' });

    // A move to a street that is deactivated before the move's time fails then, with the reason.
    const parentCat = `8${digits(7)}`;
    await admin.post('/categories', { code: parentCat, name: '临时大类' }).expect(201);
    await admin.post('/categories', { code: `${parentCat}01`, name: '临时中类', parentCode: parentCat }).expect(201);
    await admin.post('/categories', { code: `${parentCat}02`, name: '临时中类二', parentCode: parentCat }).expect(201);
    await admin
      .post('/categories', { code: `${parentCat}0101`, name: '临时小类', parentCode: `${parentCat}01` })
      .expect(201);
    const doomed = await admin
      .patch(`/categories/${parentCat}0101`, { parentCode: `${parentCat}02`, effectiveFrom: at })
      .expect(200);
    await admin.patch(`/categories/${parentCat}02`, { active: false }).expect(200);

    const policy = (await admin.get('/sla-policy').expect(200)).body.items as Record<string, unknown>[];
    const items = policy.map(({ id: _i, createdAt: _c, updatedAt: _u, ...row }) => row);
    const withdrawn = await admin.post('/sla-policy/changes', { items, effectiveFrom: at }).expect(201);
    expect(withdrawn.body.status).toBe('scheduled');
    const cancelled = await admin.post(`/reference-changes/${withdrawn.body.id}/cancel`).expect(201);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await admin.post(`/reference-changes/${withdrawn.body.id}/cancel`).expect(409)).body.reason).toBe(
      'reference.change_not_scheduled',
    );

    testClock.advance(HOUR_MS + MINUTE_MS);
    await worker.get(ClocksJob).tick();
    const [applied] = await eventually(async () => {
      const found = (await history('unit', code)).filter((v) => v.id === rename.body.id && v.status === 'applied');
      return found.length ? found : undefined;
    });
    expect(applied).toMatchObject({ version: 2, before: { name: '定时社区' }, after: { name: '新名社区' } });
    expect(await unitOf(code, STREET)).toMatchObject({ name: '新名社区' });
    const [failed] = (await history('category', `${parentCat}0101`)).filter((v) => v.id === doomed.body.id);
    expect(failed).toMatchObject({ status: 'failed', version: null });
    expect(failed.problems).toEqual([expect.objectContaining({ field: 'parentCode', reason: 'not_active' })]);
    const scheduled = (await supervisor.get('/reference-changes?status=scheduled&limit=100').expect(200)).body.items;
    expect(scheduled.map((s: Change) => s.id)).not.toContain(rename.body.id);
  });
});
