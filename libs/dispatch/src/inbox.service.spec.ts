import type { Actor } from '@hotline/cases';
import { Clock } from '@hotline/clock';
import type { InboxQuery, InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-12-01T00:00:00Z');
  }
}

describe('InboxService', () => {
  const read: string[] = [];
  const inbox = new InboxService(
    {
      open: async (query: InboxQuery) => {
        read.push(query.unitCode);
        return { items: [], total: 0 };
      },
      counts: async () => [
        { stage: 'to_sign', band: 'overdue', count: 2 },
        { stage: 'handling', band: 'overdue', count: 1 },
        { stage: 'handling', band: 'later', count: 4 },
      ],
    } as unknown as InboxRepository,
    new FixedClock(),
  );
  const handler = (unitCode: string): Actor => ({ userId: 'h', role: 'handler', unitCode });
  const query = (unitCode: string): InboxQuery => ({ unitCode, sort: 'issued' });

  it('shows a handler its own unit’s inbox and centre staff any unit’s', async () => {
    await inbox.open(query('110105001'), handler('110105001'), { limit: 10, offset: 0 });
    await inbox.open(query('110108001'), { userId: 's', role: 'supervisor', unitCode: null }, { limit: 10, offset: 0 });
    expect(read).toEqual(['110105001', '110108001']);
  });

  it('counts every stage and due band, zero included, in the window asked for', async () => {
    const page = await inbox.open({ ...query('110105001'), due: { withinHours: 8 } }, handler('110105001'), {
      limit: 10,
      offset: 0,
    });
    expect(page.counts).toEqual({
      byStage: { to_sign: 2, to_respond: 0, handling: 5, reported: 0, to_acknowledge: 0 },
      byDue: { overdue: 3, due_soon: 0, later: 4, none: 0 },
      dueSoonHours: 8,
    });
  });

  it('refuses another unit’s inbox to a handler, without reading it', async () => {
    const reads = read.length;
    await expect(inbox.open(query('110108001'), handler('110105001'), { limit: 10, offset: 0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      reason: 'inbox.other_unit',
    });
    expect(read.length).toBe(reads);
  });
});
