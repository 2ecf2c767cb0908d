import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DeadlineSweepService } from '@hotline/cases';
import { AppConfig } from '@hotline/config';
import { ReferenceUpkeepService } from '@hotline/directory';
import { SupervisionService } from '@hotline/supervision';
import { PeriodicLoop } from '../periodic-loop';

/** Supervision orders escalated and reference changes applied per pass. */
const BATCH = 500;

/**
 * The clocks: every SLA_SWEEP_INTERVAL_MS, raise due warnings and breaches (in batches until none
 * are left), escalate supervision orders past their due time, and apply the reference-data changes
 * whose effective time has come. Safe to run in several workers at once (rows are claimed with SKIP
 * LOCKED).
 */
@Injectable()
export class ClocksJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClocksJob.name);
  private readonly loop = new PeriodicLoop();

  constructor(
    private readonly sweep: DeadlineSweepService,
    private readonly supervision: SupervisionService,
    private readonly upkeep: ReferenceUpkeepService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(() => this.round(), this.config.SLA_SWEEP_INTERVAL_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One full pass; returns what it raised. Used by the loop and by tests. */
  async tick(): Promise<{ breaches: number; warnings: number; escalations: number; referenceChanges: number }> {
    let breaches = 0;
    let warnings = 0;
    for (;;) {
      const result = await this.sweep.sweepOnce(this.config.SLA_SWEEP_BATCH);
      breaches += result.breaches;
      warnings += result.warnings;
      // A round that raised nothing (every due case was busy) waits for the next tick.
      if (!result.more || result.breaches + result.warnings === 0) break;
    }
    const escalations = await this.supervision.escalateOverdue(BATCH);
    const referenceChanges = await this.upkeep.applyDue(BATCH);
    return { breaches, warnings, escalations, referenceChanges };
  }

  private async round(): Promise<void> {
    try {
      const { breaches, warnings, escalations, referenceChanges } = await this.tick();
      if (breaches + warnings + escalations + referenceChanges > 0) {
        this.logger.log(
          `clocks: ${breaches} breaches, ${warnings} warnings, ${escalations} escalations, ${referenceChanges} reference changes`,
        );
      }
    } catch (error) {
      this.logger.warn(`clock sweep failed, will retry: ${(error as Error).message}`);
    }
  }
}
