import { Injectable } from '@nestjs/common';
import { AuditService } from '@hotline/audit';
import { CaseView, toCaseView } from './case-view';
import type { Actor } from './domain/actor';
import { readsCallerIdentity } from './domain/privacy';
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
}
