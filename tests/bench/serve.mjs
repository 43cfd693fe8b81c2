// The benchmarks' static server: tests/server.mjs (the same server the browser tests use) on a
// free port, serving a build folder under its base path; resolves once it answers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const server = new URL('../server.mjs', import.meta.url).pathname;

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

/** Serves `dist` at `prefix` ('/' or '/sub/'); returns the process and the page's URL. */
export async function serveDist(dist, prefix = '/') {
  const port = await freePort();
  const proc = spawn(process.execPath, [server, String(port), dist, prefix], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}${prefix}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return { proc, url }; } catch { /* not up yet */ }
    if (proc.exitCode !== null) break;
    await sleep(100);
  }
  proc.kill();
  throw new Error(`tests/server.mjs did not answer at ${url}`);
}
