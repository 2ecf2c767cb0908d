import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CategoryEntity, HotlineEntity, sqlList, UnitEntity, URGENCIES, Urgency } from '@hotline/directory';
import { CallEntity } from './call.entity';
import {
  CASE_STATUSES,
  CaseStatus,
  CHANNELS,
  Channel,
  DEMAND_TYPES,
  DemandType,
  FINISHED_STATUSES,
  RequesterKind,
  RESOLUTION_OUTCOMES,
  ResolutionOutcome,
} from '../domain/case-vocabulary';

/** One citizen demand (诉求 / 工单). Never deleted; every change is also a case event. */
@Entity({ name: 'cases' })
@Check('ck_cases_status', `status IN (${sqlList(CASE_STATUSES)})`)
@Check('ck_cases_channel', `channel IN (${sqlList(CHANNELS)})`)
@Check('ck_cases_demand_type', `demand_type IN (${sqlList(DEMAND_TYPES)})`)
@Check('ck_cases_urgency', `urgency IN (${sqlList(URGENCIES)})`)
@Check('ck_cases_phone_call_has_number', `channel <> 'phone' OR caller_phone IS NOT NULL`)
// Of REQUESTER_KINDS: an enterprise's demand names its company; a citizen's names none and is never sensitive.
@Check(
  'ck_cases_requester',
  `(requester_kind = 'enterprise' AND company_name IS NOT NULL AND company_credit_code IS NOT NULL) OR ` +
    `(requester_kind = 'citizen' AND company_name IS NULL AND company_credit_code IS NULL AND NOT sensitive)`,
)
@Check(
  'ck_cases_resolution_outcome',
  `resolution_outcome IS NULL OR resolution_outcome IN (${sqlList(RESOLUTION_OUTCOMES)})`,
)
@Index('ix_cases_registered_at', ['registeredAt', 'id'])
@Index('ix_cases_status_registered_at', ['status', 'registeredAt'])
@Index('ix_cases_lead_unit', ['leadUnitCode', 'registeredAt'])
@Index('ix_cases_district_registered_at', ['districtCode', 'registeredAt'])
@Index('ix_cases_repeat_lookup', ['callerPhone', 'categoryCode', 'registeredAt'], {
  where: `status NOT IN (${sqlList(FINISHED_STATUSES)})`,
})
@Index('ix_cases_related_lookup', ['categoryCode', 'streetCode', 'registeredAt'], {
  where: `status NOT IN (${sqlList(FINISHED_STATUSES)})`,
})
// A GIN index (which TypeORM cannot declare): created by its migration, left alone by the drift check.
@Index('ix_cases_unit_codes', { synchronize: false })
@Index('ix_cases_search_document', { synchronize: false })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cases' })
  id!: string;

  @Index('ux_cases_case_number', { unique: true })
  @Column({ type: 'text' })
  caseNumber!: string;

  @Column({ type: 'text' })
  status!: CaseStatus;

  /** Optimistic lock: every update checks and bumps it, so of two concurrent actions one wins. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  demandType!: DemandType;

  @Column({ type: 'text' })
  categoryCode!: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_cases_category' })
  category?: CategoryEntity;

  @Column({ type: 'text' })
  urgency!: Urgency;

  @Column({ type: 'text' })
  districtCode!: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_code', foreignKeyConstraintName: 'fk_cases_district' })
  district?: UnitEntity;

  @Column({ type: 'text', nullable: true })
  streetCode!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_code', foreignKeyConstraintName: 'fk_cases_street' })
  street?: UnitEntity;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'text', nullable: true })
  callerName!: string | null;

  /**
   * Normalised digits (`+` and digits abroad); masked or hidden when shown to units (docs/product.md,
   * "Privacy and access"); null for a demand that came without a number (a letter, a web form).
   */
  @Column({ type: 'text', nullable: true })
  callerPhone!: string | null;

  @Column({ type: 'text' })
  description!: string;

  /**
   * The description (weight B) and address (C) cut into words by @hotline/text-search, for `GET /cases?q=`;
   * never the caller's name or phone. NULL for rows registered before it, until `npm run cases:reindex`
   * (docs/decisions.md, "Case search (issue 12)"). Written in SQL by CasesRepository, never read back.
   */
  @Column({ type: 'tsvector', nullable: true, select: false, update: false })
  searchDocument?: string | null;

  @Column({ type: 'boolean', default: false })
  confidential!: boolean;

  /** A citizen, or an enterprise through the enterprise service channel (docs/product.md). */
  @Column({ type: 'text', default: 'citizen' })
  requesterKind!: RequesterKind;

  /**
   * The enterprise's registered name and unified social credit code (normalised): kept in the centre's case
   * record only, shown to units unless `sensitive`, never on a shared topic (docs/product.md, "Privacy and access").
   */
  @Column({ type: 'text', nullable: true })
  companyName!: string | null;

  @Column({ type: 'text', nullable: true })
  companyCreditCode!: string | null;

  /** 敏感诉求: dispatched anonymously — no unit sees the company or the caller. */
  @Column({ type: 'boolean', default: false })
  sensitive!: boolean;

  /** 合理诉求: true unless the centre marks it unreasonable, with a reason. */
  @Column({ type: 'boolean', default: true })
  reasonable!: boolean;

  @Column({ type: 'text' })
  sourceHotlineCode!: string;

  @ManyToOne(() => HotlineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_hotline_code', foreignKeyConstraintName: 'fk_cases_source_hotline' })
  sourceHotline?: HotlineEntity;

  /** The number dialled, as it was at registration (an admin may renumber a line later). */
  @Column({ type: 'text', nullable: true })
  sourceHotlineNumber!: string | null;

  /** The utility whose saturated line overflowed to 12345 (溢出承接). */
  @Column({ type: 'text', nullable: true })
  overflowFrom!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'overflow_from', foreignKeyConstraintName: 'fk_cases_overflow_from' })
  overflowUnit?: UnitEntity;

  /** The call that created the case. */
  @Column({ type: 'uuid', nullable: true })
  callId!: string | null;

  @ManyToOne(() => CallEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'fk_cases_call' })
  call?: CallEntity;

  /** 首次来电: the KPIs count first-call cases only. */
  @Column({ type: 'boolean', default: true })
  firstCall!: boolean;

  /** Set when an agent forced a new case for a demand that repeats an open one. */
  @Column({ type: 'uuid', nullable: true })
  repeatOf!: string | null;

  @ManyToOne(() => CaseEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'repeat_of', foreignKeyConstraintName: 'fk_cases_repeat_of' })
  repeatOfCase?: CaseEntity;

  /** Later calls on the same matter attached to this case (并单). */
  @Column({ type: 'integer', default: 0 })
  repeatCount!: number;

  @Column({ type: 'text', nullable: true })
  leadUnitCode!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_unit_code', foreignKeyConstraintName: 'fk_cases_lead_unit' })
  leadUnit?: UnitEntity;

  @Column({ type: 'text', array: true, default: [] })
  coUnitCodes!: string[];

  /** Each co-handler's own report deadline (ISO time by unit code), as its orders and notices carry it. */
  @Column({ type: 'jsonb', default: {} })
  coReportDue!: Record<string, string>;

  /** The community/village the lead street forwarded the case to (转派); null while the street works it itself. */
  @Column({ type: 'text', nullable: true })
  forwardedToUnitCode!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'forwarded_to_unit_code', foreignKeyConstraintName: 'fk_cases_forwarded_to_unit' })
  forwardedToUnit?: UnitEntity;

  /**
   * Every unit that is or was assigned to the case (lead, co-handler or forwarded-to community, cancelled orders too):
   * who may see it. Kept by the case-command kernel whenever the lead or co-handlers change.
   */
  @Column({ type: 'text', array: true, default: [] })
  unitCodes!: string[];

  @Column({ type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  registeredBy!: string | null;

  @Column({ type: 'integer', default: 0 })
  dispatchCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  firstDispatchedAt!: Date | null;

  /** 交办准确率: the first dispatch counts as inaccurate once a return from it is approved. */
  @Column({ type: 'boolean', default: false })
  firstDispatchReturned!: boolean;

  /** The dispatch the current lead unit keeps: sign, response and resolve count from it. */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  /** 响应: the lead unit's first contact with the citizen. */
  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  /**
   * When the lead gave the result it resolved with; under the centre's review (审核) the result the
   * review accepts counts from its submission (docs/product.md, "Centre review").
   */
  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** The lead's result waiting for the centre's review (status `reviewing`); cleared by the decision. */
  @Column({ type: 'timestamptz', nullable: true })
  resultSubmittedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  resolutionOutcome!: ResolutionOutcome | null;

  @Column({ type: 'text', nullable: true })
  resolutionReply!: string | null;

  /** Callback attempts that did not reach the citizen; the third closes the case as unreachable. */
  @Column({ type: 'integer', default: 0 })
  unreachedCallbacks!: number;

  @Column({ type: 'text', nullable: true })
  unreasonableReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  dispatchDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  signDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  responseDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolveDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  callbackDueAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
