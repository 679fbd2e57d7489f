// Checks that run a real tool: `haproxy -c` for docker/haproxy.cfg (Debian's haproxy, installed by
// .ci/run) and `docker compose config` for docker/compose.yaml where the compose plugin exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The instances' names cannot be resolved outside compose's network; HAProxy starts without them. */
const UNRESOLVABLE_SERVER = /could not resolve address '[\w.-]+', disabling server/;
/** `haproxy -c` prints its version and path as NOTICE lines; only WARNING/ALERT lines are problems. */
const HAPROXY_PROBLEM = /^\[(WARNING|ALERT)\]/;

export type ToolRun = { available: false; reason: string } | { available: true; problems: string[] };

function run(command: string, args: string[]): { missing: boolean; status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  const missing = result.error !== undefined && 'code' in result.error && result.error.code === 'ENOENT';
  return { missing, status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** `haproxy -c -f <path>`: syntax and semantics of the load balancer config. */
export function checkHaproxyConfig(path: string): ToolRun {
  // Debian installs it in /usr/sbin, which a non-root PATH may lack.
  const haproxy = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
  const result = run(haproxy, ['-c', '-f', path]);
  if (result.missing) {
    return {
      available: false,
      reason: 'haproxy is not installed: apt-get install -y haproxy (.ci/run does)',
    };
  }
  const problems = result.output
    .split('\n')
    .filter((line) => HAPROXY_PROBLEM.test(line) && !UNRESOLVABLE_SERVER.test(line));
  if (result.status !== 0) problems.push(`haproxy -c exited with ${result.status}:\n${result.output}`);
  return { available: true, problems };
}

/** `docker compose -f <path> config --quiet`, the issue's own check, where the plugin is installed. */
export function dockerComposeConfig(path: string): ToolRun {
  const version = run('docker', ['compose', 'version']);
  if (version.missing || version.status !== 0) {
    return { available: false, reason: 'the docker compose plugin is not installed on this machine' };
  }
  const result = run('docker', ['compose', '-f', path, 'config', '--quiet']);
  return { available: true, problems: result.status === 0 ? [] : [result.output] };
}
