/**
 * Cuts Atlassian's official OpenAPI descriptions down to what Relink touches, so the contract
 * tests run from files inside the repository (tests/contract/specs/).
 *
 *   npm run specs:trim -- <folder holding the full upstream files>
 *
 * Each trimmed file keeps `openapi`, `info`, `servers`, `externalDocs`, the top-level `security`,
 * every security scheme, the operations listed below (with their path-level parameters) and every
 * component they reach through `$ref`, followed transitively. Nothing else: the long narrative,
 * the other ~400 Jira paths and the schemas only those use are left out. What is kept is copied
 * unchanged, so a kept operation validates exactly as it does against the full file (checked below).
 *
 * Output is deterministic: fixed top-level order, paths and component names sorted, methods in
 * the order OpenAPI lists them, everything else in the source's own order, JSON with 2-space indent.
 * sources.json (read by the contract tests) and SOURCES.md record each file's provenance and hashes;
 * a file's `trimmed` date only moves when its source or its output changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const OUT_DIR = join(import.meta.dirname, '../tests/contract/specs');

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Method = (typeof METHODS)[number];

interface Operation {
  method: Method;
  /** The path as the spec writes it (relative to the spec's server URL). */
  path: string;
  /** Who relies on it: Relink's client (utils/atlassian/), the simulator (tests/sim/routes/), or both. */
  usedBy: 'client' | 'simulator' | 'client, simulator';
}

interface Source {
  file: string;
  upstream: string;
  /** Where a copy with this SHA-256 came from. A source with an unknown hash is trimmed all the same, and flagged. */
  knownCopies: Record<string, string>;
  operations: Operation[];
}

/**
 * Every operation of the three specs that Relink's client calls or the simulator answers. Calls the
 * specs do not describe (GET /_edge/tenant_info, the v2 directory users API, PUT /rest/api/3/user)
 * are listed in tests/contract/undescribed.ts instead.
 */
