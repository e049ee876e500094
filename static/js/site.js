// Counts a reading of an article. Sent from here rather than by the page view so that
// cached pages are counted too; the server counts one per reader per article per 10 minutes.
(function () {
  "use strict";
  var article = document.querySelector("[data-view-url]");
  if (!article || !navigator.sendBeacon) return;
  window.addEventListener("load", function () {
    navigator.sendBeacon(article.getAttribute("data-view-url"));
  });
})();
