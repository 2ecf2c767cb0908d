import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { Open311ClientEntity } from './entities/open311-client.entity';

/** `open311_clients`: the applications that may file Open311 requests, by their key's hash. */
@Injectable()
export class Open311ClientsRepository {
  constructor(private readonly db: TransactionService) {}

  /** A taken name (`ux_open311_clients_name`) reaches the caller as thrown. */
  insert(client: Pick<Open311ClientEntity, 'name' | 'keyHash' | 'issuedBy'>): Promise<Open311ClientEntity> {
    return this.db.manager.save(this.db.manager.create(Open311ClientEntity, client));
  }

  list(): Promise<Open311ClientEntity[]> {
    return this.db.manager.find(Open311ClientEntity, { order: { createdAt: 'ASC' } });
  }

  find(id: string): Promise<Open311ClientEntity | null> {
    return this.db.manager.findOneBy(Open311ClientEntity, { id });
  }

  byKeyHash(keyHash: string): Promise<Open311ClientEntity | null> {
    return this.db.manager.findOneBy(Open311ClientEntity, { keyHash, active: true });
  }

  async deactivate(id: string): Promise<void> {
    await this.db.manager.update(Open311ClientEntity, { id }, { active: false });
  }
}
