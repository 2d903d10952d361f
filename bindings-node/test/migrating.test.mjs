// MIGRATING.md, checked: the published SDK's README examples (tests/migration/), with only the
// rewrites MIGRATING.md lists applied, run against the sandbox.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { repoRoot, startSandbox } from './sandbox.mjs';

let sandbox;

before(async () => {
  sandbox = await startSandbox();
});

after(async () => {
  await sandbox?.stop();
});

/** The [find, replace] rows of MIGRATING.md's "Mechanical rewrites" table for `language`. */
function rewrites(language) {
  const text = readFileSync(join(repoRoot, 'MIGRATING.md'), 'utf8');
  const section = text.split('## Mechanical rewrites')[1];
  return section
    .split('\n')
    .filter((line) => line.startsWith(`| ${language} |`))
    .map((line) => {
      const cells = [...line.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
      return [cells[0].replaceAll('\\|', '|'), cells[1]];
    });
}

test('the table lists rewrites for node', () => {
  assert.ok(rewrites('node').length >= 3);
});

test('the published Node examples run after the listed rewrites', async () => {
  const original = readFileSync(join(repoRoot, 'tests', 'migration', 'published_node.mjs'), 'utf8');
  let code = original;
  for (const [find, replace] of rewrites('node')) code = code.replace(new RegExp(find, 'g'), replace);
  assert.notEqual(code, original);
  // Next to the test, so `@zavudev/sdk` resolves as it does for the other tests.
  const file = join(repoRoot, 'bindings-node', 'test', `.migrated-${process.pid}.mjs`);
  writeFileSync(file, code);
  process.env.ZAVUDEV_API_KEY = sandbox.apiKey;
  process.env.ZAVUDEV_BASE_URL = sandbox.baseURL;
  const logged = [];
  const log = console.log;
  console.log = (...args) => logged.push(args.map(String).join(' '));
  try {
    const { RESULT } = await import(file);
    assert.ok(RESULT.invitationUrl.startsWith(sandbox.baseURL));
    assert.ok(RESULT.released.startsWith('pn_'));
  } finally {
    console.log = log;
    delete process.env.ZAVUDEV_API_KEY;
    delete process.env.ZAVUDEV_BASE_URL;
    rmSync(file, { force: true });
  }
  assert.ok(logged.includes('404'), logged.join('\n'));
  assert.ok(logged.includes('NotFoundError'));
  assert.ok(logged.includes('+14155551234'));
  assert.ok(logged.includes('Support line'));
});
