/**
 * Validates the event contract `asyncapi.yaml` (docs/events.md) and cross-checks it against the code.
 *
 *   TS_NODE_TRANSPILE_ONLY=true npx ts-node -r tsconfig-paths/register scripts/contracts/validate-asyncapi.ts [file]
 *
 * 1. Schema and rules: `@asyncapi/parser` — the library behind `asyncapi validate` of the AsyncAPI CLI.
 *    The CLI itself needs Node 24 and this project runs on Node 20, so the parser is called directly.
 *    Every diagnostic is printed; errors fail the check, warnings, infos and hints do not.
 * 2. Topics: every topic of `TOPICS` / `allTopicNames()` (DLQ twins included) and each kind of unit
 *    channel (`hotline.unit-inbox.{unitCode}.v1`, `hotline.unit-replies.{unitCode}.v1`, built from
 *    `UNIT_INBOX_PREFIX` / `UNIT_REPLIES_PREFIX`, with a `unitCode` parameter) has a channel with that
 *    address and every channel address is one of them; every DLQ message documents all
 *    `DEAD_LETTER_HEADERS`; every message documents its Kafka key; every event message's `name` is
 *    its CloudEvent `type` (`cn.gov.12345.<aggregate>.<event>.v1`) and its payload pins that type.
 * 3. Event types: per channel, the types the code emits (`CASE_EVENT_NAMES` → `caseEventType()`,
 *    `DISPATCH_EVENT_TYPES` and `UNIT_NOTICE_TYPE`, on a unit's inbox also `UNIT_REPLY_REJECTED_TYPE` and `KNOWLEDGE_EVENT_TYPES`,
 *    on `hotline.notifications.v1` `NOTIFICATION_REQUESTED_TYPE`) and the types the
 *    worker's consumers accept (their `dataTypes`, read from the consumers `ConsumersStartupService`
 *    starts; a unit's replies channel is read by the consumers of `TOPICS.unitReplies`, which add
 *    the units' topics they find at run time) each have a message on that channel, not marked
 *    `x-draft`; every message not marked `x-draft` is such a type, and its payload contains no
 *    `x-draft` schema. A draft says "not yet" in its description.
 * 4. Consumers: each worker consumer is listed under its channel's `x-consumers` with its name,
 *    group id `<KAFKA_GROUP_PREFIX>.<name>`, types and unknown-type / unknown-field policy, and
 *    nothing else is listed.
 *    The telephony consumer accepts exactly the `CALL_EVENT_KINDS` types.
 * 5. Data classes: for every type with a class-validator `data` class (the consumers' `dataTypes`
 *    and the classes the order and rejection producers build), the message's `data` schema has
 *    exactly the class's fields (at least them for a projection that ignores unknown fields), the
 *    same required ones (not `@IsOptional`), and matching string type, uuid / date-time formats,
 *    `maxLength`, `pattern` and `enum`; nested classes are compared the same way. A consumer that
 *    rejects unknown fields needs `additionalProperties: false`. Case events' `data` is built
 *    inline, with no class: their fields are not compared (the output says so).
 * 6. Vocabularies: the enums of CaseStatus, Urgency, Channel, DemandType, ReturnReason and
 *    Actor.role equal the code's lists.
 *
 * Exit code 0 when valid, 1 otherwise. `file` defaults to `asyncapi.yaml` (relative to the cwd).
 */
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import type { AsyncAPIDocumentInterface, ChannelInterface, Diagnostic, MessageInterface } from '@asyncapi/parser';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { ROLES } from '@hotline/auth';
import {
  CALL_EVENT_KINDS,
  CASE_EVENT_NAMES,
  CASE_STATUSES,
  caseEventType,
  CHANNELS,
  DEMAND_TYPES,
  RETURN_REASONS,
  UNIT_NOTICE_TYPE,
  UnitNoticeData,
} from '@hotline/cases';
import { URGENCIES } from '@hotline/directory';
import {
  DISPATCH_EVENT_TYPES,
  OrderCancelledData,
  OrderCompletedData,
  OrderIssuedData,
  TransferAcknowledgedData,
  TransferIssuedData,
} from '@hotline/dispatch';
import { UNIT_REPLY_REJECTED_TYPE, UnitReplyRejectedData } from '@hotline/handling';
import { KNOWLEDGE_EVENT_TYPES } from '@hotline/knowledge';
import {
  allTopicNames,
  DataClass,
  DEAD_LETTER_HEADERS,
  deadLetterTopic,
  EVENT_TYPE_PREFIX,
  EventConsumer,
  TOPICS,
  UNIT_INBOX_PREFIX,
  UNIT_REPLIES_PREFIX,
  unitInboxTopic,
  unitOfInboxTopic,
  unitOfRepliesTopic,
  unitRepliesTopic,
} from '@hotline/messaging';
import { NOTIFICATION_REQUESTED_TYPE } from '@hotline/notifications';
import { ConsumersStartupService } from '../../apps/worker/src/consumers/consumers-startup.service';

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

