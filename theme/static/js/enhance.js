/* Progressive enhancements; everything works without them.
   - On a phone, the menu row scrolls to the current section.
   - "Link to this release" becomes a button that copies the page's address.
   - The print button (hidden without JavaScript) opens the browser's print dialog.
   - The page address printed under the release becomes absolute. */
(function () {
  "use strict";
  var status = document.querySelector("[data-pr-status]");

  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  // On a phone the menu is one row that scrolls sideways: show its current section.
  var current = document.querySelector(".pr-nav__link[aria-current]");
  var menu = current && current.closest(".pr-nav__list");
  if (menu && menu.scrollWidth > menu.clientWidth) {
    menu.scrollLeft = current.offsetLeft - (menu.clientWidth - current.offsetWidth) / 2;
  }

  // The printed address: a full URL even on a site built without SITEURL.
  Array.prototype.forEach.call(document.querySelectorAll("[data-pr-page-url]"), function (el) {
    if (!/^https?:/.test(el.textContent)) {
      el.textContent = window.location.href.split("#")[0];
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-pr-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-pr-copy]"), function (link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "pr-share__link pr-share__link--copy pr-share__button";
    button.textContent = link.getAttribute("data-pr-copy-label");
    button.addEventListener("click", function () {
      var url = link.href.split("#")[0];
      navigator.clipboard.writeText(url).then(function () {
        say(link.getAttribute("data-pr-copy"));
      });
    });
    link.parentNode.replaceChild(button, link);
  });
})();
