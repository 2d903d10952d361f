// Issue 17 in Node against the sandbox: `.withResponse()` / `.asResponse()`, `withOptions`, the
// per-call `headers` / `query` / `body` options, the phone-number onboarding steps, and plain
// objects typed by the .d.ts (checked by tsc in examples/migrating.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import Zavudev, { APIPromise, InvalidRequestError, NotFoundError } from '@zavudev/sdk';

import { startSandbox } from './sandbox.mjs';

let sandbox;
let zavu;

before(async () => {
  sandbox = await startSandbox();
  zavu = new Zavudev({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
});

after(async () => {
  await sandbox?.stop();
});

async function requestLog(path) {
  const { body } = await sandbox.control('GET', `/sandbox/requests?path=${path}`);
  return body.items;
}

describe('response metadata', () => {
  test('.withResponse() gives the data, a Response, the request id and the rate limit', async () => {
    const promise = zavu.invitations.create({ clientName: 'Acme Corp' });
    assert.ok(promise instanceof APIPromise);
    const { data, response, requestId, rateLimit } = await promise.withResponse();
    assert.equal(data.clientName, 'Acme Corp');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('X-Request-Id'), requestId);
    assert.ok(requestId);
    assert.equal(rateLimit.limit, 100);
    assert.equal(Number(response.headers.get('x-ratelimit-limit')), 100);
    assert.equal((await response.json()).id, data.id);
  });

  test('.asResponse() gives the Response; a plain await still gives the value', async () => {
    const failed = await zavu.invitations.get('inv_missing').asResponse().catch((e) => e);
    assert.ok(failed instanceof NotFoundError);
    assert.ok(failed.requestId);
    const created = await zavu.invitations.create({ clientName: 'Plain' });
    const raw = await zavu.invitations.retrieve(created.id).asResponse();
    assert.equal(raw.status, 200);
    assert.equal((await raw.json()).id, created.id);
    const released = await zavu.phoneNumbers
      .release((await zavu.phoneNumbers.purchase({ phoneNumber: '+14155551234' })).id)
      .withResponse();
    assert.equal(released.response.status, 204);
    assert.equal(released.data, undefined);
  });
});

describe('per-client and per-call options', () => {
  test('withOptions derives a client with another key, timeout or retries', async () => {
    const mine = await zavu.invitations.create({ clientName: 'Mine' });
    const other = zavu.withOptions({ apiKey: sandbox.otherKey, maxRetries: 0 });
    assert.equal(other.maxRetries, 0);
    assert.equal(zavu.maxRetries, 2);
    await assert.rejects(other.invitations.retrieve(mine.id), NotFoundError);
    const slow = zavu.withOptions({ timeout: 5000 });
    assert.equal(slow.timeout, 5000);
    assert.equal((await slow.invitations.retrieve(mine.id)).id, mine.id);
  });

  test('a bad baseURL names baseURL, as the caller wrote it', () => {
    assert.throws(
      () => new Zavudev({ apiKey: 'k', baseURL: 'ftp://nowhere' }),
      (e) => e instanceof InvalidRequestError && e.param === 'baseURL' && /baseURL/.test(e.message),
    );
    assert.throws(
      () => zavu.withOptions({ baseURL: 'not a url' }),
      (e) => e instanceof InvalidRequestError && e.param === 'baseURL',
    );
  });

  test('query, body and headers win over the method', async () => {
    for (let i = 0; i < 3; i++) await zavu.invitations.create({ clientName: `C${i}` });
    const page = await zavu.invitations.list(
      { limit: 50 },
      { query: { limit: 1 }, headers: { 'User-Agent': 'migrating-app' } },
    );
    assert.equal(page.items.length, 1);
    const logged = (await requestLog('/v1/invitations')).at(-1);
    assert.equal(logged.query, 'limit=1');
    assert.equal(logged.userAgent, 'migrating-app');
    const invitation = await zavu.invitations.create(
      { clientName: 'From params' },
      { body: { clientName: 'From body' } },
    );
    assert.equal(invitation.clientName, 'From body');
  });

  test('bad per-call options are refused before sending, naming the option', async () => {
    const before = (await requestLog('/v1/invitations')).length;
    for (const [options, param] of [
      [{ body: ['not', 'an', 'object'] }, 'body'],
      [{ body: 'text' }, 'body'],
      [{ query: { limit: { nested: true } } }, 'query'],
      [{ headers: { 'bad header': 'x' } }, 'headers'],
    ]) {
      await assert.rejects(
        zavu.invitations.create({ clientName: 'x' }, options),
        (e) => e instanceof InvalidRequestError && e.param === param,
        JSON.stringify(options),
      );
    }
    await assert.rejects(
      zavu.invitations.retrieve('inv_1', { body: { a: 1 } }),
      (e) => e instanceof InvalidRequestError && e.param === 'body',
    );
    assert.equal((await requestLog('/v1/invitations')).length, before);
  });
});

describe('phone numbers', () => {
  test('search, requirements, purchase, list, retrieve, update, release', async () => {
    const numbers = zavu.phoneNumbers;
    const found = await numbers.searchAvailable({ countryCode: 'US', type: 'local', limit: 3 });
    assert.equal(found.length, 3);
    assert.equal(found[0].pricing.isFreeEligible, true);
    const none = await numbers.requirements({ phoneNumber: found[1].phoneNumber });
    assert.deepEqual(none, []);
    const gb = await numbers.requirements({ countryCode: 'GB' });
    assert.equal(gb[0].requirementTypes[0].type, 'address');
    const bought = await numbers.purchase({ phoneNumber: found[1].phoneNumber, name: 'Line' });
    const listed = [];
    for await (const n of numbers.list({ limit: 1 })) listed.push(n.id);
    assert.ok(listed.includes(bought.id));
    assert.equal((await numbers.retrieve(bought.id)).name, 'Line');
    assert.equal((await numbers.update(bought.id, { name: 'Renamed' })).name, 'Renamed');
    assert.equal((await numbers.update(bought.id, {})).name, 'Renamed');
    assert.equal((await numbers.update(bought.id, { name: null })).name, undefined);
    const other = zavu.withOptions({ apiKey: sandbox.otherKey });
    await assert.rejects(other.phoneNumbers.retrieve(bought.id), NotFoundError);
    await numbers.release(bought.id);
    await assert.rejects(numbers.retrieve(bought.id), NotFoundError);
    await assert.rejects(
      numbers.searchAvailable({ countryCode: 'usa' }),
      (e) => e instanceof InvalidRequestError && e.param === 'countryCode',
    );
  });
});
