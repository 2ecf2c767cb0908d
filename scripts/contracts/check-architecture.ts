import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkArchitecture } from './architecture/rules';
import { parse } from './architecture/source-files';

/**
 * `npm run architecture:check` (part of `npm test`): every table is touched only by its owner
 * library, SQL and the EntityManager appear only in repositories, and classes are named by their
 * kind. The rules are in ./architecture/rules.ts (with a spec that shows each of them failing).
 */
function main(): number {
  const root = join(__dirname, '..', '..');
  const files = ['apps', 'libs']
    .flatMap((dir) => walk(join(root, dir)))
    .map((path) => parse(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8')));
  const violations = checkArchitecture(files);
  for (const v of violations) console.log(`${v.path}:${v.line}  [${v.rule}] ${v.message}`);
  console.log(
    violations.length === 0
      ? `architecture: ${files.length} files, every table touched only by its owner, SQL only in repositories, names by kind`
      : `architecture: ${violations.length} violation${violations.length === 1 ? '' : 's'}`,
  );
  return violations.length === 0 ? 0 : 1;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'static' ? [] : walk(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

process.exit(main());
