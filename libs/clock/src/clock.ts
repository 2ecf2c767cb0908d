/**
 * The one source of "now" for business time: deadlines, registration and event times, the SLA
 * sweep. Injected everywhere (a Nest provider, see ClockModule); tests replace it with a clock they
 * can move forward instead of rewriting rows. Bookkeeping stamps the database sets itself
 * (created_at, published_at, processed_at) stay on the database's clock.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The machine's time. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
