import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../core/paths.js';
import { countrySubgraphs, readSubgraphList } from '../../schema/registry.js';

/**
 * Docker is not available on the build machine, so the deployment files are checked for shape:
 * every command names a real npm script and a real subgraph or simulator, every subgraph and
 * simulator has a service, secrets come from the environment, probes and the non-root user are
 * in place. No YAML package is installed; docker-compose.yml is kept in a simple shape that
 * `parseCompose` reads (services → keys; commands as JSON arrays; environment as a map).
 */

interface ComposeService {
  name: string;
  fields: Map<string, string>;
  command: string[] | undefined;
  environment: Record<string, string>;
  dependsOn: string[];
}

function parseCompose(text: string): ComposeService[] {
  const services: ComposeService[] = [];
  let inServices = false;
  let current: ComposeService | undefined;
  let section: string | undefined;
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const [key = '', ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (indent === 0) {
      inServices = key === 'services';
      current = undefined;
    } else if (inServices && indent === 2) {
      current = { name: key, fields: new Map(), command: undefined, environment: {}, dependsOn: [] };
      services.push(current);
    } else if (current && indent === 4) {
      section = key;
      if (key === 'command') current.command = JSON.parse(value) as string[];
      else if (value) current.fields.set(key, unquote(value));
    } else if (current && indent === 6 && section === 'environment') {
      current.environment[key] = unquote(value);
    } else if (current && indent === 6 && section === 'depends_on' && line.startsWith('- ')) {
      current.dependsOn.push(line.slice(2).trim());
    }
  }
  return services;
}

const unquote = (value: string) => value.replace(/^"(.*)"$/, '$1');
const read = (path: string) => readFileSync(fromRoot(path), 'utf8');
const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);

/** Every product subgraph: the registry's (the partner template, `_template`, is not one). */
const manifests = readSubgraphList().subgraphs.map((s) => s.manifest);
const countries = countrySubgraphs().map((c) => c.manifest);
const simulators = countries.map((c) => c.upstream.simulator);

/** What an npm command starts: the script and the argument after `--`. */
function npmTarget(command: readonly string[]): { script: string; arg: string | undefined } {
  const at = command.indexOf('run');
  const dashes = command.indexOf('--');
  return { script: command[at + 1] ?? '', arg: dashes >= 0 ? command[dashes + 1] : undefined };
}

function checkTarget(command: readonly string[]): void {
  const { script, arg } = npmTarget(command);
  expect(scripts, `npm script "${script}"`).toContain(script);
  if (script === 'start:subgraph') expect(manifests.map((m) => m.name), `subgraph "${arg}"`).toContain(arg);
  if (script === 'simulator') expect(simulators, `simulator "${arg}"`).toContain(arg);
}

