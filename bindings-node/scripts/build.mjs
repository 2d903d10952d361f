#!/usr/bin/env node
// Builds the native addon (bindings-node/native/zavu.<platform>.node) with the napi CLI.
//
// Runs as the package's `prepare` script, so `npm install` / `npm ci` at the repository root
// builds the addon into the workspace's shared target dir. An installed copy of the package
// (from `npm pack`) has no Cargo.toml and already carries the built addon, so it never builds:
// installing it needs no Rust.
//
//   node bindings-node/scripts/build.mjs [--force] [--release] [--output-dir DIR] [--features LIST]
//
// --features passes Cargo features on (run-tests.sh builds the addon its tests load with
// `test-panic`, into a scratch folder; the packaged addon never has it).
//
// ZAVU_NODE_SKIP_BUILD=1 skips the build; ZAVU_NODE_RELEASE=1 builds in release mode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const crateDir = join(here, '..');
const root = join(crateDir, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

if (process.env.ZAVU_NODE_SKIP_BUILD === '1') {
  console.log('zavu-node: ZAVU_NODE_SKIP_BUILD=1, not building the addon');
  process.exit(0);
}
if (!existsSync(join(crateDir, 'Cargo.toml'))) {
  // An installed package: the prebuilt addon ships in native/.
  process.exit(0);
}

const napi = join(root, 'node_modules', '@napi-rs', 'cli', 'dist', 'cli.js');
if (!existsSync(napi)) {
  console.error('zavu-node: @napi-rs/cli is missing; run `npm install` at the repository root first');
  process.exit(1);
}

const outputDir = value('--output-dir') ?? join(crateDir, 'native');
const command = [
  napi,
  'build',
  '--platform',
  '--manifest-path', relative(root, join(crateDir, 'Cargo.toml')),
  '--package-json-path', 'package.json',
  // The workspace's own target dir: one build of core shared with every other crate.
  '--target-dir', 'target',
  '--output-dir', relative(root, outputDir) || '.',
  '--js', 'index.js',
  '--dts', 'index.d.ts',
];
if (flag('--release') || process.env.ZAVU_NODE_RELEASE === '1') command.push('--release');
if (value('--features')) command.push('--features', value('--features'));

const result = spawnSync(process.execPath, command, { cwd: root, stdio: 'inherit' });
if (result.error) {
  console.error(`zavu-node: could not run the napi CLI: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
