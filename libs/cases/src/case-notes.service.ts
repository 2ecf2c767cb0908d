import { Injectable } from '@nestjs/common';
import { DomainError } from '@hotline/core';
import { CaseCommandsService } from './case-commands.service';
import { CaseNotesRepository } from './case-notes.repository';
import { CasesRepository } from './cases.repository';
import type { Actor } from './domain/actor';
import { canSee } from './domain/case-scope';
import { assertMayWriteNote, defaultVisibility, type NoteVisibility, readableVisibilities } from './domain/case-notes';
import type { CaseNoteEntity } from './entities/case-note.entity';

/**
 * Internal notes on a case (docs/api.md, "Corrections and notes"). Written and read under the case's
 * scope: who cannot see the case gets 404. A note is no change of the case: no event, no version (it is
 * written under the case's lock only so that it never lands on a case being deleted or re-scoped).
 */
@Injectable()
export class CaseNotesService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly notes: CaseNotesRepository,
    private readonly cases: CasesRepository,
  ) {}

  async add(caseId: string, text: string, asked: NoteVisibility | undefined, actor: Actor): Promise<CaseNoteEntity> {
    const visibility = asked ?? defaultVisibility(actor);
    assertMayWriteNote(actor, visibility);
    const { result } = await this.commands.run(caseId, actor, {
      lifecycle: 'any',
      decide: async (c, { now }) => ({
        events: [],
        result: await this.notes.insert({
          caseId: c.id,
          visibility,
          text,
          authorUserId: actor.userId,
          authorRole: actor.role,
          authorUnitCode: actor.unitCode,
          createdAt: now,
        }),
      }),
    });
    return result;
  }

  async list(caseId: string, reader: Actor): Promise<CaseNoteEntity[]> {
    const unitCodes = await this.cases.unitCodesOf(caseId);
    if (unitCodes === null || !canSee(reader, { unitCodes })) {
      throw new DomainError('case.not_found', `Case ${caseId} not found`);
    }
    return this.notes.listOf(caseId, readableVisibilities(reader));
  }
}
