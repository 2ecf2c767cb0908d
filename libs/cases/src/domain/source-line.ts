import type { FieldError } from '@hotline/core';
import type { HotlineKind, UnitKind } from '@hotline/directory/domain';

export interface LineFacts {
  hotlineByNumber(number: string): { code: string; kind: HotlineKind; unitCode: string | null } | undefined;
  unit(code: string): { kind: UnitKind; active: boolean } | undefined;
}

export type SourceLine = { hotlineCode: string; overflowFrom: string | null } | { problems: FieldError[] };

/**
 * Which line a call came in on (docs/product.md, "Reference data"): 12345, a merged government line (a 12345 call that keeps
 * its source), or a utility line whose overflow 12345 agents take (溢出承接). A utility line's call
 * is always an overflow from that utility; a call on 12345 may say which utility overflowed to it,
 * by the utility's unit code or by its line's number (what the telephony knows: 96116).
 */
export function resolveSourceLine(
  dialedNumber: string,
  declaredOverflow: string | undefined,
  facts: LineFacts,
): SourceLine {
  const overflowLine = declaredOverflow === undefined ? undefined : facts.hotlineByNumber(declaredOverflow);
  const overflowFrom =
    overflowLine?.kind === 'utility' ? (overflowLine.unitCode ?? declaredOverflow) : declaredOverflow;
  const hotline = facts.hotlineByNumber(dialedNumber);
  if (!hotline)
    return { problems: [{ field: 'dialedNumber', message: 'is not a line of this centre', reason: 'unknown_line' }] };
  if (hotline.kind === 'utility') {
    if (overflowFrom && overflowFrom !== hotline.unitCode) {
      return {
        problems: [
          {
            field: 'overflowFrom',
            message: `must be ${hotline.unitCode}, the utility of ${dialedNumber}`,
            reason: 'not_the_line_utility',
          },
        ],
      };
    }
    return { hotlineCode: hotline.code, overflowFrom: hotline.unitCode };
  }
  if (overflowFrom && facts.unit(overflowFrom)?.kind !== 'utility') {
    return { problems: [{ field: 'overflowFrom', message: 'is not a utility enterprise', reason: 'not_a_utility' }] };
  }
  return { hotlineCode: hotline.code, overflowFrom: overflowFrom ?? null };
}
