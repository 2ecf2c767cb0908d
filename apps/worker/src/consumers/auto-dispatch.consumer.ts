import { Injectable } from '@nestjs/common';
import { CaseEventData, caseEventName, caseEventType } from '@hotline/cases';
import { DispatchService } from '@hotline/dispatch';
import { CloudEvent, EventConsumer, TOPICS } from '@hotline/messaging';

/**
 * The router: on every registration, dispatches the case at once when the catalogue's matching
 * rule is flagged `auto`; on every reopening, sends the case back to the unit that handled it when
 * the rule is flagged `redispatchOnReopen`. Anything else waits for an agent.
 */
@Injectable()
export class AutoDispatchConsumer implements EventConsumer {
  readonly name = 'auto-dispatch-router';
  readonly topics = [TOPICS.cases];
  readonly dataTypes = {
    [caseEventType('registered')]: CaseEventData,
    [caseEventType('reopened')]: CaseEventData,
  };
  readonly unknownTypes = 'skip';
  readonly unknownFields = 'ignore';

  constructor(private readonly dispatching: DispatchService) {}

  handle(event: CloudEvent): Promise<void> {
    const { caseId } = event.data as CaseEventData;
    return caseEventName(event.type) === 'reopened'
      ? this.dispatching.redispatchReopened(caseId)
      : this.dispatching.autoDispatch(caseId);
  }
}
