import { Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@hotline/config';
import { OUTBOX_CHANNEL } from './outbox-channel';

/**
 * The relay's wake-ups: a connection of its own that LISTENs on the outbox channel (a pooled one
 * cannot: LISTEN lives as long as its session). Reconnects until stopped; after each (re)connect it
 * calls `onWake` once, to catch up on anything committed while nobody listened.
 */
@Injectable()
export class OutboxWakeupsRepository {
  private readonly logger = new Logger(OutboxWakeupsRepository.name);

  constructor(private readonly config: AppConfig) {}

  /** Listens until `running()` turns false; resolves once the last connection is closed. */
  async listen(onWake: () => void, running: () => boolean, stopped: Promise<void>): Promise<void> {
    while (running()) {
      const client = new Client({
        connectionString: this.config.DATABASE_URL,
        application_name: 'hotline-relay-listener',
      });
      try {
        await client.connect();
        client.on('notification', onWake);
        const closed = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        onWake();
        await Promise.race([closed, stopped]);
      } catch (error) {
        this.logger.warn(`outbox listener disconnected: ${(error as Error).message}`);
      }
      await client.end().catch(() => undefined);
      if (running()) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
