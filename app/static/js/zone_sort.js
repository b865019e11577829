/* Drag and drop for the products of a zone in the operators' console (SortableJS, served from
   the store itself). The list sits in a form whose hidden "order" inputs follow the items, so
   dropping one sends the new order as a plain form post; the page's Move up / Move down
   buttons do the same one step at a time, with or without JavaScript. */
(function () {
  "use strict";

  function init(root) {
    if (typeof Sortable === "undefined" || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll("[data-sortable-list]").forEach(function (list) {
      if (list.dataset.sortableReady) {
        return;
      }
      list.dataset.sortableReady = "1";
      list.classList.add("is-sortable");
      Sortable.create(list, {
        handle: ".drag-handle",
        animation: 150,
        onEnd: function (event) {
          if (event.oldIndex === event.newIndex) {
            return;
          }
          var form = list.closest("form");
          list.setAttribute("aria-busy", "true");
          // no submitter: the form's own action, the whole new order
          form.requestSubmit();
        },
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
  });
  // pages swapped in by htmx (a boosted form post) bring new lists
  document.addEventListener("htmx:load", function (event) {
    init(event.target);
  });
})();
