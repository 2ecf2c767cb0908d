import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CaseQueriesService, type CaseEntity } from '@hotline/cases';
import { Clock, instant } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { createCloudEvent, OutboxService, TOPICS } from '@hotline/messaging';
import { acceptsReport, mayNotify, receivesSms } from './domain/notification-rules';
import {
  type NotificationKind,
  renderNotification,
  storedText,
  type TemplateParams,
} from './domain/notification-templates';
import type { CitizenNotificationEntity } from './entities/citizen-notification.entity';
import {
  NOTIFICATION_REQUESTED_TYPE,
  type NotificationReceiptData,
  type NotificationRequestedData,
} from './events/notification.events';
import { NotificationsRepository } from './notifications.repository';
import { OptOutsRepository } from './opt-outs.repository';

interface Message {
  kind: NotificationKind;
  phone: string;
  params: TemplateParams;
  case?: Pick<CaseEntity, 'id' | 'caseNumber'>;
  expiresAt?: Date;
}

/** The case events that tell the citizen something, and what they are told. */
export type CaseMilestone = 'registered' | 'resolved';

/**
 * Messages to citizens (docs/product.md, "Citizen notifications"): recorded, then asked of the SMS
 * gateway through the outbox in the same transaction, so a message is sent exactly when its cause
 * commits. Opt-outs are honoured here; the gateway's delivery reports are recorded here.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: TransactionService,
    private readonly notifications: NotificationsRepository,
    private readonly optOuts: OptOutsRepository,
    private readonly outbox: OutboxService,
    private readonly cases: CaseQueriesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A one-time code the citizen asked for: sent whatever their opt-out, never stored readable. */
  sendCode(phone: string, code: string, expiresAt: Date, minutes: number): Promise<void> {
    return this.send([{ kind: 'verification_code', phone, params: { code, minutes }, expiresAt }]);
  }

  /**
   * What a case event tells its citizen (the worker's citizen-notifier): registered → the case number;
   * resolved → the reply and an invitation to rate. Nothing for a case without a mobile number, one
   * finished on the call (answered or transferred before this runs), or an opted-out citizen.
   */
  async onCaseMilestone(milestone: CaseMilestone, caseId: string): Promise<void> {
    const [found] = await this.cases.byIds([caseId]);
    if (!found || !receivesSms(found.callerPhone)) return;
    if (milestone === 'registered' && (found.status === 'answered' || found.status === 'transferred')) return;
    const about = { phone: found.callerPhone, case: found, params: { caseNumber: found.caseNumber } };
    await this.send(
      milestone === 'registered'
        ? [{ ...about, kind: 'case_registered' }]
        : [
            { ...about, kind: 'case_resolved', params: { ...about.params, reply: found.resolutionReply ?? '' } },
            { ...about, kind: 'callback_survey' },
          ],
    );
  }

  /** An online demand answered without a case: the answer goes to the number that submitted it. */
  async submissionAnswered(phone: string | null, reply: string): Promise<void> {
    if (!receivesSms(phone)) return;
    await this.send([{ kind: 'submission_answered', phone, params: { reply } }]);
  }

  /** The gateway's delivery report; the first one counts, a repeated or late one changes nothing. */
  recordReceipt(receipt: NotificationReceiptData): Promise<void> {
    return this.db.run(async () => {
      const found = await this.notifications.lock(receipt.notificationId);
      if (!found) {
        throw new DomainError('notification.not_found', `Notification ${receipt.notificationId} was never sent`);
      }
      if (!acceptsReport(found.status)) return;
      await this.notifications.report(found.id, {
        status: receipt.status,
        reportedAt: instant(receipt.reportedAt),
        reportReason: receipt.reason ?? null,
      });
    });
  }

  ofCase(caseId: string): Promise<CitizenNotificationEntity[]> {
    return this.notifications.ofCase(caseId);
  }

  isOptedOut(phone: string): Promise<boolean> {
    return this.optOuts.has(phone);
  }

  /** The citizen's choice: no case messages (true), or messages again (false). */
  async setOptOut(phone: string, optedOut: boolean): Promise<void> {
    if (optedOut) await this.optOuts.add(phone, this.clock.now());
    else await this.optOuts.remove(phone);
  }

  /** Messages to one citizen, those their opt-out allows; recorded and put in the outbox together. */
  private send(messages: readonly Message[]): Promise<void> {
    return this.db.run(async () => {
      // The opt-out is read only for messages it can stop (a code the citizen asked for is always sent).
      const stoppable = messages.filter((m) => !mayNotify(m.kind, true));
      const optedOut = stoppable.length > 0 && (await this.optOuts.has(stoppable[0].phone));
      const allowed = messages.filter((m) => mayNotify(m.kind, optedOut));
      if (allowed.length === 0) return;
      const now = this.clock.now();
      const rows = allowed.map((m) => ({ id: randomUUID(), message: m }));
      await this.notifications.insert(
        rows.map(({ id, message: m }) => ({
          id,
          kind: m.kind,
          phone: m.phone,
          caseId: m.case?.id ?? null,
          caseNumber: m.case?.caseNumber ?? null,
          text: storedText(m.kind, m.params),
          requestedAt: now,
        })),
      );
      await this.outbox.append(
        rows.map(({ id, message: m }) => {
          const data: NotificationRequestedData = {
            notificationId: id,
            kind: m.kind,
            channel: 'sms',
            to: m.phone,
            text: renderNotification(m.kind, m.params),
            caseNumber: m.case?.caseNumber ?? null,
            expiresAt: m.expiresAt?.toISOString() ?? null,
          };
          return {
            topic: TOPICS.notifications,
            // One case's messages keep their order; a code has no case and is its own key.
            key: m.case?.id ?? id,
            event: createCloudEvent({
              type: NOTIFICATION_REQUESTED_TYPE,
              source: this.config.EVENT_SOURCE,
              subject: m.case?.id,
              data,
              time: now,
            }),
          };
        }),
      );
    });
  }
}
