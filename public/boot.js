/* The page's one script before the wasm: a small classic script, loaded from a file (a strict
 * content security policy refuses inline scripts). It runs before the pre-painted first screen
 * is drawn, and:
 *  1. marks the page for what the URL asks: an embed and which view, a theme, and whether the
 *     view differs from the pre-painted overview ("deep"), in which case the stylesheet shows
 *     same-size skeletons instead of another view's figures until the app takes over;
 *  2. starts the wasm (Trunk's loader, moved here by `dataset prepaint`);
 *  3. after the page's load event, registers the service worker (not in embeds) and offers a
 *     new version when one has installed. */
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var params = new URLSearchParams(location.search);
  var embed = params.get('embed');
  if (!/^(chart|timeline|overview|activity)$/.test(embed || '')) embed = null;
  var theme = params.get('theme');
  if (theme !== 'light' && theme !== 'dark') theme = theme === 'auto' ? null : (embed ? 'light' : null);
  if (embed) root.classList.add('embed', 'embed-' + embed);
  if (theme) root.classList.add(theme);
  // Parameters that change the first screen (the list's order and the open activity do not).
  var deep = ['sector', 'kind', 'status', 'place', 'from', 'to', 'q', 'has', 'measure', 'table']
    .some(function (k) { return params.has(k); });
  if (deep) root.classList.add('deep');

  function status(text) {
    var s = document.getElementById('status');
    if (s && root.getAttribute('data-state') !== 'live') s.textContent = text;
  }

  // Start the wasm: Trunk preloads the glue module and the wasm; import and run them.
  function start() {
    var glue = document.querySelector('link[rel="modulepreload"][href$=".js"]');
    var wasm = document.querySelector('link[rel="preload"][href$=".wasm"]');
    if (!glue || !wasm) return;
    import(glue.href)
      .then(function (m) { return m.default({ module_or_path: wasm.href }); })
      .catch(function (e) {
        console.error(e);
        status('The interactive explorer could not start (' + (e && e.message || e) +
          '). The overview above is static; reload to try again.');
      });
    // On a slow connection, say that more is coming.
    setTimeout(function () { status('Loading the interactive explorer…'); }, 2500);
  }
  // Trunk's preload links follow this script in <head>: start once they are parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();

  if (embed || !('serviceWorker' in navigator)) return;
  var banner = null, reloading = false;
  function offer(reg) {
    if (banner || !reg.waiting || !navigator.serviceWorker.controller) return;
    banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    banner.appendChild(document.createTextNode('A new version is available. '));
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.onclick = function () { if (reg.waiting) reg.waiting.postMessage('skip-waiting'); };
    banner.appendChild(button);
    document.body.appendChild(banner);
  }
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (banner && !reloading) { reloading = true; location.reload(); }
  });
  // After the load event: the worker's precache must not compete with the first load.
  function register() {
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      offer(reg);
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        if (w) w.addEventListener('statechange', function () { if (w.state === 'installed') offer(reg); });
      });
    }).catch(function (e) { console.warn('offline support unavailable:', e); });
  }
  if (document.readyState === 'complete') register();
  else addEventListener('load', register);
})();
