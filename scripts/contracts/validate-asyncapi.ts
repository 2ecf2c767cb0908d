/**
 * Validates the event contract `asyncapi.yaml` (SPEC §6) and cross-checks it against the code.
 *
 *   TS_NODE_TRANSPILE_ONLY=true npx ts-node -r tsconfig-paths/register scripts/contracts/validate-asyncapi.ts [file]
 *
 * 1. Schema and rules: `@asyncapi/parser` — the library behind `asyncapi validate` of the AsyncAPI CLI.
 *    The CLI itself needs Node 24 and this project runs on Node 20, so the parser is called directly.
 *    Every diagnostic is printed; errors fail the check, warnings, infos and hints do not.
 * 2. Code: every topic of `TOPICS` / `allTopicNames()` (DLQ twins included) has a channel with that
 *    address and every channel address is such a topic; every DLQ message documents all
 *    `DEAD_LETTER_HEADERS`; every message documents its Kafka key; every event message's `name` is
 *    its CloudEvent `type` (`cn.gov.12345.<aggregate>.<event>.v1`) and its payload pins that type.
 *
 * Exit code 0 when valid, 1 otherwise. `file` defaults to `asyncapi.yaml` (relative to the cwd).
 */
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import type { AsyncAPIDocumentInterface, Diagnostic, MessageInterface } from '@asyncapi/parser';
import { allTopicNames, DEAD_LETTER_HEADERS, deadLetterTopic, EVENT_TYPE_PREFIX, TOPICS } from '@hotline/messaging';

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

const EVENT_TYPE = new RegExp(`^${EVENT_TYPE_PREFIX.replace(/\./g, '\\.')}\\.[a-z_]+\\.[a-z_]+\\.v1$`);

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

  const problems = crossCheck(document);
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

function crossCheck(document: AsyncAPIDocumentInterface): string[] {
  const problems: string[] = [];
  const channels = document.channels().all();
  const byAddress = new Map(channels.map((c) => [c.address() ?? '', c]));
  const codeTopics = new Set(allTopicNames());

  for (const topic of Object.values(TOPICS)) {
    for (const name of [topic, deadLetterTopic(topic)]) {
      if (!byAddress.has(name)) problems.push(`topic ${name} (libs/messaging/src/topics.ts) has no channel`);
    }
  }
  for (const channel of channels) {
    const address = channel.address() ?? '';
    if (!codeTopics.has(address)) {
      problems.push(`channel ${channel.id()}: address "${address}" is not a topic of allTopicNames()`);
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

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`validate-asyncapi failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
