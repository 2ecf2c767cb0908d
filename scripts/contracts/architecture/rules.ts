import * as ts from 'typescript';
import { isSpec, isTypePosition, libOf, lineOf, literalTexts, nodes, SourceFile } from './source-files';

export interface Violation {
  rule: 'table-owner' | 'data-access' | 'names';
  path: string;
  line: number;
  message: string;
}

/** A table (or sequence) and the library that owns it. */
export interface OwnedTable {
  table: string;
  owner: string;
  /** The entity class mapped to it, when there is one. */
  entity?: string;
}

/** Database objects with no entity, and who owns them. */
const OTHER_OBJECTS: readonly OwnedTable[] = [
  { table: 'case_number_seq', owner: 'cases' },
  // rate-limiter-flexible's PostgreSQL store, driven by SignInLimitsRepository.
  { table: 'sign_in_limits', owner: 'auth' },
];

/**
 * Files that are the data-access machinery itself rather than users of it: the connection and the
 * transaction idiom (libs/database), and the outbox's commit hook (it subscribes to the
 * DataSource's transactions; its one query goes through OutboxRepository).
 */
const DATA_ACCESS_INFRASTRUCTURE = [
  /^libs\/database\//,
  /^libs\/messaging\/src\/outbox\/outbox-notifier\.service\.ts$/,
];

/** The kinds of Nest classes, by file suffix. */
const KINDS: Record<string, string> = {
  controller: 'Controller',
  service: 'Service',
  repository: 'Repository',
  consumer: 'Consumer',
  job: 'Job',
  module: 'Module',
  entity: 'Entity',
  guard: 'Guard',
  filter: 'Filter',
  pipe: 'Pipe',
  middleware: 'Middleware',
  interceptor: 'Interceptor',
  indicator: 'Indicator',
  constraint: 'Constraint',
};
const NEST_DECORATORS = new Set(['Injectable', 'Controller', 'Module', 'Entity', 'Catch']);

/** Which library owns which table: the one whose entity maps it (`@Entity({ name })`). */
export function ownedTables(files: readonly SourceFile[]): OwnedTable[] {
  const owned: OwnedTable[] = [...OTHER_OBJECTS];
  for (const file of files) {
    const owner = libOf(file.path);
    if (!owner || !file.path.endsWith('.entity.ts')) continue;
    for (const node of nodes(file)) {
      if (!ts.isClassDeclaration(node) || !node.name) continue;
      const table = entityTable(node);
      if (table) owned.push({ table, owner, entity: node.name.text });
    }
  }
  return owned;
}

/** Every rule, over every non-spec source file of apps/ and libs/. */
export function checkArchitecture(files: readonly SourceFile[]): Violation[] {
  const sources = files.filter((f) => /^(apps|libs)\//.test(f.path) && !isSpec(f.path));
  const tables = ownedTables(sources);
  return [
    ...sources.flatMap((f) => checkTableOwnership(f, tables)),
    ...sources.flatMap(checkDataAccess),
    ...sources.flatMap(checkNames),
  ];
}

/**
 * A table is read and written only in its owner library: no SQL or QueryBuilder naming it, and no
 * value use of its entity class, anywhere else (an entity file may still declare a foreign key to
 * another library's entity: that is schema, not data access).
 */
export function checkTableOwnership(file: SourceFile, tables: readonly OwnedTable[]): Violation[] {
  const lib = libOf(file.path);
  const violations: Violation[] = [];
  const foreign = tables.filter((t) => t.owner !== lib);
  const byName = new Map(foreign.map((t) => [t.table, t]));
  for (const { text, node } of literalTexts(file)) {
    const named = sqlTables(text).filter((t) => byName.has(t));
    const argument = byName.has(text) && isQueryBuilderArgument(node) ? [text] : [];
    for (const table of new Set([...named, ...argument])) {
      violations.push({
        rule: 'table-owner',
        path: file.path,
        line: lineOf(file, node),
        message: `touches table ${table}, owned by libs/${byName.get(table)!.owner} (call that library's services instead)`,
      });
    }
  }
  if (file.path.endsWith('.entity.ts')) return violations;
  const entities = new Map(foreign.filter((t) => t.entity).map((t) => [t.entity!, t]));
  for (const node of nodes(file)) {
    if (!ts.isIdentifier(node) || !entities.has(node.text) || isTypePosition(node)) continue;
    const owned = entities.get(node.text)!;
    violations.push({
      rule: 'table-owner',
      path: file.path,
      line: lineOf(file, node),
      message: `uses entity ${node.text} (table ${owned.table}, owned by libs/${owned.owner}) as a value: only its owner's repositories may`,
    });
  }
  return violations;
}

/** SQL, QueryBuilders and the EntityManager appear only in `*.repository.ts` files of libraries. */
export function checkDataAccess(file: SourceFile): Violation[] {
  if (file.path.endsWith('.repository.ts') && libOf(file.path)) return [];
  if (file.path.endsWith('.entity.ts') || DATA_ACCESS_INFRASTRUCTURE.some((p) => p.test(file.path))) return [];
  const violations: Violation[] = [];
  const flag = (node: ts.Node, what: string) =>
    violations.push({
      rule: 'data-access',
      path: file.path,
      line: lineOf(file, node),
      message: `${what} outside a repository (SQL lives in the owner library's *.repository.ts)`,
    });
  for (const node of nodes(file)) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      // A module registers its entities (TypeOrmModule.forFeature): wiring, not data access.
      const wiring = file.path.endsWith('.module.ts') && from === '@nestjs/typeorm';
      if (!wiring && (from === 'pg' || from === '@nestjs/typeorm' || from === 'typeorm')) {
        flag(node, `imports ${from}`);
      }
    } else if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      if (name === 'manager' || name === 'poolManager') flag(node, `reaches the EntityManager (.${name})`);
      else if (['query', 'createQueryBuilder', 'getRepository'].includes(name) && ts.isCallExpression(node.parent)) {
        flag(node, `calls .${name}()`);
      }
    }
  }
  for (const { text, node } of literalTexts(file)) if (looksLikeSql(text)) flag(node, 'writes SQL');
  return violations;
}

