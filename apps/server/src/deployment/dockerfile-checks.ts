// Lints docker/Dockerfile (issue 6). hadolint cannot be installed here (no Debian package; its npm
// wrapper downloads the binary from GitHub), so this runs dockerfile-utils, the validator behind the
// VS Code Docker extension (syntax, instructions, flags, ports, duplicate CMD/HEALTHCHECK), and adds
// the rules of hadolint's that matter for this image, plus the issue's own requirements.
import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import type { Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

/** Names that must never be baked into an image as ENV or ARG: secrets come from the environment. */
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY/i;
const FLOATING_TAGS = new Set(['latest', 'stable', 'edge', 'nightly']);

interface Stage {
  name: string | null;
  /** Zero-based line of its FROM. */
  line: number;
  image: string;
  instructions: Instruction[];
}

/** Every problem in a Dockerfile, as `path:line: message`; warnings count as problems. */
export function lintDockerfile(path: string): string[] {
  const content = readFileSync(path, 'utf8');
  const at = (line: number, message: string) => `${path}:${line + 1}: ${message}`;
  const problems = validate(content).map((d) =>
    at(d.range.start.line, typeof d.message === 'string' ? d.message : d.message.value),
  );

  const dockerfile = DockerfileParser.parse(content);
  const globalArgs = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property) globalArgs.set(property.getName(), property.getValue() ?? '');
  }
  const stages = splitStages(dockerfile.getInstructions(), globalArgs);
  const final = stages.at(-1);
  if (!final) return [...problems, `${path}: no FROM instruction`];

  if (stages.length < 2)
    problems.push(`${path}: not multi-stage: build in one stage, run in a slim final stage`);
  for (const stage of stages) {
    const tag = stage.image.split('@')[0]?.split('/').at(-1)?.split(':')[1];
    if (stages.some((other) => other.name === stage.image)) continue;
    if (!tag || FLOATING_TAGS.has(tag)) {
      problems.push(
        `${path}: base image "${stage.image}" needs a fixed version tag (hadolint DL3006/DL3007)`,
      );
    }
  }
  const stageStarts = stages.map((stage) => ({ name: stage.name, line: stage.line }));
  for (const copy of dockerfile.getCOPYs()) {
    const from = copy.getFromFlag()?.getValue();
    const line = copy.getRange().start.line;
    const earlier = stageStarts.some((stage) => stage.name === from && stage.line < line);
    // An image reference (`--from=alpine:3`) is allowed; a bare name must be an earlier stage.
    if (from && !earlier && !/[:/@]/.test(from)) {
      problems.push(at(line, `COPY --from=${from} names no earlier stage (hadolint DL3022)`));
    }
  }
  const settings = [...dockerfile.getENVs(), ...dockerfile.getARGs(), ...dockerfile.getInitialARGs()];
  for (const instruction of settings) {
    for (const property of instruction.getProperties()) {
      if (SECRET_NAME.test(property.getName())) {
        const line = instruction.getRange().start.line;
        problems.push(
          at(line, `${instruction.getKeyword()} ${property.getName()} bakes a secret into the image`),
        );
      }
    }
  }
  for (const run of dockerfile.getInstructions().filter((i) => i.getKeyword() === 'RUN')) {
    const command = run.getArgumentsContent() ?? '';
    if (/apt-get install/.test(command) && !/--no-install-recommends/.test(command)) {
      problems.push(
        at(run.getRange().start.line, 'apt-get install without --no-install-recommends (hadolint DL3015)'),
      );
    }
  }
  problems.push(...checkFinalStage(path, final));
  return problems;
}

/** The running image: a non-root user (hadolint DL3002) and a HEALTHCHECK. */
function checkFinalStage(path: string, final: Stage): string[] {
  const problems: string[] = [];
  const users = final.instructions.filter((i) => i.getKeyword() === 'USER');
  const user = users.at(-1)?.getArgumentsContent()?.split(':')[0];
  if (!user || user === 'root' || user === '0') {
    problems.push(`${path}: the final stage must switch to a non-root USER, got ${user ?? 'none'}`);
  }
  const healthchecks = final.instructions.filter((i) => i.getKeyword() === 'HEALTHCHECK');
  const healthcheck = healthchecks.at(-1)?.getArgumentsContent() ?? 'NONE';
  if (/^NONE\b/i.test(healthcheck)) problems.push(`${path}: the final stage has no HEALTHCHECK`);
  return problems;
}

function splitStages(instructions: Instruction[], globalArgs: Map<string, string>): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const [image = '', , name] = (instruction.getArgumentsContent() ?? '')
        .replace(/--platform=\S+\s*/, '')
        .split(/\s+/);
      const resolved = image.replace(/\$\{?(\w+)\}?/g, (_, arg: string) => globalArgs.get(arg) ?? '');
      stages.push({
        name: name ?? null,
        line: instruction.getRange().start.line,
        image: resolved,
        instructions: [],
      });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}
