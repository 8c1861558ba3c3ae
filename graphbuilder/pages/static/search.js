// The search box in every page's header: finds persons, groups and agencies in the
// static index (search-index.js, window.GB_SEARCH_INDEX: [name, kind, path, other
// names]) and opens the chosen page. Results are built with textContent; paths are
// checked against the site's own shapes before they become links.
(function () {
  "use strict";

  var SAFE_PATH = /^(person|group|agency)\/[A-Za-z0-9_-]+\.html$/;
  var LIMIT = 20;
  var form = document.getElementById("gb-search-form");
  var input = document.getElementById("gb-search");
  var list = document.getElementById("gb-search-results");
  var entries = window.GB_SEARCH_INDEX || [];
  var root = document.body.getAttribute("data-root") || "";
  if (!form || !input || !list) {
    return;
  }

  function rank(entry, query) {
    var name = entry[0].toLowerCase();
    if (name === query) {
      return 0;
    }
    if (name.indexOf(query) === 0) {
      return 1;
    }
    if (name.indexOf(query) > 0) {
      return 2;
    }
    return (entry[3] || "").toLowerCase().indexOf(query) >= 0 ? 3 : -1;
  }

  function find(text) {
    var query = text.trim().toLowerCase();
    if (!query) {
      return [];
    }
    var found = [];
    entries.forEach(function (entry) {
      var score = rank(entry, query);
      if (score >= 0 && SAFE_PATH.test(entry[2])) {
        found.push([score, entry[0].length, entry]);
      }
    });
    found.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1] || (a[2][0] < b[2][0] ? -1 : a[2][0] > b[2][0] ? 1 : 0);
    });
    return found.slice(0, LIMIT).map(function (item) { return item[2]; });
  }

  function show(results) {
    list.replaceChildren();
    results.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.setAttribute("href", root + entry[2]);
      link.textContent = entry[0];
      var kind = document.createElement("span");
      kind.className = "gb-search-kind";
      kind.textContent = entry[1];
      link.appendChild(kind);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (!results.length && input.value.trim()) {
      var none = document.createElement("li");
      none.className = "gb-search-none";
      none.textContent = "未找到 nothing found";
      list.appendChild(none);
    }
    list.hidden = !input.value.trim();
  }

  input.addEventListener("input", function () { show(find(input.value)); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      input.value = "";
      show([]);
    } else if (event.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var results = find(input.value);
    if (results.length) {
      window.location.href = root + results[0][2];
    }
  });
}());
