import { Injectable } from '@nestjs/common';
import { UserLookupService } from '@hotline/auth';
import { type Actor, CaseCommandsService } from '@hotline/cases';
import { AssignmentsRepository } from './assignments.repository';
import { assertAssignable } from './domain/assignee-rules';
import { assertOrderRole } from './domain/order-access';

export interface Assignment {
  caseId: string;
  orderId: string;
  unitCode: string;
  assigneeUserId: string;
  previousAssigneeUserId: string | null;
}

/**
 * Who in a unit works a case (docs/api.md, "Assignment"): a handler of a unit holding an active order
 * gives its order to a handler of the same unit; giving it to someone else reassigns it. A case
 * event `assigned` — and through it a unit notice — records each change; the same person again is no change.
 */
@Injectable()
export class AssigneesService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly assignments: AssignmentsRepository,
    private readonly users: UserLookupService,
  ) {}

  async assign(caseId: string, userId: string, actor: Actor): Promise<Assignment> {
    const { result } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      authorize: async (c) => assertOrderRole(await this.assignments.activeOf(c.id, actor.unitCode ?? '')),
      decide: async (c, { authorized: order }) => {
        assertAssignable(await this.users.find(userId), order.unitCode);
        const assignment: Assignment = {
          caseId: c.id,
          orderId: order.id,
          unitCode: order.unitCode,
          assigneeUserId: userId,
          previousAssigneeUserId: order.assigneeUserId,
        };
        if (order.assigneeUserId === userId) return { events: [], result: assignment };
        await this.assignments.setAssignee(order.id, userId);
        return {
          events: [
            {
              name: 'assigned',
              data: {
                orderId: order.id,
                unitCode: order.unitCode,
                userId,
                previousUserId: order.assigneeUserId,
              },
            },
          ],
          result: assignment,
        };
      },
    });
    return result;
  }
}
