import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { SHARED_DIR } from '../../support/sharedDir.js';

/**
 * Discord's official OpenAPI 3.1 description (shared/specs/discord/openapi.json.gz), used by the
 * fake REST API to check every call Liaison makes: the route and method exist, and the JSON
 * body fits the request schema (required fields, types, enums, lengths, item counts, and no
 * property the schema does not know). A green test means Discord would have accepted the call.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minProperties?: number;
  maxProperties?: number;
};

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
}

interface Spec {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * Fields discord.js puts in every message body, also on webhook and interaction routes whose
 * schema does not list them; Discord ignores them there (they belong to MessageCreateRequest).
 */
const IGNORED_EXTRAS = new Set(['tts', 'enforce_nonce']);

const SPEC_FILE = resolve(SHARED_DIR, 'specs/discord/openapi.json.gz');

export class OpenApiSpec {
  private readonly spec: Spec;
  private readonly routes: { template: string; pattern: RegExp; params: number }[];

  constructor(file = process.env.DISCORD_OPENAPI_SPEC ?? SPEC_FILE) {
    this.spec = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Spec;
    this.routes = Object.keys(this.spec.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      // A literal segment (@original, @me) wins over a parameter.
      .sort((a, b) => a.params - b.params);
  }

  /** The spec's route template for a request path (after /api/v10), or undefined. */
  route(path: string): string | undefined {
    return this.routes.find((r) => r.pattern.test(path))?.template;
  }

  /** Problems with one call: unknown route or method, unknown query parameter, body not fitting. */
  check(method: string, path: string, query: URLSearchParams, body: unknown): string[] {
    const template = this.route(path);
    if (!template) return [`${method} ${path}: no such route in Discord's API`];
    const op = this.spec.paths[template]?.[method.toLowerCase()] as Operation | undefined;
    if (!op) return [`${method} ${template}: method not allowed by Discord's API`];
    const problems: string[] = [];
    const known = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of query.keys()) if (!known.has(name)) problems.push(`${method} ${template}: unknown query parameter ${name}`);
    const schema = op.requestBody?.content?.['application/json']?.schema;
    if (schema && body !== undefined) problems.push(...this.validate(schema, body, 'body').map((p) => `${method} ${template}: ${p}`));
    if (!schema && body !== undefined && body !== null) problems.push(`${method} ${template}: takes no JSON body`);
    return problems;
  }

  /** Whether the route takes a multipart/form-data body (files[n] and payload_json). */
  acceptsMultipart(method: string, path: string): boolean {
    const template = this.route(path);
    const op = template ? (this.spec.paths[template]?.[method.toLowerCase()] as Operation | undefined) : undefined;
    return op?.requestBody?.content?.['multipart/form-data'] !== undefined;
  }

  validate(schema: Schema, value: unknown, at: string): string[] {
    const s = this.resolve(schema);
    const problems: string[] = [];
    for (const part of s.allOf ?? []) problems.push(...this.validate(part, value, at));
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) {
      const results = alternatives.map((alt) => this.validate(alt, value, at));
      if (!results.some((r) => r.length === 0)) {
        const best = results.reduce((a, b) => (b.length < a.length ? b : a));
        problems.push(...best);
      }
    }
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      const actual = jsonType(value);
      if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
        return [...problems, `${at}: expected ${types.join(' or ')}, got ${actual}`];
      }
    }
    if (s.enum && !s.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
    if (s.const !== undefined && s.const !== value) problems.push(`${at}: expected ${JSON.stringify(s.const)}`);
    if (typeof value === 'string') {
      const length = [...value].length;
      if (s.minLength !== undefined && length < s.minLength) problems.push(`${at}: shorter than ${s.minLength} characters`);
      if (s.maxLength !== undefined && length > s.maxLength) problems.push(`${at}: longer than ${s.maxLength} characters (${length})`);
    }
    if (typeof value === 'number') {
      if (s.minimum !== undefined && value < s.minimum) problems.push(`${at}: below ${s.minimum}`);
      if (s.maximum !== undefined && value > s.maximum) problems.push(`${at}: above ${s.maximum}`);
    }
    if (Array.isArray(value)) {
      if (s.minItems !== undefined && value.length < s.minItems) problems.push(`${at}: fewer than ${s.minItems} items`);
      if (s.maxItems !== undefined && value.length > s.maxItems) problems.push(`${at}: more than ${s.maxItems} items (${value.length})`);
      if (s.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) problems.push(`${at}: items not unique`);
      if (s.items) value.forEach((item, i) => problems.push(...this.validate(s.items!, item, `${at}[${i}]`)));
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const obj = value as Record<string, unknown>;
      for (const key of s.required ?? []) if (!(key in obj)) problems.push(`${at}: missing required ${key}`);
      const keys = Object.keys(obj);
      if (s.minProperties !== undefined && keys.length < s.minProperties) problems.push(`${at}: fewer than ${s.minProperties} properties`);
      if (s.maxProperties !== undefined && keys.length > s.maxProperties) problems.push(`${at}: more than ${s.maxProperties} properties`);
      for (const key of keys) {
        const prop = s.properties?.[key];
        if (prop) problems.push(...this.validate(prop, obj[key], `${at}.${key}`));
        else if (typeof s.additionalProperties === 'object') problems.push(...this.validate(s.additionalProperties, obj[key], `${at}.${key}`));
        else if (s.properties && s.additionalProperties !== true && !IGNORED_EXTRAS.has(key)) problems.push(`${at}: unknown property ${key}`);
      }
    }
    return problems;
  }

  private resolve(schema: Schema): Schema {
    let s = schema;
    while (s.$ref) {
      const name = s.$ref.replace('#/components/schemas/', '');
      const target = this.spec.components.schemas[name];
      if (!target) throw new Error(`unresolved $ref ${s.$ref}`);
      s = { ...target, ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) };
    }
    return s;
  }
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
