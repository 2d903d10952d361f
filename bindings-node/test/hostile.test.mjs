// The Node runner of tests/conformance/hostile/arguments.json: every bad value a JavaScript
// caller can pass is refused where it crosses into the SDK, as InvalidRequestError naming the
// argument in camelCase, and nothing reaches the sandbox.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import Zavudev, { InvalidRequestError } from '@zavudev/sdk';

import { repoRoot, startSandbox } from './sandbox.mjs';

const hostile = JSON.parse(
  readFileSync(join(repoRoot, 'tests', 'conformance', 'hostile', 'arguments.json'), 'utf8'),
);

/** The JavaScript value of each (type, bad) pair (tests/conformance/README.md). */
const VALUES = {
  integer: { wrong_type: '7', negative: -1, fractional: 2.5, nan: NaN, infinite: Infinity, too_large: 1e20 },
  // JavaScript durations are milliseconds: the same bad values, scaled.
  seconds: { wrong_type: '60', negative: -1000, nan: NaN, infinite: Infinity, too_large: 1e303 },
  string: { wrong_type: 123, empty: '', too_long: 'x'.repeat(100_000) },
  string_list: { wrong_type: 'US', wrong_container: { US: true }, wrong_item: [123] },
  boolean: { wrong_type: 'yes' },
  headers: { wrong_container: ['X-A: 1'], wrong_item: { 'X-A': 1 } },
  body: { wrong_type: { id: 'evt_1' } },
};

// Where a call's wire name differs in JavaScript (client options are the published SDK's).
const CLIENT_OPTION = { baseUrl: 'baseURL' };

let sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox?.stop());

async function call(name, args, param, value) {
  const options = { apiKey: sandbox.keys[0], baseURL: sandbox.baseURL, maxRetries: 0 };
  if (name === 'client.new') {
    return new Zavudev({ ...options, [CLIENT_OPTION[param] ?? param]: value });
  }
  const zavu = new Zavudev(options);
  const a = { ...args, [param]: value };
  switch (name) {
    case 'webhooks.unwrap':
      return zavu.webhooks.unwrap(a.payload, a.signature, a.secret);
    case 'webhooks.sign':
      return zavu.webhooks.sign(a.payload, a.secret, { timestamp: a.timestamp, scheme: a.scheme });
    case 'invitations.waitForCompletion':
      return zavu.invitations.waitForCompletion(a);
    case 'invitations.get':
      return zavu.invitations.get(a);
    case 'invitations.cancel':
      return zavu.invitations.cancel(a);
    case 'senders.get':
      return zavu.senders.get(a);
    default: {
      const [resource, method] = name.split('.');
      return zavu[resource][method](a);
    }
  }
}

describe('hostile arguments', () => {
  for (const c of hostile.cases) {
    for (const bad of c.bad) {
      test(`${c.call} ${c.param} ${bad}`, async () => {
        const value = VALUES[c.type][bad];
        assert.notEqual(value, undefined, `no JavaScript value for ${c.type}/${bad}`);
        let error;
        try {
          await call(c.call, c.args ?? {}, c.param, value);
        } catch (e) {
          error = e;
        }
        assert.ok(error instanceof InvalidRequestError, `expected InvalidRequestError, got ${error}`);
        assert.equal(error.constructor, InvalidRequestError);
        assert.equal(error.code, hostile.expect.code);
        assert.equal(error.kind, hostile.expect.kind);
        // Core names `baseURL` by its wire name, `baseUrl` (a known leftover; see the README).
        assert.equal(error.param, CLIENT_OPTION[c.param] ?? c.param);
        // A 100 KB argument never becomes a 100 KB message.
        assert.ok(String(error).length < 500, String(error).slice(0, 200));
      });
    }
  }

  test('nothing reached the sandbox', async () => {
    const log = await sandbox.control('GET', '/sandbox/requests?path=');
    assert.equal(log.status, 200);
    assert.deepEqual(log.body.items.filter((r) => r.path.startsWith('/v1/')), []);
  });
});
