import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import dataSource from '../../migrations/data-source';
import { importChildUnits } from '@hotline/directory';

/**
 * `npm run import:streets -- <file.csv>` (code,name,districtCode) and `npm run import:communities --
 * <file.csv>` (code,name,streetCode): loads an official list of streets/townships or communities/villages.
 * New codes are added; existing ones get the file's name and parent (the official list wins).
 */
async function main(level: string | undefined, file: string | undefined): Promise<void> {
  if ((level !== 'street' && level !== 'community') || !file) {
    throw new Error('usage: npm run import:streets -- <file.csv> | npm run import:communities -- <file.csv>');
  }
  await dataSource.initialize();
  try {
    const csv = readFileSync(file, 'utf8');
    const count = await dataSource.transaction((tx) => importChildUnits(tx, level, csv));
    console.log(`imported ${count} ${level === 'street' ? 'streets' : 'communities'} from ${file}`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2], process.argv[3]).catch((error: Error & { fields?: { field: string; message: string }[] }) => {
  console.error(`import failed: ${error.message}`);
  for (const f of error.fields ?? []) console.error(`  ${f.field}: ${f.message}`);
  process.exit(1);
});
