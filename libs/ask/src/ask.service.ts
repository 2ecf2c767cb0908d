import { Injectable } from '@nestjs/common';
import { type Actor, CaseRegistrationService, SYSTEM_ACTOR } from '@hotline/cases';
import { Clock } from '@hotline/clock';
import { DomainError, type Page } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { type Asker, KnowledgeSearchService } from '@hotline/knowledge';
import { AskLimitsRepository } from './ask-limits.repository';
import { confidenceOf, isConfident } from './domain/answer-confidence';
import { DESK_DEMAND_CATEGORY } from './domain/demand-category';
import type { PublicQuestionEntity } from './entities/public-question.entity';
import { PublicQuestionFilter, PublicQuestionsRepository } from './public-questions.repository';

/** How many entries the desk offers for one question. */
const ANSWERS = 3;
/** A demand costs the client this many questions of its hour: leaving cases is rarer than asking. */
const DEMAND_COST = 5;

export interface DeskAnswer {
  entryId: string;
  version: number;
  title: string;
  answer: string;
  confidence: number;
}

export interface DeskReply {
  questionId: string;
  answers: DeskAnswer[];
  confident: boolean;
}

/** What an asker leaves when the answers did not help: enough for the next working day's agents. */
export interface LeftDemand {
  phone: string;
  name?: string;
  districtCode: string;
  streetCode?: string;
  address: string;
  /** Their own words; the question when left out. */
  description?: string;
  categoryCode?: string;
}

export interface LeftDemandReceipt {
  caseNumber: string;
  /** When agents must have dispatched it: counted from the next working hour. */
  dispatchDueAt: Date;
}

/** The after-hours desk's registrations are the system's, channel `web` (docs/product.md, "After-hours answers"). */
const DESK: Actor = SYSTEM_ACTOR;

/**
 * The public after-hours desk (智能问答, docs/product.md, "After-hours answers"): answers from the
 * knowledge base at any hour, every question kept with what was offered, and a web case for the next
 * working day's agents when the answers did not help.
 */
@Injectable()
export class AskService {
  constructor(
    private readonly db: TransactionService,
    private readonly questions: PublicQuestionsRepository,
    private readonly limits: AskLimitsRepository,
    private readonly knowledge: KnowledgeSearchService,
    private readonly registration: CaseRegistrationService,
    private readonly clock: Clock,
  ) {}

  async ask(question: string, audience: Asker | undefined, client: string | undefined): Promise<DeskReply> {
    await this.limits.spend(client);
    const found = await this.knowledge.answersFor(question, audience, ANSWERS);
    const answers = found.map((hit) => ({
      entryId: hit.id,
      version: hit.version,
      title: hit.title,
      answer: hit.answer,
      confidence: confidenceOf(hit.score),
    }));
    const confident = isConfident(answers.map((a) => a.confidence));
    const kept = await this.questions.insert({
      askedAt: this.clock.now(),
      question,
      audience: audience ?? null,
      answers: answers.map(({ entryId, version, confidence }) => ({ entryId, version, confidence })),
      confident,
    });
    return { questionId: kept.id, answers, confident };
  }

  /** The asker's verdict on the answers; the last one given counts. */
  feedback(questionId: string, helpful: boolean): Promise<void> {
    return this.db.run(async () => {
      await this.lockOrFail(questionId);
      await this.questions.update(questionId, { helpful });
    });
  }

  /** A web case from a question the answers did not settle: one per question. */
  async leaveDemand(questionId: string, demand: LeftDemand, client: string | undefined): Promise<LeftDemandReceipt> {
    await this.limits.spend(client, DEMAND_COST);
    return this.db.run(async () => {
      const question = await this.lockOrFail(questionId);
      if (question.demandCaseId !== null) {
        throw new DomainError('ask.demand_already_left', 'A demand was already left for this question');
      }
      const { case: registered } = await this.registration.register(
        {
          channel: 'web',
          demandType: 'help',
          categoryCode: demand.categoryCode ?? DESK_DEMAND_CATEGORY,
          urgency: 'general',
          districtCode: demand.districtCode,
          streetCode: demand.streetCode,
          address: demand.address,
          callerName: demand.name,
          callerPhone: demand.phone,
          description: demand.description ?? question.question,
          waitsForOfficeHours: true,
        },
        DESK,
      );
      await this.questions.update(questionId, { helpful: false, demandCaseId: registered.id });
      return { caseNumber: registered.caseNumber, dispatchDueAt: registered.dispatchDueAt };
    });
  }

  /** For the centre: what was asked, to see what the knowledge base does not answer. */
  list(filter: PublicQuestionFilter): Promise<Page<PublicQuestionEntity>> {
    return this.questions.list(filter);
  }

  private async lockOrFail(id: string): Promise<PublicQuestionEntity> {
    const found = await this.questions.lock(id);
    if (!found) throw new DomainError('ask.not_found', 'No such question');
    return found;
  }
}
