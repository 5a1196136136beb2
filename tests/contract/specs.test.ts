/**
 * The trimmed OpenAPI descriptions in tests/contract/specs/ are whole: unedited since
 * `npm run specs:trim` wrote them, every operation it was told to keep is there, every reference
 * resolves inside its own file, and the OpenAPI 3.0 structure the contract test relies on holds.
 * (A check against the OpenAPI 3.0 meta-schema would need that schema and a draft-04 Ajv, which
 * the project does not depend on; the rules below are the ones that matter here.)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseForAjv, openApiAjv, SPEC_FILES, SPECS_DIR } from './openapi';

interface ManifestEntry {
  file: string;
  trimmedSha256: string;
  operations: { method: string; path: string }[];
}
type Node = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const manifest = (JSON.parse(readFileSync(join(SPECS_DIR, 'sources.json'), 'utf8')) as { files: ManifestEntry[] })
  .files;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `$ref` and discriminator mapping in a document, with where it sits. */
function references(node: unknown, at = '#', found: { ref: string; at: string }[] = []) {
  if (Array.isArray(node)) node.forEach((item, i) => references(item, `${at}/${i}`, found));
  else if (isNode(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push({ ref: value, at });
      if (key === 'discriminator' && isNode(value) && isNode(value.mapping)) {
        for (const target of Object.values(value.mapping))
          if (typeof target === 'string') found.push({ ref: target, at });
      }
      references(value, `${at}/${key}`, found);
    }
  }
  return found;
}

function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isNode(node) && !Array.isArray(node)) return undefined;
    node = (node as Node)[part];
  }
  return node;
}

const pointer = (...parts: string[]) => `#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** Where each request and response body schema of the kept operations sits (responses declared in place). */
function mediaTypeSchemas(doc: Node): string[] {
  const found: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Node>)) {
    for (const method of Object.keys(item).filter((k) => METHODS.includes(k))) {
      const op = item[method] as Node;
      const bodies: [string[], unknown][] = [
        [['requestBody'], op.requestBody],
        ...Object.entries((op.responses as Node | undefined) ?? {}).map(
          ([status, r]) => [['responses', status], r] as [string[], unknown],
        ),
      ];
      for (const [at, body] of bodies) {
        if (!isNode(body) || !isNode(body.content)) continue;
        for (const [type, media] of Object.entries(body.content)) {
          if (isNode(media) && media.schema !== undefined) {
            found.push(pointer('paths', path, method, ...at, 'content', type, 'schema'));
          }
        }
      }
    }
  }
  return found;
}

/** Follows a `$ref` (a parameter, response or request body may be one). */
const deref = (doc: unknown, node: unknown): unknown =>
  isNode(node) && typeof node.$ref === 'string' ? deref(doc, resolve(doc, node.$ref)) : node;

describe('the trimmed OpenAPI descriptions', () => {
  it('are exactly the files the manifest lists, one for each spec the contract test loads', () => {
    const onDisk = readdirSync(SPECS_DIR).filter((f) => f.endsWith('.json') && f !== 'sources.json');
    expect(onDisk.sort()).toEqual(manifest.map((e) => e.file).sort());
    expect(
      Object.values(SPEC_FILES)
        .map((s) => s.file)
        .sort(),
    ).toEqual(onDisk.sort());
  });

  describe.each(manifest.map((e) => [e.file, e] as const))('%s', (file, entry) => {
    const text = readFileSync(join(SPECS_DIR, file), 'utf8');
    const doc = JSON.parse(text) as Node;
    const paths = doc.paths as Record<string, Node>;

    it('is the file `npm run specs:trim` wrote (SHA-256 as in sources.json)', () => {
      expect(createHash('sha256').update(text).digest('hex')).toBe(entry.trimmedSha256);
    });

    it('is OpenAPI 3.0 with info, servers and its security schemes', () => {
      expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
      expect(isNode(doc.info) && typeof doc.info.title === 'string' && typeof doc.info.version === 'string').toBe(true);
      expect(Array.isArray(doc.servers) && doc.servers.length > 0).toBe(true);
      const schemes = (doc.components as Node).securitySchemes;
      expect(isNode(schemes) && Object.keys(schemes).length > 0).toBe(true);
    });

    it('keeps every operation the trimmer was told to keep, and no other', () => {
      const kept = Object.entries(paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((k) => METHODS.includes(k))
          .map((method) => `${method} ${path}`),
      );
      expect(kept.sort()).toEqual(entry.operations.map((o) => `${o.method} ${o.path}`).sort());
    });

    it('resolves every $ref inside the file', () => {
      const dangling = references(doc).filter(({ ref }) => resolve(doc, ref) === undefined);
      expect(dangling).toEqual([]);
    });

    it('has well-formed operations: responses, parameters, and every path template variable declared', () => {
      const problems: string[] = [];
      for (const [path, item] of Object.entries(paths)) {
        if (!path.startsWith('/')) problems.push(`${path}: does not start with /`);
        for (const method of Object.keys(item).filter((k) => METHODS.includes(k))) {
          const op = item[method] as Node;
          const where = `${method.toUpperCase()} ${path}`;
          const responses = op.responses;
          if (!isNode(responses) || Object.keys(responses).length === 0) problems.push(`${where}: no responses`);
          else {
            for (const status of Object.keys(responses)) {
              if (!/^(default|[1-5](\d\d|XX))$/.test(status)) problems.push(`${where}: response key ${status}`);
            }
          }
          const params = [
            ...((item.parameters as unknown[] | undefined) ?? []),
            ...((op.parameters as unknown[] | undefined) ?? []),
          ].map((p) => deref(doc, p) as Node);
          for (const p of params) {
            if (typeof p.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(p.in as string)) {
              problems.push(`${where}: parameter ${JSON.stringify(p).slice(0, 80)}`);
            }
            if (p.in === 'path' && p.required !== true)
              problems.push(`${where}: path parameter ${String(p.name)} not required`);
          }
          for (const variable of path.matchAll(/\{([^}]+)\}/g)) {
            if (!params.some((p) => p.in === 'path' && p.name === variable[1])) {
              problems.push(`${where}: {${variable[1]}} has no path parameter`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('compiles every schema it holds with Ajv, as the contract test does', () => {
      const copy = JSON.parse(text) as Node;
      normaliseForAjv(copy);
      const ajv = openApiAjv();
      ajv.addSchema(copy, file);
      const schemaRefs = [
        ...Object.keys(((copy.components as Node).schemas as Node | undefined) ?? {}).map((name) =>
          pointer('components', 'schemas', name),
        ),
        ...mediaTypeSchemas(copy),
      ];
      for (const ref of schemaRefs) expect(() => ajv.compile({ $ref: `${file}${ref}` }), ref).not.toThrow();
    });
  });
});
