// The leak run's Node runner: ZAVU_LEAK_CALLS calls cycling through tests/soak/spec.json's leak
// ops (a get, a list page, a not_found error, a call aborted in flight), sampling VmRSS from
// /proc/self/status. Run by tests/soak/soak.py, which judges the samples.
import { readFileSync, writeFileSync } from 'node:fs';

import Zavudev, { ZavuError } from '@zavudev/sdk';

const env = process.env;
const spec = JSON.parse(readFileSync(env.ZAVU_SOAK_SPEC, 'utf8')).leak;
const calls = Number(env.ZAVU_LEAK_CALLS);
const zavu = new Zavudev({ apiKey: env.ZAVU_SOAK_API_KEY, baseURL: env.ZAVU_SOAK_BASE_URL, maxRetries: 0 });
const rssKiB = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
const expect = async (promise, code) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZavuError && error.code === code) return;
    throw error;
  }
  throw new Error(`expected ${code}`);
};

const { id } = await zavu.invitations.create({ clientName: 'leak-node' });
const every = Math.max(1, Math.floor(calls / spec.samples));
const samples = [];
const counts = { get: 0, list: 0, error: 0, cancel: 0 };
for (let i = 0; i < calls; i++) {
  const op = spec.ops[i % spec.ops.length];
  counts[op] += 1;
  if (op === 'get') await zavu.invitations.get(id);
  else if (op === 'list') await zavu.invitations.list({ limit: spec.listLimit });
  else if (op === 'error') await expect(zavu.invitations.get('inv_missing'), 'not_found');
  else {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), spec.cancelAfterMs);
    await expect(zavu.invitations.get(spec.slowId, { signal: controller.signal }), 'cancelled');
  }
  if ((i + 1) % every === 0) {
    // Garbage the program no longer holds is not a leak: collect it before sampling when the
    // runner has --expose-gc.
    globalThis.gc?.();
    samples.push([i + 1, rssKiB()]);
  }
}
writeFileSync(env.ZAVU_SOAK_RECORD, JSON.stringify({ calls, samples, extra: { ops: counts } }));
