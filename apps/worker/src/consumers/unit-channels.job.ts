import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { ConsumerRunnerService, UnitChannelsService } from '@hotline/messaging';
import { ConsumersStartupService } from './consumers-startup.service';
import { UnitRepliesConsumer } from './unit-replies.consumer';

/**
 * Every UNIT_CHANNELS_REFRESH_MS, looks for units' replies topics created since (a unit's system
 * was connected with `npm run kafka:unit`) and, when there are new ones, restarts the replies
 * consumer on them: kafkajs fixes a consumer's topics when it joins.
 */
@Injectable()
export class UnitChannelsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UnitChannelsJob.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly channels: UnitChannelsService,
    private readonly runner: ConsumerRunnerService,
    private readonly unitReplies: UnitRepliesConsumer,
    private readonly startup: ConsumersStartupService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
  }

  /** One look; true when the replies consumer was restarted on a new set of topics. */
  async refresh(): Promise<boolean> {
    const topics = await this.channels.replyTopics();
    if (!this.unitReplies.useUnitTopics(topics)) return false;
    this.logger.log(`units' replies topics changed (${topics.length} now): restarting ${this.unitReplies.name}`);
    await this.runner.restart(this.unitReplies);
    return true;
  }

  private async run(): Promise<void> {
    await this.startup.started;
    while (this.running) {
      await this.pause(this.config.UNIT_CHANNELS_REFRESH_MS);
      if (!this.running) return;
      try {
        await this.refresh();
      } catch (error) {
        this.logger.warn(`looking for units' replies topics failed, will retry: ${(error as Error).message}`);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }
}
