import { KafkaJSError } from 'kafkajs';
import { doublingDelayMs } from '@hotline/core';

/** Waits between tries: doubling from one second, never more than fifteen. */
export const KAFKA_RETRY_DELAYS_MS = { first: 1000, max: 15_000 } as const;

export interface UntilKafkaAnswersOptions {
  /** Told before each wait: what failed and when the next try is. */
  warn: (message: string) => void;
  /** True once the app is shutting down: the last failure is thrown instead of waited out. */
  stopping: () => boolean;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `step` until it succeeds, waiting after every Kafka failure (a broker away, restarting or
 * refusing mid-handshake): an app started while the broker is down comes up when the broker does
 * and says so meanwhile, instead of dying on an unhandled rejection (docs/decisions.md, "Kafka
 * away at start"). Any other error — a bug, not an outage — is thrown at once.
 */
export async function untilKafkaAnswers<T>(
  what: string,
  step: () => Promise<T>,
  options: UntilKafkaAnswersOptions,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof KafkaJSError) || options.stopping()) throw error;
      const delay = kafkaRetryDelayMs(attempt);
      options.warn(
        `${what}: Kafka did not answer (${error.name}: ${error.message}); trying again in ${delay / 1000} s`,
      );
      await sleep(delay);
    }
  }
}

export function kafkaRetryDelayMs(attempt: number): number {
  return doublingDelayMs(attempt, KAFKA_RETRY_DELAYS_MS.first, KAFKA_RETRY_DELAYS_MS.max);
}
