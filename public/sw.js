// Service worker: precaches one build (its file list and version are stamped in by
// .ci/stamp-sw.sh after each Trunk build) and serves it, so the app works offline and an old
// wasm is never mixed with new glue code: every file comes from the same build's cache.
const VERSION = '__KZ_VERSION__';
const ASSETS = __KZ_ASSETS__;
const PREFIX = 'kz-explorer-';
const CACHE = PREFIX + VERSION;
const scope = self.registration.scope;

self.addEventListener('install', (event) => {
  // Not skipWaiting: the new version waits until the page asks (the "reload" notice).
  // 'no-cache' revalidates: unchanged files cost a 304, changed ones are never taken stale.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(ASSETS.map((a) => new Request(new URL(a, scope), { cache: 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'version' && event.source) event.source.postMessage({ type: 'kz-explorer:sw-version', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const url = new URL(request.url);
  // Every page of the app (deep links included) is the one shell of this build.
  const key = request.mode === 'navigate' ? new URL('./', scope).href : url.origin + url.pathname;
  // The chart-image module is not precached (a reader who never asks for an image never
  // downloads it): it is kept the first time it is fetched, so images once made work offline too.
  const lazy = /\/images-[0-9a-f]+(\.js|_bg\.wasm)$/.test(url.pathname);
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key)
      .then((hit) => hit || fetch(request).then((response) => {
        if (lazy && response.ok) cache.put(key, response.clone());
        return response;
      }))));
});
