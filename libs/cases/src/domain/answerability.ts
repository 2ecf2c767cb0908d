import { DomainError } from '@hotline/core';
import type { DemandType } from './case-vocabulary';

/** Demands an agent may finish on the call (直接办结): a complaint or a report always needs a unit. */
export const ANSWERABLE_DEMANDS: readonly DemandType[] = ['consultation', 'help', 'suggestion', 'praise'];

export function assertAnswerable(demandType: DemandType): void {
  if (!ANSWERABLE_DEMANDS.includes(demandType)) {
    throw new DomainError('case.not_answerable', `A ${demandType} cannot be answered on the call; dispatch it`);
  }
}
