// Every method of the client against a real sandbox.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import Zavudev, { InvalidRequestError, NotFoundError, ConflictError } from '@zavudev/sdk';

import { repoRoot, startSandbox } from './sandbox.mjs';

let sandbox;
let zavu;

before(async () => {
  sandbox = await startSandbox(['--no-rate-limits']);
  zavu = new Zavudev({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
});

after(async () => {
  await sandbox?.stop();
});

describe('client options', () => {
  test('reports its base URL, timeout and retries', () => {
    const custom = new Zavudev({
      apiKey: sandbox.apiKey,
      baseURL: sandbox.baseURL + '/',
      timeout: 1234,
      maxRetries: 5,
    });
    assert.equal(custom.baseURL, sandbox.baseURL);
    assert.equal(custom.timeout, 1234);
    assert.equal(custom.maxRetries, 5);
    assert.equal(zavu.timeout, 60_000, "core's default");
    assert.equal(zavu.maxRetries, 2, "core's default");
  });

  test('the User-Agent names the Node binding; defaultHeaders reach the server', async () => {
    await zavu.invitations.get('inv_ua').catch(() => {});
    const tagged = new Zavudev({
      apiKey: sandbox.apiKey,
      baseURL: sandbox.baseURL,
      defaultHeaders: { 'User-Agent': 'partner-app/1.0' },
    });
    await tagged.invitations.get('inv_ua_custom').catch(() => {});
    const log = async (id) =>
      (await sandbox.control('GET', `/sandbox/requests?path=/v1/invitations/${id}`)).body.items[0];
    assert.match((await log('inv_ua')).userAgent, /^zavu-sdk\/[^ ]+ \(node\/\d+\.\d+\.\d+; zavu-core\//);
    assert.equal((await log('inv_ua_custom')).userAgent, 'partner-app/1.0');
  });

  test('env fallbacks: ZAVUDEV_API_KEY and ZAVUDEV_BASE_URL', () => {
    const script = `
      const Zavudev = require('@zavudev/sdk');
      const zavu = new Zavudev();
      zavu.invitations.create({ clientName: 'From env' }).then(
        (inv) => console.log(JSON.stringify({ base: zavu.baseURL, name: inv.clientName })),
        (e) => { console.error(e); process.exit(1); });
    `;
    const run = spawnSync(process.execPath, ['-e', script], {
      cwd: repoRoot,
      env: { ...process.env, ZAVUDEV_API_KEY: sandbox.apiKey, ZAVUDEV_BASE_URL: sandbox.baseURL },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { base: sandbox.baseURL, name: 'From env' });

    const missing = spawnSync(
      process.execPath,
      ['-e', `try { new (require('@zavudev/sdk'))() } catch (e) { console.log(e.name, e.code, e.param) }`],
      { cwd: repoRoot, env: { ...process.env, ZAVUDEV_API_KEY: '' }, encoding: 'utf8' },
    );
    assert.equal(missing.stdout.trim(), 'AuthenticationError missing_api_key apiKey');
  });

  test('a refused base URL is an InvalidRequestError naming baseURL, as the option is spelled', () => {
    assert.throws(
      () => new Zavudev({ apiKey: 'zk_test', baseURL: 'http://api.example.com' }),
      (e) => e instanceof InvalidRequestError && e.code === 'invalid_request' && e.param === 'baseURL',
    );
  });

  test('a negative timeout is refused by the binding, not a crash', () => {
    assert.throws(
      () => new Zavudev({ apiKey: 'zk_test', baseURL: sandbox.baseURL, timeout: -1 }),
      (e) => e.code === 'invalid_request' && e.param === 'timeout',
    );
  });
});

describe('invitations', () => {
  test('create resolves to the invitation, camelCase as on the wire', async () => {
    const inv = await zavu.invitations.create({
      clientName: 'Acme Corp',
      clientEmail: 'contact@acme.com',
      expiresInDays: 7,
    });
    assert.match(inv.id, /^inv_/);
    assert.equal(inv.status, 'pending');
    assert.equal(inv.clientName, 'Acme Corp');
    assert.equal(inv.clientEmail, 'contact@acme.com');
    assert.equal(inv.connectionType, 'whatsapp_waba');
    assert.ok(inv.url.endsWith('/invite/' + inv.token));
    assert.equal(typeof inv.expiresAt, 'string');
    const days = (Date.parse(inv.expiresAt) - Date.parse(inv.createdAt)) / 86_400_000;
    assert.ok(Math.abs(days - 7) < 0.01, `expires in ${days} days`);
    assert.equal(inv.phoneNumberId, undefined);
  });

  test('create with no arguments is a valid invitation', async () => {
    const inv = await zavu.invitations.create();
    assert.equal(inv.status, 'pending');
  });

  test('get, retrieve and the id string form name the same invitation', async () => {
    const inv = await zavu.invitations.create({ clientName: 'Get me' });
    const a = await zavu.invitations.get({ invitationId: inv.id });
    const b = await zavu.invitations.retrieve(inv.id);
    const c = await zavu.invitations.get(inv.id);
    assert.deepEqual(a, inv);
    assert.deepEqual(b, inv);
    assert.deepEqual(c, inv);
  });

  test('get of a missing invitation is a NotFoundError', async () => {
    await assert.rejects(zavu.invitations.get({ invitationId: 'inv_missing' }), (e) => {
      assert.ok(e instanceof NotFoundError);
      assert.equal(e.code, 'not_found');
      assert.equal(e.status, 404);
      assert.equal(e.message, 'Invitation not found');
      assert.match(e.requestId, /^req_/);
      return true;
    });
  });

  test('get without an id is refused locally with param invitationId', async () => {
    await assert.rejects(zavu.invitations.get({}), (e) => e.code === 'invalid_request' && e.param === 'invitationId');
  });

  test('cancel resolves to the cancelled invitation; cancelling a completed one is a ConflictError', async () => {
    const inv = await zavu.invitations.create({ clientName: 'Cancel me' });
    const cancelled = await zavu.invitations.cancel({ invitationId: inv.id });
    assert.equal(cancelled.status, 'cancelled');

    const done = await zavu.invitations.create({ clientName: 'Done' });
    await sandbox.control('POST', `/sandbox/invitations/${done.id}/start`);
    await sandbox.control('POST', `/sandbox/invitations/${done.id}/complete`);
    await assert.rejects(zavu.invitations.cancel(done.id), (e) => {
      assert.ok(e instanceof ConflictError);
      assert.equal(e.code, 'already_completed');
      assert.equal(e.status, 409);
      return true;
    });
  });

  test('list resolves to a page with items and nextCursor', async () => {
    const page = await zavu.invitations.list({ status: 'cancelled' });
    assert.ok(page.items.length >= 1);
    assert.ok(page.items.every((i) => i.status === 'cancelled'));
    assert.equal(page.nextCursor, null);
    assert.equal(page.hasNextPage(), false);
    assert.equal(await page.getNextPage(), null);
  });

  test('waitForCompletion resolves once the invitation is final', async () => {
    const inv = await zavu.invitations.create({ clientName: 'Waiting', clientPhone: '+14155550101' });
    await sandbox.control('POST', `/sandbox/invitations/${inv.id}/start`);
    const waiting = zavu.invitations.waitForCompletion({ invitationId: inv.id, pollInterval: 20, timeout: 10_000 });
    setTimeout(() => sandbox.control('POST', `/sandbox/invitations/${inv.id}/complete`), 100);
    const done = await waiting;
    assert.equal(done.status, 'completed');
    assert.match(done.senderId, /^snd_/);
    assert.equal(done.connectedAccount.channel, 'whatsapp');
  });

  test('waitForCompletion past its timeout is a WaitTimeoutError with code wait_timeout', async () => {
    const inv = await zavu.invitations.create({ clientName: 'Never done' });
    await assert.rejects(
      zavu.invitations.waitForCompletion({ invitationId: inv.id, timeout: 200, pollInterval: 20 }),
      (e) => e.name === 'WaitTimeoutError' && e.code === 'wait_timeout' && e.kind === 'wait_timeout',
    );
    // `timeout` bounds the whole wait in the (id, options) form too, not one request.
    const started = Date.now();
    await assert.rejects(
      zavu.invitations.waitForCompletion(inv.id, { timeout: 300, pollInterval: 20 }),
      (e) => e.code === 'wait_timeout',
    );
    assert.ok(Date.now() - started < 5000);
  });

  test('the project webhook: create (with secret), get, update, delete', async () => {
    const created = await zavu.invitations.createWebhook({ url: 'https://example.com/hooks/zavu' });
    assert.deepEqual(created.events, ['invitation.status_changed']);
    assert.match(created.secret, /^whsec_/);
    assert.equal(created.active, true);
    const got = await zavu.invitations.getWebhook();
    assert.equal(got.url, 'https://example.com/hooks/zavu');
    assert.equal(got.secret, undefined);
    const updated = await zavu.invitations.updateWebhook({ active: false });
    assert.equal(updated.active, false);
    assert.equal(await zavu.invitations.deleteWebhook(), undefined);
    await assert.rejects(zavu.invitations.getWebhook(), NotFoundError);
  });

  test('per-call idempotencyKey makes two creates one invitation', async () => {
    const a = await zavu.invitations.create({ clientName: 'Once' }, { idempotencyKey: 'node-once' });
    const b = await zavu.invitations.create({ clientName: 'Once' }, { idempotencyKey: 'node-once' });
    assert.equal(a.id, b.id);
  });

  test('per-call timeout and maxRetries', async () => {
    await sandbox.control('POST', '/sandbox/faults', {
      method: 'GET',
      path: '/v1/invitations/*',
      count: 2,
      fault: { kind: 'delay', ms: 2000 },
    });
    await assert.rejects(
      zavu.invitations.get('inv_slow', { timeout: 100, maxRetries: 1 }),
      (e) => e.name === 'APITimeoutError' && e.code === 'timeout',
    );
    const { body } = await sandbox.control('GET', '/sandbox/requests?path=/v1/invitations/inv_slow');
    assert.equal(body.items.length, 2, 'one attempt and one retry');
    await sandbox.control('DELETE', '/sandbox/faults');
  });
});

describe('phone numbers and senders', () => {
  test('purchase, pre-assign, complete: the sender carries the number', async () => {
    const pn = await zavu.phoneNumbers.purchase({ phoneNumber: '+14155551234', name: 'Client: Acme Corp' });
    assert.match(pn.id, /^pn_/);
    assert.equal(pn.phoneNumber, '+14155551234');
    assert.equal(pn.status, 'active');
    assert.deepEqual(pn.capabilities, ['sms', 'voice', 'whatsapp']);
    assert.equal(pn.pricing.isFreeNumber, false);

    const inv = await zavu.invitations.create({ clientName: 'Acme Corp', phoneNumberId: pn.id, expiresInDays: 14 });
    assert.equal(inv.phoneNumberId, pn.id);
    await sandbox.control('POST', `/sandbox/invitations/${inv.id}/start`);
    await sandbox.control('POST', `/sandbox/invitations/${inv.id}/complete`);
    const done = await zavu.invitations.get({ invitationId: inv.id });

    const sender = await zavu.senders.get({ senderId: done.senderId });
    assert.equal(sender.phoneNumber, '+14155551234');
    assert.equal(sender.name, 'Acme Corp');
    assert.deepEqual(await zavu.senders.retrieve(done.senderId), sender);
    assert.deepEqual(await zavu.senders.get(done.senderId), sender);

    const page = await zavu.senders.list({});
    assert.ok(page.items.some((s) => s.id === sender.id));
    const all = [];
    for await (const s of zavu.senders.list({ limit: 1 })) all.push(s.id);
    assert.ok(all.includes(sender.id));
  });

  test('purchase with a malformed number is refused locally', async () => {
    await assert.rejects(
      zavu.phoneNumbers.purchase({ phoneNumber: '555-1234' }),
      (e) => e instanceof InvalidRequestError && e.param === 'phoneNumber' && e.status === undefined,
    );
    await assert.rejects(zavu.phoneNumbers.purchase({}), (e) => e.code === 'invalid_request' && e.param === 'phoneNumber');
  });

  test('a missing sender is a NotFoundError', async () => {
    await assert.rejects(zavu.senders.get({ senderId: 'snd_missing' }), NotFoundError);
  });
});

describe('webhooks', () => {
  const secret = 'whsec_node_tests';
  const body = JSON.stringify({
    id: 'evt_1',
    type: 'invitation.status_changed',
    timestamp: 1700000000000,
    projectId: 'prj_1',
    data: { invitationId: 'inv_1', previousStatus: 'in_progress', currentStatus: 'completed', senderId: 'snd_1' },
  });

  test('unwrap verifies then returns the event, from any form of headers', () => {
    const header = zavu.webhooks.sign(body, secret);
    for (const headers of [
      header,
      { 'x-zavu-signature': header, 'content-type': 'application/json' },
      { 'X-Zavu-Signature': [header] },
      new Headers({ 'X-Zavu-Signature': header }),
      [['X-ZAVU-SIGNATURE', header]],
    ]) {
      const event = zavu.webhooks.unwrap(body, headers, secret);
      assert.equal(event.type, 'invitation.status_changed');
      assert.equal(event.data.currentStatus, 'completed');
      assert.equal(event.projectId, 'prj_1');
    }
    const fromBuffer = zavu.webhooks.unwrap(Buffer.from(body), header, secret);
    assert.equal(fromBuffer.id, 'evt_1');
  });

  test('verify accepts v1, v2 and both; refuses tampered, stale, missing', () => {
    for (const scheme of ['v1', 'v2', 'both']) {
      const header = zavu.webhooks.sign(body, secret, { scheme, timestamp: 1700000000 });
      assert.equal(zavu.webhooks.verify(body, header, secret, { now: 1700000010 }), undefined);
      assert.equal(zavu.webhooks.verify(body, header, secret, { now: new Date(1700000010_000) }), undefined);
    }
    const header = zavu.webhooks.sign(body, secret, { timestamp: 1700000000 });
    const refused = (fn, code) =>
      assert.throws(fn, (e) => e.name === 'WebhookVerificationError' && e.code === code && e.kind === 'webhook_verification');
    refused(() => zavu.webhooks.verify(body + ' ', header, secret, { now: 1700000000 }), 'invalid_signature');
    refused(() => zavu.webhooks.verify(body, header, 'whsec_other', { now: 1700000000 }), 'invalid_signature');
    refused(() => zavu.webhooks.verify(body, header, secret, { now: 1700000301 }), 'stale_signature');
    refused(() => zavu.webhooks.verify(body, {}, secret), 'invalid_signature');
    refused(() => zavu.webhooks.unwrap('not json', zavu.webhooks.sign('not json', secret), secret), 'invalid_payload');
    assert.throws(() => zavu.webhooks.verify(body, header, ''), (e) => e.code === 'invalid_request' && e.param === 'secret');
  });

  test('a real signed delivery from the sandbox unwraps', async () => {
    // A local receiver for the sandbox's delivery of invitation.status_changed.
    const { createServer } = await import('node:http');
    const received = [];
    const server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks), headers: req.headers });
        res.end('ok');
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${server.address().port}/hook`;
      const hook = await zavu.invitations.createWebhook({ url });
      const inv = await zavu.invitations.create({ clientName: 'Delivered' });
      await sandbox.control('POST', `/sandbox/invitations/${inv.id}/start`);
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(received.length >= 1, 'the sandbox delivered the event');
      const event = zavu.webhooks.unwrap(received[0].body, received[0].headers, hook.secret);
      assert.equal(event.type, 'invitation.status_changed');
      assert.equal(event.data.invitationId, inv.id);
      assert.equal(event.data.currentStatus, 'in_progress');
    } finally {
      await zavu.invitations.deleteWebhook().catch(() => {});
      server.close();
    }
  });
});
