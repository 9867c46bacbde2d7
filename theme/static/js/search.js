/* The search page (search.html): Pagefind's search over every shard of the index.
   The index folder holds one Pagefind bundle per shard and shards.json listing them,
   the first is loaded and the others merged into it (mergeIndex), so one
   search covers the whole archive and its results are ordered by relevance.
   Markup comes from the page's <template> elements and every text the page shows from
   its data-msg-* attributes; the script only fills in text (textContent), never HTML. */
(function () {
  "use strict";
  var form = document.querySelector("[data-pr-search]");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-pr-search-status]");
  var list = document.querySelector("[data-pr-search-results]");
  var more = document.querySelector("[data-pr-search-more]");
  var filterBox = document.querySelector("[data-pr-search-filters]");
  var resultTemplate = document.getElementById("pr-search-result");
  var filterTemplate = document.getElementById("pr-search-filter");
  var optionTemplate = document.getElementById("pr-search-option");
  var PAGE = 10;
  var FILTERS = ["Kategori", "Tahun"];
  var dateFormat = new Intl.DateTimeFormat(form.dataset.lang || "id", {
    day: "numeric", month: "long", year: "numeric", timeZone: "UTC"  // the site's one date format
  });
  var pagefind = null;
  var current = { results: [], shown: 0, serial: 0 };
  var chosen = {};  // filter name -> set of values ticked

  function message(name, values) {
    var text = form.dataset["msg" + name] || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.split("{" + key + "}").join(values[key]);
    });
    return text;
  }

  function say(text) {
    status.textContent = text;
  }

  function bundlePath() {
    return new URL(form.dataset.bundle, document.baseURI).pathname;
  }

  // The excerpt: EXCERPT words of the release's text around its best match, the matched
  // words in <mark>. Built from the raw text and the word positions Pagefind gives (its
  // own excerpt escapes "<" and ">" but not "&", so it cannot be shown as text exactly).
  var EXCERPT = 30;

  function excerptWindow(words, data) {
    var best = null;
    (data.weighted_locations || []).forEach(function (spot) {
      if (!best || spot.balanced_score > best.balanced_score) {
        best = spot;
      }
    });
    var centre = best ? best.location : (data.locations || [])[0];
    if (centre === undefined || centre < EXCERPT / 2) {
      return 0;
    }
    return Math.max(0, Math.min(centre - Math.floor(EXCERPT / 3), words.length - EXCERPT));
  }

  function fillExcerpt(element, data) {
    var words = (data.content || "").split(/\s+/).filter(Boolean);
    var first = excerptWindow(words, data);
    var last = Math.min(words.length, first + EXCERPT);
    var matched = new Set(data.locations || []);
    var text = first > 0 ? "… " : "";
    for (var i = first; i < last; i++) {
      if (matched.has(i)) {
        element.appendChild(document.createTextNode(text));
        var mark = document.createElement("mark");
        mark.textContent = words[i];
        element.appendChild(mark);
        text = " ";
      } else {
        text += words[i] + (i + 1 < last ? " " : "");
      }
    }
    element.appendChild(document.createTextNode(text + (last < words.length ? " …" : "")));
  }

  function field(root, name) {
    return root.querySelector("[data-field=" + name + "]");
  }

  function showDate(element, iso) {
    var parts = (iso || "").split("-").map(Number);
    if (parts.length !== 3 || parts.some(isNaN)) {
      element.closest("time").remove();
      return;
    }
    element.dateTime = iso;
    element.textContent = dateFormat.format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])));
  }

  function resultItem(data) {
    var item = resultTemplate.content.firstElementChild.cloneNode(true);
    var meta = data.meta || {};
    field(item, "url").href = data.url;
    field(item, "title").textContent = meta.title || data.url;
    showDate(field(item, "date"), meta.date);
    ["place", "category"].forEach(function (name) {
      if (meta[name]) {
        field(item, name).textContent = meta[name];
      } else {
        item.querySelector("[data-part=" + name + "]").remove();
      }
    });
    fillExcerpt(field(item, "excerpt"), data);
    return item;
  }

  function showMore(serial) {
    var slice = current.results.slice(current.shown, current.shown + PAGE);
    current.shown += slice.length;
    more.hidden = true;
    return Promise.all(slice.map(function (result) { return result.data(); }))
      .then(function (found) {
        if (serial !== current.serial) {
          return;
        }
        found.forEach(function (data) { list.appendChild(resultItem(data)); });
        more.hidden = current.shown >= current.results.length;
      });
  }

  function filterOptions() {
    var options = {};
    Object.keys(chosen).forEach(function (name) {
      if (chosen[name].size) {
        options[name] = { any: Array.from(chosen[name]) };
      }
    });
    return options;
  }

  function showCounts(counts) {
    Array.prototype.forEach.call(filterBox.querySelectorAll("input[type=checkbox]"), function (box) {
      var count = ((counts || {})[box.name] || {})[box.value] || 0;
      field(box.closest("label"), "count").textContent = "(" + count + ")";
    });
  }

  function search() {
    // Before the index has loaded there is nothing to search: start() searches once it
    // has. A query already shown (typing that ends where the loaded page's query was)
    // is not drawn again, so a list being read is never emptied and refilled.
    if (!pagefind) {
      return Promise.resolve();
    }
    var term = input.value.trim();
    var key = JSON.stringify([term, filterOptions()]);
    if (key === current.key) {
      return Promise.resolve();
    }
    current.key = key;
    var serial = ++current.serial;
    var url = new URL(window.location.href);
    if (term) {
      url.searchParams.set("q", term);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url);
    list.textContent = "";
    more.hidden = true;
    if (!term) {
      say("");
      showCounts(null);
      return Promise.resolve();
    }
    say(message("Searching"));
    return pagefind.search(term, { filters: filterOptions() }).then(function (found) {
      if (serial !== current.serial || !found) {
        return null;
      }
      current.results = found.results;
      current.shown = 0;
      var count = found.results.length;
      say(message(count === 0 ? "None" : count === 1 ? "One" : "Many",
                  { term: term, count: count.toLocaleString(form.dataset.lang || "id") }));
      showCounts(found.filters);
      return showMore(serial);
    });
  }

  function buildFilters(all) {
    FILTERS.forEach(function (name) {
      var values = Object.keys(all[name] || {});
      if (!values.length) {
        return;
      }
      values.sort(function (a, b) {
        return name === "Tahun" ? b.localeCompare(a) : a.localeCompare(b, form.dataset.lang || "id");
      });
      var group = filterTemplate.content.firstElementChild.cloneNode(true);
      field(group, "name").textContent = name;
      var options = group.querySelector("ul");
      values.forEach(function (value) {
        var option = optionTemplate.content.firstElementChild.cloneNode(true);
        var box = field(option, "value");
        box.name = name;
        box.value = value;
        field(option, "label").textContent = value;
        field(option, "count").textContent = "(" + all[name][value] + ")";
        box.addEventListener("change", function () {
          chosen[name] = chosen[name] || new Set();
          chosen[name][box.checked ? "add" : "delete"](value);
          search();
        });
        options.appendChild(option);
      });
      filterBox.appendChild(group);
    });
    filterBox.hidden = !filterBox.querySelector("fieldset");
    // Open beside the results on a wide screen; on a phone, closed above them.
    filterBox.open = window.matchMedia("(min-width: 60em)").matches;
  }

  function start() {
    var base = bundlePath();
    return fetch(base + "shards.json")
      .then(function (response) {
        if (!response.ok) {
          throw new Error("shards.json: " + response.status);
        }
        return response.json();
      })
      .then(function (listing) {
        var shards = listing.shards || [];
        if (!shards.length) {
          throw new Error("no shard");
        }
        return import(base + shards[0] + "/pagefind.js").then(function (module) {
          pagefind = module;
          return pagefind.options({
            baseUrl: new URL(form.dataset.baseUrl, document.baseURI).pathname
          });
        }).then(function () {
          return Promise.all(shards.slice(1).map(function (name) {
            return pagefind.mergeIndex(base + name + "/");
          }));
        });
      })
      .then(function () { return pagefind.filters(); })
      .then(buildFilters);
  }

  var typing = null;
  input.addEventListener("input", function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(search, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typing);
    search();
  });
  more.addEventListener("click", function () {
    showMore(current.serial);
  });

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  start().then(search, function () {
    say(message("Unavailable"));
  });
})();
