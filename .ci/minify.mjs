// Post-build step: minifies the wasm-bindgen glues (the app's and the image module's) and boot.js with terser (Trunk's own JS
// minifier cannot read either), then rewrites their subresource-integrity hashes in index.html.
// Usage: node .ci/minify.mjs STAGING_DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const dir = process.argv[2];
const require = createRequire(new URL('../tests/package.json', import.meta.url));
const { minify } = require('terser');

const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
// The chart-image module's glue (`images.js`, no hash yet: .ci/stamp-images.mjs names it next).
for (const file of readdirSync(dir).filter((f) => /^(kz-explorer|boot)-[0-9a-f]+\.js$/.test(f) || f === 'images.js')) {
  const path = join(dir, file);
  const code = readFileSync(path, 'utf8');
  const module = file !== file.replace(/^(kz-explorer|images)/, '');
  const out = await minify(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(path, out.code);
  const sri = `sha384-${createHash('sha384').update(out.code).digest('base64')}`;
  // The tag that loads this file carries its integrity hash: replace it.
  const tag = new RegExp(`<[^>]*/${file.replace(/[.]/g, '\\.')}[^>]*>`, 'g');
  html = html.replace(tag, (t) => t.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${sri}$1`));
  console.log(`minified ${file}: ${code.length} → ${out.code.length} bytes`);
}
writeFileSync(htmlPath, html);
