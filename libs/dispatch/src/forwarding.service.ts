import { Injectable } from '@nestjs/common';
import { type Actor, CaseCommandsService, type CaseEntity } from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { ReferenceDataService } from '@hotline/directory';
import { assertCanForward, checkForwardTarget, runningDeadlinesOf } from './domain/added-units';
import { OrdersService } from './orders.service';

/**
 * 转派 (docs/product.md, "Sub-units and added units"): a lead street passes a signed case to one of its
 * communities/villages. The community gets an order of its own (role `sub`, signed for by the street)
 * and works to the street's deadlines, whose clocks keep running in the street's name; a new forward
 * cancels the earlier one.
 */
@Injectable()
export class ForwardingService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly orders: OrdersService,
    private readonly reference: ReferenceDataService,
  ) {}

  async forward(caseId: string, unitCode: string, note: string, actor: Actor): Promise<CaseEntity> {
    const snapshot = await this.reference.snapshot();
    const { case: forwarded } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      authorize: () => this.orders.activeOrderOf(caseId, actor, 'lead'),
      decide: async (c, { now, authorized: order }) => {
        assertCanForward(c, order);
        const problems = checkForwardTarget(unitCode, snapshot.units.get(unitCode), c);
        if (problems.length > 0) throw DomainError.validation(problems);
        const earlier = await this.orders.activeForward(c.id);
        if (earlier) await this.orders.cancel(earlier, `forwarded to ${unitCode} instead`);
        const asForwarded = { ...c, forwardedToUnitCode: unitCode };
        const [issued] = await this.orders.issue(
          asForwarded,
          c.dispatchCount,
          [{ unitCode, role: 'sub' }],
          runningDeadlinesOf(c),
          now,
        );
        return {
          update: { forwardedToUnitCode: unitCode },
          events: [
            {
              name: 'forwarded',
              data: { orderId: issued.id, unitCode, fromUnitCode: order.unitCode, note },
              change: {
                before: { forwardedToUnitCode: c.forwardedToUnitCode },
                after: { forwardedToUnitCode: unitCode },
              },
            },
          ],
        };
      },
    });
    return forwarded;
  }
}