/**
 * One suffix per kind: a Nest class lives in `<name>.<kind>.ts` and is called `<Name><Kind>`
 * (case-commands.service.ts → CaseCommandsService); DTO files hold only `…Dto` classes; file names
 * are kebab-case.
 */
export function checkNames(file: SourceFile): Violation[] {
  const violations: Violation[] = [];
  const name = file.path.split('/').pop()!;
  const flag = (node: ts.Node, message: string) =>
    violations.push({ rule: 'names', path: file.path, line: lineOf(file, node), message });
  if (!/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z]+)?\.ts$/.test(name)) flag(file.ast, `file name ${name} is not kebab-case`);
  const [, base, kind] = /^([a-z0-9-]+)(?:\.([a-z]+))?\.ts$/.exec(name) ?? [];
  const suffix = kind ? KINDS[kind] : undefined;
  const classes = [...nodes(file)].filter(
    (n): n is ts.ClassDeclaration & { name: ts.Identifier } => ts.isClassDeclaration(n) && !!n.name,
  );
  for (const c of classes) {
    const decorated = decoratorNames(c).some((d) => NEST_DECORATORS.has(d));
    if (kind === 'dto') {
      if (!c.name.text.endsWith('Dto')) flag(c, `class ${c.name.text} in a DTO file must end with Dto`);
    } else if (suffix) {
      const expected = `${pascal(base)}${suffix}`;
      if (c.name.text !== expected) flag(c, `class ${c.name.text} in ${name} must be called ${expected}`);
    } else if (decorated) {
      flag(c, `Nest class ${c.name.text} must live in a <name>.<kind>.ts file (${Object.keys(KINDS).join(', ')})`);
    }
  }
  return violations;
}

/** Table names after FROM / JOIN / INTO / UPDATE / TABLE in a string that reads as SQL. */
export function sqlTables(text: string): string[] {
  if (!looksLikeSql(text)) return [];
  const names = [
    ...text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi),
  ].map((m) => m[1]);
  const sequences = [...text.matchAll(/nextval\('([a-z_][a-z0-9_]*)'\)/g)].map((m) => m[1]);
  return [...names, ...sequences];
}

export function looksLikeSql(text: string): boolean {
  return (
    /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|LOCK TABLE|TRUNCATE)\b/.test(text) &&
    /\b(FROM|INTO|SET|TABLE|nextval)\b/.test(text)
  );
}

function isQueryBuilderArgument(node: ts.Node): boolean {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== node) return false;
  const callee = call.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    ['from', 'into', 'update', 'delete', 'innerJoin', 'leftJoin', 'innerJoinAndSelect', 'leftJoinAndSelect'].includes(
      callee.name.text,
    )
  );
}

function entityTable(c: ts.ClassDeclaration): string | null {
  for (const decorator of ts.getDecorators(c) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Entity') continue;
    const options = call.arguments[0];
    if (options && ts.isObjectLiteralExpression(options)) {
      for (const property of options.properties) {
        if (
          ts.isPropertyAssignment(property) &&
          ts.isIdentifier(property.name) &&
          property.name.text === 'name' &&
          ts.isStringLiteral(property.initializer)
        ) {
          return property.initializer.text;
        }
      }
    }
  }
  return null;
}

function decoratorNames(c: ts.ClassDeclaration): string[] {
  return (ts.getDecorators(c) ?? []).flatMap((d) => {
    const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
    return ts.isIdentifier(e) ? [e.text] : [];
  });
}

function pascal(kebab: string): string {
  return kebab
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
