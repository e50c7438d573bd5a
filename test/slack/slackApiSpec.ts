import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { SHARED_DIR } from '../support/sharedDir.js';

/** The official Slack Web API description (OpenAPI 2), see shared/specs/SOURCE.md. */
export const SPECS_DIR = process.env.SLACK_SPECS_DIR ?? resolve(SHARED_DIR, 'specs/slack');

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface Operation {
  parameters?: Parameter[];
  security?: { slackAuth?: string[] }[];
}

export interface MethodSpec {
  params: Map<string, Parameter>;
  /** Any one of these scopes allows the call ('none': no scope needed). */
  scopes: string[];
}

let cache: Map<string, MethodSpec> | undefined;

/**
 * Methods Slack added after the spec snapshot (2021-09, see SOURCE.md), described from Slack's
 * method reference (docs.slack.dev/reference/methods/<method>): Socket Mode's
 * apps.connections.open (app-level token, no parameters) and the two halves of the external file
 * upload that files.uploadV2 drives. Note the reference names the alt text `alt_txt`.
 */
const NEWER_METHODS: Record<string, { required: string[]; optional: string[]; scopes: string[] }> = {
  'apps.connections.open': { required: [], optional: [], scopes: ['none'] },
  'files.getUploadURLExternal': { required: ['token', 'filename', 'length'], optional: ['alt_txt', 'snippet_type'], scopes: ['files:write'] },
  'files.completeUploadExternal': { required: ['token', 'files'], optional: ['channel_id', 'thread_ts', 'channels', 'initial_comment', 'blocks'], scopes: ['files:write'] },
};

function newerMethod(spec: (typeof NEWER_METHODS)[string]): MethodSpec {
  const params = new Map<string, Parameter>();
  for (const name of spec.required) params.set(name, { name, in: 'formData', required: true });
  for (const name of spec.optional) params.set(name, { name, in: 'formData' });
  return { params, scopes: spec.scopes };
}

/** Every Web API method of the spec, by name (chat.postMessage …). */
export function webApiSpec(): Map<string, MethodSpec> {
  if (cache) return cache;
  const doc = JSON.parse(gunzipSync(readFileSync(`${SPECS_DIR}/web-api-openapi-v2.json.gz`)).toString('utf8')) as { paths: Record<string, Record<string, Operation>> };
  cache = new Map();
  for (const [path, verbs] of Object.entries(doc.paths)) {
    const params = new Map<string, Parameter>();
    const scopes = new Set<string>();
    for (const op of Object.values(verbs)) {
      for (const p of op.parameters ?? []) params.set(p.name, p);
      for (const s of op.security ?? []) for (const scope of s.slackAuth ?? []) scopes.add(scope.replace(/:(bot|user)$/, ''));
    }
    cache.set(path.replace(/^\//, ''), { params, scopes: [...scopes] });
  }
  for (const [method, spec] of Object.entries(NEWER_METHODS)) cache.set(method, newerMethod(spec));
  return cache;
}

/**
 * Checks one call against the spec: the method exists, every required parameter is present
 * (the token may come as a Bearer header), no parameter is unknown, and the granted scopes allow it.
 */
export function checkCall(method: string, params: Record<string, unknown>, hasBearer: boolean, grantedScopes?: readonly string[]): string[] {
  const spec = webApiSpec().get(method);
  if (!spec) return [`${method}: no such method in the Slack Web API`];
  const problems: string[] = [];
  for (const p of spec.params.values()) {
    const present = params[p.name] !== undefined || (p.name === 'token' && hasBearer);
    if (p.required && !present) problems.push(`${method}: required parameter ${p.name} missing`);
  }
  for (const name of Object.keys(params)) {
    if (!spec.params.has(name)) problems.push(`${method}: unknown parameter ${name}`);
  }
  if (grantedScopes && !spec.scopes.includes('none') && !spec.scopes.some((s) => grantedScopes.includes(s))) {
    problems.push(`${method}: needs one of the scopes ${spec.scopes.join(', ')}; the manifest grants ${grantedScopes.join(', ')}`);
  }
  return problems;
}

/** A minimal JSON Schema (draft 7) check: type, required, properties, items, minItems, uniqueItems. */
export function schemaProblems(schema: Record<string, unknown>, value: unknown, at = '$'): string[] {
  const problems: string[] = [];
  const type = schema.type as string | undefined;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type && !(type === actual || (type === 'number' && actual === 'integer'))) return [`${at}: expected ${type}, got ${actual}`];
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in obj)) problems.push(`${at}.${key}: required`);
    for (const [key, sub] of Object.entries((schema.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
      if (key in obj) problems.push(...schemaProblems(sub, obj[key], `${at}.${key}`));
    }
  }
  if (actual === 'array') {
    const arr = value as unknown[];
    if (typeof schema.minItems === 'number' && arr.length < schema.minItems) problems.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.uniqueItems && new Set(arr.map((x) => JSON.stringify(x))).size !== arr.length) problems.push(`${at}: items not unique`);
    if (schema.items) arr.forEach((x, i) => problems.push(...schemaProblems(schema.items as Record<string, unknown>, x, `${at}[${i}]`)));
  }
  return problems;
}

export const eventWrapperSchema = (): Record<string, unknown> =>
  JSON.parse(readFileSync(`${SPECS_DIR}/event-wrapper-schema.json`, 'utf8')) as Record<string, unknown>;
