// Progressive enhancement only: every page works without this file.
"use strict";

function csrf(form) {
  const field = form && form.querySelector('input[name="csrf"]');
  return field ? field.value : "";
}

// Feeds: preview the newest brief as a URL is typed, before the feed is saved.
function livePreview() {
  const input = document.querySelector("input[data-preview]");
  const target = document.getElementById("feed-preview");
  if (!input || !target) return;
  let timer = null, last = "";
  const run = async () => {
    const url = input.value.trim();
    if (!/^https?:\/\/\S+$/i.test(url) || url === last) return;
    last = url;
    target.setAttribute("aria-busy", "true");
    const body = new URLSearchParams({ url, csrf: csrf(input.form) });
    try {
      const response = await fetch(input.dataset.preview, {
        method: "POST", body, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
      if (url === input.value.trim()) target.outerHTML = await response.text();
    } finally {
      const now = document.getElementById("feed-preview");
      if (now) now.removeAttribute("aria-busy");
    }
  };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 600); });
  input.addEventListener("change", run);
}

// Deliveries: keep the log current without a reload.
function liveLog() {
  const log = document.querySelector("[data-live]");
  if (!log) return;
  const refresh = async () => {
    if (document.hidden || log.querySelector("details[open]")) return;
    const response = await fetch(log.dataset.live, {
      headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
    if (response.ok) log.innerHTML = await response.text();
  };
  setInterval(refresh, 2000);
}

// OPML import progress: reload until done.
function autoRefresh() {
  const node = document.querySelector("[data-refresh]");
  if (node) setTimeout(() => location.reload(), Number(node.dataset.refresh) || 1500);
}

// Removing a feed asks first.
function confirmations() {
  document.addEventListener("submit", (event) => {
    const button = event.submitter;
    if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });
}

// The server picker applies as soon as a server is chosen (its button does without script).
function autoSubmit() {
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
}

document.addEventListener("DOMContentLoaded", () => {
  livePreview(); liveLog(); autoRefresh(); confirmations(); autoSubmit();
});
