import { Injectable } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { caseEventType } from '@hotline/cases';
import { DispatchService } from '@hotline/dispatch';
import { CloudEvent, EventHandler, TOPICS } from '@hotline/messaging';

class RegisteredCase {
  @IsUUID() caseId!: string;
}

/**
 * The router: on every registration, dispatches the case at once when the catalogue's matching
 * rule is flagged `auto`. Anything else waits for an agent.
 */
@Injectable()
export class AutoDispatchConsumer implements EventHandler {
  readonly name = 'auto-dispatch-router';
  readonly topics = [TOPICS.cases];
  readonly dataTypes = { [caseEventType('registered')]: RegisteredCase };
  readonly unknownTypes = 'skip';
  readonly unknownFields = 'ignore';

  constructor(private readonly dispatching: DispatchService) {}

  async handle(event: CloudEvent, tx: EntityManager): Promise<void> {
    await this.dispatching.autoDispatch(tx, (event.data as RegisteredCase).caseId);
  }
}
