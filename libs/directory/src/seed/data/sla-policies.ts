import type { Duration, Urgency } from '../../domain/reference-types';

export interface SlaPolicySeed {
  urgency: Urgency;
  dispatchWithin: Duration;
  signWithin: Duration;
  responseWithin: Duration;
  resolveWithin: Duration;
  callbackWithin: Duration;
  transferAckWithin: Duration;
}

const hours = (amount: number): Duration => ({ amount, unit: 'hours' });
const minutes = (amount: number): Duration => ({ amount, unit: 'minutes' });
const days = (amount: number): Duration => ({ amount, unit: 'calendar_days' });

const common = { callbackWithin: hours(48), transferAckWithin: minutes(30) };

/**
 * The default SLA table of docs/product.md, "Reference data", one row per urgency. Day limits are seeded as calendar days;
 * an admin may switch them to working days (counted on the holiday calendar) with PUT /sla-policy.
 */
export const SLA_POLICIES: readonly SlaPolicySeed[] = [
  {
    urgency: 'emergency',
    dispatchWithin: hours(1),
    signWithin: minutes(30),
    responseWithin: hours(1),
    resolveWithin: hours(2),
    ...common,
  },
  {
    urgency: 'basic_service',
    dispatchWithin: hours(2),
    signWithin: hours(1),
    responseWithin: hours(2),
    resolveWithin: hours(24),
    ...common,
  },
  {
    urgency: 'general',
    dispatchWithin: hours(24),
    signWithin: hours(2),
    responseWithin: hours(24),
    resolveWithin: days(7),
    ...common,
  },
  {
    urgency: 'complex',
    dispatchWithin: hours(24),
    signWithin: hours(2),
    responseWithin: hours(24),
    resolveWithin: days(15),
    ...common,
  },
];
