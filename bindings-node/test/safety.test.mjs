// Binding safety: a panic inside core rejects with InternalError (never an abort); clients work
// from many worker threads at once and a worker terminated mid-call does not take the process
// down; a client nobody references any more still finishes its call; the key and webhook
// secrets appear nowhere in what a process prints, even with every log on.
//
// The panic is forced through core's `test-panic` feature: run-tests.sh builds the addon these
// tests load with it (NAPI_RS_NATIVE_LIBRARY_PATH). Any call whose path contains
// `__zavu_test_panic__` then panics inside core.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';

import Zavudev, { InternalError, NotFoundError, ZavuError } from '@zavudev/sdk';

import { repoRoot, startSandbox } from './sandbox.mjs';

const PANIC_ID = '__zavu_test_panic__';
const KEY = 'zk_live_5e4d3c2b1a_node_never_show';
const WRONG_KEY = 'zk_live_0000wrong_node_never_show';
const SECRET = 'whsec_node_5ecret_never_show';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

let sandbox;
let zavu;

const delay = (ms) =>
  sandbox.control('POST', '/sandbox/faults', {
    path: '/v1/invitations/*',
    method: 'GET',
    count: 1,
    fault: { kind: 'delay', ms },
  });

before(async () => {
  sandbox = await startSandbox(['--no-rate-limits']);
  zavu = new Zavudev({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
});

after(async () => {
  await sandbox?.stop();
});

/** The error of a call meant to panic; fails clearly when the addon lacks the feature. */
async function panicOf(call) {
  const error = await call().then(
    () => assert.fail('the call meant to panic resolved'),
    (e) => e,
  );
  if (error instanceof NotFoundError) {
    assert.fail(
      'the call meant to panic answered not_found: the addon was built without the `test-panic` ' +
        'feature (bindings-node/run-tests.sh builds one with it and loads it through NAPI_RS_NATIVE_LIBRARY_PATH)',
    );
  }
  return error;
}

function runWorker(workerData) {
  const worker = new Worker(new URL('./safety-worker.mjs', import.meta.url), { workerData });
  return { worker, done: new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker exited with ${code} before answering`)));
  }) };
}

describe('a panic inside core', () => {
  test('rejects with InternalError (internal_panic) and the same client goes on', async () => {
    const error = await panicOf(() => zavu.invitations.get(PANIC_ID));
    assert.ok(error instanceof InternalError, inspect(error));
    assert.ok(error instanceof ZavuError);
    assert.equal(error.code, 'internal_panic');
    assert.equal(error.kind, 'internal');
    assert.equal(error.status, undefined);
    assert.match(error.message, /forced panic/);
    for (const text of [String(error), error.stack, inspect(error, { showHidden: true, depth: 10 })]) {
      assert.ok(!text.includes(sandbox.apiKey), text);
    }
    // The same client, right after and alongside more panics.
    const [again, created] = await Promise.allSettled([
      zavu.invitations.get({ invitationId: PANIC_ID }),
      zavu.invitations.create({ clientName: 'After the panic' }),
    ]);
    assert.ok(again.reason instanceof InternalError);
    assert.equal(created.value.clientName, 'After the panic');
    assert.equal((await zavu.invitations.get(created.value.id)).id, created.value.id);
  });
});

describe('worker threads', () => {
  test('several workers, each with its own client, call the sandbox at once', async () => {
    const workers = Array.from({ length: 4 }, (_, n) =>
      runWorker({ baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, name: `worker ${n}`, calls: 15 }),
    );
    // The main thread's client keeps working while the workers run.
    const mine = Promise.all(Array.from({ length: 15 }, (_, i) => zavu.invitations.create({ clientName: `main #${i}` })));
    const results = await Promise.all(workers.map((w) => w.done));
    assert.equal((await mine).length, 15);
    for (const [n, result] of results.entries()) {
      assert.equal(result.ids.length, 15);
      assert.deepEqual(result.names, Array.from({ length: 15 }, (_, i) => `worker ${n} #${i}`));
      assert.deepEqual(result.panic, { name: 'InternalError', code: 'internal_panic' });
    }
    assert.equal(new Set(results.flatMap((r) => r.ids)).size, 60);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  });

  test('terminating a worker with a call in flight leaves the process and the addon working', async () => {
    const invitation = await zavu.invitations.create({ clientName: 'Left in flight' });
    await delay(1000);
    const { worker, done } = runWorker({ baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, invitationId: invitation.id });
    assert.deepEqual(await done, { started: true });
    await sleep(200);
    assert.equal(await worker.terminate(), 1);
    // Let the slow answer arrive for the worker that is gone.
    await sleep(1300);
    assert.equal((await zavu.invitations.get(invitation.id)).id, invitation.id);
    // New workers still load the addon and work.
    const fresh = runWorker({ baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, name: 'after', calls: 3 });
    assert.equal((await fresh.done).ids.length, 3);
    await fresh.worker.terminate();
  });
});

