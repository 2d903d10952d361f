// Concurrency and cancellation: calls run on the shared runtime, never on the JS thread; many
// calls share one client's connection pool; an AbortSignal cancels a call in flight.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import Zavudev, { APIUserAbortError, ZavuError } from '@zavudev/sdk';

import { startSandbox } from './sandbox.mjs';

let sandbox;
let zavu;

const delay = (path, ms, count = 1, method = 'GET') =>
  sandbox.control('POST', '/sandbox/faults', { method, path, count, fault: { kind: 'delay', ms } });

before(async () => {
  sandbox = await startSandbox(['--no-rate-limits']);
  zavu = new Zavudev({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
});

after(async () => {
  await sandbox?.stop();
});

describe('concurrency', () => {
  test('the event loop keeps running while calls wait on the network', async () => {
    await delay('/v1/invitations/*', 600, 20);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const calls = Array.from({ length: 20 }, (_, i) => zavu.invitations.get(`inv_slow_${i}`).catch((e) => e.code));
    // While every call is in flight, JavaScript still runs.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ticksWhileWaiting = ticks;
    const codes = await Promise.all(calls);
    clearInterval(timer);
    assert.ok(ticksWhileWaiting >= 5, `only ${ticksWhileWaiting} timer ticks ran while the calls waited`);
    assert.deepEqual(new Set(codes), new Set(['not_found']));
  });

  // The addon answers every call through one threadsafe function per thread, referenced only
  // while calls are pending: an awaited call must keep a script alive, an idle client must not.
  test('a pending call keeps the process alive; an idle client lets it exit', async () => {
    const script = (body) => `
      import Zavudev from '@zavudev/sdk';
      const zavu = new Zavudev({ apiKey: ${JSON.stringify(sandbox.apiKey)}, baseURL: ${JSON.stringify(sandbox.baseURL)} });
      ${body}`;
    const run = (body) =>
      promisify(execFile)(process.execPath, ['--input-type=module', '-e', script(body)], {
        cwd: new URL('.', import.meta.url),
        timeout: 20_000,
      });
    await delay('/v1/invitations/*', 800);
    const started = Date.now();
    const pending = await run(
      "const e = await zavu.invitations.get('inv_slow').catch((e) => e); console.log(e.code);",
    );
    assert.equal(pending.stdout.trim(), 'not_found');
    assert.ok(Date.now() - started >= 800, 'the process ended before its call was answered');
    const idle = await run(
      "await zavu.invitations.get('inv_none').catch(() => {}); console.log('idle');",
    );
    assert.equal(idle.stdout.trim(), 'idle');
  });

  test('many concurrent calls on one client all succeed through its one pool', async () => {
    const client = new Zavudev({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, i) => client.invitations.create({ clientName: `Concurrent ${i}` })),
    );
    assert.equal(new Set(created.map((i) => i.id)).size, 100);
    const fetched = await Promise.all(created.map((inv) => client.invitations.get({ invitationId: inv.id })));
    assert.deepEqual(
      fetched.map((i) => i.clientName),
      created.map((i) => i.clientName),
    );
    assert.deepEqual(client.stats(), { requests: 200, retries: 0 });
  });

  test('concurrent iterations do not interfere', async () => {
    await sandbox.control('POST', '/sandbox/invitations/seed', { count: 120, clientNamePrefix: 'Walk' });
    const walk = async () => {
      let n = 0;
      for await (const inv of zavu.invitations.list({ limit: 25 })) if (inv.clientName?.startsWith('Walk')) n++;
      return n;
    };
    assert.deepEqual(await Promise.all([walk(), walk(), walk()]), [120, 120, 120]);
  });
});

describe('AbortSignal', () => {
  test('aborting a call in flight rejects it at once with code cancelled', async () => {
    await delay('/v1/invitations/*', 5000);
    const controller = new AbortController();
    const started = Date.now();
    const pending = zavu.invitations.get({ invitationId: 'inv_abort' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e) => e);
    assert.ok(error instanceof APIUserAbortError, String(error));
    assert.ok(error instanceof ZavuError);
    assert.equal(error.code, 'cancelled');
    assert.equal(error.kind, 'cancelled');
    assert.ok(Date.now() - started < 4000, 'the call did not wait for the slow server');
    await sandbox.control('DELETE', '/sandbox/faults');
  });

  test('an already aborted signal cancels before anything is sent', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = (await sandbox.control('GET', '/sandbox/requests?path=/v1/invitations/inv_never')).body.items.length;
    await assert.rejects(
      zavu.invitations.get('inv_never', { signal: controller.signal }),
      (e) => e instanceof APIUserAbortError && e.code === 'cancelled',
    );
    const afterCount = (await sandbox.control('GET', '/sandbox/requests?path=/v1/invitations/inv_never')).body.items.length;
    assert.equal(afterCount, before);
  });

  test('a signal that never fires changes nothing; aborting after the call is harmless', async () => {
    const controller = new AbortController();
    const inv = await zavu.invitations.create({ clientName: 'Not aborted' }, { signal: controller.signal });
    controller.abort();
    assert.equal(inv.status, 'pending');
  });

  test('aborting waitForCompletion stops the polling', async () => {
    const inv = await zavu.invitations.create({ clientName: 'Abort the wait' });
    const controller = new AbortController();
    const waiting = zavu.invitations.waitForCompletion(
      { invitationId: inv.id, pollInterval: 20, timeout: 60_000 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(waiting, (e) => e.code === 'cancelled');
  });

  test('aborting an iteration rejects the next page fetch', async () => {
    await sandbox.control('POST', '/sandbox/invitations/seed', { count: 60, clientNamePrefix: 'Abortable' });
    const controller = new AbortController();
    const seen = [];
    const walk = async () => {
      for await (const inv of zavu.invitations.list({ limit: 50 }, { signal: controller.signal })) {
        seen.push(inv);
        if (seen.length === 50) {
          await delay('/v1/invitations', 5000);
          setTimeout(() => controller.abort(), 50);
        }
      }
    };
    await assert.rejects(walk(), (e) => e instanceof APIUserAbortError);
    assert.equal(seen.length, 50);
    await sandbox.control('DELETE', '/sandbox/faults');
  });
});
