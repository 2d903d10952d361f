// The guide's TypeScript examples (bindings-node/examples/guide.ts), compiled with tsc against the
// package's types and run against a sandbox, as a user of the package would run them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { repoRoot, startSandbox } from './sandbox.mjs';

const examples = join(repoRoot, 'bindings-node', 'examples');
let sandbox;
let outDir;

/** examples/node_modules/@zavudev/sdk → the repository root, as an installed package would be. */
export function linkPackage() {
  const scope = join(examples, 'node_modules', '@zavudev');
  mkdirSync(scope, { recursive: true });
  const link = join(scope, 'sdk');
  if (!existsSync(link)) symlinkSync(join('..', '..', '..', '..'), link, 'dir');
}

before(async () => {
  sandbox = await startSandbox(['--no-rate-limits']);
  linkPackage();
  // Inside examples/ so that its package.json (type: module) and node_modules apply.
  outDir = mkdtempSync(join(examples, '.guide-build-'));
});

after(async () => {
  await sandbox?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('the guide examples compile with tsc and run against the sandbox', () => {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', examples, '--outDir', outDir], { encoding: 'utf8' });
  assert.equal(compiled.status, 0, compiled.stdout + compiled.stderr);

  const run = spawnSync(process.execPath, [join(outDir, 'guide.js')], {
    cwd: examples,
    encoding: 'utf8',
    env: { ...process.env, ZAVUDEV_API_KEY: sandbox.apiKey, ZAVUDEV_BASE_URL: sandbox.baseURL },
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const out = run.stdout;
  assert.match(out, new RegExp(`^Invitation URL: ${sandbox.baseURL}/invite/\\S+$`, 'm'));
  assert.match(out, /^Token: \S{20,}$/m);
  assert.match(out, /^Expires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/m);
  assert.match(out, /^Acme Corp pending http/m);
  assert.match(out, /^Status: pending$/m);
  assert.match(out, /^Client: Acme Corp$/m);
  assert.match(out, /^Sent email to ops@globex\.example - Connect Your WhatsApp Business$/m);
  assert.match(out, /^Still waiting for client to complete setup$/m);
  assert.match(out, /^Invitation was cancelled$/m);
  assert.match(out, /^New sender: snd_1 \+14155551234$/m);
  assert.match(out, /^Webhook answered 200 OK$/m);
  assert.match(run.stderr, /^Phone number not found$/m);
});
