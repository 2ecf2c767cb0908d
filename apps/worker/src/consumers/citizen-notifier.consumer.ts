import { Injectable } from '@nestjs/common';
import { CaseEventData, caseEventName, caseEventType } from '@hotline/cases';
import { CloudEvent, EventConsumer, TOPICS } from '@hotline/messaging';
import { type CaseMilestone, NotificationsService } from '@hotline/notifications';

/**
 * Tells citizens by SMS when their demand is registered and when it is resolved (with the reply and
 * an invitation to rate), through `hotline.notifications.v1` (docs/events.md, "Citizen notifications").
 */
@Injectable()
export class CitizenNotifierConsumer implements EventConsumer {
  readonly name = 'citizen-notifier';
  readonly topics = [TOPICS.cases];
  readonly dataTypes = {
    [caseEventType('registered')]: CaseEventData,
    [caseEventType('resolved')]: CaseEventData,
  };
  readonly unknownTypes = 'skip';
  readonly unknownFields = 'ignore';

  constructor(private readonly notifications: NotificationsService) {}

  handle(event: CloudEvent): Promise<void> {
    const milestone = caseEventName(event.type) as CaseMilestone;
    return this.notifications.onCaseMilestone(milestone, (event.data as CaseEventData).caseId);
  }
}
