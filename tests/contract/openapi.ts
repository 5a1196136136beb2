/**
 * Validation against Atlassian's official OpenAPI descriptions (OpenAPI 3.0, via Ajv), trimmed to the
 * operations Relink uses and kept in tests/contract/specs/ (written by `npm run specs:trim`; their
 * provenance is in specs/SOURCES.md). Each spec document is registered once; a response is checked
 * against the schema the spec gives for its operation and status. A status the spec gives no JSON
 * schema for is reported as such, so the caller must find it in the list of undescribed responses
 * (undescribed.ts).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SPECS_DIR = join(import.meta.dirname, 'specs');

export type SpecName = 'jira' | 'org' | 'user-management';
export const SPEC_FILES: Record<SpecName, { file: string; pathPrefix: string }> = {
  jira: { file: 'jira-platform-v3.json', pathPrefix: '' },
  org: { file: 'admin-organization-2023.json', pathPrefix: '/admin' },
  'user-management': { file: 'admin-user-management-2023.json', pathPrefix: '' },
};

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, ResponseObject> }
    >
  >;
  components?: { responses?: Record<string, ResponseObject> };
}

/**
 * OpenAPI 3.0 allows `nullable` without `type` (in allOf/$ref wrappers); Ajv refuses to compile that.
 * Dropping such a `nullable` only loosens nothing: without a type, null was never excluded.
 */
export function normaliseForAjv(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(normaliseForAjv);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if ('nullable' in record && !('type' in record)) delete record.nullable;
  for (const value of Object.values(record)) normaliseForAjv(value);
}

/**
 * An Ajv that compiles OpenAPI 3.0 schemas: OpenAPI's own formats are accepted as annotations.
 * `discriminator` stays an annotation too: Ajv cannot use its `mapping`, and plain oneOf checks the same thing here.
 */
export function openApiAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
  return ajv;
}

const ajv = openApiAjv();

const docs = new Map<SpecName, OpenApiDoc>();
function doc(name: SpecName): OpenApiDoc {
  let loaded = docs.get(name);
  if (!loaded) {
    loaded = JSON.parse(readFileSync(join(SPECS_DIR, SPEC_FILES[name].file), 'utf8')) as OpenApiDoc;
    normaliseForAjv(loaded);
    ajv.addSchema(loaded, name);
    docs.set(name, loaded);
  }
  return loaded;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The spec's path template for a concrete request path, e.g. /v2/orgs/{orgId}/workspaces. */
export function specPath(name: SpecName, path: string): string | null {
  const relative = path.startsWith(SPEC_FILES[name].pathPrefix) ? path.slice(SPEC_FILES[name].pathPrefix.length) : path;
  const templates = Object.keys(doc(name).paths);
  if (templates.includes(relative)) return relative;
  return (
    templates.find((t) => {
      const re = new RegExp(
        `^${t
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/\\?\{[^}]+\\?\}/g, '[^/]+')
          .replace(/\{[^}]+\}/g, '[^/]+')}$`,
      );
      return re.test(relative);
    }) ?? null
  );
}

const compiled = new Map<string, ValidateFunction>();
function validatorAt(name: SpecName, ref: string): ValidateFunction {
  const key = `${name}#${ref}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile({ $ref: key });
    compiled.set(key, fn);
  }
  return fn;
}

export type Verdict = { kind: 'valid' } | { kind: 'invalid'; errors: string } | { kind: 'undescribed'; reason: string };

export function checkResponse(name: SpecName, method: string, path: string, status: number, body: unknown): Verdict {
  const template = specPath(name, path);
  if (!template) return { kind: 'undescribed', reason: `no path ${path} in the ${name} spec` };
  const operation = doc(name).paths[template]?.[method.toLowerCase()];
  if (!operation) return { kind: 'undescribed', reason: `no ${method} ${template} in the ${name} spec` };
  const statusKey = operation.responses?.[String(status)] ? String(status) : 'default';
  let response = operation.responses?.[statusKey];
  let location = ['paths', template, method.toLowerCase(), 'responses', statusKey];
  if (response?.$ref?.startsWith('#/components/responses/')) {
    const refName = response.$ref.slice('#/components/responses/'.length);
    response = doc(name).components?.responses?.[refName];
    location = ['components', 'responses', refName];
  }
  if (!response)
    return { kind: 'undescribed', reason: `${method} ${template} has no ${status} response in the ${name} spec` };
  if (!response.content?.['application/json']?.schema) {
    return { kind: 'undescribed', reason: `${method} ${template} ${status} has no JSON schema in the ${name} spec` };
  }
  const fn = validatorAt(name, `/${pointer(...location, 'content', 'application/json', 'schema')}`);
  return fn(body) ? { kind: 'valid' } : { kind: 'invalid', errors: ajv.errorsText(fn.errors, { separator: '\n' }) };
}

export function checkRequestBody(name: SpecName, method: string, path: string, body: unknown): Verdict {
  const template = specPath(name, path);
  const operation = template ? doc(name).paths[template]?.[method.toLowerCase()] : undefined;
  if (!template || !operation?.requestBody?.content?.['application/json']?.schema) {
    return { kind: 'undescribed', reason: `${method} ${path} has no JSON request body in the ${name} spec` };
  }
  const fn = validatorAt(
    name,
    `/${pointer('paths', template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema')}`,
  );
  return fn(body) ? { kind: 'valid' } : { kind: 'invalid', errors: ajv.errorsText(fn.errors, { separator: '\n' }) };
}