const SOURCES: Source[] = [
  {
    file: 'jira-platform-v3.json',
    upstream: 'https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json',
    knownCopies: {
      ae5e7e6d5e8078c44055f28741e865bd99114d211180173922dec292a25af1fa:
        'The Jira Cloud platform REST API v3 description (OpenAPI 3.0.1, version 1001.0.0-SNAPSHOT-32b43b28…, 420 paths) in a snapshot pinned on 2026-06-10, taken unmodified from the copy kept in the public GitHub repository dichovsky/atlassian-api-client (spec/jira-platform-v3.json, commit 3c03fb96).',
    },
    operations: [
      { method: 'get', path: '/rest/api/3/applicationrole', usedBy: 'client, simulator' },
      { method: 'get', path: '/rest/api/3/auditing/record', usedBy: 'client, simulator' },
      { method: 'get', path: '/rest/api/3/group/bulk', usedBy: 'client, simulator' },
      { method: 'get', path: '/rest/api/3/group/member', usedBy: 'client, simulator' },
      { method: 'post', path: '/rest/api/3/group/user', usedBy: 'client, simulator' },
      { method: 'delete', path: '/rest/api/3/group/user', usedBy: 'client, simulator' },
      { method: 'get', path: '/rest/api/3/myself', usedBy: 'client, simulator' },
      { method: 'get', path: '/rest/api/3/mypermissions', usedBy: 'client, simulator' },
      { method: 'get', path: '/rest/api/3/serverInfo', usedBy: 'simulator' },
      { method: 'get', path: '/rest/api/3/user', usedBy: 'client, simulator' },
      { method: 'post', path: '/rest/api/3/user', usedBy: 'client, simulator' },
      { method: 'delete', path: '/rest/api/3/user', usedBy: 'simulator' },
      { method: 'get', path: '/rest/api/3/user/groups', usedBy: 'simulator' },
      { method: 'get', path: '/rest/api/3/user/search', usedBy: 'simulator' },
      { method: 'get', path: '/rest/api/3/users', usedBy: 'simulator' },
      { method: 'get', path: '/rest/api/3/users/search', usedBy: 'client, simulator' },
    ],
  },
  {
    file: 'admin-organization-2023.json',
    upstream: 'https://developer.atlassian.com/cloud/admin/organization/swagger.v3.json',
    knownCopies: {
      c721ce6be79b55a12ec996ca0eea2a3257e9f25873306717abed19a0487e4501:
        'The Atlassian Organizations REST API description of August 2023 (v1 only, plus the v2 workspaces query), taken unmodified from the copy kept in the public GitHub repository xvrh/atlassian_apis (tool/apis/admin_organization.json, commit a17e807b).',
    },
    operations: [
      { method: 'get', path: '/v1/orgs', usedBy: 'simulator' },
      { method: 'get', path: '/v1/orgs/{orgId}/events', usedBy: 'client, simulator' },
      {
        method: 'get',
        path: '/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates',
        usedBy: 'client, simulator',
      },
      { method: 'post', path: '/v2/orgs/{orgId}/workspaces', usedBy: 'client, simulator' },
      // The v1 user and group writes, retired on 30 June 2026: the simulator answers them 410 Gone.
      { method: 'post', path: '/v1/orgs/{orgId}/directory/users/{accountId}/suspend-access', usedBy: 'simulator' },
      { method: 'post', path: '/v1/orgs/{orgId}/directory/users/{accountId}/restore-access', usedBy: 'simulator' },
      { method: 'delete', path: '/v1/orgs/{orgId}/directory/users/{accountId}', usedBy: 'simulator' },
      { method: 'post', path: '/v1/orgs/{orgId}/directory/groups', usedBy: 'simulator' },
      { method: 'delete', path: '/v1/orgs/{orgId}/directory/groups/{groupId}', usedBy: 'simulator' },
      { method: 'post', path: '/v1/orgs/{orgId}/directory/groups/{groupId}/memberships', usedBy: 'simulator' },
      {
        method: 'delete',
        path: '/v1/orgs/{orgId}/directory/groups/{groupId}/memberships/{accountId}',
        usedBy: 'simulator',
      },
    ],
  },
  {
    file: 'admin-user-management-2023.json',
    upstream: 'https://developer.atlassian.com/cloud/admin/user-management/swagger.v3.json',
    knownCopies: {
      '4cee92935fb5dca3ad2747b45d283fe5fea4d201cae2b379752539e9eea9d6a5':
        'The Atlassian user management REST API description of August 2023 (managed accounts: lifecycle, profile), taken unmodified from the copy kept in the public GitHub repository xvrh/atlassian_apis (tool/apis/admin_user.json, commit 112eba7d).',
    },
    operations: [
      { method: 'post', path: '/users/{account_id}/manage/lifecycle/enable', usedBy: 'client, simulator' },
      { method: 'post', path: '/users/{account_id}/manage/lifecycle/disable', usedBy: 'simulator' },
    ],
  },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every local reference in a node: `$ref`s, and discriminator mappings (which name schemas by reference too). */
function refsIn(node: Json, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else if (key === 'discriminator' && isObject(value) && isObject(value.mapping)) {
        for (const target of Object.values(value.mapping)) if (typeof target === 'string') found.push(target);
        refsIn(value, found);
      } else refsIn(value, found);
    }
  }
  return found;
}

/** `#/components/schemas/User/properties/x` → ['schemas', 'User']; anything else is refused. */
function componentOf(ref: string, file: string): [string, string] {
  const parts = ref.split('/').map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] !== '#' || parts[1] !== 'components' || !parts[2] || !parts[3]) {
    throw new Error(`${file}: ${ref} does not point into components; the trimmer cannot follow it.`);
  }
  return [parts[2], parts[3]];
}

