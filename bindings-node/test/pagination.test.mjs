// Pagination: pages with cursors, and lazy async iteration over every item of every page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import Zavudev, { Page, PagePromise } from '@zavudev/sdk';

import { startSandbox } from './sandbox.mjs';

let sandbox;
let zavu;

const listRequests = async () =>
  (await sandbox.control('GET', '/sandbox/requests?path=/v1/invitations&limit=1000')).body.items.filter(
    (r) => r.path === '/v1/invitations' && r.method === 'GET',
  );

before(async () => {
  sandbox = await startSandbox(['--no-rate-limits']);
  zavu = new Zavudev({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
  await sandbox.control('POST', '/sandbox/invitations/seed', { count: 200 });
  await sandbox.control('POST', '/sandbox/invitations/seed', { count: 50, status: 'completed', clientNamePrefix: 'Done' });
});

after(async () => {
  await sandbox?.stop();
});

describe('pages', () => {
  test('list resolves to a Page; getNextPage follows the cursor to the end', async () => {
    const promise = zavu.invitations.list({ limit: 100 });
    assert.ok(promise instanceof PagePromise);
    assert.ok(promise instanceof Promise);
    const first = await promise;
    assert.ok(first instanceof Page);
    assert.equal(first.items.length, 100);
    assert.equal(typeof first.nextCursor, 'string');
    assert.equal(first.hasNextPage(), true);

    const second = await first.getNextPage();
    assert.equal(second.items.length, 100);
    const third = await second.getNextPage();
    assert.equal(third.items.length, 50);
    assert.equal(third.nextCursor, null);
    assert.equal(third.hasNextPage(), false);
    assert.equal(await third.getNextPage(), null);

    const ids = new Set([...first.items, ...second.items, ...third.items].map((i) => i.id));
    assert.equal(ids.size, 250, 'no item twice');
  });

  test('a page keeps its filter when it follows the cursor', async () => {
    const first = await zavu.invitations.list({ status: 'pending', limit: 30 });
    const second = await first.getNextPage();
    assert.ok([...first.items, ...second.items].every((i) => i.status === 'pending'));
  });

  test('destructuring the page works as the guide shows', async () => {
    const { items, nextCursor } = await zavu.invitations.list({});
    assert.equal(items.length, 50, "the API's default page size");
    assert.ok(nextCursor);
  });

  test('a page crosses in the wire shape: the objects get answers, unknown fields kept', async () => {
    const { items } = await zavu.invitations.list({ limit: 5 });
    for (const inv of items) assert.deepStrictEqual(inv, await zavu.invitations.get(inv.id));
    assert.equal(Object.getPrototypeOf(items[0]), Object.prototype, 'plain objects');

    const newer = { ...items[0], id: 'inv_newer', status: 'paused', brandNewField: { a: 1, big: 5000000000, list: [null, true, 'x', 1.5] } };
    await sandbox.control('POST', '/sandbox/faults', {
      method: 'GET',
      path: '/v1/invitations',
      count: 1,
      fault: { kind: 'status', status: 200, body: { items: [newer], nextCursor: null } },
    });
    const page = await zavu.invitations.list();
    assert.deepStrictEqual(page.items, [newer]);
    assert.equal(page.nextCursor, null);
    await sandbox.control('DELETE', '/sandbox/faults');
  });

  test('an unknown cursor is invalid_request naming cursor', async () => {
    await assert.rejects(zavu.invitations.list({ cursor: 'no_such_cursor' }), (e) => e.param === 'cursor');
  });
});

describe('async iteration', () => {
  test('for await over list() walks every item across pages', async () => {
    const ids = [];
    for await (const inv of zavu.invitations.list({ limit: 100 })) ids.push(inv.id);
    assert.equal(ids.length, 250);
    assert.equal(new Set(ids).size, 250);
  });

  test('for await over a page walks from that page on', async () => {
    const first = await zavu.invitations.list({ limit: 100 });
    const second = await first.getNextPage();
    let count = 0;
    for await (const inv of second) {
      assert.ok(inv.id);
      count++;
    }
    assert.equal(count, 150);
  });

  test('iteration keeps the filter', async () => {
    const statuses = new Set();
    let count = 0;
    for await (const inv of zavu.invitations.list({ status: 'completed', limit: 20 })) {
      statuses.add(inv.status);
      count++;
    }
    assert.equal(count, 50);
    assert.deepEqual([...statuses], ['completed']);
  });

  test('pages are fetched lazily, one at a time', async () => {
    const before = (await listRequests()).length;
    const seen = [];
    for await (const inv of zavu.invitations.list({ limit: 100 })) {
      seen.push(inv);
      if (seen.length === 3) break;
    }
    assert.equal((await listRequests()).length - before, 1, 'breaking early fetched only the first page');

    const started = (await listRequests()).length;
    const iterator = zavu.invitations.list({ limit: 100 })[Symbol.asyncIterator]();
    for (let i = 0; i < 100; i++) assert.equal((await iterator.next()).done, false);
    assert.equal((await listRequests()).length - started, 1, 'the first 100 items come from one page');
    await iterator.next();
    assert.equal((await listRequests()).length - started, 2, 'item 101 fetched the second page');
    await iterator.return();
  });

  test('an error while walking rejects the iteration with a typed error', async () => {
    const first = await zavu.invitations.list({ limit: 100 });
    await sandbox.control('POST', '/sandbox/faults', {
      method: 'GET',
      path: '/v1/invitations',
      count: 3,
      fault: { kind: 'status', status: 500 },
    });
    const walk = async () => {
      for await (const inv of first) void inv;
    };
    await assert.rejects(walk(), (e) => e.name === 'InternalServerError' && e.kind === 'server' && e.status === 500);
    await sandbox.control('DELETE', '/sandbox/faults');
  });

  test('a failed page fetch throws, and the next step fetches the same page again', async () => {
    const noRetry = new Zavudev({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
    const first = await noRetry.invitations.list({ limit: 40 });
    const iterator = first[Symbol.asyncIterator]();
    const seen = [];
    for (let i = 0; i < first.items.length; i++) seen.push((await iterator.next()).value.id);
    await sandbox.control('POST', '/sandbox/faults', {
      method: 'GET',
      path: '/v1/invitations',
      count: 1,
      fault: { kind: 'status', status: 500 },
    });
    await assert.rejects(iterator.next(), (e) => e.kind === 'server' && e.status === 500);
    for (;;) {
      const step = await iterator.next();
      if (step.done) break;
      seen.push(step.value.id);
    }
    assert.equal(new Set(seen).size, seen.length);
    assert.ok(seen.length > first.items.length, 'the walk went on past the failed page');
  });

  test('senders iterate the same way', async () => {
    // The 50 seeded completed invitations each made a sender.
    const first = await zavu.senders.list({ limit: 20 });
    assert.equal(first.items.length, 20);
    const ids = new Set();
    for await (const s of first) ids.add(s.id);
    assert.equal(ids.size, 50);
  });
});
