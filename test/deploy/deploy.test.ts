import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../core/paths.js';
import { generatedManifests } from '../../deploy/generate.js';
import { generatedCompose } from '../../deploy/compose.js';
import { readSubgraphList } from '../../schema/registry.js';

/**
 * Docker and a cluster are not available on the build machine, so the deployment files are
 * checked for shape (the built process itself is exercised by built.test.ts): every command runs
 * a built entry point with `node` (never npm: SIGTERM must reach node) and names a registered
 * subgraph or simulator, health checks and limits are in place, secrets come from the
 * environment, the Kubernetes manifests are the generator's current output for the registry and
 * meet restricted Pod Security.
 */
const read = (path: string) => readFileSync(fromRoot(path), 'utf8');
const registry = readSubgraphList().subgraphs;
const countries = registry.filter((s) => s.manifest.kind === 'country');
const simulators = countries.map((c) => (c.manifest.kind === 'country' ? c.manifest.upstream.simulator : c.name));

/** `node dist/<entry>.js [arg]`: the entry must be built from a real source file, the argument real. */
function checkCommand(command: readonly string[], where: string): void {
  expect(command[0], where).toBe('node');
  const entry = command[1] ?? '';
  expect(entry, where).toMatch(/^dist\/.+\.js$/);
  expect(existsSync(fromRoot(entry.replace(/^dist\//, '').replace(/\.js$/, '.ts'))), `${where}: source of ${entry}`).toBe(true);
  if (entry === 'dist/subgraphs/main.js') expect(registry.map((s) => s.name), where).toContain(command[2]);
  if (entry === 'dist/simulators/main.js') expect(simulators, where).toContain(command[2]);
}

interface ComposeService {
  build?: string;
  image?: string;
  command?: string[];
  init?: boolean;
  healthcheck?: { test: string[] };
  mem_limit?: string;
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  volumes?: string[];
}

describe('docker-compose.yml', () => {
  it('is what `npm run deploy:generate` writes for the registry today', () => {
    expect(read('docker-compose.yml'), 'run npm run deploy:generate').toBe(generatedCompose());
  });

  const file = parseYaml(read('docker-compose.yml')) as { services: Record<string, ComposeService>; volumes?: Record<string, unknown> };
  const services = file.services;
  const built = Object.entries(services).filter(([, s]) => s.build === '.');
  const target = (s: ComposeService) => ({ entry: s.command?.[1], arg: s.command?.[2] });

  it('runs every app service from the one image with node on a built entry point, under tini', () => {
    expect(built.length).toBe(Object.keys(services).length - 3); // all but the network holder, redis and postgres
    for (const [name, s] of built) {
      checkCommand(s.command ?? [], name);
      expect(s.init, name).toBe(true);
    }
  });

  it('has a service for every subgraph and every country simulator, and the gateway', () => {
    const started = built.map(([, s]) => target(s));
    for (const s of registry) expect(started, s.name).toContainEqual({ entry: 'dist/subgraphs/main.js', arg: s.name });
    for (const sim of simulators) expect(started, sim).toContainEqual({ entry: 'dist/simulators/main.js', arg: sim });
    expect(started).toContainEqual({ entry: 'dist/gateway/src/main.js', arg: undefined });
  });

  it('health-checks the gateway, every subgraph, Redis and PostgreSQL, limits memory, and starts dependents once healthy', () => {
    for (const [name, s] of Object.entries(services).filter(([n]) => n !== 'net')) {
      expect(s.mem_limit, name).toMatch(/^\d+m$/);
      if (!name.startsWith('sim-')) expect(s.healthcheck?.test, name).toBeDefined();
      for (const [dependency, { condition }] of Object.entries(s.depends_on ?? {})) {
        expect(services[dependency], `${name} → ${dependency}`).toBeDefined();
        if (services[dependency]?.healthcheck) expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
      }
    }
    expect(services.gateway?.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:4000/ready');
  });

  it('gives subgraphs and the gateway Redis and the shared secret from the environment, never a literal', () => {
    for (const [name, s] of built.filter(([, s]) => s.command?.[1] !== 'dist/simulators/main.js')) {
      expect(s.environment?.REDIS_URL, name).toMatch(/^redis:\/\//);
      expect(s.environment?.GATEWAY_SHARED_SECRET, name).toMatch(/^\$\{GATEWAY_SHARED_SECRET:\?/);
    }
  });

  it('keeps the exchange\'s vacancy store in the postgres service, on a named volume, reached on loopback only', () => {
    const postgres = services.postgres;
    expect(postgres?.image).toMatch(/^postgres:16-alpine$/);
    expect(postgres?.command).toEqual(['postgres', '-c', 'listen_addresses=127.0.0.1']);
    expect(postgres?.healthcheck?.test.slice(0, 4)).toEqual(['CMD', 'pg_isready', '-h', '127.0.0.1']);
    const password = postgres?.environment?.POSTGRES_PASSWORD ?? '';
    expect(password).toMatch(/^\$\{POSTGRES_PASSWORD:-[^}]+\}$/);
    const volume = postgres?.volumes?.[0]?.split(':')[0] ?? '';
    expect(postgres?.volumes?.[0]).toBe(`${volume}:/var/lib/postgresql/data`);
    expect(file.volumes, 'a named volume').toHaveProperty(volume);
    const exchange = services.exchange;
    expect(exchange?.environment?.DATABASE_URL).toBe(`postgres://lmis:${password}@127.0.0.1:5432/lmis`);
    expect(exchange?.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    const others = built.filter(([name]) => name !== 'exchange').map(([name, s]) => [name, s.environment?.DATABASE_URL]);
    expect(others.filter(([, url]) => url !== undefined), 'only the exchange has a store').toEqual([]);
  });

  it('gives the exchange room over its peak RSS on PostgreSQL (454 MB at 800,000 postings)', () => {
    expect(parseInt(services.exchange?.mem_limit ?? '0', 10)).toBeGreaterThanOrEqual(1.5 * 454);
  });

  it('points each country subgraph at UPSTREAM_<COUNTRY>_URL and opens only the gateway beyond loopback', () => {
    for (const c of countries) {
      const variable = `UPSTREAM_${c.name.toUpperCase()}_URL`;
      expect(services[c.name]?.environment?.[variable], c.name).toMatch(new RegExp(`^\\$\\{${variable}:-http://`));
    }
    for (const [name, s] of built) expect(s.environment?.HOST, name).toBe(name === 'gateway' ? '0.0.0.0' : '127.0.0.1');
  });
});

describe('Dockerfile', () => {
  const lines = read('Dockerfile').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  const stages = lines.filter((l) => l.startsWith('FROM '));
  const runtime = lines.slice(lines.indexOf(stages.at(-1)!));

  it('builds in one stage and runs the built JS with node in another, as a non-root user', () => {
    expect(stages).toEqual(['FROM node:20-slim AS build', 'FROM node:20-slim AS runtime']);
    expect(lines).toContain('RUN npm ci');
    expect(lines.some((l) => /^RUN npm run build\b/.test(l))).toBe(true);
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
    expect(runtime.at(-1)).toBe('CMD ["node", "dist/gateway/src/main.js"]');
    expect(runtime.some((l) => /^(CMD|ENTRYPOINT) .*npm/.test(l))).toBe(false);
    const user = runtime.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
  });

  it('copies every folder the code reads at run time', () => {
    for (const folder of ['data', 'config', 'schema', 'subgraphs', 'simulators', 'gateway/ide']) {
      expect(runtime, folder).toContain(`COPY --from=build /app/${folder} ./${folder}`);
    }
  });

  it('keeps secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.env', '.git', 'dist']) expect(ignored).toContain(entry);
  });
});

interface K8sObject {
  kind: string;
  metadata: { name: string };
  // Parsed YAML, walked freely: the assertions below are what check its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: Record<string, any>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

describe('deploy/kubernetes', () => {
  const dir = 'deploy/kubernetes';
  const objects: K8sObject[] = readdirSync(fromRoot(dir))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(read(`${dir}/${f}`)).map((d) => d.toJS() as K8sObject));
  const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployments = ofKind('Deployment');

  it('is what `npm run deploy:generate` writes for the registry today', () => {
    for (const [file, text] of generatedManifests()) expect(read(`${dir}/${file}`), `${file}: run npm run deploy:generate`).toBe(text);
  });

  it('has a Deployment, a Service and a PodDisruptionBudget for the gateway and every registered subgraph', () => {
    for (const name of ['gateway', ...registry.map((s) => s.name)]) {
      expect(deployments.map((d) => d.metadata.name), name).toContain(name);
      expect(ofKind('Service').map((d) => d.metadata.name), name).toContain(name);
      expect(ofKind('PodDisruptionBudget').map((d) => d.metadata.name), name).toContain(name);
    }
    const hpa = ofKind('HorizontalPodAutoscaler').find((h) => h.metadata.name === 'gateway');
    expect(hpa?.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
  });

  it('runs every container as deployed, under restricted Pod Security, probed, with limits', () => {
    for (const d of deployments) {
      const pod = d.spec?.template.spec;
      expect(pod.securityContext, d.metadata.name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      for (const c of pod.containers) {
        checkCommand(c.command, d.metadata.name);
        expect(c.securityContext, d.metadata.name).toMatchObject({
          runAsNonRoot: true,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        });
        expect(c.readinessProbe.httpGet.path).toBe('/ready');
        expect(c.livenessProbe.httpGet.path).toBe('/health');
        expect(c.resources.limits.memory, d.metadata.name).toMatch(/Mi$/);
        const secret = c.env.find((e: { name: string }) => e.name === 'GATEWAY_SHARED_SECRET');
        expect(secret?.valueFrom.secretKeyRef.name, d.metadata.name).toBe('lmis-secrets');
      }
      // Long enough for the preStop pause and the 10 s drain.
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(20);
    }
  });

  it('gives the exchange alone the store\'s DATABASE_URL from lmis-secrets, and room over its peak RSS', () => {
    for (const d of deployments) {
      const container = d.spec?.template.spec.containers[0];
      const url = container.env.find((e: { name: string }) => e.name === 'DATABASE_URL');
      if (d.metadata.name !== 'exchange') expect(url, d.metadata.name).toBeUndefined();
      else {
        expect(url?.valueFrom.secretKeyRef).toEqual({ name: 'lmis-secrets', key: 'DATABASE_URL' });
        expect(parseInt(container.resources.limits.memory, 10)).toBeGreaterThanOrEqual((1.5 * 454e6) / 2 ** 20);
      }
    }
    const secret = ofKind('Secret').find((s) => s.metadata.name === 'lmis-secrets');
    expect(secret?.stringData?.DATABASE_URL).toMatch(/^postgres:\/\/.*replace/);
  });

  it('routes the cluster registry and its supergraph to the Services', () => {
    const config = ofKind('ConfigMap').find((c) => c.metadata.name === 'lmis-registry');
    for (const s of registry) {
      const url = `http://${s.name}:${s.manifest.port}/graphql`;
      expect(config?.data?.['supergraph.yaml'], s.name).toContain(`routing_url: ${url}`);
      expect(config?.data?.['supergraph.graphql'], s.name).toContain(`url: "${url}"`);
    }
  });

  it('ships no real secret values', () => {
    for (const secret of ofKind('Secret')) {
      for (const value of Object.values(secret.stringData ?? {})) expect(value).toMatch(/replace/);
    }
  });
});
