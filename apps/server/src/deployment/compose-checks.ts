// Checks of docker/compose.yaml (issue 6). The real `docker compose` cannot be installed here from
// Debian's or npm's registries, so the file is validated against the official compose-spec JSON schema
// (bundled by dclint) and checked for what `docker compose config` would also refuse: references to
// unknown services or volumes. docker-files.test.ts also runs `docker compose config` where it exists.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

interface LintMessage {
  rule: string;
  message: string;
  line: number;
}
interface Linter {
  lintFiles(paths: string[], recursive: boolean): { messages: LintMessage[] }[];
}
type LinterRules = Record<string, 0 | 1 | 2 | [0 | 1 | 2, Record<string, unknown>]>;

// dclint's type declarations import their siblings without file extensions, which NodeNext cannot
// resolve; its CommonJS build is loaded instead, typed by the part of its API used here.
const { DCLinter } = createRequire(import.meta.url)('dclint') as {
  DCLinter: new (config: { rules: LinterRules; quiet: boolean; debug: boolean; exclude: string[] }) => Linter;
};

/** dclint rules about key and service order: style only, and this file reads in start-up order. */
const COMPOSE_STYLE_RULES_OFF = [
  'service-keys-order',
  'services-alphabetical-order',
  'top-level-properties-order',
  'service-dependencies-alphabetical-order',
] as const;

/** Lints a compose file: YAML, the compose-spec schema, and dclint's rules (warnings count too). */
export function lintComposeFile(path: string): string[] {
  const rules: LinterRules = Object.fromEntries(COMPOSE_STYLE_RULES_OFF.map((rule) => [rule, 0]));
  const linter = new DCLinter({ rules, quiet: false, debug: false, exclude: [] });
  return linter
    .lintFiles([path], false)
    .flatMap((result) => result.messages)
    .map((message) => `${path}:${message.line}: ${message.message} (${message.rule})`);
}

interface ComposeService {
  depends_on?: Record<string, { condition?: string }> | string[];
  environment?: Record<string, string | number | null> | string[];
  healthcheck?: { test?: unknown; disable?: boolean };
  volumes?: (string | { type?: string; source?: string })[];
  ports?: (string | number | object)[];
}

interface ComposeFile {
  services?: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** Checks what the schema cannot: references between services and volumes, and the cluster layout
 * issue 6 asks for (Postgres, Redis, app instances with their own INSTANCE_ID, a balancer on 8080). */
export function checkComposeTopology(path: string): string[] {
  const compose = parse(readFileSync(path, 'utf8'), { merge: true }) as ComposeFile;
  const services = compose.services ?? {};
  const problems: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    problems.push(...checkServiceReferences(name, service, services, compose.volumes ?? {}));
  }
  for (const required of ['postgres', 'redis', 'lb']) {
    if (!services[required]) problems.push(`service "${required}" is missing`);
  }
  for (const name of ['postgres', 'redis']) {
    const service = services[name];
    if (service && (!service.healthcheck?.test || service.healthcheck.disable)) {
      problems.push(`service "${name}" has no healthcheck: the app instances wait for it to be healthy`);
    }
  }
  const apps = Object.keys(services).filter((name) => /^app\d+$/.test(name));
  if (apps.length < 2)
    problems.push(`expected at least two app instances (app1, app2), found ${apps.length}`);
  const instanceIds = new Set<string>();
  for (const name of apps) {
    const env = environmentOf(services[name] ?? {});
    for (const variable of ['DATABASE_URL', 'REDIS_URL', 'INSTANCE_ID']) {
      if (!env[variable]) problems.push(`service "${name}" does not set ${variable}`);
    }
    const id = env.INSTANCE_ID ?? '';
    if (id && instanceIds.has(id)) problems.push(`service "${name}" repeats INSTANCE_ID "${id}"`);
    instanceIds.add(id);
  }
  const lbPorts = (services.lb?.ports ?? []).map(String);
  if (!lbPorts.some((port) => /(^|:)8080:8080$/.test(port))) {
    problems.push(`service "lb" does not publish port 8080, got [${lbPorts.join(', ')}]`);
  }
  return problems;
}

function checkServiceReferences(
  name: string,
  service: ComposeService,
  services: Record<string, ComposeService>,
  volumes: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  const dependsOn = service.depends_on ?? {};
  const dependencies = Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
  for (const dependency of dependencies) {
    if (!services[dependency]) problems.push(`service "${name}" depends on unknown service "${dependency}"`);
  }
  if (!Array.isArray(dependsOn) && /^app\d+$/.test(name)) {
    for (const dependency of ['postgres', 'redis']) {
      const condition = dependsOn[dependency]?.condition;
      if (condition !== 'service_healthy') {
        problems.push(
          `service "${name}" must wait for ${dependency} with condition service_healthy, got ${condition}`,
        );
      }
    }
  }
  for (const volume of service.volumes ?? []) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
    const isNamed = source !== undefined && /^[a-zA-Z0-9][\w.-]*$/.test(source);
    if (isNamed && !(source in volumes)) {
      problems.push(`service "${name}" mounts volume "${source}", which is not declared under volumes:`);
    }
  }
  return problems;
}

function environmentOf(service: ComposeService): Record<string, string> {
  const environment = service.environment ?? {};
  const entries: [string, string][] = Array.isArray(environment)
    ? environment.map((line) => [line.split('=')[0] ?? '', line.slice(line.indexOf('=') + 1)])
    : Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries);
}
