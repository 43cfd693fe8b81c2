// A plain static server for dist/, as a static host would serve it: unknown paths fall back to
// index.html (deep links), and precompressed .br/.gz are sent when the browser accepts them.
// Usage: node server.mjs [port] [root] [prefix]   (prefix: serve root under a sub-path, e.g. /sub/)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.argv[2] ?? 8080);
const root = resolve(process.argv[3] ?? new URL('../dist', import.meta.url).pathname);
const prefix = process.argv[4] ?? '/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

async function file(path) {
  try { return (await stat(path)).isFile() ? path : null; } catch { return null; }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (!url.pathname.startsWith(prefix)) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
  const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length - 1))).replace(/^(\.\.[/\\])+/, '');
  let path = await file(join(root, rel));
  if (!path) path = extname(rel) ? null : join(root, 'index.html'); // deep links → the app
  if (!path) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
  const headers = { 'content-type': types[extname(path)] ?? 'application/octet-stream', vary: 'accept-encoding' };
  const accept = req.headers['accept-encoding'] ?? '';
  let body = path;
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accept.includes(enc) && await file(path + ext)) { body = path + ext; headers['content-encoding'] = enc; break; }
  }
  headers['cache-control'] = /-[0-9a-f]{8,}(_bg)?\.[a-z]+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, headers);
  res.end(await readFile(body));
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
