import { Injectable } from '@nestjs/common';
import { type Actor, CaseRegistrationService, type DemandType, type NewCase, normalizePhone } from '@hotline/cases';
import { Clock, dayStart, localDate } from '@hotline/clock';
import { DomainError, type Page, type PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { NotificationsService } from '@hotline/notifications';
import { acceptanceDueAt, caseChannelOf, type SubmissionChannel } from './domain/online-submission-rules';
import type { OnlineSubmissionEntity } from './entities/online-submission.entity';
import { OnlineSubmissionsRepository, type QueueCounts, type SubmissionFilter } from './online-submissions.repository';

/** What a front door files: the citizen's words, place and contact, as given. */
export interface NewSubmission {
  channel: SubmissionChannel;
  clientName?: string | null;
  demandType?: DemandType | null;
  categoryCode?: string | null;
  description?: string | null;
  districtCode?: string | null;
  streetCode?: string | null;
  address?: string | null;
  lat?: number | null;
  long?: number | null;
  name?: string | null;
  phone?: string | null;
  mediaUrl?: string | null;
}

/** The agent's classification of a submission: the case's fields; the citizen's own where not given. */
export type Acceptance = Omit<
  NewCase,
  'channel' | 'callId' | 'callerPhone' | 'callerName' | 'description' | 'address'
> & {
  description?: string;
  address?: string;
};

/** The online intake queue (docs/product.md, "Online intake"): submissions wait for an agent's decision. */
@Injectable()
export class OnlineIntakeService {
  constructor(
    private readonly db: TransactionService,
    private readonly submissions: OnlineSubmissionsRepository,
    private readonly registration: CaseRegistrationService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  submit(input: NewSubmission): Promise<OnlineSubmissionEntity> {
    const submittedAt = this.clock.now();
    return this.submissions.insert({
      channel: input.channel,
      clientName: input.clientName ?? null,
      demandType: input.demandType ?? null,
      categoryCode: input.categoryCode ?? null,
      description: input.description ?? null,
      districtCode: input.districtCode ?? null,
      streetCode: input.streetCode ?? null,
      address: input.address ?? null,
      lat: input.lat ?? null,
      long: input.long ?? null,
      name: input.name ?? null,
      // An unverified number that is no number would stop the agent's registration: kept only if valid.
      phone: input.phone ? (normalizePhone(input.phone) ?? null) : null,
      mediaUrl: input.mediaUrl ?? null,
      submittedAt,
      acceptDueAt: acceptanceDueAt(submittedAt),
    });
  }

  list(filter: SubmissionFilter, page: PageRequest): Promise<Page<OnlineSubmissionEntity>> {
    return this.submissions.list(filter, page);
  }

  /** Of these submissions, those that came in on `channel`, the newest first. */
  findMany(ids: readonly string[], channel: SubmissionChannel): Promise<OnlineSubmissionEntity[]> {
    return this.submissions.findMany(ids, channel);
  }

  async get(id: string): Promise<OnlineSubmissionEntity> {
    const submission = await this.submissions.find(id);
    if (!submission) throw new DomainError('submission.not_found', `Online submission ${id} not found`);
    return submission;
  }

  /** A citizen's own submission: anyone else's is as unknown as a missing one. */
  async own(id: string, phone: string): Promise<OnlineSubmissionEntity> {
    const submission = await this.submissions.find(id);
    if (!submission || submission.phone !== phone) {
      throw new DomainError('submission.not_found', `Online submission ${id} not found`);
    }
    return submission;
  }

  /** The citizen's own submission under its row lock, while it still waits (files may still be added). */
  async lockOwnWaiting(id: string, phone: string): Promise<OnlineSubmissionEntity> {
    const submission = await this.submissions.lock(id);
    if (!submission || submission.phone !== phone) {
      throw new DomainError('submission.not_found', `Online submission ${id} not found`);
    }
    if (submission.status !== 'waiting') {
      throw new DomainError('attachment.submission_closed', `Online submission ${id} is already ${submission.status}`);
    }
    return submission;
  }

  /** The submission this case was accepted from, if it came in online. */
  acceptedAs(caseId: string): Promise<string | null> {
    return this.submissions.acceptedAs(caseId);
  }

  /**
   * The agent registers the submission as a case, with the registration rules and repeat detection
   * of phone intake (a repeat joins the caller's open case), in the transaction that decides it.
   */
  accept(id: string, acceptance: Acceptance, actor: Actor): Promise<OnlineSubmissionEntity> {
    return this.db.run(async () => {
      const submission = await this.waiting(id);
      const description = acceptance.description ?? submission.description;
      const address = acceptance.address ?? submission.address;
      const problems = [
        ...(description
          ? []
          : [{ field: 'description', message: 'the submission has none: give one', reason: 'required' }]),
        ...(address ? [] : [{ field: 'address', message: 'the submission has none: give one', reason: 'required' }]),
      ];
      if (problems.length > 0) throw DomainError.validation(problems);
      const { case: registered } = await this.registration.register(
        {
          ...acceptance,
          channel: caseChannelOf(submission.channel),
          description: description!,
          address: address!,
          callerPhone: submission.phone ?? undefined,
          callerName: submission.name ?? undefined,
        },
        actor,
      );
      return this.submissions.decide(id, {
        status: 'accepted',
        caseId: registered.id,
        reply: null,
        decidedAt: this.clock.now(),
        decidedBy: actor.userId,
      });
    });
  }

  /** A consultation answered without a case (from the knowledge base, typically); the citizen gets the answer by SMS. */
  answer(id: string, reply: string, actor: Actor): Promise<OnlineSubmissionEntity> {
    return this.db.run(async () => {
      const submission = await this.waiting(id);
      await this.notifications.submissionAnswered(submission.phone, reply);
      return this.submissions.decide(id, {
        status: 'answered',
        caseId: null,
        reply,
        decidedAt: this.clock.now(),
        decidedBy: actor.userId,
      });
    });
  }

  /** The queue today (GET /kpi/live): waiting, overdue, decided and decided within two hours. */
  todayCounts(): Promise<QueueCounts> {
    const now = this.clock.now();
    return this.submissions.counts(now, dayStart(localDate(now)));
  }

  private async waiting(id: string): Promise<OnlineSubmissionEntity> {
    const submission = await this.submissions.lock(id);
    if (!submission) throw new DomainError('submission.not_found', `Online submission ${id} not found`);
    if (submission.status !== 'waiting') {
      throw new DomainError('submission.already_decided', `Online submission ${id} is already ${submission.status}`);
    }
    return submission;
  }
}
