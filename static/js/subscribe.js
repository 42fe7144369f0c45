// Sign-up forms submit in place; without JavaScript they post and redirect.
// After a confirmed sign-up the page shows its thank-you (/blog/?angemeldet=1,
// rendered on the server); the script only drops the flag from the address.
(() => {
  const script = document.currentScript;
  const text = (name) => (script && script.dataset[name]) || "";

  function showStatus(form, heading, message, ok) {
    const status = form.querySelector("[data-subscribe-status]");
    if (!status) return;
    status.textContent = "";
    if (heading) {
      const strong = document.createElement("strong");
      strong.textContent = heading;
      status.append(strong, " ");
    }
    status.append(message);
    status.className = `subscribe-form__status notice ${ok ? "notice--success" : "notice--error"}`;
  }

  function showFieldErrors(form, errors) {
    form.querySelectorAll(".field__error[data-js]").forEach((el) => el.remove());
    form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    Object.entries(errors || {}).forEach(([name, messages]) => {
      const input = form.querySelector(`[name="${name}"]`);
      if (!input || input.type === "hidden") return;
      const error = document.createElement("span");
      error.className = "field__error";
      error.dataset.js = "";
      error.id = `${input.id}-js-error`;
      error.textContent = messages.join(" ");
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", error.id);
      input.closest(".field").appendChild(error);
    });
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("[data-subscribe-form]");
    if (!form) return;
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json();
      showFieldErrors(form, data.errors);
      showStatus(form, data.heading, data.message, data.ok);
      if (data.ok) {
        form.reset();
        form.classList.add("subscribe-form--done");
      }
    } catch (error) {
      showStatus(form, text("errorHeading"), text("networkError"), false);
    } finally {
      button.disabled = false;
    }
  });

  const params = new URLSearchParams(window.location.search);
  if (params.get("angemeldet") === "1") {
    params.delete("angemeldet");
    const query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : "") + window.location.hash);
  }
})();
