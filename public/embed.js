/* Partner script for report-explorer embeds: sizes each embedded iframe to its content.
 * Include once per page: <script async src="https://…/embed.js"></script>
 * It acts only on messages of the documented shape from a window that is one of this page's
 * iframes, and only resizes that iframe. Each message is also re-dispatched on the iframe as a
 * `kz-explorer:state` DOM event (detail: {id, height, state, url}) for pages that want to deep-link. */
(function () {
  if (window.__kzExplorerEmbed) return;
  window.__kzExplorerEmbed = true;
  window.addEventListener('message', function (event) {
    var d = event.data;
    if (!d || typeof d !== 'object' || d.type !== 'kz-explorer:embed' || d.version !== 1) return;
    var height = Number(d.height);
    if (!isFinite(height) || height <= 0 || height > 100000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      try {
        if (new URL(frame.src, location.href).origin !== event.origin) return;
      } catch (e) { return; }
      frame.style.height = Math.ceil(height) + 'px';
      frame.dispatchEvent(new CustomEvent('kz-explorer:state', {
        detail: { id: String(d.id), height: height, state: String(d.state), url: String(d.url) }
      }));
      return;
    }
  });
})();
