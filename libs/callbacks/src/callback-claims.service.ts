import { Injectable } from '@nestjs/common';
import { type Actor, CaseCommandsService, claimLapsedBefore, heldByOther } from '@hotline/cases';
import { Clock } from '@hotline/clock';
import { DomainError } from '@hotline/core';
import { CallbackClaimsRepository } from './callback-claims.repository';
import { assertCallbackDue } from './domain/callback-due';
import type { CallbackClaimEntity } from './entities/callback-claim.entity';

/**
 * Claims on the callback queue (回访, docs/product.md, "Handling"): an agent claims a due case before ringing
 * its citizen, so that two agents do not ring the same person; a claim lapses after 10 minutes and ends
 * when the callback is recorded.
 */
@Injectable()
export class CallbackClaimsService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly claims: CallbackClaimsRepository,
    private readonly clock: Clock,
  ) {}

  async claim(caseId: string, agent: Actor): Promise<CallbackClaimEntity> {
    const { result } = await this.commands.run(caseId, agent, {
      lifecycle: 'open',
      decide: async (c, { now }) => {
        assertCallbackDue(c.status, c.callbackDueAt);
        await this.assertFree(caseId, agent, now);
        const claim = { caseId, claimedBy: agent.userId!, claimedAt: now };
        await this.claims.put(claim);
        return { update: {}, events: [], result: claim };
      },
    });
    return result;
  }

  /** In the case's own transaction (it holds the case lock): nobody else is calling this citizen back. */
  async assertFree(caseId: string, agent: Actor, now: Date): Promise<void> {
    const claim = await this.claims.find(caseId);
    if (claim && heldByOther(claim, agent.userId, now)) {
      throw new DomainError('callback.claimed_by_other', 'Another agent is calling this citizen back');
    }
  }

  release(caseId: string): Promise<void> {
    return this.claims.remove(caseId);
  }

  /** The queue narrowed to my live claims (`me`) or to cases nobody holds (`none`). */
  async narrowing(claimed: 'me' | 'none' | undefined, viewer: Actor): Promise<{ only?: string[]; except?: string[] }> {
    if (!claimed) return {};
    const since = this.lapsedBefore();
    if (claimed === 'me') return { only: await this.claims.liveCaseIds(since, viewer.userId ?? undefined) };
    return { except: await this.claims.liveCaseIds(since) };
  }

  liveOf(caseIds: readonly string[]): Promise<Map<string, CallbackClaimEntity>> {
    return this.claims.liveOf(caseIds, this.lapsedBefore());
  }

  private lapsedBefore(): Date {
    return claimLapsedBefore(this.clock.now());
  }
}