const EVENT_TYPE = new RegExp(`^${EVENT_TYPE_PREFIX.replace(/\./g, '\\.')}\\.[a-z_]+\\.[a-z_]+\\.v1$`);

/**
 * Each unit's own channels (docs/events.md, "Unit channels"): one topic per unit, documented as one
 * channel whose address has a `{unitCode}` parameter.
 */
const UNIT_CODE_PARAMETER = 'unitCode';
const UNIT_INBOX_ADDRESS = `${UNIT_INBOX_PREFIX}{${UNIT_CODE_PARAMETER}}.v1`;
const UNIT_REPLIES_ADDRESS = `${UNIT_REPLIES_PREFIX}{${UNIT_CODE_PARAMETER}}.v1`;

interface UnitChannel {
  address: string;
  /** The code's topic name for a unit (topics.ts), and how it recognizes one. */
  topicOf: (unitCode: string) => string;
  unitOf: (topic: string) => string | null;
  /** The worker consumers that read this kind of topic. */
  readers: (consumer: EventConsumer) => boolean;
  readersNote: string;
}

const UNIT_CHANNELS: UnitChannel[] = [
  {
    address: UNIT_INBOX_ADDRESS,
    topicOf: unitInboxTopic,
    unitOf: unitOfInboxTopic,
    readers: (c) => c.topics.some((t) => unitOfInboxTopic(t) !== null),
    readersNote: 'worker consumers subscribed to a unit inbox topic',
  },
  {
    address: UNIT_REPLIES_ADDRESS,
    topicOf: unitRepliesTopic,
    unitOf: unitOfRepliesTopic,
    // The units' replies topics are found at run time; the consumers of the gateway's shared topic read them.
    readers: (c) => c.topics.includes(TOPICS.unitReplies) || c.topics.some((t) => unitOfRepliesTopic(t) !== null),
    readersNote: `worker consumers of ${TOPICS.unitReplies}, which add the units' replies topics found at run time`,
  },
];

/** Every address the code's channels have: the shared topics and the units' channels. */
function codeChannels(): { address: string; readers: (consumer: EventConsumer) => boolean }[] {
  return [
    ...Object.values(TOPICS).map((topic) => ({
      address: topic,
      readers: (c: EventConsumer) => c.topics.includes(topic),
    })),
    ...UNIT_CHANNELS,
  ];
}

/** What the platform publishes, per channel address (consumed types come from the consumers themselves). */
const EMITTED: Partial<Record<string, { source: string; types: string[] }>> = {
  [TOPICS.cases]: { source: 'CASE_EVENT_NAMES', types: CASE_EVENT_NAMES.map((name) => caseEventType(name)) },
  [TOPICS.dispatch]: {
    source: 'DISPATCH_EVENT_TYPES + UNIT_NOTICE_TYPE',
    types: [...Object.values(DISPATCH_EVENT_TYPES), UNIT_NOTICE_TYPE],
  },
  [TOPICS.notifications]: { source: 'NOTIFICATION_REQUESTED_TYPE', types: [NOTIFICATION_REQUESTED_TYPE] },
  [UNIT_INBOX_ADDRESS]: {
    source: 'DISPATCH_EVENT_TYPES + UNIT_NOTICE_TYPE + UNIT_REPLY_REJECTED_TYPE + KNOWLEDGE_EVENT_TYPES',
    types: [
      ...Object.values(DISPATCH_EVENT_TYPES),
      UNIT_NOTICE_TYPE,
      UNIT_REPLY_REJECTED_TYPE,
      ...Object.values(KNOWLEDGE_EVENT_TYPES),
    ],
  },
};

