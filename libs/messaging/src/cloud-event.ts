import { randomUUID } from 'node:crypto';
import { IsDefined, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The one event envelope (docs/events.md): CloudEvents 1.0, structured JSON mode. `subject` is the case
 * id for case events; `type` is reverse-DNS, e.g. `cn.gov.12345.case.dispatched.v1`.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  data: T;
}

export const EVENT_TYPE_PREFIX = 'cn.gov.12345';

export interface NewEvent<T> {
  type: string;
  source: string;
  subject?: string;
  data: T;
  /** When the fact happened, from the Clock (or earlier, when it records something past). */
  time: Date;
  /** Defaults to a random UUID; set it to make re-emission of the same fact idempotent. */
  id?: string;
}

export function createCloudEvent<T>(event: NewEvent<T>): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    type: event.type,
    source: event.source,
    time: event.time.toISOString(),
    ...(event.subject === undefined ? {} : { subject: event.subject }),
    datacontenttype: 'application/json',
    data: event.data,
  };
}

/** Validation of an incoming envelope; `data` is validated separately against its type's class. */
export class CloudEventEnvelope {
  @IsIn(['1.0'])
  specversion!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  type!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @IsISO8601({ strict: true })
  time!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @IsOptional()
  @IsIn(['application/json'])
  datacontenttype?: string;

  @IsDefined()
  data!: unknown;
}
