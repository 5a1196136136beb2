/**
 * Validation against the official OpenAPI descriptions in ../shared/specs (OpenAPI 3.0, via Ajv).
 * Each spec document is registered once; a response is checked against the schema the spec
 * gives for its operation and status. A status the spec gives no JSON schema for is reported as
 * such, so the caller must find it in the list of undescribed responses (undescribed.ts).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SPECS_DIR = join(import.meta.dirname, '../../../shared/specs');

export type SpecName = 'jira' | 'org' | 'user-management';
const FILES: Record<SpecName, { file: string; pathPrefix: string }> = {
  jira: { file: 'jira-platform-v3.json', pathPrefix: '' },
  org: { file: 'admin-organization-2023.json', pathPrefix: '/admin' },
  'user-management': { file: 'admin-user-management-2023.json', pathPrefix: '' },
};

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
}

const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
addFormats(ajv);
for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true);

const docs = new Map<SpecName, OpenApiDoc>();
function doc(name: SpecName): OpenApiDoc {
  let loaded = docs.get(name);
  if (!loaded) {
    loaded = JSON.parse(readFileSync(join(SPECS_DIR, FILES[name].file), 'utf8')) as OpenApiDoc;
    ajv.addSchema(loaded as object, name);
    docs.set(name, loaded);
  }
  return loaded;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The spec's path template for a concrete request path, e.g. /v2/orgs/{orgId}/workspaces. */
export function specPath(name: SpecName, path: string): string | null {
  const relative = path.startsWith(FILES[name].pathPrefix) ? path.slice(FILES[name].pathPrefix.length) : path;
  const templates = Object.keys(doc(name).paths);
  if (templates.includes(relative)) return relative;
  return (
    templates.find((t) => {
      const re = new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+').replace(/\{[^}]+\}/g, '[^/]+')}$`);
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
  const response = operation.responses?.[String(status)] ?? operation.responses?.default;
  if (!response) return { kind: 'undescribed', reason: `${method} ${template} has no ${status} response in the ${name} spec` };
  if (!response.content?.['application/json']?.schema) {
    return { kind: 'undescribed', reason: `${method} ${template} ${status} has no JSON schema in the ${name} spec` };
  }
  const fn = validatorAt(name, `/${pointer('paths', template, method.toLowerCase(), 'responses', operation.responses?.[String(status)] ? String(status) : 'default', 'content', 'application/json', 'schema')}`);
  return fn(body) ? { kind: 'valid' } : { kind: 'invalid', errors: ajv.errorsText(fn.errors, { separator: '\n' }) };
}

export function checkRequestBody(name: SpecName, method: string, path: string, body: unknown): Verdict {
  const template = specPath(name, path);
  const operation = template ? doc(name).paths[template]?.[method.toLowerCase()] : undefined;
  if (!template || !operation?.requestBody?.content?.['application/json']?.schema) {
    return { kind: 'undescribed', reason: `${method} ${path} has no JSON request body in the ${name} spec` };
  }
  const fn = validatorAt(name, `/${pointer('paths', template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema')}`);
  return fn(body) ? { kind: 'valid' } : { kind: 'invalid', errors: ajv.errorsText(fn.errors, { separator: '\n' }) };
}