function trim(full: JsonObject, source: Source): JsonObject {
  const fullPaths = full.paths as Record<string, JsonObject>;
  const fullComponents = (full.components ?? {}) as Record<string, Record<string, Json>>;

  const paths: Record<string, JsonObject> = {};
  for (const path of [...new Set(source.operations.map((o) => o.path))].sort(byName)) {
    const item = fullPaths[path];
    if (!item) throw new Error(`${source.file}: no path ${path}`);
    const kept: JsonObject = {};
    // Path-level fields (parameters, summary, servers) apply to every operation under the path.
    for (const [key, value] of Object.entries(item))
      if (!(METHODS as readonly string[]).includes(key)) kept[key] = value;
    for (const method of METHODS) {
      if (!source.operations.some((o) => o.path === path && o.method === method)) continue;
      if (!item[method]) throw new Error(`${source.file}: no ${method.toUpperCase()} ${path}`);
      kept[method] = item[method];
    }
    paths[path] = kept;
  }

  // Follow references until nothing new turns up.
  const wanted = new Map<string, Map<string, Json>>();
  const section = (kind: string) => {
    const found = wanted.get(kind) ?? new Map<string, Json>();
    wanted.set(kind, found);
    return found;
  };
  const queue: Json[] = [paths];
  for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
    for (const ref of refsIn(node)) {
      const [kind, name] = componentOf(ref, source.file);
      const target = fullComponents[kind]?.[name];
      if (target === undefined) throw new Error(`${source.file}: ${ref} does not resolve in the full file`);
      if (!section(kind).has(name)) {
        section(kind).set(name, target);
        queue.push(target);
      }
    }
  }
  // Security schemes are named by operations' `security` lists, not by $ref: keep them all.
  for (const [name, scheme] of Object.entries(fullComponents.securitySchemes ?? {})) {
    section('securitySchemes').set(name, scheme);
  }

  const components: JsonObject = {};
  for (const [kind, entries] of [...wanted].sort(([a], [b]) => byName(a, b))) {
    components[kind] = Object.fromEntries([...entries].sort(([a], [b]) => byName(a, b)));
  }

  const usedTags = new Set(
    Object.values(paths).flatMap((item) =>
      METHODS.flatMap((m) => (isObject(item[m]) && Array.isArray(item[m].tags) ? item[m].tags : [])),
    ),
  );
  const out: JsonObject = {};
  for (const key of ['openapi', 'info', 'servers', 'externalDocs', 'security'] as const) {
    if (full[key] !== undefined) out[key] = full[key];
  }
  if (Array.isArray(full.tags)) {
    const tags = full.tags.filter((t) => isObject(t) && usedTags.has(t.name as string));
    if (tags.length > 0) out.tags = tags;
  }
  out.paths = paths;
  out.components = components;
  return out;
}

/** The trimmed file must answer every kept operation exactly as the full one does. */
function check(trimmed: JsonObject, full: JsonObject, source: Source): void {
  const resolves = (ref: string) => {
    const [kind, name] = componentOf(ref, source.file);
    const components = trimmed.components as Record<string, JsonObject>;
    return components[kind]?.[name] !== undefined;
  };
  const dangling = refsIn(trimmed).filter((ref) => !resolves(ref));
  if (dangling.length > 0) throw new Error(`${source.file}: unresolved after trimming: ${dangling.join(', ')}`);
  for (const { method, path } of source.operations) {
    const kept = (trimmed.paths as Record<string, JsonObject>)[path]?.[method];
    if (!isDeepStrictEqual(kept, (full.paths as Record<string, JsonObject>)[path]?.[method])) {
      throw new Error(`${source.file}: ${method.toUpperCase()} ${path} differs from the source`);
    }
  }
}

interface ManifestEntry {
  file: string;
  upstream: string;
  takenFrom: string;
  trimmed: string;
  sourceBytes: number;
  sourceSha256: string;
  trimmedBytes: number;
  trimmedSha256: string;
  operations: { method: string; path: string; usedBy: string }[];
  components: Record<string, number>;
}

