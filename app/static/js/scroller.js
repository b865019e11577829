/* Buttons for a horizontal scroller: the category bar on phones (on wider screens it wraps and
   needs none). Without JavaScript the list still scrolls by touch, trackpad and keyboard (a
   link taking the focus is scrolled into view when none of it shows) and its edges fade while
   more lies that way; the buttons, rendered hidden, only show here, and a focused link is
   brought in whole. */
(function () {
  "use strict";

  function init(root) {
    if (!root.querySelectorAll) {
      return;
    }
    root.querySelectorAll("[data-scroller]").forEach(function (list) {
      if (list.dataset.scrollerReady) {
        return;
      }
      list.dataset.scrollerReady = "1";
      var buttons = document.querySelectorAll('[aria-controls="' + list.id + '"][data-scroll]');

      function update() {
        var overflows = list.scrollWidth > list.clientWidth + 1;
        var end = list.scrollWidth - list.clientWidth - 1;
        buttons.forEach(function (button) {
          var back = button.dataset.scroll === "back";
          button.hidden = !overflows;
          // at an end the button stays (keeping focus where it is) but says it cannot go on
          button.setAttribute(
            "aria-disabled",
            String(back ? list.scrollLeft <= 0 : list.scrollLeft >= end)
          );
        });
      }

      buttons.forEach(function (button) {
        button.addEventListener("click", function () {
          if (button.getAttribute("aria-disabled") === "true") {
            return;
          }
          var step = Math.max(list.clientWidth * 0.8, 80);
          list.scrollBy({ left: button.dataset.scroll === "back" ? -step : step });
        });
      });
      // the browser brings a focused link into view only when none of it shows: show it whole
      list.addEventListener("focusin", function (event) {
        event.target.scrollIntoView({ block: "nearest", inline: "nearest" });
      });
      list.addEventListener("scroll", update, { passive: true });
      window.addEventListener("resize", update);
      update();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
  });
  // a boosted navigation swaps in a new page body, with a new bar
  document.addEventListener("htmx:load", function (event) {
    init(event.target);
  });
})();
