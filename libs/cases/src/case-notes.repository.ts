import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionService } from '@hotline/database';
import type { NoteVisibility } from './domain/case-notes';
import { CaseNoteEntity } from './entities/case-note.entity';

/** `case_notes`: internal notes on cases. */
@Injectable()
export class CaseNotesRepository {
  constructor(private readonly db: TransactionService) {}

  insert(note: Omit<CaseNoteEntity, 'id' | 'case'>): Promise<CaseNoteEntity> {
    const m = this.db.manager;
    return m.save(CaseNoteEntity, m.create(CaseNoteEntity, note));
  }

  listOf(caseId: string, visibilities: readonly NoteVisibility[]): Promise<CaseNoteEntity[]> {
    return this.db.manager.find(CaseNoteEntity, {
      where: { caseId, visibility: In([...visibilities]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
