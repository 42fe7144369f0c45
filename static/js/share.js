// Share links under a post. The links work without JavaScript; this adds the
// buttons that need it: the browser's share sheet, copying the link, and
// Mastodon, whose instance is asked once and kept in this browser only.
(() => {
  const KEY = "feder-mastodon-instance";
  const HOST = /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/i;

  function store(action, value) {
    try {
      if (action === "get") return window.localStorage.getItem(KEY);
      if (action === "set") window.localStorage.setItem(KEY, value);
      if (action === "remove") window.localStorage.removeItem(KEY);
    } catch (error) {
      // Storage may be blocked; the instance is then asked every time.
    }
    return null;
  }

  function instanceFrom(answer) {
    const host = (answer || "").trim().replace(/^https?:\/\//i, "").replace(/^@?[^@]*@/, "").replace(/\/.*$/, "");
    return HOST.test(host) ? host.toLowerCase() : null;
  }

  document.querySelectorAll("[data-share]").forEach((box) => {
    const url = box.dataset.shareUrl;
    const title = box.dataset.shareTitle;
    const status = box.querySelector("[data-share-status]");
    const say = (text) => { if (status) status.textContent = text; };
    const show = (selector) => { const el = box.querySelector(selector); if (el) el.hidden = false; return el; };

    if (navigator.share) {
      show("[data-share-native]").addEventListener("click", () => {
        navigator.share({ title, url }).catch(() => {});
      });
    }
    if (navigator.clipboard) {
      show("[data-share-copy]").addEventListener("click", () => {
        navigator.clipboard.writeText(url).then(() => say("Link kopiert."), () => say(url));
      });
    }
    const forget = box.querySelector("[data-share-mastodon-forget]");
    if (store("get") && forget) forget.hidden = false;
    show("[data-share-mastodon]").addEventListener("click", () => {
      let instance = instanceFrom(store("get"));
      if (!instance) {
        instance = instanceFrom(window.prompt(box.dataset.mastodonPrompt || "Mastodon-Instanz?", ""));
        if (!instance) return;
        store("set", instance);
        if (forget) forget.hidden = false;
      }
      const text = encodeURIComponent(`${title} ${url}`);
      window.open(`https://${instance}/share?text=${text}`, "_blank", "noopener");
    });
    if (forget) {
      forget.addEventListener("click", () => {
        store("remove");
        forget.hidden = true;
      });
    }
  });
})();
