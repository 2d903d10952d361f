// The Node runner of tests/conformance/: every scenario against a fresh sandbox, through the
// public API of @zavudev/sdk (the mirror of core/tests/conformance.rs).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import Zavudev from '@zavudev/sdk';

import { repoRoot, startSandbox } from './sandbox.mjs';

const scenariosDir = join(repoRoot, 'tests', 'conformance', 'scenarios');
const files = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

class Run {
  constructor(sandbox, clientOptions) {
    this.sandbox = sandbox;
    this.clientOptions = clientOptions ?? {};
    this.saved = {};
  }

  builtins() {
    return {
      sandbox: { baseUrl: this.sandbox.baseURL },
      keys: { default: this.sandbox.keys[0], other: this.sandbox.keys[1] },
      now: Math.floor(Date.now() / 1000),
    };
  }

  lookup(path) {
    const [head, ...parts] = path.split('.');
    const builtins = this.builtins();
    let value = head in this.saved ? this.saved[head] : builtins[head];
    if (value === undefined) return undefined;
    for (const part of parts) {
      if (value == null || typeof value !== 'object') return undefined;
      value = Array.isArray(value) ? value[Number(part)] : value[part];
    }
    return value;
  }

  /** Replaces `${...}` references; a string that is exactly one reference takes its type. */
  interpolate(value) {
    if (typeof value === 'string') {
      const whole = /^\$\{([^$]*)\}$/.exec(value);
      if (whole) {
        const found = this.lookup(whole[1]);
        if (found === undefined) throw new Error(`unknown reference \${${whole[1]}}`);
        return found;
      }
      return value.replace(/\$\{([^}]*)\}/g, (_, name) => {
        const found = this.lookup(name);
        if (found === undefined) throw new Error(`unknown reference \${${name}}`);
        return typeof found === 'string' ? found : JSON.stringify(found);
      });
    }
    if (Array.isArray(value)) return value.map((v) => this.interpolate(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.interpolate(v)]));
    }
    return value;
  }

  client(overrides) {
    const o = { ...this.clientOptions, ...(overrides ?? {}) };
    return new Zavudev({
      apiKey: o.apiKey ?? this.sandbox.apiKey,
      baseURL: o.baseUrl ?? this.sandbox.baseURL,
      maxRetries: o.maxRetries,
      timeout: o.timeoutMs,
    });
  }
}

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return { items };
}

const pageJson = (page) => ({ items: page.items, nextCursor: page.nextCursor });

async function call(run, name, a, step) {
  if (name === 'client.new') {
    run.client(a);
    return null;
  }
  const zavu = run.client(step.client);
  const o = step.options ?? {};
  const options = { timeout: o.timeoutMs, maxRetries: o.maxRetries, idempotencyKey: o.idempotencyKey };
  const inv = zavu.invitations;
  switch (name) {
    case 'invitations.create':
      return inv.create(a, options);
    case 'invitations.list':
      return pageJson(await inv.list(a, options));
    case 'invitations.listAll':
      return collect(inv.list(a, options));
    case 'invitations.get':
      return inv.get({ invitationId: a.invitationId }, options);
    case 'invitations.cancel':
      return inv.cancel({ invitationId: a.invitationId }, options);
    case 'invitations.waitForCompletion':
      return inv.waitForCompletion(
        { invitationId: a.invitationId, timeout: a.timeoutMs, pollInterval: a.pollIntervalMs },
        options,
      );
    case 'invitations.createWebhook':
      return inv.createWebhook(a, options);
    case 'invitations.getWebhook':
      return inv.getWebhook(options);
    case 'invitations.updateWebhook':
      return inv.updateWebhook(a, options);
    case 'invitations.deleteWebhook':
      await inv.deleteWebhook(options);
      return null;
    case 'phoneNumbers.purchase':
      return zavu.phoneNumbers.purchase(a, options);
    case 'phoneNumbers.searchAvailable':
      return { items: await zavu.phoneNumbers.searchAvailable(a, options) };
    case 'phoneNumbers.requirements':
      return { items: await zavu.phoneNumbers.requirements(a, options) };
    case 'phoneNumbers.list':
      return pageJson(await zavu.phoneNumbers.list(a, options));
    case 'phoneNumbers.listAll':
      return collect(zavu.phoneNumbers.list(a, options));
    case 'phoneNumbers.retrieve':
      return zavu.phoneNumbers.retrieve(a.phoneNumberId, options);
    case 'phoneNumbers.update': {
      const { phoneNumberId, ...fields } = a;
      return zavu.phoneNumbers.update(phoneNumberId, fields, options);
    }
    case 'phoneNumbers.release':
      await zavu.phoneNumbers.release(a.phoneNumberId, options);
      return null;
    case 'senders.get':
      return zavu.senders.get({ senderId: a.senderId }, options);
    case 'senders.list':
      return pageJson(await zavu.senders.list(a, options));
    case 'senders.listAll':
      return collect(zavu.senders.list(a, options));
    case 'webhooks.sign':
      return {
        header: zavu.webhooks.sign(a.payload, a.secret, { timestamp: a.timestamp, scheme: a.scheme }),
      };
    case 'webhooks.verify':
      zavu.webhooks.verify(a.payload, a.headers ?? a.signature, a.secret, { now: a.now });
      return null;
    case 'webhooks.unwrap':
      return zavu.webhooks.unwrap(a.payload, a.headers ?? a.signature, a.secret, { now: a.now });
    default:
      throw new Error(`unknown call ${name}`);
  }
}

