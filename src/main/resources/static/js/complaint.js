// Public complaint form: hides name and phone when anonymous, and disables the submit button after the first
// click (a second click would be harmless anyway: the idempotency key makes it the same submission).
document.addEventListener("DOMContentLoaded", function () {
  var anonymous = document.querySelector("[data-complaint-anonymous]");
  var identity = document.querySelector("[data-complaint-identity]");
  function sync() {
    if (anonymous && identity) { identity.classList.toggle("d-none", anonymous.checked); }
  }
  if (anonymous) { anonymous.addEventListener("change", sync); sync(); }
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[data-once]").forEach(function (b) {
        setTimeout(function () { b.disabled = true; }, 0);
      });
    });
  });

  // The receipt is shown once: a button copies it to the clipboard (on a phone, typing 16 digits is error-prone).
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = document.querySelector(button.getAttribute("data-copy-target"));
      if (!target || !navigator.clipboard) { return; }
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        button.textContent = button.getAttribute("data-copied");
      });
    });
  });
});