describe('docker-compose.yml', () => {
  const services = parseCompose(read('docker-compose.yml'));
  const byName = new Map(services.map((s) => [s.name, s]));
  const built = services.filter((s) => s.fields.get('build') === '.');

  it('parses into the expected services (the parser itself must see them)', () => {
    expect(services.length).toBeGreaterThanOrEqual(10);
    expect(byName.get('gateway')?.command).toEqual(['npm', 'run', 'start:gateway']);
    expect(byName.get('redis')?.fields.get('image')).toMatch(/^redis:/);
  });

  it('runs every app service from the one image with a command naming a real script and target', () => {
    expect(built.length).toBe(services.length - 2); // all but the network holder and redis
    for (const service of built) {
      expect(service.command?.slice(0, 2), service.name).toEqual(['npm', 'run']);
      checkTarget(service.command ?? []);
    }
  });

  it('has a service for every subgraph and every country simulator', () => {
    const started = built.map((s) => npmTarget(s.command ?? []));
    for (const m of manifests) expect(started, m.name).toContainEqual({ script: 'start:subgraph', arg: m.name });
    for (const sim of simulators) expect(started, sim).toContainEqual({ script: 'simulator', arg: sim });
    expect(started).toContainEqual({ script: 'start:gateway', arg: undefined });
  });

  it('depends only on services that exist', () => {
    for (const s of services) for (const d of s.dependsOn) expect(byName.has(d), `${s.name} → ${d}`).toBe(true);
  });

  it('gives subgraphs and the gateway Redis and the shared secret from the environment, never a literal', () => {
    for (const s of built.filter((s) => npmTarget(s.command ?? []).script !== 'simulator')) {
      expect(s.environment.REDIS_URL, s.name).toMatch(/^redis:\/\//);
      expect(s.environment.GATEWAY_SHARED_SECRET, s.name).toMatch(/^\$\{GATEWAY_SHARED_SECRET:\?/);
    }
  });

  it('points each country subgraph at UPSTREAM_<COUNTRY>_URL', () => {
    for (const c of countries) {
      const variable = `UPSTREAM_${c.name.toUpperCase()}_URL`;
      expect(byName.get(c.name)?.environment[variable], c.name).toMatch(new RegExp(`^\\$\\{${variable}:-http://`));
    }
  });

  it('opens only the gateway beyond loopback', () => {
    for (const s of built) expect(s.environment.HOST, s.name).toBe(s.name === 'gateway' ? '0.0.0.0' : '127.0.0.1');
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

  it('builds on node:20-slim with npm ci and runs as a non-root user', () => {
    expect(instructions[0]).toBe('FROM node:20-slim');
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).not.toContain('--omit=dev');
    const user = instructions.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
  });

  it('keeps secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.env', '.git']) expect(ignored).toContain(entry);
  });
});

describe('deploy/kubernetes', () => {
  const dir = 'deploy/kubernetes';
  const files = readdirSync(fromRoot(dir)).filter((f) => f.endsWith('.yaml'));
  const text = (file: string) => read(`${dir}/${file}`);
  const workloads = files.filter((f) => text(f).includes('kind: Deployment'));

  it('starts every Deployment with a real npm script and target', () => {
    expect(workloads.length).toBeGreaterThanOrEqual(3);
    for (const file of workloads) {
      for (const match of text(file).matchAll(/command: (\[.*\])/g)) {
        const command = JSON.parse(match[1]!) as string[];
        // `sh -c "npm run compose && exec npm run start:gateway"`: check each npm run inside.
        const npmRuns = command[0] === 'sh' ? [...command.join(' ').matchAll(/npm run (\S+)(?: -- (\S+))?/g)].map((m) => ['npm', 'run', m[1]!, ...(m[2] ? ['--', m[2]] : [])]) : [command];
        for (const run of npmRuns) checkTarget(run);
      }
    }
  });

  it('probes /ready and /health and takes secrets from a Secret', () => {
    for (const file of workloads) {
      const yaml = text(file);
      expect(yaml, file).toMatch(/readinessProbe:\s+httpGet: \{ path: \/ready/);
      expect(yaml, file).toMatch(/livenessProbe:\s+httpGet: \{ path: \/health/);
      expect(yaml, file).toMatch(/name: GATEWAY_SHARED_SECRET\s+valueFrom:\s+secretKeyRef: \{ name: lmis-secrets/);
      expect(yaml, file).toContain('runAsNonRoot: true');
    }
  });

  it('scales the gateway with an HPA over several replicas', () => {
    const gateway = text('gateway.yaml');
    expect(gateway).toMatch(/kind: HorizontalPodAutoscaler[\s\S]*scaleTargetRef:[\s\S]*kind: Deployment\s+name: gateway/);
    expect(Number(/replicas: (\d+)/.exec(gateway)?.[1])).toBeGreaterThan(1);
    expect(gateway).toContain('kind: Service');
  });

  it('routes the cluster registry to a Service of every registered kind of subgraph', () => {
    const registry = text('config.yaml');
    for (const m of manifests) expect(registry, m.name).toContain(`routing_url: http://${m.name}:${m.port}/graphql`);
  });

  it('ships no real secret values', () => {
    const secret = text('secret.example.yaml');
    for (const line of secret.split('\n').filter((l) => /^\s{2}[A-Z_]+: /.test(l))) {
      expect(line).toMatch(/replace|example/);
    }
  });
});