// Node's spelling of a parameter → the wire's, which scenarios use (the client option is
// `baseURL`, as the published SDK spells it).
const WIRE_PARAM = { baseURL: 'baseUrl' };

function errorJson(error) {
  if (!(error instanceof Zavudev.ZavuError)) throw error;
  return {
    code: error.code,
    message: error.message,
    status: error.status,
    param: WIRE_PARAM[error.param] ?? error.param,
    kind: error.kind,
    body: error.body,
  };
}

const isNothing = (v) => v === null || v === undefined;

/** Checks `actual` against `expected` (tests/conformance/README.md, Matching); throws on mismatch. */
export function matches(expected, actual, at = 'result') {
  const fail = (why) => {
    throw new Error(`at ${at}: ${why}`);
  };
  if (expected === '$any') return;
  if (expected === '$present') {
    if (isNothing(actual)) fail('expected a value, got nothing');
    return;
  }
  if (expected === '$absent') {
    if (!isNothing(actual)) fail(`expected nothing, got ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) fail(`expected an array, got ${JSON.stringify(actual)}`);
    if (actual.length !== expected.length) fail(`expected ${expected.length} items, got ${actual.length}`);
    expected.forEach((e, i) => matches(e, actual[i], `${at}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    const keys = Object.keys(expected);
    if (keys.some((k) => k.startsWith('$'))) {
      for (const [key, arg] of Object.entries(expected)) {
        switch (key) {
          case '$len': {
            const len = Array.isArray(actual)
              ? actual.length
              : typeof actual === 'string'
                ? [...actual].length
                : undefined;
            if (len !== arg) fail(`expected length ${arg}, got ${len}`);
            break;
          }
          case '$minLen': {
            const len = Array.isArray(actual) ? actual.length : 0;
            if (len < arg) fail(`expected at least ${arg} items, got ${len}`);
            break;
          }
          case '$startsWith':
            if (typeof actual !== 'string' || !actual.startsWith(arg)) {
              fail(`expected a string starting with ${JSON.stringify(arg)}, got ${JSON.stringify(actual)}`);
            }
            break;
          case '$each':
            (Array.isArray(actual) ? actual : []).forEach((item, i) => matches(arg, item, `${at}[${i}]`));
            break;
          case '$sameField': {
            const items = Array.isArray(actual) ? actual : [];
            if (items.some((item) => JSON.stringify(item[arg]) !== JSON.stringify(items[0][arg]))) {
              fail(`expected every ${arg} to be equal`);
            }
            break;
          }
          default:
            fail(`unknown matcher ${key}`);
        }
      }
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      matches(value, actual == null ? undefined : actual[key], `${at}.${key}`);
    }
    return;
  }
  if (expected === null) {
    if (!isNothing(actual)) fail(`expected null, got ${JSON.stringify(actual)}`);
    return;
  }
  if (expected !== actual) fail(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function runScenario(file) {
  const scenario = JSON.parse(readFileSync(join(scenariosDir, file), 'utf8'));
  const sandbox = await startSandbox();
  try {
    const run = new Run(sandbox, scenario.client);
    for (const [index, rawStep] of scenario.steps.entries()) {
      const step = run.interpolate(rawStep);
      const expect = step.expect ?? {};
      const label = `step ${index}`;
      const started = performance.now();
      let outcome;
      if (step.sandbox) {
        const { status, body } = await sandbox.control(step.sandbox.method ?? 'GET', step.sandbox.path, step.sandbox.body);
        const wanted = expect.status;
        if (wanted !== undefined ? wanted !== status : status < 200 || status >= 300) {
          throw new Error(`${label}: sandbox answered ${status}: ${JSON.stringify(body)}`);
        }
        outcome = { ok: true, value: body };
      } else {
        try {
          outcome = { ok: true, value: await call(run, step.call, step.args ?? {}, step) };
        } catch (error) {
          outcome = { ok: false, error: errorJson(error) };
        }
      }
      const elapsed = performance.now() - started;
      if (expect.minElapsedMs !== undefined && elapsed < expect.minElapsedMs) {
        throw new Error(`${label}: took ${elapsed} ms, expected at least ${expect.minElapsedMs} ms`);
      }
      if (outcome.ok && expect.error) {
        throw new Error(`${label}: expected error ${JSON.stringify(expect.error)}, got success ${JSON.stringify(outcome.value)}`);
      }
      if (!outcome.ok && !expect.error) {
        throw new Error(`${label}: unexpected error ${JSON.stringify(outcome.error)}`);
      }
      try {
        if (!outcome.ok) matches(expect.error, outcome.error, 'error');
        else if ('result' in expect) matches(expect.result, outcome.value, 'result');
      } catch (e) {
        throw new Error(`${label}: ${e.message}; got ${JSON.stringify(outcome.ok ? outcome.value : outcome.error)}`);
      }
      if (step.save && outcome.ok) run.saved[step.save] = outcome.value;
    }
  } finally {
    await sandbox.stop();
  }
}

describe('conformance scenarios', { concurrency: 6 }, () => {
  test('there are at least 30 scenarios', () => {
    assert.ok(files.length >= 30, `expected at least 30 scenarios, found ${files.length}`);
  });
  for (const file of files) {
    test(file.replace(/\.json$/, ''), () => runScenario(file));
  }
});
