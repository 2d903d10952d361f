// The fault soak's Node runner: the workload of tests/soak/spec.json with 64 calls in flight.
// Run by tests/soak/soak.py, which sets the sandbox's faults up and checks the record this writes
// (see that file for the environment and the counting rules). `host_cancelled_create` aborts the
// create through an AbortSignal after a random delay (often while core waits to retry after the
// server acted), then, every `retryEvery`-th time, creates again with the same Idempotency-Key.
import { readFileSync, writeFileSync } from 'node:fs';

import Zavudev, { ZavuError } from '@zavudev/sdk';

const env = process.env;
const spec = JSON.parse(readFileSync(env.ZAVU_SOAK_SPEC, 'utf8')).soak;
const label = env.ZAVU_SOAK_LABEL;
const deadline = Date.now() + Number(env.ZAVU_SOAK_SECONDS) * 1000;
const zavu = new Zavudev({
  apiKey: env.ZAVU_SOAK_API_KEY,
  baseURL: env.ZAVU_SOAK_BASE_URL,
  timeout: spec.client.timeoutMs,
  maxRetries: spec.client.maxRetries,
});
const record = {
  calls: 0, hangs: 0, slowestMs: 0, errors: {}, created: {}, failed: [],
  cancelled: [], retried: {}, retryFailed: [],
};

// Times one call; a ZavuError is counted by code and passed on as the outcome `{ error }`.
async function call(fn) {
  const started = Date.now();
  let outcome;
  try {
    outcome = { value: await fn() };
  } catch (error) {
    if (!(error instanceof ZavuError)) throw error;
    record.errors[error.code] = (record.errors[error.code] ?? 0) + 1;
    outcome = { error };
  }
  const elapsed = Date.now() - started;
  record.calls += 1;
  record.slowestMs = Math.max(record.slowestMs, elapsed);
  if (elapsed > spec.callBoundMs) record.hangs += 1;
  return outcome;
}

async function hostCancelledCreate(name, retry) {
  const key = `key-${name}`;
  const { minMs, maxMs } = spec.hostCancel;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), minMs + Math.random() * (maxMs - minMs));
  const first = await call(() =>
    zavu.invitations.create({ clientName: name }, { idempotencyKey: key, signal: controller.signal }));
  clearTimeout(timer);
  if (first.value) {
    record.created[name] = first.value.id;
    return first.value.id;
  }
  if (first.error.code !== 'cancelled') {
    record.failed.push(name);
    return undefined;
  }
  if (!retry) {
    record.cancelled.push(name);
    return undefined;
  }
  const again = await call(() => zavu.invitations.create({ clientName: name }, { idempotencyKey: key }));
  if (again.error) {
    record.retryFailed.push(name);
    return undefined;
  }
  record.retried[name] = again.value.id;
  return again.value.id;
}

async function worker(w) {
  const mine = [];
  let cancelledCreates = 0;
  for (let i = 0; Date.now() < deadline; i++) {
    const op = spec.ops[i % spec.ops.length];
    const name = `soak-${label}-${w}-${i}`;
    if (op === 'host_cancelled_create') {
      cancelledCreates += 1;
      const id = await hostCancelledCreate(name, cancelledCreates % spec.hostCancel.retryEvery === 0);
      if (id) mine.push(id);
    } else if (op === 'create') {
      const { value, error } = await call(() => zavu.invitations.create({ clientName: name }));
      if (error) record.failed.push(name);
      else {
        record.created[name] = value.id;
        mine.push(value.id);
      }
    } else if (op === 'read') {
      await call(() =>
        mine.length ? zavu.invitations.get(mine.at(-1)) : zavu.invitations.list({ limit: spec.listLimit }));
    } else if (mine.length) {
      const id = mine.pop();
      await call(() => zavu.invitations.cancel(id));
    }
  }
}

await Promise.all(Array.from({ length: spec.workers[label] }, (_, w) => worker(w)));
writeFileSync(env.ZAVU_SOAK_RECORD, JSON.stringify(record));
