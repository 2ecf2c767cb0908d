import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, IsUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { caseEventType } from '@hotline/cases';
import { CloudEvent, EventHandler, TOPICS } from '@hotline/messaging';
import { SupervisionService } from '@hotline/supervision';

class SupervisionTrigger {
  @IsUUID() caseId!: string;
  @IsString() trigger!: string;
  @IsOptional() @IsString() kind?: string;
}

const DETAIL: Record<string, string> = {
  deadline_missed: '时限超期',
  callback_unsatisfied: '回访未解决或不满意',
  repeat_call: '同一诉求第二次重复来电',
};

/** Issues a supervision order for every trigger on the case stream, once per trigger event. */
@Injectable()
export class SupervisionIssuerConsumer implements EventHandler {
  readonly name = 'supervision-issuer';
  readonly topics = [TOPICS.cases];
  readonly dataTypes = { [caseEventType('supervision_triggered')]: SupervisionTrigger };
  readonly unknownTypes = 'skip';
  readonly unknownFields = 'ignore';

  constructor(private readonly supervision: SupervisionService) {}

  async handle(event: CloudEvent, tx: EntityManager): Promise<void> {
    const data = event.data as SupervisionTrigger;
    const detail = `${DETAIL[data.trigger] ?? data.trigger}${data.kind ? ` (${data.kind})` : ''}`;
    await this.supervision.issueForTrigger(tx, {
      eventId: event.id,
      caseId: data.caseId,
      trigger: data.trigger,
      occurredAt: new Date(event.time),
      detail,
    });
  }
}
