// summarize: the HTML report's behaviour. Filters findings by kind; choosing a finding highlights
// its quotes in every report and scrolls to the first. Reads its data from #report-data (JSON)
// and writes text only through textContent.
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("report-data").textContent);
  document.documentElement.classList.add("js");

  const status = document.getElementById("status");
  const statusText = status.querySelector(".status-text");
  const boxes = Array.from(document.querySelectorAll(".filters input[type=checkbox]"));
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  let chosen = null; // the pressed button
  let marks = [];
  let position = 0;

  function show(index) {
    marks.forEach((mark) => mark.classList.remove("current"));
    position = (index + marks.length) % marks.length;
    const mark = marks[position];
    mark.classList.add("current");
    mark.scrollIntoView({ block: "center", inline: "nearest", behavior: smooth ? "smooth" : "auto" });
  }

  function clear() {
    marks.forEach((mark) => mark.classList.remove("active", "current"));
    marks = [];
    if (chosen) {
      chosen.setAttribute("aria-pressed", "false");
      chosen.closest(".finding").classList.remove("chosen");
    }
    chosen = null;
    status.hidden = true;
  }

  function choose(button) {
    const index = button.dataset.finding;
    const finding = data.findings[Number(index)];
    clear();
    chosen = button;
    button.setAttribute("aria-pressed", "true");
    button.closest(".finding").classList.add("chosen");
    marks = Array.from(document.querySelectorAll(`mark.ev[data-findings~="${index}"]`));
    marks.forEach((mark) => mark.classList.add("active"));
    const reports = new Set(marks.map((mark) => mark.closest(".report")));
    const quotes = marks.length === 1 ? "1 quote" : `${marks.length} quotes`;
    const where = reports.size === 1 ? "1 report" : `${reports.size} reports`;
    statusText.textContent = `${finding.label} (${finding.severity}): ${quotes} in ${where}`;
    status.hidden = false;
    if (marks.length) show(0);
  }

  function applyFilters() {
    const shown = new Set(boxes.filter((box) => box.checked).map((box) => box.value));
    document.querySelectorAll(".finding").forEach((item) => {
      item.hidden = !shown.has(item.dataset.kind);
    });
    document.querySelectorAll(".severity").forEach((group) => {
      group.hidden = !group.querySelector(".finding:not([hidden])");
    });
    document.querySelectorAll("mark.ev[data-kinds]").forEach((mark) => {
      mark.classList.toggle("off", !mark.dataset.kinds.split(" ").some((kind) => shown.has(kind)));
    });
    if (chosen && !shown.has(chosen.closest(".finding").dataset.kind)) clear();
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.classList.contains("choose")) {
      if (button === chosen) clear();
      else choose(button);
      return;
    }
    const action = button.dataset.action;
    if (!action || (!marks.length && action !== "clear")) return;
    if (action === "next") show(position + 1);
    else if (action === "previous") show(position - 1);
    else if (action === "back" && chosen) {
      chosen.focus({ preventScroll: true });
      chosen.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    } else if (action === "clear") {
      const last = chosen;
      clear();
      if (last) last.focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && chosen) {
      const last = chosen;
      clear();
      last.focus();
    }
  });
  boxes.forEach((box) => box.addEventListener("change", applyFilters));
})();
