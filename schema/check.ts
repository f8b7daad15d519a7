import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { createRequire } from 'node:module';
import type { ASTNode, DocumentNode, GraphQLSchema } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fromRoot } from '../core/paths.js';
import { composeRegistry } from './compose.js';

/**
 * `npm run schema:check [-- --base <git ref>]`: composes the registry and compares the public API
 * (what clients can query) with the supergraph committed at `--base` (default HEAD), with
 * @graphql-inspector/core. Every change is listed; a breaking one fails the check unless
 * schema/breaking-changes.yaml announces it (its path and change type, with the reason).
 */

// graphql-js refuses schemas built by another copy of itself. The inspector loads graphql's CommonJS
// build by its real path; require() does the same, so both share one copy even where node_modules
// is a symlink (vitest would otherwise resolve a second copy through the link).
const { buildASTSchema, Kind, parse, visit } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const ANNOUNCED = fromRoot('schema/breaking-changes.yaml');
const SUPERGRAPH_PATH = 'schema/supergraph.graphql';

const AnnouncedSchema = z.strictObject({
  accepted: z
    .array(z.strictObject({ path: z.string().min(1), type: z.string().min(1), reason: z.string().min(10, 'say why clients can live with it') }))
    .nullable()
    .transform((a) => a ?? []),
});
export type Announced = z.infer<typeof AnnouncedSchema>['accepted'];

export interface SchemaReport {
  changes: Change[];
  /** Breaking changes not announced: the check fails when any. */
  unannounced: Change[];
}

/** Compares two supergraphs' public APIs; breaking changes not in `announced` are unannounced. */
export async function compareSupergraphs(baseSdl: string, nextSdl: string, announced: Announced): Promise<SchemaReport> {
  const changes = await diff(apiSchema(baseSdl), apiSchema(nextSdl));
  const isAnnounced = (c: Change) => announced.some((a) => a.path === c.path && a.type === c.type);
  return { changes, unannounced: changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking && !isAnnounced(c)) };
}

/**
 * The API schema of a supergraph: without federation's own types and directives (`join__*`,
 * `link__*`, `@link`…) and without anything `@inaccessible`, i.e. what a client sees.
 */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  const internal = (name: string) => /^(join|link)__/.test(name);
  const hidden = (node: { directives?: readonly { name: { value: string } }[] }) => node.directives?.some((d) => d.name.value === 'inaccessible') ?? false;
  const stripped = visit(parse(supergraphSdl), {
    enter(node: ASTNode) {
      if (node.kind === Kind.DIRECTIVE_DEFINITION || node.kind === Kind.SCHEMA_EXTENSION) return null;
      if (node.kind === Kind.SCHEMA_DEFINITION) return { ...node, directives: [] };
      if ('name' in node && node.name && node.kind !== Kind.DIRECTIVE && internal(node.name.value)) return null;
      if ('directives' in node && hidden(node)) return null;
      return undefined;
    },
    Directive: (node) => (node.name.value === 'deprecated' || node.name.value === 'specifiedBy' ? undefined : null),
  }) as DocumentNode;
  return buildASTSchema(stripped, { assumeValidSDL: true });
}

export function readAnnounced(file = ANNOUNCED): Announced {
  const parsed = AnnouncedSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not valid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data.accepted;
}

/** The supergraph committed at `ref`; falls back to HEAD (and says so) when the ref is unknown, e.g. in a shallow clone. */
function committedSupergraph(ref: string): { sdl: string; ref: string } {
  const show = (r: string) =>
    execFileSync('git', ['show', `${r}:${SUPERGRAPH_PATH}`], { cwd: fromRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    return { sdl: show(ref), ref };
  } catch {
    if (ref === 'HEAD') throw new Error(`${SUPERGRAPH_PATH} is not committed at HEAD`);
    console.log(`base ${ref} not found; comparing with HEAD`);
    return { sdl: show('HEAD'), ref: 'HEAD' };
  }
}

function describe(c: Change): string {
  return `${c.criticality.level.padEnd(12)} ${c.type} at ${c.path ?? '(schema)'}: ${c.message}`;
}

async function main(): Promise<number> {
  const at = process.argv.indexOf('--base');
  const base = committedSupergraph(at > 0 ? (process.argv[at + 1] ?? 'HEAD') : 'HEAD');
  const report = await compareSupergraphs(base.sdl, await composeRegistry(), readAnnounced());
  console.log(`schema check: the registry composed, against ${SUPERGRAPH_PATH} at ${base.ref}`);
  for (const change of report.changes) console.log(`  ${describe(change)}`);
  if (!report.changes.length) console.log('  no change to the public API');
  if (!report.unannounced.length) return 0;
  console.error(
    `\n${report.unannounced.length} unannounced breaking change(s). Either keep the old field/type (deprecate it first), or announce it in schema/breaking-changes.yaml:`,
  );
  for (const c of report.unannounced) console.error(`  - path: ${c.path}\n    type: ${c.type}\n    reason: <why clients can live with it>`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
