import { Injectable } from '@nestjs/common';
import { CaseEventData, caseEventType } from '@hotline/cases';
import { DispatchService } from '@hotline/dispatch';
import { CloudEvent, EventConsumer, TOPICS } from '@hotline/messaging';

/**
 * The router: on every registration, dispatches the case at once when the catalogue's matching
 * rule is flagged `auto`. Anything else waits for an agent.
 */
@Injectable()
export class AutoDispatchConsumer implements EventConsumer {
  readonly name = 'auto-dispatch-router';
  readonly topics = [TOPICS.cases];
  readonly dataTypes = { [caseEventType('registered')]: CaseEventData };
  readonly unknownTypes = 'skip';
  readonly unknownFields = 'ignore';

  constructor(private readonly dispatching: DispatchService) {}

  handle(event: CloudEvent): Promise<void> {
    return this.dispatching.autoDispatch((event.data as CaseEventData).caseId);
  }
}
