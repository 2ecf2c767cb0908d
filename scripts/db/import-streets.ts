import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import dataSource from '../../migrations/data-source';
import { importStreets } from '@hotline/directory';

/**
 * `npm run import:streets -- <file.csv>`: loads the full street/township list (code,name,districtCode).
 * New codes are added; existing ones get the file's name and district (the official list wins).
 */
async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: npm run import:streets -- <file.csv>');
  await dataSource.initialize();
  try {
    const count = await dataSource.transaction((tx) => importStreets(tx, readFileSync(file, 'utf8')));
    console.log(`imported ${count} streets from ${file}`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: Error & { fields?: { field: string; message: string }[] }) => {
  console.error(`import failed: ${error.message}`);
  for (const f of error.fields ?? []) console.error(`  ${f.field}: ${f.message}`);
  process.exit(1);
});
