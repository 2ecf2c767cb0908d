import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

type Value = string | number | boolean | Date | null | object;

/** One value in COPY's text format: \N for null, backslash, tab and newlines escaped. */
function field(value: Value): string {
  if (value === null) return '\\N';
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/**
 * A COPY … FROM STDIN into one table on its own connection, fed row by row; rows are buffered
 * and written in chunks, waiting for the server when the stream is full (backpressure).
 */
export class CopyStream {
  private readonly stream: Writable;
  private buffer: string[] = [];
  private readonly done: Promise<unknown>;
  rows = 0;

  constructor(client: PoolClient, table: string, columns: readonly string[]) {
    this.stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', reject);
    });
  }

  add(values: readonly Value[]): void {
    this.buffer.push(values.map(field).join('\t'));
    this.rows++;
  }

  /** Writes what is buffered; resolves when the stream can take more. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.done;
  }
}
