import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON schema as @nestjs/swagger writes it into openapi.json (the parts the fuzzer reads). */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template, e.g. /api/v1/cases/{id}/dispatch. */
  path: string;
  parameters: Parameter[];
  body: Schema | null;
  secured: boolean;
}

/** Every operation of the committed openapi.json (generated from the code), with $refs resolved. */
export function loadOperations(file = join(__dirname, '..', '..', 'openapi.json')): Operation[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Parameter[];
          requestBody?: { content: Record<string, { schema: Schema }> };
          security?: unknown[];
        }
      >
    >;
    components: { schemas: Record<string, Schema> };
  };
  const resolve = (schema: Schema, depth = 0): Schema => {
    if (depth > 8) return {};
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()!] ?? {}, depth + 1);
    const merged: Schema = schema.allOf
      ? { ...schema.allOf.reduce<Schema>((all, part) => ({ ...all, ...resolve(part, depth + 1) }), {}), ...schema }
      : schema;
    return {
      ...merged,
      allOf: undefined,
      items: merged.items ? resolve(merged.items, depth + 1) : undefined,
      properties: merged.properties
        ? Object.fromEntries(
            Object.entries(merged.properties).map(([k, v]): [string, Schema] => [k, resolve(v, depth + 1)]),
          )
        : undefined,
    };
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      parameters: (op.parameters ?? []).map((p) => ({
        ...p,
        required: p.required ?? false,
        schema: resolve(p.schema ?? {}),
      })),
      body: op.requestBody ? resolve(Object.values(op.requestBody.content)[0].schema) : null,
      secured: (op.security ?? []).length > 0,
    })),
  );
}