function manifestMarkdown(entries: ManifestEntry[]): string {
  const lines = [
    '# Where these OpenAPI descriptions come from',
    '',
    'Trimmed copies of Atlassian’s official OpenAPI descriptions: only the operations Relink’s client',
    '(`utils/atlassian/`) calls or the simulator (`tests/sim/routes/`) answers, and every component they',
    'reference, transitively. Kept parts are unmodified. Written by `npm run specs:trim -- <folder with the',
    'full files>` (scripts/trim-specs.ts, which holds the operation list); do not edit by hand: the contract',
    'tests compare each file with the SHA-256 below. `sources.json` holds the same record for the tests.',
    '',
    'To refresh: download the upstream files into a folder, run the command, review the diff, and record',
    'in scripts/trim-specs.ts where the new copies came from.',
  ];
  for (const e of entries) {
    lines.push(
      '',
      `## ${e.file}`,
      '',
      `- Upstream: ${e.upstream}`,
      `- Taken from: ${e.takenFrom}`,
      `- Trimmed: ${e.trimmed}`,
      `- Full source: ${e.sourceBytes} bytes, SHA-256 \`${e.sourceSha256}\``,
      `- This file: ${e.trimmedBytes} bytes, SHA-256 \`${e.trimmedSha256}\``,
      `- Components kept: ${Object.entries(e.components)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ')}`,
      '',
      '| method | path | used by |',
      '| --- | --- | --- |',
      ...e.operations.map((o) => `| ${o.method.toUpperCase()} | \`${o.path}\` | ${o.usedBy} |`),
    );
  }
  return lines.join('\n') + '\n';
}

function main(): void {
  const from = process.argv[2];
  if (!from || process.argv.length > 3) {
    console.error('Usage: npm run specs:trim -- <folder holding the full OpenAPI files>');
    process.exit(2);
  }
  const sourceDir = resolve(from);
  mkdirSync(OUT_DIR, { recursive: true });
  const manifestPath = join(OUT_DIR, 'sources.json');
  const previous = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: ManifestEntry[] }).files
    : [];
  const today = new Date().toISOString().slice(0, 10);

  const entries: ManifestEntry[] = [];
  for (const source of SOURCES) {
    const raw = readFileSync(join(sourceDir, source.file));
    const full = JSON.parse(raw.toString('utf8')) as JsonObject;
    if (typeof full.openapi !== 'string' || !full.openapi.startsWith('3.0.')) {
      throw new Error(`${source.file}: expected OpenAPI 3.0, found ${JSON.stringify(full.openapi)}`);
    }
    const trimmed = trim(full, source);
    check(trimmed, full, source);
    const text = JSON.stringify(trimmed, null, 2) + '\n';
    writeFileSync(join(OUT_DIR, source.file), text);

    const sourceSha256 = sha256(raw);
    const trimmedSha256 = sha256(text);
    const known = source.knownCopies[sourceSha256];
    if (!known) {
      console.warn(
        `${source.file}: SHA-256 ${sourceSha256} is not a copy scripts/trim-specs.ts knows; record where it came from in knownCopies.`,
      );
    }
    const before = previous.find((p) => p.file === source.file);
    const unchanged = before?.sourceSha256 === sourceSha256 && before.trimmedSha256 === trimmedSha256;
    entries.push({
      file: source.file,
      upstream: source.upstream,
      takenFrom: known ?? `Unrecorded: a file named ${source.file} in a folder named ${basename(sourceDir)}.`,
      trimmed: unchanged ? before.trimmed : today,
      sourceBytes: raw.length,
      sourceSha256,
      trimmedBytes: Buffer.byteLength(text),
      trimmedSha256,
      operations: source.operations.map(({ method, path, usedBy }) => ({ method, path, usedBy })),
      components: Object.fromEntries(
        Object.entries(trimmed.components as Record<string, JsonObject>).map(([k, v]) => [k, Object.keys(v).length]),
      ),
    });
    console.log(
      `${source.file}: ${raw.length} → ${Buffer.byteLength(text)} bytes, ${source.operations.length} operations`,
    );
  }
  writeFileSync(manifestPath, JSON.stringify({ files: entries }, null, 2) + '\n');
  writeFileSync(join(OUT_DIR, 'SOURCES.md'), manifestMarkdown(entries));
}

main();
