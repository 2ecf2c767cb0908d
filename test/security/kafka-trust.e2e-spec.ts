import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { loadAppConfig } from '@hotline/config';
import {
  createCloudEvent,
  createKafkaClient,
  kafkaClientOptions,
  TOPICS,
  unitInboxTopic,
  unitRepliesTopic,
} from '@hotline/messaging';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { eventually } from '../support/kafka-probe';
import {
  connectUnitSystems,
  CREDENTIALS_DIR,
  kafkaAs,
  kcat,
  kcatRaw,
  passwordOf,
  unitPrincipal,
} from '../support/kafka-principals';
import { testTopic } from '../support/test-topics';

const A = '110105001';
const B = '110108001';
const TLS_CA = join(CREDENTIALS_DIR, '..', 'tls', 'ca.pem');

/**
 * Who may speak on Kafka (docs/events.md, "Who may speak"), tried as outsiders would: Debian's kcat
 * with and without credentials, and kafkajs signed in as each principal, against the real broker.
 */
describe('Kafka trust: authentication, ACLs, units’ own channels (real broker, kcat)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agent: ReturnType<typeof as>;
  const dispatchedTo = async (unitCode: string) => {
    const c = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string; callerPhone: string };
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: unitCode }).expect(201);
    return c;
  };
  /** kcat reading a topic from the start, until `found` shows in a line or the time is up. */
  const kcatUntil = (principal: string, topic: string, found: string) =>
    eventually(async () => {
      const out = kcat(principal, ['-C', '-t', testTopic(topic), '-o', 'beginning', '-e', '-q', '-f', '%s\n']);
      return out.stdout.split('\n').find((line) => line.includes(found));
    });
  const reply = (type: string, caseId: string, unitCode: string, data: object = {}) =>
    createCloudEvent({
      type: `cn.gov.12345.unit_reply.${type}.v1`,
      source: `/units/${unitCode}`,
      subject: caseId,
      time: new Date(),
      data: { caseId, unitCode, ...data },
    });

  beforeAll(async () => {
    connectUnitSystems(A, B);
    ({ app: api, http } = await startApi());
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  describe('an outsider without credentials', () => {
    it('cannot even list topics: not on the SASL listener, not on the certificate listener', () => {
      const plain = kcat(null, ['-m', '3', '-L']);
      expect(plain.status).not.toBe(0);
      expect(plain.stderr).toMatch(/SASL authentication|Failed to acquire metadata/);
      const noCert = kcatRaw([
        '-m',
        '3',
        '-b',
        '127.0.0.1:9095',
        '-X',
        'security.protocol=SSL',
        '-X',
        `ssl.ca.location=${TLS_CA}`,
        '-L',
      ]);
      expect(noCert.status).not.toBe(0);
      expect(noCert.stderr).toMatch(/certificate|handshake|SSL/i);
    });

    it('cannot read orders nor act on a case with kafkajs, with no password or a wrong one', async () => {
      const anonymous = new Kafka({
        clientId: 'outsider',
        brokers: ['127.0.0.1:9092'],
        logLevel: logLevel.NOTHING,
        retry: { retries: 0 },
      });
      // The broker answers ApiVersions before authentication, nothing else.
      const outsider = anonymous.admin();
      await expect(outsider.connect().then(() => outsider.listTopics())).rejects.toThrow();
      await outsider.disconnect();
      const guessing = kafkaAs(unitPrincipal(A), { password: 'guessed-password' }).admin();
      await expect(guessing.connect()).rejects.toThrow(/SASL|authentication/i);
      await guessing.disconnect();
    });
  });

  describe('a unit’s system (kcat, its own certificate)', () => {
    it('reads its own orders, with the caller to contact, and nothing of anyone else’s', async () => {
      const mine = await dispatchedTo(A);
      const line = await kcatUntil(unitPrincipal(A), unitInboxTopic(A), mine.id);
      expect(JSON.parse(line)).toMatchObject({
        type: 'cn.gov.12345.dispatch.order_issued.v1',
        data: { caseId: mine.id, unitCode: A, caller: { phone: mine.callerPhone } },
      });
      for (const topic of [unitInboxTopic(B), TOPICS.dispatch, TOPICS.cases, TOPICS.calls]) {
        const out = kcat(unitPrincipal(A), ['-C', '-t', testTopic(topic), '-o', 'beginning', '-e']);
        expect(`${topic}: ${out.stderr}`).toMatch(/Topic authorization failed|Not authorized/i);
      }
    });

    it('cannot write a case event, another unit’s replies, the gateway’s topic or telephony’s', () => {
      const forged = JSON.stringify(reply('signed', '00000000-0000-4000-8000-000000000000', B));
      for (const topic of [TOPICS.cases, TOPICS.dispatch, unitRepliesTopic(B), TOPICS.unitReplies, TOPICS.calls]) {
        const out = kcat(unitPrincipal(A), ['-P', '-t', testTopic(topic), '-k', 'x'], `${forged}\n`);
        expect(`${topic}: ${out.stderr}`).toMatch(/authorization failed|Not authorized/i);
      }
    });

    it('signs its case by a reply on its own channel', async () => {
      const c = await dispatchedTo(A);
      const out = kcat(
        unitPrincipal(A),
        ['-P', '-t', testTopic(unitRepliesTopic(A)), '-k', c.id],
        `${JSON.stringify(reply('signed', c.id, A))}\n`,
      );
      expect(out.status).toBe(0);
      await eventually(async () => {
        const detail = (await agent.get(`/cases/${c.id}`).expect(200)).body;
        return detail.status === 'signed' ? detail : undefined;
      });
    });

    it('is refused on another unit’s case and told why on its own inbox; speaking for another unit is refused too', async () => {
      const others = await dispatchedTo(B);
      const intrusion = reply('signed', others.id, A);
      const impersonation = reply('signed', others.id, B);
      for (const event of [intrusion, impersonation]) {
        const out = kcat(
          unitPrincipal(A),
          ['-P', '-t', testTopic(unitRepliesTopic(A)), '-k', others.id],
          `${JSON.stringify(event)}\n`,
        );
        expect(out.status).toBe(0);
      }
      const told = JSON.parse(await kcatUntil(unitPrincipal(A), unitInboxTopic(A), intrusion.id));
      expect(told).toMatchObject({
        type: 'cn.gov.12345.unit_reply.rejected.v1',
        data: { replyId: intrusion.id, caseId: others.id, unitCode: A, reason: 'case.not_found' },
      });
      const impersonated = JSON.parse(await kcatUntil(unitPrincipal(A), unitInboxTopic(A), impersonation.id));
      expect(impersonated.data).toMatchObject({ replyId: impersonation.id, unitCode: A, reason: 'reply.wrong_sender' });
      expect((await agent.get(`/cases/${others.id}`).expect(200)).body.status).toBe('dispatched');
    });

    it('hears of a malformed reply too, with the field named', async () => {
      const broken = reply('responded', '00000000-0000-4000-8000-000000000001', A); // no note
      kcat(unitPrincipal(A), ['-P', '-t', testTopic(unitRepliesTopic(A)), '-k', 'k'], `${JSON.stringify(broken)}\n`);
      const told = JSON.parse(await kcatUntil(unitPrincipal(A), unitInboxTopic(A), broken.id));
      expect(told.data).toMatchObject({ reason: 'message.malformed' });
      expect(told.data.message).toContain('data.note');
    });
  });

  it('starts reading a unit connected while the worker runs', async () => {
    const late = '110105002';
    connectUnitSystems(late);
    const c = await dispatchedTo(late);
    // Until the worker has joined the new topic (within UNIT_CHANNELS_REFRESH_MS), the reply is resent.
    await eventually(async () => {
      kcat(
        unitPrincipal(late),
        ['-P', '-t', testTopic(unitRepliesTopic(late)), '-k', c.id],
        `${JSON.stringify(reply('signed', c.id, late))}\n`,
      );
      const detail = (await agent.get(`/cases/${c.id}`).expect(200)).body;
      return detail.status === 'signed' ? true : undefined;
    }, 60_000);
  });

  describe('the platform’s own principals', () => {
    it('keeps telephony to call events and the centre off telephony’s and units’ topics', async () => {
      const attempt = async (principal: string, topic: string) => {
        const producer = kafkaAs(principal).producer({ allowAutoTopicCreation: false });
        await producer.connect();
        try {
          await producer.send({ topic: testTopic(topic), messages: [{ key: 'k', value: '{}' }] });
          return 'sent';
        } catch (error) {
          return (error as Error).message;
        } finally {
          await producer.disconnect();
        }
      };
      expect(await attempt('telephony', TOPICS.calls)).toBe('sent'); // (a malformed call event: dead-lettered)
      expect(await attempt('telephony', TOPICS.cases)).toMatch(/Topic authorization failed/);
      expect(await attempt('centre', TOPICS.calls)).toMatch(/Topic authorization failed/);
      expect(await attempt('centre', unitRepliesTopic(A))).toMatch(/Topic authorization failed/);
      expect(await attempt('gateway', TOPICS.cases)).toMatch(/Topic authorization failed/);
    });

    it('reaches the broker over TLS with SASL, as on a real cluster, from the KAFKA_* settings alone', async () => {
      const settings = {
        ...process.env,
        KAFKA_BROKERS: '127.0.0.1:9094',
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: TLS_CA,
        KAFKA_SASL_USERNAME: 'centre',
        KAFKA_SASL_PASSWORD: passwordOf('centre'),
      };
      const admin = createKafkaClient(kafkaClientOptions(loadAppConfig(settings))).admin();
      await admin.connect();
      try {
        expect(await admin.listTopics()).toContain(testTopic(TOPICS.cases));
      } finally {
        await admin.disconnect();
      }
      const untrusted = new Kafka({
        ...kafkaClientOptions(loadAppConfig({ ...settings, KAFKA_SSL_CA_FILE: '' })),
        logLevel: logLevel.NOTHING,
        retry: { retries: 0 },
      });
      await expect(untrusted.admin().connect()).rejects.toThrow(/certificate/i);
    });
  });
});
