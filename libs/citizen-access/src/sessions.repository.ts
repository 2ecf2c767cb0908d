import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { TransactionService } from '@hotline/database';
import { CitizenSessionEntity } from './entities/citizen-session.entity';

/** `citizen_sessions`: proven numbers, by the hash of their token. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: TransactionService) {}

  async insert(row: CitizenSessionEntity): Promise<void> {
    await this.db.manager.insert(CitizenSessionEntity, row);
  }

  /** The session with this token hash, while it lasts. */
  findLive(tokenHash: string, now: Date): Promise<CitizenSessionEntity | null> {
    return this.db.manager.findOneBy(CitizenSessionEntity, { tokenHash, expiresAt: MoreThan(now) });
  }
}
