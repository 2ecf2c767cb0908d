import * as kafkajs from 'kafkajs';
import { KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { kafkaRetryDelayMs, untilKafkaAnswers } from './until-kafka-answers';

// kafkajs throws these two but its typings leave them out (or without a constructor's arguments).
const { KafkaJSConnectionClosedError, KafkaJSSASLAuthenticationError } = kafkajs as unknown as {
  KafkaJSConnectionClosedError: new (message: string, metadata: { host: string; port: number }) => Error;
  KafkaJSSASLAuthenticationError: new (message: string) => Error;
};

describe('untilKafkaAnswers', () => {
  const failingTimes = (errors: Error[]) => {
    let calls = 0;
    return {
      step: async () => {
        calls++;
        const error = errors.shift();
        if (error) throw error;
        return 'joined';
      },
      calls: () => calls,
    };
  };

  it('waits out Kafka failures of any kind — closed connection, retries exhausted, a handshake cut — and returns the result', async () => {
    const slept: number[] = [];
    const warnings: string[] = [];
    const closed = new KafkaJSConnectionClosedError('Closed connection', { host: '127.0.0.1', port: 9092 });
    const { step, calls } = failingTimes([
      closed,
      new KafkaJSNumberOfRetriesExceeded(closed, { retryCount: 5, retryTime: 300 }),
      new KafkaJSSASLAuthenticationError('SASL SCRAM SHA512 authentication failed: Connection closed by the server'),
    ]);
    const result = await untilKafkaAnswers('starting consumer hotline.inbox', step, {
      warn: (m) => warnings.push(m),
      stopping: () => false,
      sleep: async (ms) => void slept.push(ms),
    });
    expect(result).toBe('joined');
    expect(calls()).toBe(4);
    expect(slept).toEqual([1000, 2000, 4000]);
    expect(warnings[0]).toBe(
      'starting consumer hotline.inbox: Kafka did not answer (KafkaJSConnectionClosedError: Closed connection); trying again in 1 s',
    );
  });

  it('throws an error that is not Kafka’s at once: a bug is not an outage', async () => {
    const { step, calls } = failingTimes([new TypeError('x is undefined')]);
    await expect(
      untilKafkaAnswers('creating topics', step, {
        warn: () => undefined,
        stopping: () => false,
        sleep: async () => {},
      }),
    ).rejects.toThrow(TypeError);
    expect(calls()).toBe(1);
  });

  it('stops waiting once the app shuts down, throwing the last failure', async () => {
    const closed = new KafkaJSConnectionClosedError('Closed connection', { host: '127.0.0.1', port: 9092 });
    const { step } = failingTimes([closed]);
    await expect(
      untilKafkaAnswers('creating topics', step, {
        warn: () => undefined,
        stopping: () => true,
        sleep: async () => {},
      }),
    ).rejects.toBe(closed);
  });

  it('doubles the wait from one second up to fifteen', () => {
    expect([1, 2, 3, 4, 5, 9].map(kafkaRetryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
  });
});
