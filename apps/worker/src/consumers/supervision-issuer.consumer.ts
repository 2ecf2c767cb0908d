import { Injectable } from '@nestjs/common';
import { caseEventType, SupervisionTriggeredData } from '@hotline/cases';
import { instant } from '@hotline/clock';
import { CloudEvent, EventConsumer, TOPICS } from '@hotline/messaging';
import { SupervisionService } from '@hotline/supervision';

const DETAIL: Record<string, string> = {
  deadline_missed: '时限超期',
  callback_unsatisfied: '回访未解决或不满意',
  repeat_call: '同一诉求第二次重复来电',
};

/** Issues a supervision order for every trigger on the case stream, once per trigger event. */
@Injectable()
export class SupervisionIssuerConsumer implements EventConsumer {
  readonly name = 'supervision-issuer';
  readonly topics = [TOPICS.cases];
  readonly dataTypes = { [caseEventType('supervision_triggered')]: SupervisionTriggeredData };
  readonly unknownTypes = 'skip';
  readonly unknownFields = 'ignore';

  constructor(private readonly supervision: SupervisionService) {}

  async handle(event: CloudEvent): Promise<void> {
    const data = event.data as SupervisionTriggeredData;
    const detail = `${DETAIL[data.trigger] ?? data.trigger}${data.kind ? ` (${data.kind})` : ''}`;
    await this.supervision.issueForTrigger({
      eventId: event.id,
      caseId: data.caseId,
      trigger: data.trigger,
      unitCode: data.unitCode,
      occurredAt: instant(event.time),
      detail,
    });
  }
}
