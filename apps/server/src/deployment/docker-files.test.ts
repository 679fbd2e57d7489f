// The deployment files in docker/ are checked statically on every `npm test` (issue 6): no Docker
// engine runs here. A missing tool fails its test with how to install it; it never passes silently.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkComposeTopology, lintComposeFile } from './compose-checks.ts';
import { lintDockerfile } from './dockerfile-checks.ts';
import { checkHaproxyConfig, dockerComposeConfig } from './external-checks.ts';

const file = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const COMPOSE = file('docker/compose.yaml');
const DOCKERFILE = file('docker/Dockerfile');
const HAPROXY = file('docker/haproxy.cfg');
const EXAMPLE_ENV = file('docker/example.env');
const SERVER_CONFIG = file('apps/server/src/config.ts');

const scratch = mkdtempSync(join(tmpdir(), 'pairboard-docker-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of `path` with `search` replaced, in the scratch directory; fails if `search` is absent. */
function mutated(path: string, search: string | RegExp, replacement: string): string {
  const original = readFileSync(path, 'utf8');
  const changed = original.replace(search, replacement);
  expect(changed, `mutation ${String(search)} did not apply to ${path}`).not.toBe(original);
  const copy = join(scratch, `${Math.random().toString(36).slice(2)}-${path.split('/').at(-1)}`);
  writeFileSync(copy, changed);
  return copy;
}

function haproxyProblems(path: string): string[] {
  const run = checkHaproxyConfig(path);
  if (!run.available) throw new Error(run.reason);
  return run.problems;
}

describe('docker/compose.yaml', () => {
  it('passes the compose-spec schema and the compose linter', () => {
    expect(lintComposeFile(COMPOSE)).toEqual([]);
  });

  it('runs Postgres, Redis, two instances with their own INSTANCE_ID and a balancer on 8080', () => {
    expect(checkComposeTopology(COMPOSE)).toEqual([]);
  });

  it('is accepted by `docker compose config`', (context) => {
    const run = dockerComposeConfig(COMPOSE);
    if (!run.available) context.skip(`${run.reason}; the schema check above stands in for it`);
    else expect(run.problems).toEqual([]);
  });

  it('rejects a misspelled depends_on condition and a dependency on an unknown service', () => {
    const badCondition = mutated(COMPOSE, 'condition: service_healthy', 'condition: service_healty');
    expect(lintComposeFile(badCondition).join('\n')).toMatch(/depends_on.*invalid-schema/);
    const unknownService = mutated(COMPOSE, /redis:\n(\s+)condition/, 'rediss:\n$1condition');
    expect(checkComposeTopology(unknownService)).toContain(
      'service "app1" depends on unknown service "rediss"',
    );
  });

  it('rejects two instances with the same INSTANCE_ID', () => {
    const duplicate = mutated(COMPOSE, 'INSTANCE_ID: app2', 'INSTANCE_ID: app1');
    expect(checkComposeTopology(duplicate)).toContain('service "app2" repeats INSTANCE_ID "app1"');
  });
});

describe('docker/Dockerfile', () => {
  it('passes the Dockerfile linter', () => {
    expect(lintDockerfile(DOCKERFILE)).toEqual([]);
  });

  it('rejects an unknown instruction, a root user and a COPY from a stage that does not exist', () => {
    expect(lintDockerfile(mutated(DOCKERFILE, /^USER node$/m, 'USRE node')).join('\n')).toMatch(
      /Unknown instruction: USRE[\s\S]*non-root USER/,
    );
    expect(lintDockerfile(mutated(DOCKERFILE, /^USER node$/m, 'USER root')).join('\n')).toMatch(/non-root/);
    const badStage = mutated(DOCKERFILE, '--from=build', '--from=bulid');
    expect(lintDockerfile(badStage).join('\n')).toMatch(/--from=bulid names no earlier stage/);
  });

  it('rejects a secret baked in with ENV and a missing HEALTHCHECK', () => {
    const secret = mutated(DOCKERFILE, 'DATA_DIR=/data', 'DATA_DIR=/data POSTGRES_PASSWORD=hunter2');
    expect(lintDockerfile(secret).join('\n')).toMatch(/bakes a secret/);
    const noHealthcheck = mutated(DOCKERFILE, /^HEALTHCHECK [\s\S]*?\n(?=\S)/m, '');
    expect(lintDockerfile(noHealthcheck).join('\n')).toMatch(/no HEALTHCHECK/);
  });
});

describe('docker/haproxy.cfg', () => {
  it('passes `haproxy -c`', () => {
    expect(haproxyProblems(HAPROXY)).toEqual([]);
  });

  it('rejects an unknown directive', () => {
    expect(
      haproxyProblems(mutated(HAPROXY, 'balance leastconn', 'balance leastconnections')).length,
    ).toBeGreaterThan(0);
  });

  it('balances over every app instance in compose.yaml', () => {
    const compose = parse(readFileSync(COMPOSE, 'utf8'), { merge: true }) as { services: object };
    const apps = Object.keys(compose.services).filter((name) => /^app\d+$/.test(name));
    const servers = [...readFileSync(HAPROXY, 'utf8').matchAll(/^\s*server (\S+) (\S+):3000\b/gm)];
    expect(servers.map((match) => match[2]).sort()).toEqual(apps.sort());
  });
});

describe('docker/example.env', () => {
  it('documents every variable apps/server/src/config.ts reads', () => {
    const schema = /const EnvSchema = z[\s\S]*?\.object\(\{([\s\S]*?)\n {2}\}\)/.exec(
      readFileSync(SERVER_CONFIG, 'utf8'),
    );
    const variables = [...(schema?.[1] ?? '').matchAll(/^ {4}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]);
    expect(variables.length).toBeGreaterThan(10);
    const documented = readFileSync(EXAMPLE_ENV, 'utf8');
    const missing = variables.filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(documented));
    expect(missing).toEqual([]);
  });
});
