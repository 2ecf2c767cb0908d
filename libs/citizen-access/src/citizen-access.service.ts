import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { normalizePhone } from '@hotline/cases';
import { addMs, Clock, MINUTE_MS } from '@hotline/clock';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { NotificationsService, receivesSms } from '@hotline/notifications';
import { CodeLimitsRepository } from './code-limits.repository';
import {
  CODE_SPACE,
  CODE_TTL_MINUTES,
  type Confirmation,
  decideConfirmation,
  formatCode,
  SESSION_TTL_MINUTES,
} from './domain/verification-rules';
import { SessionsRepository } from './sessions.repository';
import { VerificationsRepository } from './verifications.repository';

export interface CitizenSession {
  sessionId: string;
  phone: string;
}

/**
 * Citizens without a staff account (docs/api.md, "Citizen access"): a number proven with a one-time
 * code, then a session token (header X-Citizen-Token) that lets them file, follow and rate their own
 * demands. The code goes out as an SMS through the notifications outbox in the same transaction.
 */
@Injectable()
export class CitizenAccessService {
  constructor(
    private readonly db: TransactionService,
    private readonly verifications: VerificationsRepository,
    private readonly sessions: SessionsRepository,
    private readonly limits: CodeLimitsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async requestCode(
    rawPhone: string,
    clientAddress: string | undefined,
  ): Promise<{ verificationId: string; expiresAt: Date }> {
    const phone = normalizePhone(rawPhone);
    if (!phone || !receivesSms(phone)) {
      throw DomainError.invalidField('phone', 'must be a mobile number that receives SMS', 'not_a_mobile');
    }
    await this.limits.spend(phone, clientAddress);
    const id = randomUUID();
    const code = formatCode(randomInt(CODE_SPACE));
    const requestedAt = this.clock.now();
    const expiresAt = addMs(requestedAt, CODE_TTL_MINUTES * MINUTE_MS);
    await this.db.run(async () => {
      await this.verifications.insert({ id, phone, codeHash: codeHash(id, code), requestedAt, expiresAt });
      await this.notifications.sendCode(phone, code, expiresAt, CODE_TTL_MINUTES);
    });
    return { verificationId: id, expiresAt };
  }

  /** The right code in time opens a session; a wrong one costs one of the five tries (kept even though it fails). */
  async confirm(verificationId: string, code: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = addMs(this.clock.now(), SESSION_TTL_MINUTES * MINUTE_MS);
    const confirmation = await this.db.run(async (): Promise<Confirmation> => {
      const found = await this.verifications.lock(verificationId);
      if (!found) throw new DomainError('verification.not_found', `Verification ${verificationId} not found`);
      const now = this.clock.now();
      const decided = decideConfirmation(found, matches(found.codeHash, codeHash(verificationId, code)), now);
      if (decided.outcome === 'wrong_code') await this.verifications.update(found.id, { tries: found.tries + 1 });
      if (decided.outcome === 'confirmed') {
        await this.verifications.update(found.id, { tries: found.tries + 1, confirmedAt: now });
        await this.sessions.insert({
          id: randomUUID(),
          tokenHash: sha256(token),
          phone: found.phone,
          createdAt: now,
          expiresAt,
        });
      }
      return decided;
    });
    if (confirmation.outcome === 'wrong_code') {
      throw DomainError.invalidField(
        'code',
        `is not the code sent; ${confirmation.triesLeft} tries left`,
        'wrong_code',
      );
    }
    if (confirmation.outcome === 'refused') {
      throw new DomainError(confirmation.reason, 'This code can no longer be used: ask for a new one');
    }
    return { token, expiresAt };
  }

  /** The session a token stands for, while it lasts; anything else is 401. */
  async session(token: string | undefined): Promise<CitizenSession> {
    if (!token) throw new DomainError('citizen.token_missing', 'Prove your number first: send X-Citizen-Token');
    const found = await this.sessions.findLive(sha256(token), this.clock.now());
    if (!found) throw new DomainError('citizen.token_invalid', 'The citizen session is unknown or has expired');
    return { sessionId: found.id, phone: found.phone };
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function codeHash(verificationId: string, code: string): string {
  return sha256(`${verificationId}:${code}`);
}

function matches(storedHash: string, givenHash: string): boolean {
  return timingSafeEqual(Buffer.from(storedHash, 'hex'), Buffer.from(givenHash, 'hex'));
}
