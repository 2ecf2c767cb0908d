interface Job {
  at: number;
  run: () => Promise<void>;
}

/**
 * Work due at simulated times. Simulated time runs `speed` times faster than the wall clock, so
 * a unit that "signs after 40 minutes" does so after 40 s at ×60. Only the delays are compressed:
 * the server's deadlines run on real time.
 */
export class Scheduler {
  private readonly jobs: Job[] = [];
  private readonly start = Date.now();
  inFlight = 0;

  constructor(
    private readonly speed: number,
    private readonly concurrency: number,
    private readonly onError: (error: Error) => void,
  ) {}

  simNow(): number {
    return this.start + (Date.now() - this.start) * this.speed;
  }

  /** Runs `run` once `simMinutes` of simulated time have passed. */
  later(simMinutes: number, run: () => Promise<void>): void {
    this.jobs.push({ at: this.simNow() + simMinutes * 60_000, run });
  }

  get pending(): number {
    return this.jobs.length;
  }

  hasCapacity(): boolean {
    return this.inFlight < this.concurrency;
  }

  /** Starts `run` without waiting for it, counting it against the concurrency. */
  launch(run: () => Promise<void>): void {
    this.inFlight++;
    void run()
      .catch(this.onError)
      .finally(() => this.inFlight--);
  }

  /** Starts the earliest job if it is due and there is capacity; true if one was started. */
  runDue(): boolean {
    if (!this.hasCapacity() || this.jobs.length === 0) return false;
    let earliest = 0;
    for (let i = 1; i < this.jobs.length; i++) if (this.jobs[i].at < this.jobs[earliest].at) earliest = i;
    if (this.jobs[earliest].at > this.simNow()) return false;
    const [job] = this.jobs.splice(earliest, 1);
    this.launch(job.run);
    return true;
  }
}
