import 'reflect-metadata';
import { withKnowledge } from './knowledge/context';
import { importKnowledgeFile } from './knowledge/import';

/**
 * `npm run import:knowledge -- <file.jsonl|file.csv>` (docs/operations.md, "Importing knowledge
 * entries"): upserts the file's entries by ref into DATABASE_URL, 500 to a transaction. Bad records
 * are reported on stderr with their line and field and skipped; the summary goes to stdout. Exits 2
 * when a record was refused, so a scheduled import notices.
 */
async function main(): Promise<number> {
  const [path] = process.argv.slice(2);
  if (!path) throw new Error('usage: npm run import:knowledge -- <file.jsonl|file.csv>');
  const started = Date.now();
  const summary = await withKnowledge(({ knowledge }) =>
    importKnowledgeFile(knowledge, path, { batchSize: Number(process.env.IMPORT_BATCH_SIZE ?? 500) }),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `knowledge import: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
      `${summary.retired} retired (left retired), ${summary.refused} refused — ${seconds} s`,
  );
  return summary.refused > 0 ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`knowledge import failed: ${error.message}`);
    process.exit(1);
  },
);
