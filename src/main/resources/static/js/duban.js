// Sends the CSRF token with every htmx request, opens the menu on small screens, names the page in the breadcrumb
// trail and asks before irreversible steps: a form or its submit button with data-confirm="question" (CSP allows no
// inline handlers, so this is the one place that asks).
document.addEventListener("DOMContentLoaded", function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener("htmx:configRequest", function (event) {
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
  document.querySelectorAll("[data-duban-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-duban-toggle"));
      if (target) { target.classList.toggle("show"); }
    });
  });
  // On a phone a list's rows become cards (duban.css, table.table-cards): each cell is named by its column's head,
  // copied here so that the templates state each column once.
  document.querySelectorAll("table.table-cards").forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        if (heads[i]) { cell.setAttribute("data-label", heads[i]); }
      });
    });
  });
  document.querySelectorAll("[data-duban-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // A category and its items narrow each other: <select data-narrowed-by="category"> with data-category options.
  document.querySelectorAll("select[data-narrowed-by]").forEach(function (items) {
    var category = items.form && items.form.elements[items.getAttribute("data-narrowed-by")];
    if (!category) { return; }
    var narrow = function () {
      Array.prototype.forEach.call(items.options, function (option) {
        var other = category.value && option.value && option.getAttribute("data-category") !== category.value;
        option.hidden = !!other;
        option.disabled = !!other;
      });
      var chosen = items.options[items.selectedIndex];
      if (chosen && chosen.disabled) { items.value = ""; }
    };
    category.addEventListener("change", narrow);
    items.addEventListener("change", function () {
      var chosen = items.options[items.selectedIndex];
      if (chosen && chosen.getAttribute("data-category") && category.value !== chosen.getAttribute("data-category")) {
        category.value = chosen.getAttribute("data-category");
        narrow();
      }
    });
    narrow();
  });
  // A choice that shows only the part of the page about the chosen value (an import page's columns per kind of file):
  // <select data-shows="kind"> and parts marked data-shown-for="kind" data-shown-value="CASES".
  document.querySelectorAll("select[data-shows]").forEach(function (choice) {
    var name = choice.getAttribute("data-shows");
    choice.addEventListener("change", function () {
      document.querySelectorAll("[data-shown-for]").forEach(function (part) {
        if (part.getAttribute("data-shown-for") === name) {
          part.classList.toggle("d-none", part.getAttribute("data-shown-value") !== choice.value);
        }
      });
    });
  });
  var title = document.querySelector("[data-duban-page-title]");
  if (title) { title.textContent = document.title; }
});
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = (event.submitter && event.submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-confirm]");
  if (link && !window.confirm(link.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
}, true);
