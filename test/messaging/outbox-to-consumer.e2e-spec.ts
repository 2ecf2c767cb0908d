import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { IsInt, IsString } from 'class-validator';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { ClockModule } from '@hotline/clock';
import { DomainError } from '@hotline/core';
import { AppConfig, AppConfigModule } from '@hotline/config';
import { DatabaseModule, TransactionService } from '@hotline/database';
import {
  CloudEvent,
  ConsumerRunnerService,
  createCloudEvent,
  DEAD_LETTER_HEADERS,
  deadLetterTopic,
  EventConsumer,
  KafkaProducerService,
  MessagingMetricsService,
  MessagingModule,
  OutboxRepository,
  OutboxService,
  OutboxWakeupsRepository,
  UnitChannelsService,
  TOPICS,
} from '@hotline/messaging';
import { ObservabilityModule } from '@hotline/observability';
import { MetricsServerService } from '../../apps/worker/src/ops/metrics-server.service';
import { OutboxRelayJob } from '../../apps/worker/src/outbox/outbox-relay.job';
import { startWorker } from '../support/apps';
import { eventually, KafkaProbe } from '../support/kafka-probe';
import { testTopic } from '../support/test-topics';

const PROBE_TYPE = 'cn.gov.12345.test.probe.v1';
/** The probe consumer refuses this one (a state conflict: dead-lettered, never retried). */
const REFUSED_SEQ = 1013;

class ProbeData {
  @IsString() run!: string;
  @IsInt() seq!: number;
}

/** Stands in for a relay whose process dies after Kafka acknowledged, before the stamp commits. */
class CrashBeforeMarkRepository extends OutboxRepository {
  override async markPublished(): Promise<void> {
    throw new Error('simulated crash after publish');
  }
}

