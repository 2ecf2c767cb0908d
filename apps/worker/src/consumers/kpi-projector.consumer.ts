import { Injectable } from '@nestjs/common';
import { CASE_EVENT_NAMES, CaseEventData, caseEventName, caseEventType } from '@hotline/cases';
import { instant } from '@hotline/clock';
import { KpiProjectionService } from '@hotline/kpi';
import { CloudEvent, EventConsumer, TOPICS } from '@hotline/messaging';

/** Feeds the KPI projection (facts and rollups) from hotline.cases.v1, in its own consumer group. */
@Injectable()
export class KpiProjectorConsumer implements EventConsumer {
  readonly name = 'kpi-projector';
  readonly topics = [TOPICS.cases];
  readonly dataTypes = Object.fromEntries(CASE_EVENT_NAMES.map((name) => [caseEventType(name), CaseEventData]));
  readonly unknownTypes = 'skip';
  // Keep every field: the fold reads type-specific ones (deadlines, reached, kind …).
  readonly unknownFields = 'keep';

  constructor(private readonly projection: KpiProjectionService) {}

  handle(event: CloudEvent): Promise<void> {
    const data = event.data as CaseEventData & Record<string, unknown>;
    return this.projection.apply({
      name: caseEventName(event.type)!,
      time: instant(event.time),
      caseId: data.caseId,
      caseNumber: data.caseNumber,
      data,
    });
  }
}