/**
 * The class each published `data` is built as (the order producers type their objects with it, the
 * rejection notices theirs).
 */
const EMITTED_DATA: Record<string, DataClass> = {
  [DISPATCH_EVENT_TYPES.orderIssued]: OrderIssuedData,
  [DISPATCH_EVENT_TYPES.orderCancelled]: OrderCancelledData,
  [DISPATCH_EVENT_TYPES.orderCompleted]: OrderCompletedData,
  [DISPATCH_EVENT_TYPES.transferIssued]: TransferIssuedData,
  [DISPATCH_EVENT_TYPES.transferAcknowledged]: TransferAcknowledgedData,
  [UNIT_REPLY_REJECTED_TYPE]: UnitReplyRejectedData,
  [UNIT_NOTICE_TYPE]: UnitNoticeData,
};

/** Telephony's types are built from CALL_EVENT_KINDS; the consumer must accept exactly those. */
const CALL_TYPES = CALL_EVENT_KINDS.map((kind) => `${EVENT_TYPE_PREFIX}.call.${kind}.v1`);

async function main(): Promise<number> {
  const file = process.argv[2] ?? 'asyncapi.yaml';
  const path = resolve(file);
  const text = await readFile(path, 'utf8');

  const { document, diagnostics } = await new Parser().parse(text, { source: path });
  diagnostics.forEach((d) => console.log(formatDiagnostic(d)));
  // Compared as numbers: spectral's diagnostics carry its own copy of the @stoplight/types enum.
  const errors = diagnostics.filter((d) => Number(d.severity) === Number(DiagnosticSeverity.Error)).length;
  if (errors > 0 || !document) {
    console.error(`${file}: invalid (${errors} error${errors === 1 ? '' : 's'})`);
    return 1;
  }

  const problems = [...crossCheck(document), ...checkCode(document)];
  problems.forEach((p) => console.log(`error    code-contract  ${p}`));
  if (problems.length > 0) {
    console.error(`${file}: does not match the code (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
    return 1;
  }

  const channels = document.channels().length;
  const messages = document.allMessages().length; // one per message object, however often it is referenced
  console.log(`${file}: valid (${channels} channels, ${messages} messages)`);
  return 0;
}

function formatDiagnostic(d: Diagnostic): string {
  const at = d.path.length > 0 ? d.path.join('.') : '(root)';
  const line = d.range ? ` (line ${d.range.start.line + 1})` : '';
  return `${(SEVERITY[d.severity] ?? String(d.severity)).padEnd(8)} ${d.code}  ${at}${line}: ${d.message}`;
}

function compared(what: string): void {
  console.log(`compare  ${what}`);
}

function crossCheck(document: AsyncAPIDocumentInterface): string[] {
  const problems: string[] = [];
  const channels = document.channels().all();
  const byAddress = new Map(channels.map((c) => [c.address() ?? '', c]));
  const codeTopics = new Set(allTopicNames());
  const unitAddresses = new Set(UNIT_CHANNELS.map((u) => u.address));

  for (const topic of Object.values(TOPICS)) {
    for (const name of [topic, deadLetterTopic(topic)]) {
      if (!byAddress.has(name)) problems.push(`topic ${name} (libs/messaging/src/topics.ts) has no channel`);
    }
  }
  for (const unit of UNIT_CHANNELS) {
    problems.push(...checkUnitAddress(unit));
    const channel = byAddress.get(unit.address);
    if (!channel) {
      problems.push(`unit channel ${unit.address} (libs/messaging/src/topics.ts) has no channel`);
    } else if (!channel.parameters().has(UNIT_CODE_PARAMETER)) {
      problems.push(`channel ${channel.id()}: address "${unit.address}" has no parameters.${UNIT_CODE_PARAMETER}`);
    }
  }
  for (const channel of channels) {
    const address = channel.address() ?? '';
    if (!codeTopics.has(address) && !unitAddresses.has(address)) {
      problems.push(
        `channel ${channel.id()}: address "${address}" is neither a topic of allTopicNames() nor a unit channel ` +
          `(${[...unitAddresses].join(', ')})`,
      );
    }
  }

  for (const channel of channels) {
    const isDlq = (channel.address() ?? '').endsWith('.dlq');
    if (channel.messages().length === 0) problems.push(`channel ${channel.id()} has no message`);
    for (const message of channel.messages().all()) {
      const where = `channel ${channel.id()}, message ${message.id()}`;
      if (!message.bindings().get('kafka')?.value()?.key) problems.push(`${where}: no bindings.kafka.key`);
      if (isDlq) {
        const documented = new Set(Object.keys(message.headers()?.properties() ?? {}));
        for (const header of Object.values(DEAD_LETTER_HEADERS)) {
          if (!documented.has(header)) problems.push(`${where}: header ${header} (dead-letter.ts) is not documented`);
        }
      } else {
        problems.push(...checkEventType(where, message));
      }
    }
  }
  return problems;
}

/** The documented address names the code's topics: a sample unit's topic fills it in, and the code reads it back. */
function checkUnitAddress(unit: UnitChannel): string[] {
  const sample = 'UTIL-POWER';
  const topic = unit.topicOf(sample);
  const expected = unit.address.replace(`{${UNIT_CODE_PARAMETER}}`, sample);
  const problems: string[] = [];
  if (topic !== expected) problems.push(`unit channel ${unit.address}: the code names ${sample}'s topic ${topic}`);
  if (unit.unitOf(topic) !== sample) {
    problems.push(`unit channel ${unit.address}: the code does not read back ${topic}`);
  }
  return problems;
}

/** An event message is named after its CloudEvent type, and its payload pins `type` to that name. */
function checkEventType(where: string, message: MessageInterface): string[] {
  const name = message.name() ?? '';
  if (!EVENT_TYPE.test(name)) return [`${where}: name "${name}" is not ${EVENT_TYPE_PREFIX}.<aggregate>.<event>.v1`];
  const pinned = typeConsts(message.payload()?.json());
  if (!pinned.includes(name)) return [`${where}: payload does not pin type to "${name}" (found ${pinned.join(', ')})`];
  return [];
}

/** `const` / single-value `enum` of `properties.type`, looked up through `allOf`. */
function typeConsts(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as { allOf?: unknown[]; properties?: { type?: { const?: unknown; enum?: unknown[] } } };
  const type = s.properties?.type;
  const own = [type?.const, ...(type?.enum?.length === 1 ? type.enum : [])].filter(
    (v): v is string => typeof v === 'string',
  );
  return [...own, ...(s.allOf ?? []).flatMap(typeConsts)];
}

// ── the code's event types, consumers and data classes ─────────────────────────────────────────

/** The consumers the worker starts: the EventConsumers injected into ConsumersStartupService. */
function workerConsumers(): EventConsumer[] {
  const injected = (Reflect.getMetadata('design:paramtypes', ConsumersStartupService) ?? []) as (new (
    ...args: never[]
  ) => unknown)[];
  // Their constructors only store their dependencies; name, topics and dataTypes are plain fields.
  return injected
    .filter((Class) => typeof Class === 'function')
    .map((Class) => new Class(...(Array(Class.length).fill(null) as never[])))
    .filter((h): h is EventConsumer => typeof h === 'object' && h !== null && 'dataTypes' in h && 'topics' in h);
}

function checkCode(document: AsyncAPIDocumentInterface): string[] {
  const problems: string[] = [];
  const consumers = workerConsumers();
  compared(
    `worker consumers (ConsumersStartupService): ${consumers.map((c) => `${c.name} ← ${c.topics.join(', ')}`).join('; ')}`,
  );
  if (consumers.length === 0)
    problems.push('no consumer found in ConsumersStartupService (design:paramtypes missing?)');

  const telephony = consumers.filter((c) => c.topics.includes(TOPICS.calls));
  const accepted = new Set(telephony.flatMap((c) => Object.keys(c.dataTypes)));
  compared(`${TOPICS.calls}: CALL_EVENT_KINDS (${CALL_TYPES.length}) ⇄ types accepted by ${names(telephony)}`);
  problems.push(...sameSet(`types accepted on ${TOPICS.calls} ⇄ CALL_EVENT_KINDS`, CALL_TYPES, [...accepted]));

  const channels = document.channels().all();
  for (const unit of UNIT_CHANNELS) {
    compared(`${unit.address}: read by the ${unit.readersNote} ⇒ ${names(consumers.filter(unit.readers))}`);
  }
  for (const { address, readers: reads } of codeChannels()) {
    const channel = channels.find((c) => c.address() === address);
    if (!channel) continue; // reported by crossCheck
    const readers = consumers.filter(reads);
    problems.push(...checkTypes(address, channel, readers));
    problems.push(...checkConsumers(address, channel, readers));
    problems.push(...checkDataClasses(address, channel, readers));
  }
  problems.push(...checkVocabularies(document));
  return problems;
}

function names(consumers: EventConsumer[]): string {
  return consumers.map((c) => c.name).join(', ') || 'no consumer';
}

function isDraft(message: MessageInterface): boolean {
  return message.json<Record<string, unknown>>()['x-draft'] === true;
}

function messagesByType(channel: ChannelInterface): Map<string, MessageInterface> {
  return new Map(
    channel
      .messages()
      .all()
      .map((m) => [m.name() ?? '', m]),
  );
}

/** Every type the code emits or accepts on the topic ⇄ the channel's messages that are not drafts. */
function checkTypes(topic: string, channel: ChannelInterface, readers: EventConsumer[]): string[] {
  const problems: string[] = [];
  const emitted = EMITTED[topic];
  const code = new Map<string, string>(); // type → who, in the code
  for (const type of emitted?.types ?? []) code.set(type, `emitted (${emitted!.source})`);
  for (const reader of readers) {
    for (const type of Object.keys(reader.dataTypes)) {
      code.set(type, code.has(type) ? `${code.get(type)}, consumed by ${reader.name}` : `consumed by ${reader.name}`);
    }
  }
  const documented = messagesByType(channel);
  const drafts = [...documented.values()].filter(isDraft);
  compared(
    `${topic}: code ${emitted ? `emits ${emitted.types.length} (${emitted.source})` : 'emits none'}, ` +
      `${readers.length > 0 ? `${names(readers)} accept ${new Set(readers.flatMap((r) => Object.keys(r.dataTypes))).size}` : 'no consumer'}` +
      ` ⇄ channel ${channel.id()}: ${documented.size - drafts.length} implemented messages + ${drafts.length} x-draft`,
  );

  for (const [type, who] of code) {
    const message = documented.get(type);
    if (!message) problems.push(`${type} (${who}) has no message on channel ${channel.id()} (${topic})`);
    else if (isDraft(message)) problems.push(`${type} (${who}) is implemented but message ${message.id()} is x-draft`);
  }
  for (const [type, message] of documented) {
    const where = `channel ${channel.id()}, message ${message.id()}`;
    if (isDraft(message)) {
      const description = message.description() ?? '';
      if (!/not yet/i.test(description)) problems.push(`${where}: x-draft but its description does not say "not yet"`);
      continue;
    }
    if (!code.has(type)) {
      problems.push(`${where}: ${type} is neither emitted nor accepted on ${topic} by the code; mark it x-draft`);
    }
    if (containsDraft(message.payload()?.json())) problems.push(`${where}: implemented, but its payload has x-draft`);
  }
  return problems;
}

function containsDraft(schema: unknown, seen = new Set<unknown>()): boolean {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return false;
  seen.add(schema);
  if ((schema as Record<string, unknown>)['x-draft'] !== undefined) return true;
  return Object.values(schema).some((value) => containsDraft(value, seen));
}

interface DocumentedConsumer {
  name?: unknown;
  groupId?: unknown;
  types?: unknown;
  unknownTypes?: unknown;
  unknownFields?: unknown;
}

/** The channel's `x-consumers` list exactly the worker consumers reading its topic. */
function checkConsumers(topic: string, channel: ChannelInterface, readers: EventConsumer[]): string[] {
  const problems: string[] = [];
  const raw = channel.json<Record<string, unknown>>()['x-consumers'] ?? [];
  const listed = (Array.isArray(raw) ? raw : []) as DocumentedConsumer[];
  const where = `channel ${channel.id()} x-consumers`;
  if (!Array.isArray(raw)) problems.push(`${where}: not a list`);
  compared(
    `${topic}: consumers ${names(readers)} ⇄ ${where}: ${listed.map((c) => String(c.name)).join(', ') || 'none'}`,
  );

  for (const reader of readers) {
    const entry = listed.find((c) => c.name === reader.name);
    if (!entry) {
      problems.push(`${where}: consumer ${reader.name} (apps/worker) is not listed`);
      continue;
    }
    const group = `<KAFKA_GROUP_PREFIX>.${reader.name}`;
    if (entry.groupId !== group) problems.push(`${where} ${reader.name}: groupId is not "${group}"`);
    if (entry.unknownTypes !== reader.unknownTypes) {
      problems.push(`${where} ${reader.name}: unknownTypes is not "${reader.unknownTypes}"`);
    }
    if (entry.unknownFields !== reader.unknownFields) {
      problems.push(`${where} ${reader.name}: unknownFields is not "${reader.unknownFields}"`);
    }
    const types = Array.isArray(entry.types) ? entry.types.map(String) : [];
    problems.push(...sameSet(`${where} ${reader.name}: types`, Object.keys(reader.dataTypes), types));
  }
  for (const entry of listed) {
    if (!readers.some((r) => r.name === entry.name)) {
      problems.push(`${where}: ${String(entry.name)} is not a worker consumer of ${topic}`);
    }
  }
  return problems;
}

function sameSet(where: string, code: readonly unknown[], documented: readonly unknown[]): string[] {
  const missing = code.filter((v) => !documented.includes(v));
  const extra = documented.filter((v) => !code.includes(v));
  return [
    ...(missing.length > 0 ? [`${where}: missing ${missing.map((v) => JSON.stringify(v)).join(', ')} (code)`] : []),
    ...(extra.length > 0 ? [`${where}: ${extra.map((v) => JSON.stringify(v)).join(', ')} not in the code`] : []),
  ];
}

/**
 * Each class-validated `data` ⇄ its message's `data` schema. `exact`: the schema has precisely the
 * class's fields (what the platform emits, what a strict consumer accepts); otherwise the class —
 * a projection that ignores unknown fields — may read a subset of the documented fields.
 */
function checkDataClasses(topic: string, channel: ChannelInterface, readers: EventConsumer[]): string[] {
  const problems: string[] = [];
  const documented = messagesByType(channel);
  // One use per type and class: emitted by the platform and/or read by consumers.
  const uses = new Map<string, { type: string; data: DataClass; modes: string[]; exact: boolean; strict: boolean }>();
  const use = (type: string, data: DataClass, mode: string, exact: boolean, strict: boolean): void => {
    const key = `${type} ${data.name}`;
    const known = uses.get(key) ?? { type, data, modes: [], exact: false, strict: false };
    uses.set(key, {
      ...known,
      modes: [...known.modes, mode],
      exact: known.exact || exact,
      strict: known.strict || strict,
    });
  };
  for (const type of EMITTED[topic]?.types ?? []) {
    if (EMITTED_DATA[type]) use(type, EMITTED_DATA[type], 'emitted', true, false);
  }
  for (const reader of readers) {
    const strict = reader.unknownFields === 'reject';
    for (const [type, data] of Object.entries(reader.dataTypes)) {
      use(type, data, `read by ${reader.name}${strict ? ', unknown fields rejected' : ''}`, strict, strict);
    }
  }
  const groups = new Map<string, { data: DataClass; mode: string; exact: boolean; strict: boolean; types: string[] }>();
  for (const { type, data, modes, exact, strict } of uses.values()) {
    const mode = modes.join(', ');
    const key = `${data.name} ${mode}`;
    const group = groups.get(key) ?? { data, mode, exact, strict, types: [] };
    group.types.push(type);
    groups.set(key, group);
  }
  for (const { data, mode, exact, strict, types } of groups.values()) {
    let summary: string[] = [];
    for (const type of types) {
      const message = documented.get(type);
      if (!message) continue; // reported by checkTypes
      const schema = flatten(flatten(message.payload()?.json()).properties.get('data') ?? []);
      summary = [];
      problems.push(...compareClass(`${type} data`, data, schema, exact, summary));
      if (strict && schema.additionalProperties !== false) {
        problems.push(`${type} data: ${mode}, so the schema needs additionalProperties: false`);
      }
    }
    const what = types.length === 1 ? types[0] : `${types.length} types (${types.map(shortType).join(', ')})`;
    compared(`${what} data ⇄ ${summary.join('; ')} [${mode}; ${exact ? 'same fields' : 'fields it reads'}]`);
  }
  const unchecked = [...documented.values()]
    .filter((m) => !isDraft(m) && ![...uses.values()].some((u) => u.exact && u.type === m.name()))
    .map((m) => shortType(m.name() ?? ''));
  if (unchecked.length > 0) {
    compared(`${topic}: emitted data of ${unchecked.join(', ')} is built inline, no class: fields not compared`);
  }
  return problems;
}

function shortType(type: string): string {
  return type.slice(EVENT_TYPE_PREFIX.length + 1).replace(/\.v1$/, '');
}

interface Flat {
  types: Set<string>;
  format?: string;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  properties: Map<string, unknown[]>;
  required: Set<string>;
  additionalProperties?: unknown;
}

/** One view of schemas combined with `allOf` (references are already resolved by the parser). */
function flatten(schemas: unknown): Flat {
  const flat: Flat = { types: new Set(), properties: new Map(), required: new Set() };
  const visit = (schema: unknown): void => {
    if (typeof schema !== 'object' || schema === null) return;
    const s = schema as Record<string, unknown>;
    for (const type of [s.type].flat()) if (typeof type === 'string') flat.types.add(type);
    if (typeof s.format === 'string') flat.format ??= s.format;
    if (typeof s.maxLength === 'number') flat.maxLength ??= s.maxLength;
    if (typeof s.pattern === 'string') flat.pattern ??= s.pattern;
    if (Array.isArray(s.enum)) flat.enum ??= s.enum;
    if ('const' in s) flat.enum ??= [s.const];
    if ('additionalProperties' in s) flat.additionalProperties ??= s.additionalProperties;
    for (const name of Array.isArray(s.required) ? s.required : []) flat.required.add(String(name));
    const properties = (s.properties ?? {}) as Record<string, unknown>;
    for (const [name, property] of Object.entries(properties)) {
      flat.properties.set(name, [...(flat.properties.get(name) ?? []), property]);
    }
    (Array.isArray(s.allOf) ? s.allOf : []).forEach(visit);
  };
  [schemas].flat().forEach(visit);
  return flat;
}

/** The class's validated fields ⇄ the schema's properties: names, required, and their constraints. */
function compareClass(where: string, data: DataClass, schema: Flat, exact: boolean, summary: string[]): string[] {
  const problems: string[] = [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(data, '', true, false);
  const fields = [...new Set(metadata.map((m) => m.propertyName))];
  const optional = new Set(metadata.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName));
  const required = fields.filter((f) => !optional.has(f));
  summary.push(`${data.name} (${fields.length} fields, ${required.length} required)`);
  if (fields.length === 0) problems.push(`${where}: ${data.name} has no class-validator metadata`);

  const properties = [...schema.properties.keys()];
  const requiredOnes = [...schema.required];
  if (exact) {
    problems.push(...sameSet(`${where} fields (${data.name})`, fields, properties));
    problems.push(...sameSet(`${where} required (${data.name})`, required, requiredOnes));
  } else {
    problems.push(...sameSet(`${where} fields (${data.name})`, fields, properties).filter((p) => p.includes('(code)')));
    problems.push(
      ...sameSet(`${where} required (${data.name})`, required, requiredOnes).filter((p) => p.includes('(code)')),
    );
  }

  for (const field of fields) {
    const documented = schema.properties.get(field);
    if (!documented) continue;
    const property = flatten(documented);
    const at = `${where}.${field}`;
    for (const m of metadata.filter((x) => x.propertyName === field)) {
      const constraints = (m.constraints ?? []) as unknown[];
      switch (m.name) {
        case 'isString':
          if (!property.types.has('string')) problems.push(`${at}: @IsString but the schema type is not string`);
          break;
        case 'isUuid':
          if (property.format !== 'uuid') problems.push(`${at}: @IsUUID but the schema has no format: uuid`);
          break;
        case 'isIso8601':
        case 'isDate':
          if (property.format !== 'date-time') problems.push(`${at}: a date-time in the code, not format: date-time`);
          break;
        case 'maxLength':
          if (property.maxLength !== constraints[0]) {
            problems.push(`${at}: @MaxLength(${String(constraints[0])}) but maxLength is ${property.maxLength}`);
          }
          break;
        case 'isIn':
          // A nullable field lists null among its values (JSON Schema needs it); @IsOptional says it in the code.
          problems.push(
            ...sameSet(
              `${at} enum`,
              constraints[0] as unknown[],
              (property.enum ?? []).filter((v) => v !== null),
            ),
          );
          break;
        case 'matches': {
          const source = constraints[0] instanceof RegExp ? constraints[0].source : String(constraints[0]);
          if (property.pattern !== source)
            problems.push(`${at}: @Matches(/${source}/) but pattern is ${property.pattern}`);
          break;
        }
      }
      if (m.type === 'nestedValidation') {
        // The nested class is what class-transformer's @Type makes of the field.
        const sample = plainToInstance(data, { [field]: {} }) as Record<string, unknown>;
        const nested = (sample[field] as object | undefined)?.constructor as DataClass | undefined;
        if (!nested || nested === Object) problems.push(`${at}: @ValidateNested without a @Type class`);
        else {
          const inner: string[] = [];
          problems.push(...compareClass(at, nested, property, exact, inner));
          summary.push(`${field} ⇄ ${inner.join('; ')}`);
        }
      }
    }
  }
  return problems;
}

/** The closed vocabularies the schemas enumerate ⇄ the code's lists. */
function checkVocabularies(document: AsyncAPIDocumentInterface): string[] {
  const schemas = document.components().schemas();
  const enumOf = (name: string, property?: string): unknown[] => {
    const json = schemas.get(name)?.json();
    const flat = flatten(json);
    return (property ? flatten(flat.properties.get(property) ?? []) : flat).enum ?? [];
  };
  const vocabularies: [string, readonly string[], unknown[]][] = [
    ['CaseStatus ⇄ CASE_STATUSES', CASE_STATUSES, enumOf('CaseStatus')],
    ['Urgency ⇄ URGENCIES', URGENCIES, enumOf('Urgency')],
    ['Channel ⇄ CHANNELS', CHANNELS, enumOf('Channel')],
    ['DemandType ⇄ DEMAND_TYPES', DEMAND_TYPES, enumOf('DemandType')],
    ['ReturnReason ⇄ RETURN_REASONS', RETURN_REASONS, enumOf('ReturnReason')],
    ['Actor.role ⇄ ROLES + system', [...ROLES, 'system'], enumOf('Actor', 'role')],
  ];
  compared(`vocabularies: ${vocabularies.map(([what]) => what).join(', ')}`);
  return vocabularies.flatMap(([what, code, documented]) => sameSet(`schema ${what}`, code, documented));
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`validate-asyncapi failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
