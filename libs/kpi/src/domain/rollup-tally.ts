import type { RequesterKind } from '@hotline/cases/domain';
import type { CallbackContribution, Contribution, GroupKind } from './grouping';
import type { Metric } from './five-rates';

export interface RollupRow {
  groupKind: GroupKind;
  day: string;
  metric: Metric;
  groupKey: string;
  requesterKind: RequesterKind;
  hit: number;
  miss: number;
  pending: number;
  open: number;
}

export type CallbackRollupRow = CallbackContribution;

/**
 * Rollups summed in memory from many cases' contributions, for writing in bulk (a rebuild, a
 * generated dataset): a few hundred thousand rows however many cases, since rows are per day and group.
 */
export class RollupTally {
  private readonly counts = new Map<string, RollupRow>();
  private readonly callbacks = new Map<string, CallbackRollupRow>();

  add(contributions: readonly Contribution[]): void {
    for (const c of contributions) {
      const key = `${c.groupKind}|${c.day}|${c.metric}|${c.groupKey}|${c.requesterKind}`;
      let row = this.counts.get(key);
      if (!row) {
        row = {
          groupKind: c.groupKind,
          day: c.day,
          metric: c.metric,
          groupKey: c.groupKey,
          requesterKind: c.requesterKind,
          hit: 0,
          miss: 0,
          pending: 0,
          open: 0,
        };
        this.counts.set(key, row);
      }
      row[c.state] += 1;
    }
  }

  addCallbacks(contributions: readonly CallbackContribution[]): void {
    for (const c of contributions) {
      const key = `${c.groupKind}|${c.day}|${c.groupKey}|${c.requesterKind}`;
      const row = this.callbacks.get(key);
      if (!row) {
        this.callbacks.set(key, { ...c });
        continue;
      }
      row.asked += c.asked;
      row.solved += c.solved;
      row.rated += c.rated;
      row.satisfied += c.satisfied;
    }
  }

  rollups(): RollupRow[] {
    return [...this.counts.values()];
  }

  callbackRollups(): CallbackRollupRow[] {
    return [...this.callbacks.values()];
  }
}
