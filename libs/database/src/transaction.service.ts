import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The one transaction idiom: an ambient transaction carried by AsyncLocalStorage
 * (@nestjs-cls/transactional), so no `tx` argument travels through public signatures. A service
 * wraps a unit of work in `run`; every repository reads and writes through `manager`, which is that
 * transaction's EntityManager (or, outside one, the pool's: each statement on its own).
 */
@Injectable()
export class TransactionService {
  constructor(
    private readonly host: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Runs `work` in the caller's transaction, or in a new one committed when `work` resolves. */
  run<T>(work: () => Promise<T>): Promise<T> {
    // Joining needs no new context: skip the library's nested CLS context on the hot path.
    return this.host.isTransactionActive() ? work() : this.host.withTransaction(work);
  }

  get manager(): EntityManager {
    return this.host.tx;
  }

  /** The pool's EntityManager whatever is ambient: for work that must never join a transaction. */
  get poolManager(): EntityManager {
    return this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.host.isTransactionActive();
  }
}
