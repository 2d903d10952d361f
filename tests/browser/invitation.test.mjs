// A person's view of the onboarding flow: the sandbox (run by the built `zavu` binary) serves an
// invitation; Debian's headless Chromium opens its URL and presses the page's own buttons, and
// the API confirms every step. Only playwright-core is used, with the system browser, so nothing
// is ever downloaded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const zavuBin = process.env.ZAVU_BIN ?? path.join(repoRoot, 'target', 'debug', 'zavu');
const chromiumPath = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const screenshotDir = path.join(repoRoot, 'target', 'browser');

// Flags that keep Chromium quiet and offline: no sandbox (we run as root in CI), no GPU, no
// background traffic, no first-run or component updates.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs `zavu sandbox --port 0` and resolves once it printed its address and first key. */
function startSandbox() {
  const child = spawn(zavuBin, ['sandbox', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      // The sandbox stops cleanly on Ctrl-C.
      child.kill('SIGINT');
    });
  return new Promise((resolve, reject) => {
    let baseUrl;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`zavu sandbox did not start within 15 s; stderr: ${stderr}`));
    }, 15000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${zavuBin} (build it with cargo build -p zavu-cli): ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`zavu sandbox exited with ${code} before it was ready; stderr: ${stderr}`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const listening = line.match(/^listening on (http:\/\/\S+)$/);
      if (listening) baseUrl = listening[1];
      const key = line.match(/^api key: (\S+)/);
      if (key && baseUrl) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        lines.removeAllListeners('line');
        child.stdout.resume();
        resolve({ baseUrl, apiKey: key[1], stop });
      }
    });
  });
}

/** A small API client: plain fetch with the Bearer key. */
function apiClient({ baseUrl, apiKey }) {
  return async (method, urlPath, body) => {
    const response = await fetch(baseUrl + urlPath, {
      method,
      headers: {
        Authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${urlPath} answered ${response.status}: ${text}`);
    return JSON.parse(text);
  };
}

test('a client opens the invitation link and completes the setup in a browser', async (t) => {
  const sandbox = await startSandbox();
  t.after(sandbox.stop);
  const api = apiClient(sandbox);

  const { phoneNumber } = await api('POST', '/v1/phone-numbers', {
    phoneNumber: '+14155551234',
    name: 'Client: Acme Corp',
  });
  const { invitation } = await api('POST', '/v1/invitations', {
    clientName: 'Acme Corp',
    clientEmail: 'contact@acme.com',
    phoneNumberId: phoneNumber.id,
    expiresInDays: 14,
  });
  assert.equal(invitation.status, 'pending');
  assert.equal(invitation.viewedAt ?? null, null, 'not viewed before the browser opens it');

  const userDataDir = mkdtempSync(path.join(tmpdir(), 'zavu-chromium-'));
  t.after(() => rmSync(userDataDir, { recursive: true, force: true }));
  // A persistent context is how playwright takes a profile directory of our choosing (it
  // refuses --user-data-dir in args); a fresh one per run keeps runs independent.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 900, height: 640 },
  });
  t.after(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());

  const response = await page.goto(invitation.url);
  assert.equal(response?.status(), 200);
  assert.match(await page.title(), /Acme Corp/);
  assert.equal(await page.textContent('#status'), 'pending');
  assert.equal(await page.textContent('#phone-number'), '+14155551234');

  const viewed = (await api('GET', `/v1/invitations/${invitation.id}`)).invitation;
  assert.ok(viewed.viewedAt, 'opening the page records viewedAt');
  assert.equal(viewed.status, 'pending');

  // Each button posts a form and the page comes back (303) with the new status.
  await Promise.all([page.waitForURL(invitation.url), page.click('#start')]);
  await page.locator('#status', { hasText: 'in_progress' }).waitFor();
  const started = (await api('GET', `/v1/invitations/${invitation.id}`)).invitation;
  assert.equal(started.status, 'in_progress');
  assert.ok(started.startedAt);

  await Promise.all([page.waitForURL(invitation.url), page.click('#finish')]);
  await page.locator('#status', { hasText: 'completed' }).waitFor();
  assert.equal(await page.locator('#error').count(), 0, 'no step was refused');

  const completed = (await api('GET', `/v1/invitations/${invitation.id}`)).invitation;
  assert.equal(completed.status, 'completed');
  assert.ok(completed.completedAt);
  assert.match(completed.senderId ?? '', /^snd_/);
  assert.match(await page.textContent('body'), new RegExp(completed.senderId));

  mkdirSync(screenshotDir, { recursive: true });
  const screenshot = path.join(screenshotDir, 'invitation-completed.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  t.diagnostic(`screenshot: ${screenshot}`);
});
