// Errors: one class per core kind, instanceof across the native boundary, every field, the code
// list parity with core, and no API key anywhere.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { after, before, describe, test } from 'node:test';

import Zavudev, * as esm from '@zavudev/sdk';

import { startSandbox } from './sandbox.mjs';

const require = createRequire(import.meta.url);
const cjs = require('@zavudev/sdk');
const native = require('../native/index.js');

const SECRET_KEY = 'zk_live_TOPSECRET_node_0123456789';

let sandbox;
let zavu;

before(async () => {
  sandbox = await startSandbox(['--no-rate-limits']);
  zavu = new Zavudev({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
});

after(async () => {
  await sandbox?.stop();
});

const fault = (path, status, extra = {}) =>
  sandbox.control('POST', '/sandbox/faults', {
    method: 'GET',
    path,
    count: 1,
    fault: { kind: 'status', status, ...extra },
  });

describe('error classes', () => {
  test('the codes known in JavaScript equal core\'s list', () => {
    assert.deepEqual([...esm.ERROR_CODES], native.knownCodes());
  });

  test("the classes are core's table: names, parents, aliases, one class per kind", () => {
    const table = native.errorClasses();
    const declared = Object.entries(esm.CLASSES).filter(([name, Class]) => Class.name === name);
    assert.deepEqual(declared.map(([name]) => name).sort(), table.map((c) => c.name).sort());
    for (const { name, parent, kind, aliases } of table) {
      const Class = esm[name];
      assert.equal(typeof Class, 'function', name);
      assert.equal(Class.name, name);
      if (parent === null) assert.equal(Object.getPrototypeOf(Class), Error);
      else assert.equal(Object.getPrototypeOf(Class), esm[parent], `${name} extends ${parent}`);
      for (const alias of aliases) assert.equal(esm[alias], Class, alias);
      if (kind !== null) assert.ok(native.errorKinds().includes(kind), kind);
    }
    const kinds = table.filter((c) => c.kind !== null).map((c) => c.kind);
    assert.deepEqual([...kinds].sort(), [...native.errorKinds()].sort());
    // The published SDK's tree: code written for it keeps catching what it caught.
    assert.ok(esm.NotFoundError.prototype instanceof esm.APIStatusError);
    assert.ok(esm.APITimeoutError.prototype instanceof esm.APIConnectionError);
    assert.ok(esm.APIUserAbortError.prototype instanceof esm.APIError);
    assert.equal(esm.ZavuError, esm.ZavudevError);
  });

  test('ESM and CommonJS share the very same classes', () => {
    assert.equal(cjs, esm.default);
    assert.equal(cjs.default, esm.default);
    for (const name of ['ZavuError', 'NotFoundError', 'APIUserAbortError', 'Page', 'PagePromise']) {
      assert.equal(cjs[name], esm[name], name);
    }
  });
});

describe('errors from the API', () => {
  test('404: NotFoundError with code, status, message, body, requestId', async () => {
    const error = await zavu.invitations.get({ invitationId: 'inv_missing' }).catch((e) => e);
    assert.ok(error instanceof esm.NotFoundError);
    assert.ok(error instanceof esm.ZavuError);
    assert.ok(error instanceof cjs.ZavuError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'NotFoundError');
    assert.equal(error.code, 'not_found');
    assert.equal(error.kind, 'not_found');
    assert.equal(error.status, 404);
    assert.equal(error.message, 'Invitation not found');
    assert.deepEqual(JSON.parse(error.body), { code: 'not_found', message: 'Invitation not found' });
    assert.equal(error.param, undefined);
    assert.match(error.stack, /NotFoundError: Invitation not found/);
  });

  const byStatus = [
    [400, 'InvalidRequestError', 'invalid_request'],
    [401, 'AuthenticationError', 'unauthorized'],
    [402, 'PaymentRequiredError', 'payment_required'],
    [403, 'PermissionDeniedError', 'forbidden'],
    [409, 'ConflictError', 'conflict'],
    [429, 'RateLimitError', 'rate_limited'],
    [503, 'ServerError', null],
  ];
  for (const [status, name, code] of byStatus) {
    test(`${status}: ${name}`, async () => {
      await fault('/v1/invitations/*', status, { body: code ? { code, message: `m${status}` } : undefined });
      const error = await zavu.invitations.get('inv_x').catch((e) => e);
      assert.equal(error.constructor, esm[name]);
      assert.equal(error.status, status);
      if (code) assert.equal(error.code, code);
    });
  }

  test('a code core does not know passes through verbatim, classed by status', async () => {
    await fault('/v1/invitations/*', 409, { body: { code: 'brand_new_code', message: 'new' } });
    const error = await zavu.invitations.get('inv_x').catch((e) => e);
    assert.equal(error.code, 'brand_new_code');
    assert.ok(error instanceof esm.ConflictError);
  });

  test('429 carries retryAfter in seconds', async () => {
    await fault('/v1/invitations/*', 429, { headers: { 'Retry-After': '7', 'retry-after-ms': '7500' } });
    const error = await zavu.invitations.get('inv_x').catch((e) => e);
    assert.ok(error instanceof esm.RateLimitError);
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfter, 7.5);
  });

  test('validation errors name the parameter and have no status', async () => {
    const error = await zavu.invitations.create({ expiresInDays: 31 }).catch((e) => e);
    assert.ok(error instanceof esm.InvalidRequestError);
    assert.equal(error.code, 'invalid_request');
    assert.equal(error.param, 'expiresInDays');
    assert.equal(error.status, undefined);
  });

  test('arguments of the wrong shape are invalid_request, not a crash', async () => {
    const error = await zavu.invitations.create({ expiresInDays: 'seven' }).catch((e) => e);
    assert.ok(error instanceof esm.InvalidRequestError, String(error));
    const missing = await zavu.invitations.createWebhook({}).catch((e) => e);
    assert.equal(missing.code, 'invalid_request');
    assert.equal(missing.param, 'url');
  });

  test('a dead server is an APIConnectionError', async () => {
    const dead = new Zavudev({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', maxRetries: 0 });
    const error = await dead.invitations.list().catch((e) => e);
    assert.ok(error instanceof esm.APIConnectionError);
    assert.equal(error.code, 'connection_error');
  });

  test('a 2xx body of the wrong shape is an InvalidResponseError', async () => {
    await fault('/v1/invitations/*', 200, { body: { nope: true } });
    const error = await zavu.invitations.get('inv_x').catch((e) => e);
    assert.ok(error instanceof esm.InvalidResponseError);
    assert.equal(error.code, 'invalid_response');
  });

  test('a bad API key is an AuthenticationError', async () => {
    const wrong = new Zavudev({ apiKey: 'zk_wrong', baseURL: sandbox.baseURL });
    const error = await wrong.invitations.list().catch((e) => e);
    assert.ok(error instanceof esm.AuthenticationError);
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.status, 401);
  });
});

describe('the API key never shows', () => {
  test('not in the client, its errors, or their inspection', async () => {
    const client = new Zavudev({ apiKey: SECRET_KEY, baseURL: sandbox.baseURL, maxRetries: 0 });
    const seen = [inspect(client, { showHidden: true, depth: 10 }), JSON.stringify(client)];
    for (const resource of [client.invitations, client.phoneNumbers, client.senders, client.webhooks]) {
      seen.push(inspect(resource, { showHidden: true, depth: 10 }));
    }
    const unauthorized = await client.invitations.list().catch((e) => e);
    assert.equal(unauthorized.code, 'unauthorized');
    // A server that echoes the key back: core scrubs it from messages and bodies.
    await fault('/v1/invitations/*', 400, { body: { code: 'invalid_request', message: `bad key ${SECRET_KEY}` } });
    const echoed = await client.invitations.get('inv_x').catch((e) => e);
    assert.equal(echoed.code, 'invalid_request');
    const badKey = (() => {
      try {
        return new Zavudev({ apiKey: SECRET_KEY + ' with space', baseURL: sandbox.baseURL });
      } catch (e) {
        return e;
      }
    })();
    assert.equal(badKey.param, 'apiKey');
    for (const error of [unauthorized, echoed, badKey]) {
      seen.push(String(error), error.stack, inspect(error, { showHidden: true, depth: 10 }), JSON.stringify(error));
    }
    for (const text of seen) assert.ok(!text.includes('TOPSECRET'), text);
  });
});
