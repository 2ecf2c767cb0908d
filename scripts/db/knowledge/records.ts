import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { type FieldError } from '@hotline/core';
import { type ImportedEntry, parseImportRecord } from '@hotline/knowledge';

/** One record of an import file: an entry, or what is wrong with it; `line` is where it starts (1-based). */
export type FileRecord = { line: number; entry: ImportedEntry } | { line: number; problems: FieldError[] };

/**
 * The records of a JSONL file (one object a line; blank lines skipped) or a CSV file (a header row of
 * the column names; list fields with `|` between items), read as a stream: the file is never held in
 * memory, and the reader waits while the caller works on a record.
 */
export async function* readKnowledgeFile(path: string): AsyncGenerator<FileRecord> {
  yield* path.toLowerCase().endsWith('.csv') ? readCsv(path) : readJsonl(path);
}

async function* readJsonl(path: string): AsyncGenerator<FileRecord> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      yield {
        line,
        problems: [{ field: '(line)', message: `is not JSON: ${(error as Error).message}`, reason: 'json' }],
      };
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      yield { line, problems: [{ field: '(line)', message: 'must be a JSON object', reason: 'isObject' }] };
      continue;
    }
    yield withLine(line, parseImportRecord(raw as Record<string, unknown>, 'array'));
  }
}

async function* readCsv(path: string): AsyncGenerator<FileRecord> {
  const skipped: FileRecord[] = [];
  const parser = createReadStream(path).pipe(
    parse({
      columns: true,
      bom: true,
      info: true,
      trim: false,
      skip_empty_lines: true,
      // A row with the wrong number of cells (or a broken quote) is reported and skipped, not fatal.
      skip_records_with_error: true,
    }),
  );
  parser.on('skip', (error: Error & { lines?: number }) => {
    skipped.push({ line: error.lines ?? 0, problems: [{ field: '(row)', message: error.message, reason: 'csv' }] });
  });
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number; records: number };
  }>) {
    yield* skipped.splice(0);
    // info.lines is the line the record ends on; a record with quoted newlines started earlier.
    const newlines = Object.values(record).reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    yield withLine(info.lines - newlines, parseImportRecord(record, 'pipe'));
  }
  yield* skipped.splice(0);
}

function withLine(line: number, parsed: ReturnType<typeof parseImportRecord>): FileRecord {
  return 'entry' in parsed ? { line, entry: parsed.entry } : { line, problems: parsed.problems };
}
