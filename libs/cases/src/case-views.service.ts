import { Injectable } from '@nestjs/common';
import { AuditService } from '@hotline/audit';
import { CaseView, toCaseView } from './case-view';
import type { Actor } from './domain/actor';
import { isUnitScoped } from './domain/case-scope';
import { readsCallerIdentity, showsCallerInFull } from './domain/privacy';
import type { CaseEntity } from './entities/case.entity';

/**
 * The one way a case leaves the system towards a person: masked or hidden per docs/product.md, "Privacy and
 * access", and every showing of a caller's identity to a handling unit audited (who, when, which case;
 * docs/decisions.md, issue 6) — lists, the detail and the case a unit's own action answers with alike.
 */
@Injectable()
export class CaseViewsService {
  constructor(private readonly audit: AuditService) {}

  async show(c: CaseEntity, viewer: Actor): Promise<CaseView> {
    const [view] = await this.showAll([c], viewer);
    return view;
  }

  async showAll(cases: readonly CaseEntity[], viewer: Actor): Promise<CaseView[]> {
    const reads = cases.filter((c) => readsCallerIdentity(viewer, c));
    await this.audit.record(
      ...reads.map((c) => ({ actor: viewer, action: 'case.caller_read', entity: 'case', entityId: c.id })),
    );
    return cases.map((c) => toCaseView(c, viewer));
  }

  /**
   * An answer replayed for a retried request (docs/api.md, "Safe retries") shows the caller again: audited
   * like the first showing when it is a case with the caller in full and the viewer a handling unit.
   */
  async recordReplayed(body: unknown, viewer: Actor): Promise<void> {
    if (!isUnitScoped(viewer) || !showsCallerInFull(body)) return;
    await this.audit.record({ actor: viewer, action: 'case.caller_read', entity: 'case', entityId: body.id });
  }

  /**
   * The caller sent in full to units' systems on their own Kafka inboxes (an order to the lead, a
   * transfer to a utility): what those systems do with a message is out of our sight, so the sending is
   * audited as the unit's read (`case.caller_sent`, the unit's system as actor).
   */
  async recordSentToUnits(caseId: string, unitCodes: readonly string[]): Promise<void> {
    await this.audit.record(
      ...unitCodes.map((unitCode) => ({
        actor: { userId: null, role: 'unit_system', unitCode },
        action: 'case.caller_sent',
        entity: 'case',
        entityId: caseId,
      })),
    );
  }
}
