import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Http, startApi } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';

describe('history, audit and hardening (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let admin: ReturnType<typeof as>;
  let agent: ReturnType<typeof as>;

  beforeAll(async () => {
    ({ app, http } = await startApi());
    admin = as(http, await adminToken(http));
    agent = as(http, await tokenFor(http, 'agent'));
  });
  afterAll(() => app?.close());

  describe('case events cannot be rewritten', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await agent.post('/cases', caseBody()).expect(201)).body.id as string;
    });

    it('the app’s role lacks UPDATE and DELETE on case events and the audit log', async () => {
      const db = app.get(DataSource);
      await expect(db.query(`UPDATE case_events SET type = 'forged' WHERE case_id = $1`, [caseId])).rejects.toThrow(
        /permission denied/,
      );
      await expect(db.query(`DELETE FROM case_events WHERE case_id = $1`, [caseId])).rejects.toThrow(
        /permission denied/,
      );
      await expect(db.query(`DELETE FROM audit_log WHERE false`)).rejects.toThrow(/permission denied/);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [caseId]);
      expect(n).toBe(1);
    });

    it('even the owner is refused by the trigger', async () => {
      const owner = new Client({ connectionString: process.env.DATABASE_URL });
      await owner.connect();
      try {
        await expect(
          owner.query(`UPDATE case_events SET type = 'forged' WHERE case_id = $1`, [caseId]),
        ).rejects.toThrow(/append-only/);
        await expect(owner.query(`DELETE FROM case_events WHERE case_id = $1`, [caseId])).rejects.toThrow(
          /append-only/,
        );
        await expect(owner.query(`TRUNCATE case_events`)).rejects.toThrow(/append-only/);
        await expect(owner.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
      } finally {
        await owner.end();
      }
    });
  });

  describe('audit trail', () => {
    it('records reference-data, user and policy changes with before and after', async () => {
      const original = (await admin.get('/sla-policy').expect(200)).body.items as Record<string, unknown>[];
      const items = original.map(
        ({
          urgency,
          categoryCode,
          dispatchWithin,
          signWithin,
          responseWithin,
          resolveWithin,
          callbackWithin,
          transferAckWithin,
        }) => ({
          urgency,
          categoryCode,
          dispatchWithin,
          signWithin,
          responseWithin,
          resolveWithin,
          callbackWithin,
          transferAckWithin,
        }),
      );
      await admin.put('/sla-policy', { items }).expect(200);
      const username = `audited-${randomUUID().slice(0, 8)}`;
      const user = (await admin.post('/users', { username, password: 'audit-pass-42', role: 'agent' }).expect(201))
        .body;
      // A day no earlier run has set (the test database outlives runs): its audit entry has no "before".
      let day: string;
      do {
        const at = new Date(Date.UTC(2030 + Math.floor(Math.random() * 70), 0, 1 + Math.floor(Math.random() * 365)));
        day = at.toISOString().slice(0, 10);
      } while ((await admin.get(`/audit?entity=calendar_day&entityId=${day}`).expect(200)).body.total > 0);
      await admin.put(`/calendar/days/${day}`, { kind: 'holiday', name: '测试' }).expect(200);

      const policy = (await admin.get('/audit?entity=sla_policy&limit=1').expect(200)).body.items[0];
      expect(policy).toMatchObject({ action: 'sla_policy.change_applied', actorRole: 'admin' });
      expect(policy.before.items).toHaveLength(original.length);
      expect(policy.after.items).toHaveLength(original.length);
      const created = (await admin.get(`/audit?entity=user&entityId=${user.id}`).expect(200)).body.items[0];
      expect(created).toMatchObject({ action: 'user.created', after: { username, role: 'agent' } });
      expect(JSON.stringify(created)).not.toContain('audit-pass-42');
      const calendar = (await admin.get(`/audit?entity=calendar_day&entityId=${day}`).expect(200)).body.items[0];
      expect(calendar).toMatchObject({ before: null, after: { day, kind: 'holiday' } });
      await agent.get('/audit').expect(403);
    });

    it('records every read of a caller’s identity by a unit, and none of masked reads', async () => {
      const c = (await agent.post('/cases', caseBody()).expect(201)).body;
      await agent
        .post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105001', coUnitCodes: ['DEPT-URBAN-MANAGEMENT'] })
        .expect(201);
      const lead = as(http, await tokenFor(http, 'handler', '110105001'));
      const co = as(http, await tokenFor(http, 'handler', 'DEPT-URBAN-MANAGEMENT'));
      await lead.get(`/cases/${c.id}`).expect(200);
      await co.get(`/cases/${c.id}`).expect(200);
      await agent.get(`/cases/${c.id}`).expect(200);
      const reads = (await admin.get(`/audit?action=case.caller_read&entityId=${c.id}`).expect(200)).body.items;
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({ actorRole: 'handler', actorUnitCode: '110105001', entity: 'case' });
    });
  });

  describe('hardening', () => {
    it('throttles brute force on one username, not other users', async () => {
      const username = `target-${randomUUID().slice(0, 8)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push(
          (
            await http()
              .post('/api/v1/auth/token')
              .send({ username, password: `guess-${i}` })
          ).status,
        );
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
      const blocked = await http().post('/api/v1/auth/token').send({ username, password: 'guess' }).expect(429);
      expect(blocked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      await http()
        .post('/api/v1/auth/token')
        .send({ username: `other-${randomUUID().slice(0, 8)}`, password: 'guess' })
        .expect(401);
    });

    it('sends security headers and keeps CORS closed by default', async () => {
      const res = await http().get('/health').set('origin', 'https://evil.example').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await http()
        .options('/api/v1/cases')
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('refuses weak passwords by policy', async () => {
      const weak = await admin
        .post('/users', { username: `w-${randomUUID().slice(0, 6)}`, password: 'onlyletters', role: 'agent' })
        .expect(400);
      expect(weak.body.errors).toEqual([
        { field: 'password', message: 'must contain letters and digits', reason: 'too_simple' },
      ]);
    });
  });
});