describe('outbox → relay → Kafka → consumer (real PostgreSQL and broker)', () => {
  const run = randomUUID();
  const applied: CloudEvent<ProbeData>[] = [];
  let db: TransactionService;
  const handler: EventConsumer = {
    name: `probe-consumer`,
    topics: [TOPICS.cases],
    dataTypes: { [PROBE_TYPE]: ProbeData },
    unknownTypes: 'skip',
    unknownFields: 'reject',
    handle: async (event: CloudEvent) => {
      await db.manager.query('SELECT 1'); // inside the runner's transaction
      const data = event.data as ProbeData;
      if (data.run === run && data.seq === REFUSED_SEQ) throw new DomainError('case.wrong_state', 'refused on purpose');
      if (data.run === run) applied.push(event as CloudEvent<ProbeData>);
    },
  };

  let messaging: INestApplicationContext;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let outbox: OutboxService;
  const probe = new KafkaProbe([TOPICS.cases, deadLetterTopic(TOPICS.cases)]);

  const probeEvent = (key: string, seq: number) =>
    createCloudEvent({ type: PROBE_TYPE, source: '/test', subject: key, time: new Date(), data: { run, seq } });
  const commit = (key: string, event: CloudEvent) => db.run(() => outbox.append([{ topic: TOPICS.cases, key, event }]));
  const appliedCount = (id: string) => applied.filter((e) => e.id === id).length;
  const processedRows = async (id: string) =>
    Number(
      (
        await dataSource.query(`SELECT count(*) AS n FROM processed_events WHERE consumer = $1 AND event_id = $2`, [
          handler.name,
          id,
        ])
      )[0].n,
    );

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule,
        ClockModule,
        ObservabilityModule.forRoot('worker'),
        DatabaseModule.forRoot('test-consumer'),
        MessagingModule,
      ],
    }).compile();
    messaging = await moduleRef.createNestApplication().init();
    dataSource = messaging.get(DataSource);
    db = messaging.get(TransactionService);
    outbox = messaging.get(OutboxService);
    await probe.start();
    await messaging.get(ConsumerRunnerService).start(handler);
    worker = await startWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await messaging?.close();
    await probe.stop();
  });

  it('delivers a committed event to the consumer and never one that rolled back', async () => {
    const key = randomUUID();
    const rolledBack = probeEvent(key, 1);
    const committed = probeEvent(key, 2);
    await expect(
      db.run(async () => {
        await outbox.append([{ topic: TOPICS.cases, key, event: rolledBack }]);
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    await commit(key, committed);

    const [message] = await probe.waitFor((m) => m.key === key);
    expect(message.json()).toMatchObject({ specversion: '1.0', id: committed.id, type: PROBE_TYPE, subject: key });
    await eventually(async () => (appliedCount(committed.id) === 1 ? true : undefined));
    // Same key, same partition, in order: had the rolled-back event been published, it came first.
    expect(probe.messages.some((m) => m.json().id === rolledBack.id)).toBe(false);
    expect(appliedCount(rolledBack.id)).toBe(0);
  });

  it('applies an event delivered twice only once', async () => {
    const key = randomUUID();
    const event = probeEvent(key, 1);
    const producer = messaging.get(KafkaProducerService);
    const message = { topic: testTopic(TOPICS.cases), key, value: JSON.stringify(event) };
    await producer.send([message]);
    await producer.send([message]);
    const marker = probeEvent(key, 2);
    await producer.send([{ topic: testTopic(TOPICS.cases), key, value: JSON.stringify(marker) }]);

    await probe.waitFor((m) => m.key === key && m.json().id === event.id, 2);
    await eventually(async () => (appliedCount(marker.id) === 1 ? true : undefined));
    expect(appliedCount(event.id)).toBe(1);
    expect(await processedRows(event.id)).toBe(1);
  });

  it('publishes again after a relay dies between publish and stamp, with no duplicate effect', async () => {
    await worker.close(); // no other relay may take the row first
    const key = randomUUID();
    const event = probeEvent(key, 1);
    await commit(key, event);

    const crashing = new OutboxRelayJob(
      db,
      new CrashBeforeMarkRepository(db),
      messaging.get(KafkaProducerService),
      messaging.get(MessagingMetricsService),
      messaging.get(OutboxWakeupsRepository),
      messaging.get(UnitChannelsService),
      messaging.get(AppConfig),
    );
    await expect(crashing.relayBatch()).rejects.toThrow('simulated crash after publish');
    await probe.waitFor((m) => m.key === key);
    const [row] = await dataSource.query(`SELECT published_at FROM outbox WHERE event_id = $1`, [event.id]);
    expect(row.published_at).toBeNull();

    worker = await startWorker(); // the restarted worker's relay publishes the row again
    await probe.waitFor((m) => m.key === key && m.json().id === event.id, 2);
    const marker = probeEvent(key, 2);
    await commit(key, marker);
    await eventually(async () => (appliedCount(marker.id) === 1 ? true : undefined));
    expect(appliedCount(event.id)).toBe(1);
    expect(await processedRows(event.id)).toBe(1);
    const [after] = await dataSource.query(`SELECT published_at FROM outbox WHERE event_id = $1`, [event.id]);
    expect(after.published_at).not.toBeNull();
  });

  it('sends a poison message to the DLQ with the reason, and keeps consuming', async () => {
    const key = randomUUID();
    const producer = messaging.get(KafkaProducerService);
    const badData = createCloudEvent({
      type: PROBE_TYPE,
      source: '/test',
      time: new Date(),
      data: { run, seq: 'one', extra: true },
    });
    await producer.send([
      { topic: testTopic(TOPICS.cases), key, value: 'not json at all' },
      { topic: testTopic(TOPICS.cases), key, value: JSON.stringify({ ...badData, specversion: '0.3' }) },
      { topic: testTopic(TOPICS.cases), key, value: JSON.stringify(badData) },
    ]);
    const after = probeEvent(key, 9);
    await producer.send([{ topic: testTopic(TOPICS.cases), key, value: JSON.stringify(after) }]);

    const dead = await probe.waitFor(
      (m) =>
        m.topic === deadLetterTopic(TOPICS.cases) &&
        m.key === key &&
        m.headers[DEAD_LETTER_HEADERS.consumer] === handler.name,
      3,
    );
    const reasons = dead.map((m) => m.headers[DEAD_LETTER_HEADERS.reason]);
    expect(reasons[0]).toBe('value is not JSON');
    expect(reasons[1]).toMatch(/invalid CloudEvent: specversion/);
    expect(reasons[2]).toMatch(/^invalid data: /);
    expect(reasons[2]).toContain('data.seq must be an integer number');
    expect(reasons[2]).toContain('data.extra property extra should not exist');
    expect(dead[0].value).toBe('not json at all');
    expect(dead[0].headers[DEAD_LETTER_HEADERS.sourceTopic]).toBe(testTopic(TOPICS.cases));
    await eventually(async () => (appliedCount(after.id) === 1 ? true : undefined));
  });

  it('dead-letters one refused message among others of its key, and applies the others once', async () => {
    const key = randomUUID();
    const events = [1011, 1012, REFUSED_SEQ, 1014].map((seq) => probeEvent(key, seq));
    await messaging
      .get(KafkaProducerService)
      .send(events.map((event) => ({ topic: testTopic(TOPICS.cases), key, value: JSON.stringify(event) })));

    const [dead] = await probe.waitFor(
      (m) =>
        m.topic === deadLetterTopic(TOPICS.cases) &&
        m.key === key &&
        m.headers[DEAD_LETTER_HEADERS.consumer] === handler.name,
    );
    expect(dead.headers[DEAD_LETTER_HEADERS.reason]).toBe('refused on purpose');
    const [refused, ...rest] = [events[2], events[0], events[1], events[3]];
    await eventually(async () => (appliedCount(events[3].id) >= 1 ? true : undefined));
    for (const event of rest) expect(await processedRows(event.id)).toBe(1);
    expect(await processedRows(refused.id)).toBe(0);
    expect(applied.filter((e) => e.data?.seq === 1014 && e.subject === key)).toHaveLength(1);
  });

  it('counts what the relay published on the worker’s /metrics', async () => {
    const port = worker.get(MetricsServerService).port;
    const published = async () => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      return Number(
        /hotline_outbox_published_total\{[^}]*topic="hotline\.cases\.v1"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0,
      );
    };
    const drained = async () =>
      Number((await dataSource.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0].n) === 0
        ? true
        : undefined;
    await eventually(drained);
    const before = await published();
    const key = randomUUID();
    for (let seq = 1; seq <= 3; seq++) await commit(key, probeEvent(key, seq));
    await probe.waitFor((m) => m.key === key, 3);
    await eventually(drained);
    expect((await published()) - before).toBe(3);
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ status: 'ok' });
  });

  it('reports the consumer group’s lag, back to 0 once it has caught up', async () => {
    const group = messaging.get(ConsumerRunnerService).groupId(handler);
    const pattern = new RegExp(
      `hotline_kafka_consumer_lag_messages\\{[^}]*group="${group}"[^}]*topic="${testTopic(TOPICS.cases).replaceAll('.', '\\.')}"[^}]*\\} (\\d+)`,
    );
    await eventually(async () => {
      const lag = pattern.exec(await messaging.get(Registry).metrics());
      return lag && Number(lag[1]) === 0 ? true : undefined;
    });
  });

  it('keeps the order of one key’s events, even with two relays publishing', async () => {
    const second = new OutboxRelayJob(
      db,
      messaging.get(OutboxRepository),
      messaging.get(KafkaProducerService),
      messaging.get(MessagingMetricsService),
      messaging.get(OutboxWakeupsRepository),
      messaging.get(UnitChannelsService),
      messaging.get(AppConfig),
    );
    second.onApplicationBootstrap();
    try {
      const keys = [randomUUID(), randomUUID(), randomUUID()];
      const perKey = 30;
      for (let seq = 1; seq <= perKey; seq++) {
        await Promise.all(keys.map((key) => commit(key, probeEvent(key, seq))));
      }
      for (const key of keys) {
        const received = await probe.waitFor((m) => m.key === key, perKey);
        expect(received.map((m) => m.json<{ data: ProbeData }>().data.seq)).toEqual(range(perKey));
        await eventually(async () => (applied.filter((e) => e.subject === key).length === perKey ? true : undefined));
        expect(applied.filter((e) => e.subject === key).map((e) => e.data.seq)).toEqual(range(perKey));
      }
    } finally {
      await second.onApplicationShutdown();
    }
  });
});

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
