// plansite serve: reload the page when the site is rebuilt. Served only by
// the preview server, which adds it to every page it serves; a build never
// writes it. EventSource reconnects by itself after a dropped connection;
// after a refused one (the server was restarted) this script reconnects, and
// a new server's first event tells the page to reload.
(function () {
  "use strict";
  var me = document.currentScript;
  var seen = me ? me.getAttribute("data-build") : null;
  function connect() {
    var es = new EventSource("/_plansite/events");
    es.addEventListener("hello", function (e) {
      window.plansiteLive = true; // connected: tests and the benchmark wait for this
      if (seen !== null && e.data !== seen) {
        location.reload();
        return;
      }
      seen = e.data;
    });
    es.addEventListener("reload", function () {
      location.reload();
    });
    es.onerror = function () {
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        setTimeout(connect, 1000);
      }
    };
  }
  connect();
})();
