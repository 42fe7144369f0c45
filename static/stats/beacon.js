// Reader count without cookies or storage (docs/statistics.md).
(function () {
  var s = document.currentScript, n = navigator, d = document;
  if (!s || !n.sendBeacon || n.doNotTrack == "1" || n.globalPrivacyControl) return;
  function send(k) {
    n.sendBeacon(s.dataset.url, JSON.stringify({
      p: +s.dataset.page, k: k, r: d.referrer.slice(0, 900),
      q: location.search.slice(0, 900), w: innerWidth
    }));
  }
  function go() {
    send("v");
    var end = d.querySelector("[data-stats-end]");
    if (end && window.IntersectionObserver) {
      var o = new IntersectionObserver(function (e) {
        if (e[0].isIntersecting) { o.disconnect(); send("r"); }
      });
      o.observe(end);
    }
  }
  if (d.prerendering) d.addEventListener("prerenderingchange", go, { once: true });
  else go();
})();
