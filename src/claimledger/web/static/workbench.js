// claimledger workbench: highlight toggles and the details panel of the article view.
// Loaded from /static (the CSP allows no inline script); it only moves server-rendered, escaped
// markup around and never builds HTML from strings.
"use strict";

function setupToggles() {
  for (const box of document.querySelectorAll("input[data-kind]")) {
    const apply = () => document.body.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    box.addEventListener("change", apply);
    apply();
  }
}

function visibleRefs(element) {
  return element.dataset.refs
    .split(" ")
    .filter((ref) => !document.body.classList.contains("hide-" + ref.split("-")[0]));
}

function showDetails(element) {
  const panel = document.getElementById("details");
  if (!panel) return;
  for (const old of document.querySelectorAll(".hl.selected")) old.classList.remove("selected");
  const refs = visibleRefs(element);
  const cards = [];
  for (const ref of refs) {
    const card = document.getElementById("card-" + ref);
    if (!card) continue;
    const copy = card.cloneNode(true);
    copy.removeAttribute("id");
    copy.dataset.ref = ref;
    cards.push(copy);
    for (const part of document.querySelectorAll('.hl[data-refs~="' + CSS.escape(ref) + '"]')) {
      part.classList.add("selected");
    }
  }
  if (cards.length) panel.replaceChildren(...cards);
}

function setupDetails() {
  const text = document.getElementById("article-text");
  if (!text) return;
  text.addEventListener("click", (event) => {
    const element = event.target.closest(".hl");
    if (element) showDetails(element);
  });
  text.addEventListener("keydown", (event) => {
    const element = event.target.closest(".hl");
    if (element && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      showDetails(element);
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupToggles();
  setupDetails();
});
