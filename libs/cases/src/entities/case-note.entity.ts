import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { sqlList } from '@hotline/directory';
import { NOTE_VISIBILITIES, type NoteVisibility } from '../domain/case-notes';
import { CaseEntity } from './case.entity';

/**
 * An internal note on a case (domain/case-notes.ts): never on the timeline, in a case event or on Kafka —
 * a note may name people; the centre keeps it here alone.
 */
@Entity({ name: 'case_notes' })
@Check('ck_case_notes_visibility', `visibility IN (${sqlList(NOTE_VISIBILITIES)})`)
@Index('ix_case_notes_case', ['caseId', 'createdAt'])
export class CaseNoteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_notes' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_notes_case' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  visibility!: NoteVisibility;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid', nullable: true })
  authorUserId!: string | null;

  @Column({ type: 'text' })
  authorRole!: string;

  @Column({ type: 'text', nullable: true })
  authorUnitCode!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
