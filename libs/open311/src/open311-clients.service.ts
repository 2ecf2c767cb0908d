import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@hotline/core';
import { isUniqueViolation } from '@hotline/database';
import type { Open311ClientEntity } from './entities/open311-client.entity';
import { Open311ClientsRepository } from './open311-clients.repository';

/** Admin-issued keys of the Open311 client applications (docs/api.md, "Open311 GeoReport v2"). */
@Injectable()
export class Open311ClientsService {
  constructor(private readonly clients: Open311ClientsRepository) {}

  /** A new client and its key, which is never shown again. */
  async issue(name: string, issuedBy: string | null): Promise<{ client: Open311ClientEntity; apiKey: string }> {
    const apiKey = randomBytes(32).toString('base64url');
    try {
      const client = await this.clients.insert({ name, keyHash: hashOf(apiKey), issuedBy });
      return { client, apiKey };
    } catch (error) {
      if (isUniqueViolation(error, 'ux_open311_clients_name'))
        throw DomainError.invalidField('name', 'another client has this name', 'taken');
      throw error;
    }
  }

  list(): Promise<Open311ClientEntity[]> {
    return this.clients.list();
  }

  async revoke(id: string): Promise<Open311ClientEntity> {
    const client = await this.clients.find(id);
    if (!client) throw new DomainError('open311.client_not_found', `Open311 client ${id} not found`);
    await this.clients.deactivate(id);
    return { ...client, active: false };
  }

  /** The active client holding `apiKey`; a missing, unknown or revoked key is refused. */
  async verify(apiKey: string | null): Promise<Open311ClientEntity> {
    const client = apiKey ? await this.clients.byKeyHash(hashOf(apiKey)) : null;
    if (!client) throw new DomainError('open311.bad_api_key', 'api_key is missing, unknown or revoked');
    return client;
  }
}

function hashOf(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}
