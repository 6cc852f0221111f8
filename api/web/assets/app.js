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

  // Entity fields suggest entities as one types (the API's autocomplete);
  // without this script they take an ID or a name as typed.
  var list = document.getElementById("entity-suggestions");
  document.querySelectorAll("input[data-suggest=entities]").forEach(function (input) {
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.split(",").pop().trim();
      if (text.length < 2 || !list) { return; }
      timer = setTimeout(function () {
        fetch("/api/v1/entities?size=8&q=" + encodeURIComponent(text), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { entities: [] }; })
          .then(function (data) {
            list.replaceChildren();
            (data.entities || []).forEach(function (e) {
              var opt = document.createElement("option");
              opt.value = e.id;
              opt.label = e.name + " (" + e.type + ")";
              list.appendChild(opt);
            });
          })
          .catch(function () {});
      }, 150);
    });
  });
});
