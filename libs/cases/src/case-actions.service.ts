import { Injectable } from '@nestjs/common';
import { CaseCommandsService } from './case-commands.service';
import type { Actor } from './domain/actor';
import { assertAnswerable } from './domain/answerability';
import type { CaseEntity } from './entities/case.entity';

/** An entry of the knowledge base an answer rested on, at the version read (resolved by its owner). */
export interface AnswerCitation {
  entryId: string;
  version: number;
}

/** Centre-side actions on a registered case that need no unit. */
@Injectable()
export class CaseActionsService {
  constructor(private readonly commands: CaseCommandsService) {}

  /**
   * 直接办结: the agent answered the demand on the call (mostly consultations); `knowledge` names the
   * entries and versions the answer rested on (docs/events.md: `case.answered`).
   */
  async answer(
    caseId: string,
    reply: string,
    actor: Actor,
    knowledge: readonly AnswerCitation[] = [],
  ): Promise<CaseEntity> {
    const { case: answered } = await this.commands.run(caseId, actor, {
      lifecycle: 'answer',
      decide: (c, { next, now }) => {
        assertAnswerable(c.demandType);
        return {
          update: { closedAt: now },
          clocks: [{ cancel: ['dispatch'] }],
          events: [
            {
              name: 'answered',
              data: { reply, knowledge: knowledge.map(({ entryId, version }) => ({ entryId, version })) },
              change: { before: { status: c.status }, after: { status: next } },
            },
          ],
        };
      },
    });
    return answered;
  }
}
