import { checkArchitecture, sqlTables } from './rules';
import { parse } from './source-files';

const entity = (lib: string, file: string, table: string, name: string) =>
  parse(`libs/${lib}/src/entities/${file}.entity.ts`, `@Entity({ name: '${table}' }) export class ${name} {}`);
const CASES = entity('cases', 'case', 'cases', 'CaseEntity');
const ASSIGNMENTS = entity('dispatch', 'case-assignment', 'case_assignments', 'CaseAssignmentEntity');
const check = (path: string, text: string) => checkArchitecture([CASES, ASSIGNMENTS, parse(path, text)]);
const rules = (path: string, text: string) => check(path, text).map((v) => `${v.rule}: ${v.message}`);

describe('architecture rules', () => {
  it('accept a repository that touches its own library’s table', () => {
    const repo = `export class CasesRepository {
      get(id: string) { return this.db.manager.query('SELECT * FROM cases WHERE id = $1', [id]); }
    }`;
    expect(check('libs/cases/src/cases.repository.ts', repo)).toEqual([]);
  });

  it('refuse SQL on another library’s table, even in a repository', () => {
    const repo = `export class OrdersRepository {
      n() { return this.db.manager.query(\`SELECT count(*) FROM cases c JOIN case_assignments a ON a.case_id = c.id\`); }
    }`;
    expect(rules('libs/dispatch/src/orders.repository.ts', repo)).toEqual([
      "table-owner: touches table cases, owned by libs/cases (call that library's services instead)",
    ]);
  });

  it('refuse another library’s entity used as a value, but not as a type', () => {
    const typeOnly = `import type { CaseEntity } from '@hotline/cases'; export function f(c: CaseEntity): string { return c.id; }`;
    expect(check('libs/dispatch/src/domain/x.ts', typeOnly)).toEqual([]);
    const value = `import { CaseEntity } from '@hotline/cases';
      export class AssignmentsRepository { x() { return this.db.manager.findOneBy(CaseEntity, { id: '1' }); } }`;
    expect(rules('libs/dispatch/src/assignments.repository.ts', value)).toEqual([
      "table-owner: uses entity CaseEntity (table cases, owned by libs/cases) as a value: only its owner's repositories may",
    ]);
  });

  it('refuse a QueryBuilder naming another library’s table', () => {
    const repo = `export class CallbacksRepository { q() { return this.db.manager.createQueryBuilder().from('cases', 'c'); } }`;
    expect(check('libs/callbacks/src/callbacks.repository.ts', repo).map((v) => v.rule)).toEqual(['table-owner']);
  });

  it('refuse SQL and the EntityManager in a service, and in the apps', () => {
    const service = `import { EntityManager } from 'typeorm';
      export class CallbacksService { due() { return this.db.manager.query('SELECT id FROM cases'); } }`;
    expect(rules('libs/cases/src/callbacks.service.ts', service)).toEqual([
      "data-access: imports typeorm outside a repository (SQL lives in the owner library's *.repository.ts)",
      "data-access: calls .query() outside a repository (SQL lives in the owner library's *.repository.ts)",
      "data-access: reaches the EntityManager (.manager) outside a repository (SQL lives in the owner library's *.repository.ts)",
      "data-access: writes SQL outside a repository (SQL lives in the owner library's *.repository.ts)",
    ]);
    expect(
      check(
        'apps/api/src/cases/x.controller.ts',
        `export class XController { q() { return 'DELETE FROM cases'; } }`,
      ).map((v) => v.rule),
    ).toEqual(['table-owner', 'data-access']);
  });

  it('allow a module to register its entities', () => {
    const module = `import { TypeOrmModule } from '@nestjs/typeorm'; @Module({}) export class CasesModule {}`;
    expect(check('libs/cases/src/cases.module.ts', module)).toEqual([]);
  });

  it('name classes by their kind and file', () => {
    expect(
      check('libs/cases/src/case-commands.service.ts', '@Injectable() export class CaseCommandsService {}'),
    ).toEqual([]);
    expect(rules('libs/cases/src/case-store.service.ts', '@Injectable() export class CaseStore {}')).toEqual([
      'names: class CaseStore in case-store.service.ts must be called CaseStoreService',
    ]);
    expect(rules('libs/cases/src/case-store.ts', '@Injectable() export class CaseStore {}')).toEqual([
      'names: Nest class CaseStore must live in a <name>.<kind>.ts file (controller, service, repository, consumer, job, module, entity, guard, filter, pipe, middleware, interceptor, indicator, constraint)',
    ]);
    expect(rules('apps/api/src/x/dto/x.dto.ts', 'export class XRequest {}')).toEqual([
      'names: class XRequest in a DTO file must end with Dto',
    ]);
    expect(rules('libs/cases/src/caseStore.ts', 'export const x = 1;')).toEqual([
      'names: file name caseStore.ts is not kebab-case',
    ]);
  });

  it('read table names out of SQL, not out of prose', () => {
    expect(sqlTables('SELECT a FROM cases c JOIN case_events e ON true')).toEqual(['cases', 'case_events']);
    expect(sqlTables(`UPDATE case_deadlines SET status = 'met'`)).toEqual(['case_deadlines']);
    expect(sqlTables(`SELECT nextval('case_number_seq') AS n`)).toEqual(['case_number_seq']);
    expect(sqlTables('Cannot dispatch a case that is closed (allowed from: registered)')).toEqual([]);
  });
});
