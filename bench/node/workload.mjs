// Runs one benchmark workload with a Node Zavu SDK and prints one JSON line.
//
//   node workload.mjs --env DIR --sdk ours|published --workload get|create|list|get64|walk \
//       --base-url URL [--seconds S] [--concurrency N]
//
// Both SDKs are the package `@zavudev/sdk`; `--env` names the folder whose node_modules holds
// the one to measure. `--sdk` only picks the calls: ours resolves to the invitation, the
// published client to an envelope with `.invitation`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const INVITATION_ID = 'inv_bench_0001';
const API_KEY = 'zk_bench_key';
const WARMUP_MS = 500;
const CREATE = { clientName: 'Acme Corp', clientEmail: 'owner@acme.example', expiresInDays: 7 };

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
};
const envDir = arg('env');
const sdk = arg('sdk');
const workload = arg('workload');
const baseURL = arg('base-url');
const seconds = Number(arg('seconds', '10'));
const concurrency = Number(arg('concurrency', '64'));

const pkg = createRequire(join(envDir, 'package.json'))('@zavudev/sdk');
const Zavudev = pkg.default ?? pkg.Zavudev;
const client = new Zavudev({ apiKey: API_KEY, baseURL });
const inv = client.invitations;

const calls =
  sdk === 'ours'
    ? {
        get: async () => (await inv.get({ invitationId: INVITATION_ID })).id,
        create: async () => (await inv.create(CREATE)).id,
        list: async () => (await inv.list()).items.length,
      }
    : {
        get: async () => (await inv.retrieve(INVITATION_ID)).invitation.id,
        create: async () => (await inv.create(CREATE)).invitation.id,
        list: async () => (await inv.list()).items.length,
      };

function procStatusKib(field) {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(field));
  return line ? Number(line.split(/\s+/)[1]) : null;
}

function resetPeakRss() {
  // Linux: writing 5 to clear_refs resets VmHWM to the current RSS.
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {}
}

// CPU seconds (user + system, every thread of the process) of the last timed phase.
let timedCpu = 0;
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

async function sequential(call) {
  let until = performance.now() + WARMUP_MS;
  while (performance.now() < until) await call();
  const start = performance.now();
  const cpu = cpuSeconds();
  until = start + seconds * 1000;
  let n = 0;
  while (performance.now() < until) {
    await call();
    n += 1;
  }
  timedCpu = cpuSeconds() - cpu;
  return [n, (performance.now() - start) / 1000];
}

async function concurrent(call) {
  const phase = async (ms) => {
    let stop = false;
    let n = 0;
    const worker = async () => {
      while (!stop) {
        await call();
        n += 1;
      }
    };
    const tasks = Array.from({ length: concurrency }, worker);
    const start = performance.now();
    const cpu = cpuSeconds();
    await new Promise((resolve) => setTimeout(resolve, ms));
    const done = n;
    const elapsed = (performance.now() - start) / 1000;
    timedCpu = cpuSeconds() - cpu;
    stop = true;
    await Promise.all(tasks);
    return [done, elapsed];
  };
  await phase(WARMUP_MS);
  return phase(seconds * 1000);
}

async function walk() {
  const rssBefore = procStatusKib('VmRSS:');
  resetPeakRss();
  const start = performance.now();
  let items = 0;
  for await (const _ of inv.list({ status: 'pending' })) items += 1;
  return {
    items,
    seconds: (performance.now() - start) / 1000,
    rss_before_kib: rssBefore,
    rss_peak_kib: procStatusKib('VmHWM:'),
    rss_after_kib: procStatusKib('VmRSS:'),
  };
}

let result;
if (workload === 'walk') {
  result = await walk();
} else {
  const call = calls[workload === 'get64' ? 'get' : workload];
  if (!call) throw new Error(`unknown workload ${workload}`);
  const [n, elapsed] = workload === 'get64' ? await concurrent(call) : await sequential(call);
  result = { calls: n, seconds: elapsed, rate: n / elapsed, cpu_s: timedCpu };
}
result.workload = workload;
console.log(JSON.stringify(result));
