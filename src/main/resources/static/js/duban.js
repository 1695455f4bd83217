// Sends the CSRF token with every htmx request, and opens the navigation on small screens.
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
  document.querySelectorAll("[data-duban-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
});