describe('a client nobody references', () => {
  test('still finishes the call it started', async () => {
    const invitation = await zavu.invitations.create({ clientName: 'Orphan' });
    await delay(800);
    let ref;
    const pending = (() => {
      const client = new Zavudev({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
      ref = new WeakRef(client);
      return client.invitations.get({ invitationId: invitation.id });
    })();
    // WeakRefs clear only between turns of the event loop.
    for (let i = 0; i < 5 && ref.deref() !== undefined; i++) {
      await sleep(20);
      gc();
    }
    assert.equal(ref.deref(), undefined, 'the client object was not collected, so the test proves nothing');
    const got = await pending;
    assert.equal(got.id, invitation.id);
  });
});

describe('secrets', () => {
  for (const level of ['trace', 'trace,zavu_core=trace']) {
    // `trace` is core's every level; the filter form turns on every crate at trace as well.
    test(`no key or webhook secret in anything a process prints (ZAVUDEV_LOG=${level})`, async () => {
      // startSandbox waits for two keys: a second team, unused here.
      const own = await startSandbox(['--api-key', KEY, '--api-key', 'zk_live_second_team']);
      const scratch = mkdtempSync(join(tmpdir(), 'zavu-node-secrets-'));
      let child;
      try {
        const secretFile = join(scratch, 'secret');
        const env = { ...process.env, ZAVUDEV_LOG: level, RUST_BACKTRACE: '1' };
        delete env.ZAVUDEV_API_KEY;
        child = spawnSync(
          process.execPath,
          [new URL('./safety-child.mjs', import.meta.url).pathname, own.baseURL, KEY, WRONG_KEY, SECRET, secretFile],
          { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 },
        );
        child.createdSecret = readFileSync(secretFile, 'utf8');
      } finally {
        await own.stop();
        rmSync(scratch, { recursive: true, force: true });
      }
      const output = child.stdout + child.stderr;
      assert.equal(child.status, 0, output.slice(-4000));
      assert.match(child.stdout, /done\n$/);
      assert.match(child.createdSecret, /^whsec_/);
      // The run did what it should, so the check below can fail: log lines at trace, each error,
      // and the panic (its message, printed by Rust's panic hook, and the rejection).
      assert.match(child.stderr, /(DEBUG|TRACE).*zavu_core::client/);
      if (level !== 'trace') assert.match(child.stderr, /TRACE.*hyper/);
      assert.match(child.stderr, /forced panic/);
      for (const expected of [
        'validation: InvalidRequestError',
        'unauthorized: AuthenticationError',
        'panic: InternalError',
        'webhook wrong secret: WebhookVerificationError',
      ]) {
        assert.ok(child.stdout.includes(expected), `${expected} missing from:\n${child.stdout}`);
      }
      for (const secret of [KEY, WRONG_KEY, SECRET, child.createdSecret]) {
        const leaks = output.split('\n').filter((line) => line.includes(secret));
        assert.deepEqual(leaks, [], `${secret} leaked`);
      }
    });
  }
});
