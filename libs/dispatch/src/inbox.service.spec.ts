import type { Actor } from '@hotline/cases';
import type { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

describe('InboxService', () => {
  const read: string[] = [];
  const inbox = new InboxService({
    open: async (unitCode: string) => {
      read.push(unitCode);
      return { items: [], total: 0 };
    },
  } as unknown as InboxRepository);
  const handler = (unitCode: string): Actor => ({ userId: 'h', role: 'handler', unitCode });

  it('shows a handler its own unit’s inbox and centre staff any unit’s', async () => {
    await inbox.open('110105001', handler('110105001'), { limit: 10, offset: 0 });
    await inbox.open('110108001', { userId: 's', role: 'supervisor', unitCode: null }, { limit: 10, offset: 0 });
    expect(read).toEqual(['110105001', '110108001']);
  });

  it('refuses another unit’s inbox to a handler, without reading it', async () => {
    const reads = read.length;
    await expect(inbox.open('110108001', handler('110105001'), { limit: 10, offset: 0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      reason: 'inbox.other_unit',
    });
    expect(read.length).toBe(reads);
  });
});
