// Starts the zavu-sandbox binary for a test: a real local Zavu API on a free port.
//
// The binary is target/debug/zavu-sandbox of this workspace (`cargo build -p zavu-sandbox`), or
// the path in ZAVU_SANDBOX_BIN.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');

export function sandboxBinary() {
  const bin = process.env.ZAVU_SANDBOX_BIN || join(repoRoot, 'target', 'debug', 'zavu-sandbox');
  if (!existsSync(bin)) {
    throw new Error(`no sandbox binary at ${bin}: run \`cargo build -p zavu-sandbox\` or set ZAVU_SANDBOX_BIN`);
  }
  return bin;
}

/**
 * A running sandbox: `{ baseURL, apiKey, keys, control(method, path, body), stop() }`.
 * `control` calls the sandbox's unauthenticated /sandbox/... endpoints and returns
 * `{ status, body }`.
 */
export async function startSandbox(args = []) {
  const child = spawn(sandboxBinary(), ['--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const started = await new Promise((resolve, reject) => {
    let out = '';
    let baseURL;
    const keys = [];
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the sandbox did not start within 20 s: ${out}${stderr}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited with ${code}: ${out}${stderr}`));
    });
    child.stdout.on('data', (chunk) => {
      out += chunk;
      for (const line of out.split('\n')) {
        const listening = /^listening on (\S+)/.exec(line);
        if (listening) baseURL = listening[1];
        const key = /^api key: (\S+)/.exec(line);
        if (key && !keys.includes(key[1])) keys.push(key[1]);
      }
      if (baseURL && keys.length >= 2) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ baseURL, keys });
      }
    });
  });

  const { baseURL, keys } = started;
  return {
    baseURL,
    keys,
    apiKey: keys[0],
    otherKey: keys[1],
    async control(method, path, body) {
      const response = await fetch(baseURL + path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let json = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      return { status: response.status, body: json };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
