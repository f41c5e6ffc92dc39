import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The stepper in a real terminal: tmux runs `khunjerab step` in a detached 100×30 pane, we
 * type into it with send-keys and read the screen with capture-pane. Skipped when tmux, the
 * built CLI (with the built UI: `npm run build`) or the bundled winter scenario is missing.
 */
const root = join(import.meta.dirname, '..', '..');
const scenario = 'scenarios/winter-2025.yaml';
const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const hasCli = ['dist/cli/main.js', 'dist/ui/runStepUi.js', 'bin/khunjerab.js'].every((file) => existsSync(join(root, file)));
const hasScenario = existsSync(join(root, scenario));

/** A private tmux server (its own socket file) and session, so nothing else's sessions are touched. */
const socket = join(tmpdir(), `khunjerab-ui-test-${process.pid}.sock`);
const session = `step-${process.pid}-${Date.now()}`;

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-S', socket, '-u', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const screen = (): string => tmux('capture-pane', '-p', '-t', session);

async function waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = screen();
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the screen never matched ${pattern}:\n${text}`);
}

function closeServer(): void {
  spawnSync('tmux', ['-S', socket, 'kill-session', '-t', session]);
  spawnSync('tmux', ['-S', socket, 'kill-server']);
  rmSync(socket, { force: true });
}

describe('khunjerab step in a real terminal', () => {
  test.skipIf(!hasTmux || !hasCli || !hasScenario)('space steps, the screen shows the pass and a container state, q quits with a summary', async () => {
    const command = `node bin/khunjerab.js step ${scenario} --seed 1; echo "[exit $?]"; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', command);
    try {
      await waitFor(/step 0 · last event: start/);
      tmux('send-keys', '-t', session, 'Space');
      await waitFor(/step 1 · /);
      tmux('send-keys', '-t', session, 'Space', 'Space', 'Space');
      const corridor = await waitFor(/step 4 · /);
      expect(corridor).toMatch(/pass/i);
      expect(corridor).toMatch(/Pass road\s+(OPEN|CLOSED|CLEARING)/);
      expect(corridor).toMatch(/\b(open|closed|clearing)\b/i);
      tmux('send-keys', '-t', session, 'm');
      tmux('send-keys', '-t', session, 'Tab');
      const container = await waitFor(/CONTAINER \d+/);
      expect(container).toMatch(/▶\w+◀/);
      tmux('send-keys', '-t', session, 'q');
      const after = await waitFor(/\[exit \d+\]/);
      expect(after).toMatch(/khunjerab step: \d+ steps/);
      expect(after).toContain('[exit 0]');
    } finally {
      closeServer();
    }
  });

  test.skipIf(!hasTmux || !hasCli || !hasScenario)('send-keys b b b b b goes back five steps', async () => {
    const command = `node bin/khunjerab.js step ${scenario} --seed 1; echo "[exit $?]"; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', command);
    try {
      await waitFor(/step 0 · last event: start/);
      tmux('send-keys', '-t', session, 'd', 'd');
      const at = Number(/step (\d+) ·/.exec(await waitFor(/day 3 of 90/))?.[1]);
      tmux('send-keys', '-t', session, 'b', 'b', 'b', 'b', 'b');
      await waitFor(new RegExp(`step ${at - 5} ·`));
      await waitFor(new RegExp(`back to step ${at - 5}`));
    } finally {
      closeServer();
    }
  });

  test.skipIf(!hasTmux || !hasCli || !hasScenario)('at 60×20 the stepper shows the notice and the scrollback survives it', async () => {
    const marker = 'scrollback-marker-line';
    const command = `for i in $(seq 1 40); do echo ${marker}-$i; done; node bin/khunjerab.js step ${scenario} --seed 1; echo "[exit $?]"; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '60', '-y', '20', command);
    try {
      await waitFor(/terminal too small \(need 80×23, have 60×20\)/);
      tmux('send-keys', '-t', session, 'Space', 'd', 'b', 'Space');
      await waitFor(/step \d+ · day 2 of 90/);
      tmux('send-keys', '-t', session, 'q');
      await waitFor(/\[exit 0\]/);
      const history = tmux('capture-pane', '-p', '-t', session, '-S', '-200');
      for (const i of [1, 20, 40]) expect(history).toContain(`${marker}-${i}\n`);
      expect(history).toMatch(/khunjerab step: \d+ steps/);
    } finally {
      closeServer();
    }
  });
});
