import { Clock } from '@hotline/clock';

/**
 * The apps' Clock in integration tests: real time plus an offset that a test moves forward when it
 * needs time to pass (a deadline to run out), instead of rewriting rows behind the apps' backs.
 * One per test file (Jest gives each file its own modules); the api and the worker share it.
 */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('the test clock only moves forward');
    this.offsetMs += ms;
  }
}

export const testClock = new TestClock();
