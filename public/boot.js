/* The page's one script before the wasm: a small classic script, loaded from a file (a strict
 * content security policy refuses inline scripts). It runs before the pre-rendered first screen
 * is drawn, and:
 *  1. marks the page for what the URL asks: an embed and which view, a theme, and whether the
 *     view differs from the pre-rendered overview ("deep"), in which case the stylesheet shows
 *     same-size skeletons instead of another view's figures until the app takes over;
 *  2. once the first screen is painted, starts the wasm and the dataset (Trunk's loader, moved
 *     here by `dataset prepaint`, which also made their preload links inert so that they do not
 *     compete with the first paint);
 *  3. once the page has loaded and the app has taken over (so the worker's precache never
 *     shares the line with the first load), registers the service worker (not in embeds) and
 *     offers a new version when one has installed;
 *  4. lends the app the chart-image module, imported on the first image asked for. */
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var params = new URLSearchParams(location.search);
  var embed = params.get('embed');
  if (!/^(chart|timeline|overview|outcomes|activity)$/.test(embed || '')) embed = null;
  var theme = params.get('theme');
  if (theme !== 'light' && theme !== 'dark') theme = theme === 'auto' ? null : (embed ? 'light' : null);
  if (embed) root.classList.add('embed', 'embed-' + embed);
  if (theme) root.classList.add(theme);
  // The interface's language: the link's, else the first of the browser's that we have. The
  // page is rendered in English; another language is built by the app (skeletons till then).
  var langs = ['en', 'ru', 'kk'], pref = 'en', i, l;
  var asked = navigator.languages || [navigator.language || 'en'];
  for (i = 0; i < asked.length; i++) {
    l = String(asked[i]).toLowerCase().split(/[-_]/)[0];
    if (langs.indexOf(l) >= 0) { pref = l; break; }
  }
  root.setAttribute('data-lang-pref', pref);
  var lang = langs.indexOf(params.get('lang')) >= 0 ? params.get('lang') : pref;
  // This script's own few words, in the three languages.
  var W = {
    en: ['The interactive explorer could not start (', '). The overview above is static; reload to try again.',
      'Loading the interactive explorer…', 'Offline use is unavailable: ', ' The explorer works online as usual.',
      'the files could not be saved for offline use.', 'the offline worker could not start.',
      'A new version is available. ', 'Reload'],
    ru: ['Интерактивный навигатор не запустился (', '). Обзор выше статичен; перезагрузите страницу, чтобы попробовать снова.',
      'Загружается интерактивный навигатор…', 'Работа без сети недоступна: ', ' В сети навигатор работает как обычно.',
      'файлы не удалось сохранить для работы без сети.', 'не удалось запустить офлайн-модуль.',
      'Доступна новая версия. ', 'Перезагрузить'],
    kk: ['Интерактивті навигатор іске қосылмады (', '). Жоғарыдағы шолу статикалық; қайта көру үшін бетті жаңартыңыз.',
      'Интерактивті навигатор жүктелуде…', 'Желісіз жұмыс қолжетімсіз: ', ' Желіде навигатор әдеттегідей жұмыс істейді.',
      'файлдарды желісіз жұмыс үшін сақтау мүмкін болмады.', 'желісіз жұмыс модулі іске қосылмады.',
      'Жаңа нұсқа қолжетімді. ', 'Жаңарту']
  }[lang];
  // Parameters that change the first screen (the list's order and the open activity do not).
  var deep = lang !== 'en' ||
    ['sector', 'kind', 'status', 'place', 'from', 'to', 'q', 'has', 'result', 'measure', 'table']
      .some(function (k) { return params.has(k); });
  if (deep) root.classList.add('deep');

  function status(text) {
    var s = document.getElementById('status');
    if (s && root.getAttribute('data-state') !== 'live') s.textContent = text;
  }

  // Start the dataset's download (the app's own request will take this response) and the wasm.
  function start() {
    var find = function (rel, old) {
      return document.querySelector('link[rel="' + rel + '"]') || document.querySelector(old);
    };
    var glue = find('kz-module', 'link[rel="modulepreload"][href$=".js"]');
    var wasm = find('kz-wasm', 'link[rel="preload"][href$=".wasm"]');
    var data = document.querySelector('link[rel="kz-data"]');
    if (data) {
      var preload = document.createElement('link');
      preload.rel = 'preload';
      preload.as = 'fetch';
      preload.crossOrigin = 'anonymous';
      preload.href = data.getAttribute('href');
      document.head.appendChild(preload);
    }
    if (!glue || !wasm) return;
    import(glue.href)
      .then(function (m) { return m.default({ module_or_path: wasm.href }); })
      .then(function (w) { window.kzWasm = w; }) // its memory, for the benchmark
      .catch(function (e) {
        console.error(e);
        status(W[0] + (e && e.message || e) + W[1]);
      });
    // On a slow connection, say that more is coming.
    setTimeout(function () { status(W[2]); }, 2500);
  }
  // The chart-image module (plotters, a second wasm): the app calls its functions through
  // this, which imports and starts it on the first call (`import()` is syntax the wasm cannot
  // call itself). The build names it in an inert link (.ci/stamp-images.mjs).
  var images = null;
  window.kzImages = function (name, args) {
    if (!images) {
      images = import(document.querySelector('link[rel="kz-images"]').href)
        .then(function (m) { return m.default().then(function () { return m; }); });
      images.catch(function () { images = null; });
    }
    return images.then(function (m) { return m[name].apply(null, args); });
  };

  // After the first frame of the painted page (a timer after the next animation frame).
  function afterPaint() { requestAnimationFrame(function () { setTimeout(start, 0); }); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterPaint);
  else afterPaint();

  if (embed || !('serviceWorker' in navigator)) return;
  var banner = null, reloading = false;
  function unavailable(why) {
    if (document.querySelector('.offline-note')) return;
    var note = document.createElement('div');
    note.className = 'offline-note';
    note.setAttribute('role', 'status');
    note.textContent = W[3] + why + W[4];
    document.body.appendChild(note);
    setTimeout(function () { note.remove(); }, 12000);
  }
  function offer(reg) {
    if (banner || !reg.waiting || !navigator.serviceWorker.controller) return;
    banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    banner.appendChild(document.createTextNode(W[7]));
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = W[8];
    button.onclick = function () { if (reg.waiting) reg.waiting.postMessage('skip-waiting'); };
    banner.appendChild(button);
    document.body.appendChild(banner);
  }
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (banner && !reloading) { reloading = true; location.reload(); }
  });
  // After the load event and the app's take-over ("kz-live"): the worker's precache must not
  // compete with the first load, whose wasm and data arrive after the load event.
  var loaded = document.readyState === 'complete', live = false, registered = false;
  function maybeRegister() {
    if (loaded && live && !registered) { registered = true; register(); }
  }
  addEventListener('load', function () { loaded = true; maybeRegister(); });
  document.addEventListener('kz-live', function () { live = true; maybeRegister(); });
  function register() {
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      offer(reg);
      var watch = function (w) {
        if (!w) return;
        w.addEventListener('statechange', function () {
          if (w.state === 'installed') offer(reg);
          // A worker that could not save every file of this version gives up ("redundant").
          if (w.state === 'redundant' && !navigator.serviceWorker.controller) {
            unavailable(W[5]);
          }
        });
      };
      watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
    }).catch(function (e) {
      console.warn('offline support unavailable:', e);
      unavailable(W[6]);
    });
  }
  maybeRegister();
})();
