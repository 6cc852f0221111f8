// newsintel web UI: small conveniences only; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Changing a sort or period in a search form applies it at once.
  document.querySelectorAll("form.search select, form.controls select").forEach(function (el) {
    el.addEventListener("change", function () { el.form.requestSubmit(); });
  });
  // A claim in the side list lights up its sentence in the text.
  document.querySelectorAll("a.claim-n[href^='#claim-']").forEach(function (a) {
    a.addEventListener("click", function () {
      document.querySelectorAll(".claim.flash").forEach(function (c) { c.classList.remove("flash"); });
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) { target.classList.add("flash"); }
    });
  });
});
