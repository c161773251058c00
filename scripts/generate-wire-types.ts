/**
 * Generates `src/webex/wire/*.generated.ts` from the vendored official Webex OpenAPI files.
 *
 * Each spec is pruned to the operations this project uses plus the component schemas they reach
 * (transitively), then fed to openapi-typescript's programmatic API. The output is a faithful
 * translation of the official files: quirks are corrected by hand in `src/webex/wire/index.ts`,
 * never here.
 *
 * Run with `npm run gen:wire`. `test/webex/wire.test.ts` regenerates in memory (via
 * `generateWireTypes()`) and fails when the committed files drift from the specs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

export const REPO_ROOT = path.resolve(__dirname, '..');

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

interface WireSpec {
  /** Spec file, relative to the repository root. */
  spec: string;
  /** Generated file, relative to the repository root. */
  output: string;
  /** Path template → methods the project uses. */
  operations: Record<string, HttpMethod[]>;
}

/** The Webex operations the project calls (bot, emulator and tools). Keep in sync with the code. */
export const WIRE_SPECS: readonly WireSpec[] = [
  {
    spec: 'spec/webex-openapi/webex-device.json',
    output: 'src/webex/wire/device.generated.ts',
    operations: {
      '/workspaces': ['get'],
      '/workspaces/{workspaceId}': ['get'],
      '/workspaces/{workspaceId}/capabilities': ['get'],
      '/locations': ['get'],
      '/locations/{locationId}': ['get'],
      '/locations/{locationId}/floors': ['get'],
      '/workspaceMetrics': ['get'],
      '/workspaceDurationMetrics': ['get'],
    },
  },
  {
    spec: 'spec/webex-openapi/webex-messaging.json',
    output: 'src/webex/wire/messaging.generated.ts',
    operations: {
      '/people/me': ['get'],
      '/people': ['get'],
      '/people/{personId}': ['get'],
      '/rooms': ['get', 'post'],
      '/rooms/{roomId}': ['get', 'delete'],
      '/memberships': ['get', 'post'],
      '/memberships/{membershipId}': ['get', 'delete'],
      '/messages': ['get', 'post'],
      '/messages/{messageId}': ['get', 'delete'],
      '/attachment/actions': ['post'],
      '/attachment/actions/{id}': ['get'],
      '/webhooks': ['get', 'post'],
      '/webhooks/{webhookId}': ['get', 'put', 'delete'],
    },
  },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every local `$ref` (`#/components/<kind>/<name>`) found anywhere inside `value`. */
function collectRefs(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.add(child);
      else collectRefs(child, into);
    }
  }
}

function resolvePointer(doc: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
  let node: Json | undefined = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return node;
}

/**
 * Copy of an operation without the whole-payload `example`/`examples` of its request and response
 * media types: they only become long JSDoc blocks (about a fifth of the output) and the same
 * values appear as property-level `@example`s. Types are unaffected.
 */
function withoutMediaExamples(operation: JsonObject): JsonObject {
  const strip = (media: Json | undefined): Json | undefined => {
    if (!isObject(media)) return media;
    const content: JsonObject = {};
    for (const [type, body] of Object.entries(media)) {
      if (!isObject(body)) {
        content[type] = body;
        continue;
      }
      const { example: _example, examples: _examples, ...rest } = body;
      content[type] = rest;
    }
    return content;
  };
  const copy: JsonObject = { ...operation };
  if (isObject(copy.requestBody))
    copy.requestBody = { ...copy.requestBody, content: strip(copy.requestBody.content) ?? null };
  if (isObject(copy.responses)) {
    const responses: JsonObject = {};
    for (const [status, response] of Object.entries(copy.responses)) {
      responses[status] =
        isObject(response) && response.content !== undefined
          ? { ...response, content: strip(response.content) ?? null }
          : response;
    }
    copy.responses = responses;
  }
  return copy;
}

