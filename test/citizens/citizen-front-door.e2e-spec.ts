import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CloudEvent } from 'cloudevents';
import jestOpenAPI from 'jest-openapi';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@hotline/messaging';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, uniquePhone } from '../support/cases';
import { connectUnitSystems, kcat } from '../support/kafka-principals';
import { eventually, KafkaProbe, type ProbedMessage } from '../support/kafka-probe';
import { testClock } from '../support/test-clock';
import { testTopic } from '../support/test-topics';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

// Codes are limited per client address: believe the test's X-Forwarded-For, one fresh address per client.
process.env.TRUST_PROXY = 'loopback';
const CODES_PER_CLIENT = 3;
process.env.CITIZEN_CODES_PER_CLIENT_PER_HOUR = String(CODES_PER_CLIENT);
// A second code to one number waits a minute in production; two seconds here.
const RESEND_SECONDS = 2;
process.env.CITIZEN_CODE_RESEND_SECONDS = String(RESEND_SECONDS);

const MINUTE = 60_000;

/** An IPv6 documentation address (2001:db8::/32) of its own for each simulated client. */
function newClient(): string {
  const hex = randomBytes(8).toString('hex');
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}::${hex.slice(12, 16)}`;
}

interface Notification {
  notificationId: string;
  kind: string;
  channel: string;
  to: string;
  text: string;
  caseNumber: string | null;
  expiresAt: string | null;
}

/**
 * The citizens' front door (docs/api.md, "Citizen access", "Citizen submissions", "Progress lookup",
 * "Citizen notifications") on the real api, worker, PostgreSQL and Kafka: a number proven with a code
 * that the SMS gateway reads from its own topic, a demand filed with a photo, the agent's queue, the
 * unit's handling, the citizen following and rating it, and the messages the gateway is asked to send —
 * read as the gateway would, with kcat and kafkajs as the messenger principal.
 */
describe('citizens: one-time codes, online demands, progress, rating, SMS notifications (real stack)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agentToken: string;
  let waterToken: string;
  let agent: ReturnType<typeof as>;
  let water: ReturnType<typeof as>;
  let street: ReturnType<typeof as>;
  let sms: KafkaProbe;
  let centre: KafkaProbe;

  const requestCode = (phone: string, client = newClient()) =>
    http().post('/api/v1/public/verifications').set('X-Forwarded-For', client).send({ phone });
  const confirm = (verificationId: string, code: string) =>
    http().post(`/api/v1/public/verifications/${verificationId}/confirm`).send({ code });
  /** The message the gateway was asked to send to `phone` of `kind` (the code is read here, as a phone would). */
  const smsTo = async (phone: string, kind: string, count = 1): Promise<Notification[]> =>
    (await sms.waitFor((m) => dataOf(m).to === phone && dataOf(m).kind === kind, count)).map(dataOf);
  const codeSentTo = async (phone: string, nth = 1): Promise<string> => {
    const text = (await smsTo(phone, 'verification_code', nth))[nth - 1].text;
    return /验证码为(\d{6})/.exec(text)![1];
  };
  /** A citizen with a proven number: their session's requests. */
  const signIn = async (phone = uniquePhone()) => {
    const sent = await requestCode(phone).expect(201);
    const session = await confirm(sent.body.verificationId, await codeSentTo(phone)).expect(200);
    const token = session.body.token as string;
    const withToken = (r: ReturnType<Http['get']>) => r.set('X-Citizen-Token', token);
    return {
      phone,
      get: (path: string) => withToken(http().get(`/api/v1/public${path}`)),
      post: (path: string, body: object = {}) => withToken(http().post(`/api/v1/public${path}`)).send(body),
      put: (path: string, body: object) => withToken(http().put(`/api/v1/public${path}`)).send(body),
      upload: (path: string, bytes: Buffer, filename: string, contentType: string) =>
        withToken(http().post(`/api/v1/public${path}`)).attach('file', bytes, { filename, contentType }),
    };
  };

  beforeAll(async () => {
    connectUnitSystems('110105001');
    ({ app: api, http } = await startApi());
    worker = await startWorker();
    agentToken = await tokenFor(http, 'agent');
    waterToken = await tokenFor(http, 'handler', 'UTIL-WATER');
    agent = as(http, agentToken);
    water = as(http, waterToken);
    street = as(http, await tokenFor(http, 'handler', '110105001'));
    sms = await new KafkaProbe([TOPICS.notifications], 'messenger').start();
    centre = await new KafkaProbe([TOPICS.cases, `${TOPICS.notificationReceipts}.dlq`]).start();
  });
  afterAll(async () => {
    await sms?.stop();
    await centre?.stop();
    await worker?.close();
    await api?.close();
  });

  describe('proving a number', () => {
    it('texts a six-digit code through the gateway’s topic and opens a session with it, once', async () => {
      const phone = uniquePhone();
      const sent = await requestCode(phone).expect(201);
      expect(sent).toSatisfyApiSpec();
      const [message] = await sms.waitFor((m) => dataOf(m).to === phone);
      // The envelope as any CloudEvents consumer reads it (the SDK validates it against the spec).
      const event = new CloudEvent(message.json());
      expect(event.validate()).toBe(true);
      expect(event.type).toBe('cn.gov.12345.notification.requested.v1');
      expect(event.data).toMatchObject({ kind: 'verification_code', channel: 'sms', caseNumber: null });
      expect(dataOf(message).expiresAt).toBe(sent.body.expiresAt);
      expect(Date.parse(sent.body.expiresAt) - testClock.now().getTime()).toBeLessThanOrEqual(5 * MINUTE);
      const code = await codeSentTo(phone);

      const session = await confirm(sent.body.verificationId, code).expect(200);
      expect(session).toSatisfyApiSpec();
      expect(session.body.token).toEqual(expect.any(String));
      const again = await confirm(sent.body.verificationId, code).expect(409);
      expect(again.body.reason).toBe('verification.already_used');
    });

    it('counts five wrong tries, then refuses even the right code', async () => {
      const phone = uniquePhone();
      const { verificationId } = (await requestCode(phone).expect(201)).body;
      const code = await codeSentTo(phone);
      const wrong = code === '000000' ? '000001' : '000000';
      for (let left = 4; left >= 0; left--) {
        const res = await confirm(verificationId, wrong).expect(400);
        expect(res).toSatisfyApiSpec();
        expect(res.body.errors).toEqual([
          expect.objectContaining({
            field: 'code',
            reason: 'wrong_code',
            message: expect.stringContaining(`${left} tries`),
          }),
        ]);
      }
      expect((await confirm(verificationId, code).expect(409)).body.reason).toBe('verification.exhausted');
      expect((await confirm(randomUUID(), code).expect(404)).body.reason).toBe('verification.not_found');
      expect((await confirm(verificationId, '12345').expect(400)).body.errors[0].field).toBe('code');
    });

    it('limits codes per number and per client, with Retry-After', async () => {
      const phone = uniquePhone();
      await requestCode(phone).expect(201);
      const soon = await requestCode(phone).expect(429);
      expect(soon).toSatisfyApiSpec();
      expect(soon.body.reason).toBe('verification.too_many');
      expect(Number(soon.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(soon.headers['retry-after'])).toBeLessThanOrEqual(RESEND_SECONDS);

      const client = newClient();
      for (let i = 0; i < CODES_PER_CLIENT; i++) await requestCode(uniquePhone(), client).expect(201);
      expect((await requestCode(uniquePhone(), client).expect(429)).body.reason).toBe('verification.too_many');
      await requestCode(uniquePhone()).expect(201);
    });

    it('takes mobiles only, and no staff token for a citizen’s', async () => {
      const landline = await requestCode('010-65123456').expect(400);
      expect(landline.body.errors[0]).toMatchObject({ field: 'phone', reason: 'not_a_mobile' });
      await requestCode(`+852 9${uniquePhone().slice(-7)}`).expect(201);

      const missing = await http().get('/api/v1/public/submissions').expect(401);
      expect(missing.body.reason).toBe('citizen.token_missing');
      const staff = await tokenFor(http, 'agent');
      await http().get('/api/v1/public/submissions').auth(staff, { type: 'bearer' }).expect(401);
      const forged = await http().get('/api/v1/public/submissions').set('X-Citizen-Token', 'made-up').expect(401);
      expect(forged.body.reason).toBe('citizen.token_invalid');
    });
  });

  describe('a demand from filing to rating', () => {
    it('files, attaches a photo without its location, is accepted, resolved, followed, rated — and texted in order', async () => {
      const citizen = await signIn();
      const neighbour = await signIn();
      const filed = await citizen
        .post('/submissions', {
          channel: 'app',
          demandType: 'help',
          categoryCode: '030101',
          description: '停水了',
          address: '朝阳区光华路9号院3号楼',
          name: '王女士',
        })
        .expect(201);
      expect(filed).toSatisfyApiSpec();
      const submissionId = filed.body.id as string;
      expect(filed.body).toMatchObject({ status: 'waiting', caseNumber: null, reply: null });

      // A program renamed .jpg is refused by its bytes; a phone photo loses its EXIF (GPS position included).
      const lie = await citizen.upload(
        `/submissions/${submissionId}/attachments`,
        Buffer.from('MZ program'),
        'a.jpg',
        'image/jpeg',
      );
      expect(lie.status).toBe(400);
      expect(lie.body.errors[0]).toMatchObject({ field: 'file', reason: 'unsupported_type' });
      const photo = await photoWithLocation();
      expect((await sharp(photo).metadata()).exif).toBeDefined();
      const attached = await citizen.upload(
        `/submissions/${submissionId}/attachments`,
        photo,
        '现场.jpg',
        'image/jpeg',
      );
      expect(attached.status).toBe(201);
      expect(attached).toSatisfyApiSpec();
      await neighbour.upload(`/submissions/${submissionId}/attachments`, photo, 'x.jpg', 'image/jpeg').expect(404);
      await neighbour.get(`/submissions/${submissionId}`).expect(404);

      // The agents' queue shows the citizen's words, proven number and files; a unit sees none of it yet.
      const queued = (await agent.get(`/online-submissions/${submissionId}`).expect(200)).body;
      expect(queued).toMatchObject({ channel: 'app', phone: citizen.phone, demandType: 'help', description: '停水了' });
      const files = await agent.get(`/online-submissions/${submissionId}/attachments`).expect(200);
      expect(files).toSatisfyApiSpec();
      const url = files.body.items[0].url as string;
      const stored = await http().get(url).auth(agentToken, { type: 'bearer' }).buffer(true).expect(200);
      expect((await sharp(stored.body as Buffer).metadata()).exif).toBeUndefined();
      expect((stored.body as Buffer).includes(Buffer.from('Jianguo'))).toBe(false);
      await http().get(url).auth(waterToken, { type: 'bearer' }).expect(404);

      const accepted = await agent
        .post(`/online-submissions/${submissionId}/accept`, {
          demandType: 'help',
          categoryCode: '030101',
          urgency: 'general',
          districtCode: '110105',
        })
        .expect(201);
      const caseId = accepted.body.caseId as string;
      const { caseNumber } = (await agent.get(`/cases/${caseId}`).expect(200)).body as { caseNumber: string };
      const mine = (await citizen.get(`/submissions/${submissionId}`).expect(200)).body;
      expect(mine).toMatchObject({ status: 'accepted', caseNumber });

      // 停水 goes to the water company at once (the catalogue's automatic rule), as from the phone.
      await eventually(async () => {
        const c = (await agent.get(`/cases/${caseId}`).expect(200)).body as { status: string; leadUnitCode: string };
        return c.status === 'dispatched' && c.leadUnitCode === 'UTIL-WATER' ? c : undefined;
      });
      // The case's unit now sees the citizen's photo with the case.
      const caseFiles = (await water.get(`/cases/${caseId}/attachments`).expect(200)).body.items as { id: string }[];
      expect(caseFiles.map((f) => f.id)).toEqual([attached.body.id]);
      await street.get(`/cases/${caseId}/attachments`).expect(404);

      const during = await citizen.get(`/cases/${caseNumber}`).expect(200);
      expect(during).toSatisfyApiSpec();
      expect(during.body).toMatchObject({
        caseNumber,
        status: 'dispatched',
        stage: '办理中',
        reply: null,
        ratable: false,
      });
      await neighbour.get(`/cases/${caseNumber}`).expect(404);

      await water.post(`/cases/${caseId}/sign`).expect(201);
      await water.post(`/cases/${caseId}/respond`, { note: '内部备注：已电话联系' }).expect(201);
      await water.post(`/cases/${caseId}/resolve`, { outcome: 'solved', reply: '管道已抢修，已恢复供水' }).expect(201);

      const resolved = await citizen.get(`/cases/${caseNumber}`).expect(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', reply: '管道已抢修，已恢复供水', ratable: true });
      expect((resolved.body.timeline as { step: string }[]).map((s) => s.step)).toEqual([
        'registered',
        'dispatched',
        'signed',
        'responded',
        'resolved',
      ]);
      // No staff names or ids, no internal notes.
      const shown = JSON.stringify(resolved.body);
      for (const hidden of ['内部', 'UTIL-WATER', 'userId', 'actor', citizen.phone])
        expect(shown).not.toContain(hidden);

      const rated = await citizen.post(`/cases/${caseNumber}/rating`, { solved: true, satisfaction: 'satisfied' });
      expect(rated.status).toBe(200);
      expect(rated).toSatisfyApiSpec();
      expect(rated.body).toMatchObject({ status: 'closed', ratable: false });
      const twice = await citizen.post(`/cases/${caseNumber}/rating`, { solved: false, satisfaction: 'unsatisfied' });
      expect(twice.status).toBe(409);
      expect(twice.body.reason).toBe('case.finished');
      const timeline = (await agent.get(`/cases/${caseId}`).expect(200)).body.timeline as {
        type: string;
        data: Record<string, unknown>;
      }[];
      expect(timeline.find((e) => e.type === 'callback_recorded')?.data).toMatchObject({
        channel: 'web',
        reached: true,
        solved: true,
        satisfaction: 'satisfied',
      });

      // The gateway was asked, in the case's order (one key, one partition): registered, resolved, survey.
      const texts = await sms.waitFor((m) => m.key === caseId, 3);
      expect(texts.map((m) => dataOf(m).kind)).toEqual(['case_registered', 'case_resolved', 'callback_survey']);
      expect(new Set(texts.map((m) => m.partition)).size).toBe(1);
      expect(texts.map((m) => Number(m.offset))).toEqual([...texts.map((m) => Number(m.offset))].sort((a, b) => a - b));
      expect(dataOf(texts[0]).text).toContain(caseNumber);
      expect(dataOf(texts[1]).text).toContain('管道已抢修，已恢复供水');
      for (const m of texts) expect(dataOf(m)).toMatchObject({ to: citizen.phone, caseNumber });

      // Delivery reports, as the gateway sends them with kcat: recorded once each; an unknown one dead-lettered.
      const [registeredSms, resolvedSms] = texts.map(dataOf);
      const report = (notificationId: string, status: string, reason?: string) =>
        JSON.stringify({
          specversion: '1.0',
          id: randomUUID(),
          type: 'cn.gov.12345.notification.receipt.v1',
          source: '/sms-gateway',
          time: new Date().toISOString(),
          datacontenttype: 'application/json',
          data: { notificationId, status, reportedAt: new Date().toISOString(), ...(reason ? { reason } : {}) },
        });
      const stray = randomUUID();
      const receipts: [string, string][] = [
        [registeredSms.notificationId, report(registeredSms.notificationId, 'delivered')],
        [resolvedSms.notificationId, report(resolvedSms.notificationId, 'failed', 'UNDELIV:空号')],
        [registeredSms.notificationId, report(registeredSms.notificationId, 'failed', 'late')],
        [stray, report(stray, 'delivered')],
      ];
      for (const [key, value] of receipts) {
        const sent = kcat('messenger', ['-P', '-t', testTopic(TOPICS.notificationReceipts), '-k', key], `${value}\n`);
        expect(sent.status).toBe(0);
      }
      const [dead] = await centre.waitFor((m) => m.key === stray);
      expect(dead.headers['dlq-reason-code']).toBe('notification.not_found');
      const recorded = await eventually(async () => {
        const res = await agent.get(`/cases/${caseId}/notifications`).expect(200);
        const items = res.body.items as { kind: string; status: string; reportReason: string | null }[];
        return items.filter((n) => n.status !== 'requested').length === 2 ? res : undefined;
      });
      expect(recorded).toSatisfyApiSpec();
      expect(recorded.body.items).toEqual([
        expect.objectContaining({ kind: 'case_registered', status: 'delivered', reportReason: null }),
        expect.objectContaining({ kind: 'case_resolved', status: 'failed', reportReason: 'UNDELIV:空号' }),
        expect.objectContaining({ kind: 'callback_survey', status: 'requested' }),
      ]);
      await water.get(`/cases/${caseId}/notifications`).expect(403);
    });

    it('texts the answer to a demand answered without a case', async () => {
      const citizen = await signIn();
      const filed = await citizen.post('/submissions', { description: '公积金怎么提取' }).expect(201);
      await agent
        .post(`/online-submissions/${filed.body.id}/answer`, { reply: '可通过住房公积金网上业务平台申请提取' })
        .expect(201);
      const [answer] = await smsTo(citizen.phone, 'submission_answered');
      expect(answer.text).toContain('可通过住房公积金网上业务平台申请提取');
      expect((await citizen.get(`/submissions/${filed.body.id}`).expect(200)).body).toMatchObject({
        status: 'answered',
        reply: '可通过住房公积金网上业务平台申请提取',
      });
      const listed = await citizen.get('/submissions').expect(200);
      expect(listed).toSatisfyApiSpec();
      expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([filed.body.id]);
    });

    it('sends no case messages to a citizen who opted out, but still the codes they ask for', async () => {
      const citizen = await signIn();
      expect((await citizen.put('/notification-preference', { optedOut: true }).expect(200)).body).toEqual({
        optedOut: true,
      });
      expect((await citizen.get('/notification-preference').expect(200)).body).toEqual({ optedOut: true });
      const filed = await citizen.post('/submissions', { description: '没暖气', address: '西城区某小区' }).expect(201);
      const accepted = await agent
        .post(`/online-submissions/${filed.body.id}/accept`, {
          demandType: 'complaint',
          categoryCode: '030101',
          urgency: 'general',
          districtCode: '110102',
        })
        .expect(201);
      const caseId = accepted.body.caseId as string;
      const [registered] = await centre.waitFor(
        (m) => m.key === caseId && m.json().type === 'cn.gov.12345.case.registered.v1',
      );
      // Once the notifier has applied the registration (its inbox of event ids), nothing was asked for this case.
      const db = api.get(DataSource);
      await eventually(async () => {
        const rows: unknown[] = await db.query(
          `SELECT 1 FROM processed_events WHERE consumer = 'citizen-notifier' AND event_id = $1`,
          [registered.json().id],
        );
        return rows.length > 0 ? true : undefined;
      });
      expect((await agent.get(`/cases/${caseId}/notifications`).expect(200)).body.items).toEqual([]);
      expect(sms.messages.filter((m) => m.key === caseId)).toEqual([]);

      await new Promise((resolve) => setTimeout(resolve, RESEND_SECONDS * 1000));
      await requestCode(citizen.phone).expect(201);
      await codeSentTo(citizen.phone, 2);
    }, 60_000);
  });

  // After every case this file registers: it moves the file's clock on, and a case registered after that
  // would be dated in the future for the files that run next (their searches start from the real now).
  describe('time running out', () => {
    it('refuses a code after its five minutes, and a session after its thirty', async () => {
      const phone = uniquePhone();
      const { verificationId } = (await requestCode(phone).expect(201)).body;
      const code = await codeSentTo(phone);
      testClock.advance(5 * MINUTE + 1000);
      expect((await confirm(verificationId, code).expect(409)).body.reason).toBe('verification.expired');

      const citizen = await signIn();
      await citizen.get('/submissions').expect(200);
      testClock.advance(31 * MINUTE);
      const expired = await citizen.get('/submissions').expect(401);
      expect(expired.body.reason).toBe('citizen.token_invalid');
    });
  });

  describe('the gateway’s topic', () => {
    it('is readable by the messenger alone: no unit, gateway or telephony system reads citizens’ numbers', () => {
      const asMessenger = kcat('messenger', [
        '-C',
        '-t',
        testTopic(TOPICS.notifications),
        '-o',
        'beginning',
        '-e',
        '-q',
      ]);
      expect(asMessenger.status).toBe(0);
      expect(asMessenger.stdout).toContain('cn.gov.12345.notification.requested.v1');
      for (const other of ['gateway', 'telephony', 'unit.110105001']) {
        const refused = kcat(other, ['-C', '-t', testTopic(TOPICS.notifications), '-o', 'beginning', '-e', '-q']);
        expect(refused.stdout).toBe('');
        expect(refused.stderr).toMatch(/authoriz/i);
      }
      const noCredentials = kcat(null, ['-C', '-t', testTopic(TOPICS.notifications), '-o', 'beginning', '-e', '-q']);
      expect(noCredentials.stdout).toBe('');
    });
  });
});

function dataOf(message: ProbedMessage): Notification {
  return message.json<{ data: Notification }>().data;
}

/** A phone photo: EXIF with where it was taken (GPS) and the camera. */
function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: '#cc6633' } })
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: 'Jianguo Road 88', Make: 'PhoneMaker' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 54/1 30/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '116/1 26/1 0/1',
      },
    })
    .toBuffer();
}
