// The package itself: one version everywhere, ESM and CommonJS entries, types for every export.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

import * as esm from '@zavudev/sdk';

import { repoRoot } from './sandbox.mjs';

const require = createRequire(import.meta.url);
const cjs = require('@zavudev/sdk');
const native = require('../native/index.js');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

function workspaceVersion() {
  const cargo = readFileSync(join(repoRoot, 'Cargo.toml'), 'utf8');
  const section = cargo.split(/^\[workspace\.package\]$/m)[1];
  return /^version\s*=\s*"([^"]+)"/m.exec(section)[1];
}

test('one version: package.json, the Cargo workspace, core and the exported VERSION', () => {
  assert.equal(pkg.version, workspaceVersion());
  assert.equal(native.version(), pkg.version);
  assert.equal(esm.VERSION, pkg.version);
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
  assert.equal(lock.version, pkg.version);
  assert.equal(lock.packages[''].version, pkg.version);
});

test('the package is @zavudev/sdk with require and import entries and types', () => {
  assert.equal(pkg.name, '@zavudev/sdk');
  const entry = pkg.exports['.'];
  assert.ok(entry.require.default && entry.require.types && entry.import.default && entry.import.types);
  assert.equal(typeof cjs, 'function', 'require() gives the client class');
  assert.equal(cjs.name, 'Zavudev');
  assert.equal(esm.default, cjs);
  assert.equal(cjs.default, cjs);
  assert.equal(esm.Zavudev, cjs);
});

test('every runtime export is declared in index.d.ts, and the ESM entry exports them all', () => {
  const dts = readFileSync(join(repoRoot, 'bindings-node', 'js', 'index.d.ts'), 'utf8');
  const names = Object.keys(cjs).filter((name) => name !== 'default');
  for (const name of names) {
    assert.match(dts, new RegExp(`export (declare )?(class|const|type|interface|\\{) ?${name}\\b`), name);
    assert.ok(name in esm, `index.mjs exports ${name}`);
  }
  assert.deepEqual(Object.keys(esm).filter((n) => n !== 'default').sort(), names.sort());
});
