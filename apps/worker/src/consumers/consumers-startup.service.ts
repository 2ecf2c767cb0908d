import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConsumerRunnerService, UnitChannelsService, untilKafkaAnswers } from '@hotline/messaging';
import { AutoDispatchConsumer } from './auto-dispatch.consumer';
import { CitizenNotifierConsumer } from './citizen-notifier.consumer';
import { InboxProjectorConsumer } from './inbox-projector.consumer';
import { KpiProjectorConsumer } from './kpi-projector.consumer';
import { NotificationReceiptsConsumer } from './notification-receipts.consumer';
import { SupervisionIssuerConsumer } from './supervision-issuer.consumer';
import { TelephonyConsumer } from './telephony.consumer';
import { UnitRepliesConsumer } from './unit-replies.consumer';

/** Starts every consumer of the worker, each in its own consumer group. */
@Injectable()
export class ConsumersStartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConsumersStartupService.name);
  private done: () => void = () => undefined;
  /** Resolves once every consumer has joined its group. */
  readonly started = new Promise<void>((resolve) => (this.done = resolve));

  constructor(
    private readonly runner: ConsumerRunnerService,
    private readonly channels: UnitChannelsService,
    private readonly telephony: TelephonyConsumer,
    private readonly inbox: InboxProjectorConsumer,
    private readonly router: AutoDispatchConsumer,
    private readonly unitReplies: UnitRepliesConsumer,
    private readonly supervisionIssuer: SupervisionIssuerConsumer,
    private readonly kpi: KpiProjectorConsumer,
    private readonly citizenNotifier: CitizenNotifierConsumer,
    private readonly receipts: NotificationReceiptsConsumer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const replyTopics = await untilKafkaAnswers("listing units' replies topics", () => this.channels.replyTopics(), {
      warn: (message) => this.logger.warn(message),
      stopping: () => false,
    });
    this.unitReplies.useUnitTopics(replyTopics);
    await Promise.all(
      [
        this.telephony,
        this.inbox,
        this.router,
        this.unitReplies,
        this.supervisionIssuer,
        this.kpi,
        this.citizenNotifier,
        this.receipts,
      ].map((consumer) => this.runner.start(consumer)),
    );
    this.done();
  }
}
