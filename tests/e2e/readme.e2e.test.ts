import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './harness';

// Every command the README shows in a ```sh block runs verbatim from the repository, as a user
// would type it after `npm ci` (CI runs this in a fresh clone). `npm ci` itself and `npm test`
// are what CI is running already; everything else — the demo, each CLI example — runs here.
// A synopsis with placeholders belongs in a ```text block, which this test leaves alone.

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const ALREADY_RUNNING = new Set(['npm ci', 'npm test']);

/** Each command of the README's sh blocks, `a && b` split, trailing comments dropped. */
function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const [, block] of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block!.split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (!command || command.startsWith('#')) continue;
      for (const part of command.split('&&').map((p) => p.trim()))
        if (!ALREADY_RUNNING.has(part)) commands.push(part);
    }
  }
  return commands;
}

const COMMANDS = readmeCommands(README);
/** Files the README's examples may write, by a shell redirect: removed after the test. */
const written = new Set<string>();

afterAll(() => {
  for (const file of written) rmSync(join(REPO, file), { force: true });
});

describe('the README’s commands work verbatim', () => {
  it('finds the README’s commands, the demo and a CLI example among them', () => {
    expect(COMMANDS).toContain('npm run demo');
    expect(COMMANDS.some((c) => c.startsWith('npx gouji ') || c.startsWith('npm run audit'))).toBe(true);
  });

  it.each(COMMANDS)(
    '%s',
    (command) => {
      const redirect = command.match(/>\s*(\S+)\s*$/)?.[1];
      if (redirect) written.add(redirect);
      const run = spawnSync('sh', ['-c', command], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 240_000,
        env: { ...process.env, CI: 'true', DISPLAY: '' },
      });
      const output = `${run.stdout}\n${run.stderr}`;
      // 1 is "a finding at or above --fail-on": a command that asks for it may end so.
      const allowed = /--fail-on/.test(command) ? [0, 1] : [0];
      expect(allowed, `exit ${run.status}\n${output.slice(-3000)}`).toContain(run.status);
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
      if (redirect && /--json/.test(command)) {
        const json = JSON.parse(readFileSync(join(REPO, redirect), 'utf8'));
        expect(Array.isArray(json) && json.length).toBeGreaterThan(0);
        expect(json.some((r: { isReport: boolean }) => r.isReport)).toBe(true);
      } else if (redirect) {
        expect(existsSync(join(REPO, redirect))).toBe(true);
      }
    },
    300_000,
  );
});
