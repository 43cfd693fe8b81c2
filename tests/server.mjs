// A plain static server for dist/, as a static host would serve it: unknown paths fall back to
// index.html (deep links), and precompressed .br/.gz are sent when the browser accepts them.
// Every answer carries a strong ETag (a hash of the bytes sent, so each encoding has its own) and
// Last-Modified; If-None-Match (or, without it, If-Modified-Since) that still matches gets a 304.
// Usage: node server.mjs [port] [root] [prefix]   (prefix: serve root under a sub-path, e.g. /sub/)
// With KZ_CSP set, every answer also carries that Content-Security-Policy header (as a strict
// host would send it).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.argv[2] ?? 8080);
const root = resolve(process.argv[3] ?? new URL('../dist', import.meta.url).pathname);
const prefix = process.argv[4] ?? '/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
};

async function file(path) {
  try { return (await stat(path)).isFile() ? path : null; } catch { return null; }
}

// RFC 9110 §13.2.2: If-None-Match wins when present (weak comparison: W/ is ignored); otherwise
// If-Modified-Since applies. Only GET and HEAD are ever answered 304.
function notModified(req, etag, modified) {
  const h = req.headers;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (h['if-none-match'] !== undefined) {
    return h['if-none-match'].split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === '*' || t === etag);
  }
  const since = Date.parse(h['if-modified-since'] ?? '');
  return !Number.isNaN(since) && modified.getTime() <= since;
}

createServer((req, res) => serve(req, res).catch((e) => {
  // A missing build or a bad request is an answer, not a crash of the server.
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
  res.end(String(e.message));
})).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));

async function serve(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (!url.pathname.startsWith(prefix)) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
  const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length - 1))).replace(/^(\.\.[/\\])+/, '');
  let path = await file(join(root, rel));
  if (!path) path = extname(rel) ? null : join(root, 'index.html'); // deep links → the app
  if (!path) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
  const headers = { 'content-type': types[extname(path)] ?? 'application/octet-stream', vary: 'accept-encoding' };
  if (process.env.KZ_CSP) headers['content-security-policy'] = process.env.KZ_CSP;
  const accept = req.headers['accept-encoding'] ?? '';
  let body = path;
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accept.includes(enc) && await file(path + ext)) { body = path + ext; headers['content-encoding'] = enc; break; }
  }
  headers['cache-control'] = /-[0-9a-f]{8,}(_bg)?\.[a-z]+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
  const bytes = await readFile(body);
  const modified = new Date(Math.floor((await stat(body)).mtimeMs / 1000) * 1000); // HTTP dates are whole seconds
  headers.etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  headers['last-modified'] = modified.toUTCString();
  if (notModified(req, headers.etag, modified)) {
    res.writeHead(304, { etag: headers.etag, 'last-modified': headers['last-modified'], 'cache-control': headers['cache-control'], vary: headers.vary });
    res.end();
    return;
  }
  res.writeHead(200, headers);
  res.end(bytes);
}
