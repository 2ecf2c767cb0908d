import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { ConsumerRunnerService, UnitChannelsService } from '@hotline/messaging';
import { PeriodicLoop } from '../periodic-loop';
import { ConsumersStartupService } from './consumers-startup.service';
import { UnitRepliesConsumer } from './unit-replies.consumer';

/**
 * Every UNIT_CHANNELS_REFRESH_MS, looks for units' replies topics created since (a unit's system
 * was connected with `npm run kafka:unit`) and, when there are new ones, restarts the replies
 * consumer on them: kafkajs fixes a consumer's topics when it joins.
 */
@Injectable()
export class UnitChannelsJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(UnitChannelsJob.name);
  private readonly loop = new PeriodicLoop();

  constructor(
    private readonly channels: UnitChannelsService,
    private readonly runner: ConsumerRunnerService,
    private readonly unitReplies: UnitRepliesConsumer,
    private readonly startup: ConsumersStartupService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // The consumers start on the topics there are; the first look is one interval later.
    this.loop.start(() => this.refreshQuietly(), this.config.UNIT_CHANNELS_REFRESH_MS, {
      after: this.startup.started,
      waitFirst: true,
    });
  }

  /** Stopped with the modules, not after them: its looks use UnitChannelsService's admin client. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** One look; true when the replies consumer was restarted on a new set of topics. */
  async refresh(): Promise<boolean> {
    const topics = await this.channels.replyTopics();
    if (!this.unitReplies.useUnitTopics(topics)) return false;
    this.logger.log(`units' replies topics changed (${topics.length} now): restarting ${this.unitReplies.name}`);
    await this.runner.restart(this.unitReplies);
    return true;
  }

  private async refreshQuietly(): Promise<void> {
    try {
      await this.refresh();
    } catch (error) {
      this.logger.warn(`looking for units' replies topics failed, will retry: ${(error as Error).message}`);
    }
  }
}