/**
 * Returns a copy of `spec` holding only the listed operations and the components they reach.
 * Throws when an operation or a `$ref` is missing, so a spec update cannot silently drop one.
 */
export function pruneSpec(spec: JsonObject, operations: Record<string, readonly HttpMethod[]>): JsonObject {
  const sourcePaths = spec.paths;
  if (!isObject(sourcePaths)) throw new Error('spec has no paths');
  const paths: JsonObject = {};
  for (const [template, methods] of Object.entries(operations)) {
    const item = sourcePaths[template];
    if (!isObject(item)) throw new Error(`spec has no path ${template}`);
    const kept: JsonObject = {};
    // Path-level parameters apply to every operation of the path.
    if (item.parameters !== undefined) kept.parameters = item.parameters;
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation)) throw new Error(`spec has no operation ${method.toUpperCase()} ${template}`);
      kept[method] = withoutMediaExamples(operation);
    }
    paths[template] = kept;
  }

  // Follow $refs transitively.
  const seen = new Set<string>();
  const queue = new Set<string>();
  collectRefs(paths, queue);
  const components: Record<string, JsonObject> = {};
  while (queue.size > 0) {
    const [ref] = queue;
    queue.delete(ref!);
    if (seen.has(ref!)) continue;
    seen.add(ref!);
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref!);
    if (!match) throw new Error(`Unsupported $ref ${ref}`);
    const target = resolvePointer(spec, ref!);
    if (target === undefined) throw new Error(`Unresolved $ref ${ref}`);
    const kind = match[1]!;
    const name = match[2]!.replace(/~1/g, '/').replace(/~0/g, '~');
    components[kind] ??= {};
    components[kind][name] = target;
    collectRefs(target, queue);
  }

  // Keep the spec's own component order so the output is stable and easy to diff.
  const sourceComponents = isObject(spec.components) ? spec.components : {};
  const orderedComponents: JsonObject = {};
  for (const [kind, entries] of Object.entries(sourceComponents)) {
    const picked = components[kind];
    if (!picked || !isObject(entries)) continue;
    const ordered: JsonObject = {};
    for (const name of Object.keys(entries)) if (name in picked) ordered[name] = picked[name]!;
    orderedComponents[kind] = ordered;
  }

  const pruned: JsonObject = { openapi: spec.openapi ?? '3.0.0', info: spec.info ?? {}, paths };
  pruned.components = orderedComponents;
  return pruned;
}

function header(wire: WireSpec, pruned: JsonObject): string {
  const count = Object.values(wire.operations).reduce((n, methods) => n + methods.length, 0);
  const schemas =
    isObject(pruned.components) && isObject(pruned.components.schemas) ? pruned.components.schemas : {};
  return [
    `// Generated by scripts/generate-wire-types.ts from ${wire.spec} — do not edit.`,
    `// Pruned to the ${count} operations the project uses and the ${Object.keys(schemas).length} component schemas they reach.`,
    '// Regenerate with `npm run gen:wire`; import Webex shapes from `src/webex/wire` (index.ts), not from here.',
    '',
  ].join('\n');
}

/** Generated file path (relative to the repository root, POSIX separators) → file content. */
export async function generateWireTypes(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const wire of WIRE_SPECS) {
    const spec = JSON.parse(readFileSync(path.join(REPO_ROOT, wire.spec), 'utf8')) as JsonObject;
    const pruned = pruneSpec(spec, wire.operations);
    // The pruned document is plain JSON built from an OpenAPI 3.0 file; openapi-typescript takes it as is.
    const ast = await openapiTS(pruned as unknown as OpenAPI3, { silent: true });
    files[wire.output] = `${header(wire, pruned)}\n${astToString(ast)}`;
  }
  return files;
}

async function main(): Promise<void> {
  const files = await generateWireTypes();
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(path.join(REPO_ROOT, file), content);
    process.stdout.write(`wrote ${file} (${Buffer.byteLength(content)} bytes)\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
