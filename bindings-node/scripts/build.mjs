#!/usr/bin/env node
// Builds the native addon (bindings-node/native/zavu.<platform>.node) with the napi CLI.
//
// Runs as the package's `prepare` script, so `npm install` / `npm ci` at the repository root
// builds the addon into the workspace's shared target dir. An installed copy of the package
// (from `npm pack`) has no Cargo.toml and already carries the built addon, so it never builds:
// installing it needs no Rust.
//
// It is also the package's `prepack` script (`--release --strip --check`): a plain `npm pack` or
// `npm publish` at the root always ships a stripped release addon, never the debug one `prepare`
// left. npm runs `prepare` after `prepack` when packing; that `prepare` does nothing, so the
// release addon stays.
//
//   node bindings-node/scripts/build.mjs [--force] [--release] [--strip] [--check]
//                                        [--output-dir DIR] [--features LIST]
//
// --features passes Cargo features on (run-tests.sh builds the addon its tests load with
// `test-panic`, into a scratch folder; the packaged addon never has it).
// --strip strips the addon (`strip --strip-unneeded`); --check then refuses any addon in the
// output folder that is not stripped (a debug build is never stripped), so nothing else can be packed.
//
// ZAVU_NODE_SKIP_BUILD=1 skips the build; ZAVU_NODE_RELEASE=1 builds in release mode.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
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

if (process.env.npm_lifecycle_event === 'prepare' && ['pack', 'publish'].includes(process.env.npm_command)) {
  // `prepack` has just built the release addon that is about to be packed.
  process.exit(0);
}
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

// host-cargo drops napi's `--target <host triple>`, which would build every dependency a second time
// (a cross build) instead of sharing the workspace's build; see that script.
const env = {
  ...process.env,
  ZAVU_REAL_CARGO: process.env.ZAVU_REAL_CARGO ?? process.env.CARGO ?? 'cargo',
  CARGO: join(here, 'host-cargo'),
  ZAVU_ADDON_LIB: 'zavu_node',
};
const result = spawnSync(process.execPath, command, { cwd: root, stdio: 'inherit', env });
if (result.error) {
  console.error(`zavu-node: could not run the napi CLI: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) process.exit(result.status ?? 1);

const addons = readdirSync(outputDir)
  .filter((name) => name.endsWith('.node'))
  .map((name) => join(outputDir, name));
if (flag('--strip')) {
  for (const addon of addons) execFileSync('strip', ['--strip-unneeded', addon], { stdio: 'inherit' });
}
if (flag('--check')) {
  if (addons.length === 0) {
    console.error(`zavu-node: no addon in ${relative(root, outputDir)} to pack`);
    process.exit(1);
  }
  for (const addon of addons) {
    const what = execFileSync('file', ['-b', addon], { encoding: 'utf8' });
    if (!what.includes(', stripped')) {
      console.error(`zavu-node: refusing to pack ${relative(root, addon)}: not a stripped release build (${what.trim()})`);
      process.exit(1);
    }
  }
  console.log(`zavu-node: release addon ready to pack: ${addons.map((a) => relative(root, a)).join(', ')}`);
}
