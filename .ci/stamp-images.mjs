// Post-build step: names the chart-image module by its content. Trunk writes it as `images.js`
// and `images_bg.wasm`, with no hash (it builds `data-type="worker"` links so); renamed
// `images-<hash>.js` and `images-<hash>_bg.wasm`, a browser or a cache never pairs one build's
// glue with another's wasm. index.html names the glue in an inert link (`rel=kz-images`, which
// no browser fetches), which the app reads when the first image is asked for.
// Usage: node .ci/stamp-images.mjs STAGING_DIR
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const js = readFileSync(join(dir, 'images.js'), 'utf8');
const wasm = readFileSync(join(dir, 'images_bg.wasm'));
const name = `images-${createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16)}`;
const glue = js.replaceAll('images_bg.wasm', `${name}_bg.wasm`);
if (glue === js) throw new Error('images.js does not name images_bg.wasm: the glue changed shape');
writeFileSync(join(dir, `${name}.js`), glue);
rmSync(join(dir, 'images.js'));
renameSync(join(dir, 'images_bg.wasm'), join(dir, `${name}_bg.wasm`));
const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
if (!html.includes('</head>')) throw new Error('index.html has no </head>');
writeFileSync(htmlPath, html.replace('</head>', `<link rel=kz-images href=${name}.js></head>`));
console.log(`image module: ${name}.js (${glue.length} bytes), ${name}_bg.wasm (${wasm.length} bytes)`);
