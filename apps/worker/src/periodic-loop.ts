/**
 * A job's loop: run `work`, wait `intervalMs`, again, until stopped — one round at a time (never
 * overlapping, unlike setInterval), and a stop that wakes the wait and waits for the round in flight.
 * `work` handles its own errors (each job says what failed in its words).
 */
export class PeriodicLoop {
  private running = false;
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;

  /** `after`: what to wait for before the first round; `waitFirst`: pause once before it too. */
  start(
    work: () => Promise<void>,
    intervalMs: number,
    options: { after?: Promise<unknown>; waitFirst?: boolean } = {},
  ) {
    this.running = true;
    this.loop = this.run(work, intervalMs, options);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
  }

  private async run(
    work: () => Promise<void>,
    intervalMs: number,
    options: { after?: Promise<unknown>; waitFirst?: boolean },
  ) {
    await options.after;
    if (this.running && options.waitFirst) await this.pause(intervalMs);
    while (this.running) {
      await work();
      await this.pause(intervalMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }
}
