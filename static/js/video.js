// Click-to-load video: the third-party player is requested only after a click.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".video__play");
  if (!button) return;
  const figure = button.closest("[data-video-embed]");
  const src = figure && figure.dataset.videoEmbed;
  if (!src) return;
  const iframe = document.createElement("iframe");
  iframe.src = src;
  iframe.title = figure.dataset.videoTitle || "Video";
  // "fullscreen" here; the old allowfullscreen attribute as well only earns a warning.
  iframe.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  iframe.referrerPolicy = "strict-origin-when-cross-origin";
  button.replaceWith(iframe);
  iframe.focus();
});
