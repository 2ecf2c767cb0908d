import { Injectable } from '@nestjs/common';
import { type Actor, CaseCommandsService, type CaseEntity } from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { ReferenceDataService } from '@hotline/directory';
import { assertCoReportDue, defaultCoReportDue } from '@hotline/sla';
import { assertUnitsWorking, checkAddedCoHandler, runningDeadlinesOf } from './domain/added-units';
import { OrdersService } from './orders.service';

export interface AddedCoHandler {
  unitCode: string;
  /** Defaults to 80% of the way from now to the lead's resolve deadline. */
  reportDueAt?: Date;
  note: string;
}

/**
 * 加派 (docs/product.md, "Sub-units and added units"): the centre adds a co-handler to a case units are
 * already working on. It gets its order and its own report clock, which warns and breaches like the
 * lead's; the lead's deadlines do not move.
 */
@Injectable()
export class CoHandlersService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly orders: OrdersService,
    private readonly reference: ReferenceDataService,
  ) {}

  async add(caseId: string, added: AddedCoHandler, actor: Actor): Promise<CaseEntity> {
    const snapshot = await this.reference.snapshot();
    const { case: withCo } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      decide: async (c, { now }) => {
        assertUnitsWorking(c.status);
        const problems = checkAddedCoHandler(added.unitCode, snapshot.units.get(added.unitCode), c);
        if (problems.length > 0) throw DomainError.validation(problems);
        const deadlines = runningDeadlinesOf(c);
        const reportDueAt = added.reportDueAt ?? defaultCoReportDue(now, deadlines.resolveDueAt);
        assertCoReportDue('reportDueAt', reportDueAt, now, deadlines.resolveDueAt);
        const coUnitCodes = [...c.coUnitCodes, added.unitCode];
        const coReportDue = { ...c.coReportDue, [added.unitCode]: reportDueAt.toISOString() };
        const asAdded = { ...c, coUnitCodes, coReportDue };
        const [order] = await this.orders.issue(
          asAdded,
          c.dispatchCount,
          [{ unitCode: added.unitCode, role: 'co', reportDueAt }],
          deadlines,
          now,
        );
        return {
          update: { coUnitCodes, coReportDue },
          clocks: [{ start: { kind: 'report', unitCode: added.unitCode, startsAt: now, dueAt: reportDueAt } }],
          events: [
            {
              name: 'co_handler_added',
              data: {
                orderId: order.id,
                unitCode: added.unitCode,
                reportDueAt: reportDueAt.toISOString(),
                note: added.note,
              },
              change: { before: { coUnitCodes: c.coUnitCodes }, after: { coUnitCodes } },
            },
          ],
        };
      },
    });
    return withCo;
  }
}
