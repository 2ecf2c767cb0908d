import { Injectable } from '@nestjs/common';
import { IsString, IsUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { CASE_EVENT_NAMES, caseEventType } from '@hotline/cases';
import { KpiProjection } from '@hotline/kpi';
import { CloudEvent, EventHandler, TOPICS } from '@hotline/messaging';

/** Every case event carries these; the fold reads the rest of `data` as it needs. */
class CaseEventData {
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
}

const NAME_BY_TYPE = new Map(CASE_EVENT_NAMES.map((name) => [caseEventType(name), name]));

/** Feeds the KPI projection (facts and rollups) from hotline.cases.v1, in its own consumer group. */
@Injectable()
export class KpiProjectorConsumer implements EventHandler {
  readonly name = 'kpi-projector';
  readonly topics = [TOPICS.cases];
  readonly dataTypes = Object.fromEntries([...NAME_BY_TYPE.keys()].map((type) => [type, CaseEventData]));
  readonly unknownTypes = 'skip';
  // Keep every field: the fold reads type-specific ones (deadlines, reached, kind …).
  readonly unknownFields = 'keep';

  constructor(private readonly projection: KpiProjection) {}

  async handle(event: CloudEvent, tx: EntityManager): Promise<void> {
    const data = event.data as CaseEventData & Record<string, unknown>;
    await this.projection.apply(tx, {
      name: NAME_BY_TYPE.get(event.type)!,
      time: new Date(event.time),
      caseId: data.caseId,
      caseNumber: data.caseNumber,
      data,
    });
  }
}
