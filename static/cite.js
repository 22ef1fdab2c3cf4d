// cite.js: an enhancement of the 引用本条 block of task pages. Without it the
// page is complete: the citation reads "[引用日期]" for the reader to fill
// in and its text can be selected and copied by hand.
//
// - The access date of a GB/T 7714 citation is the day the reader looks at
//   the page, which the build cannot know (and builds never read the
//   clock), so it is filled in here with the reader's own date, YYYY-MM-DD.
// - Copy buttons, hidden in the HTML, are shown only when this script runs.
// - Print buttons ([data-print]) likewise.
// The script reads nothing from the address, so extra query parameters
// (?from=groupmessage from WeChat) and fragments change nothing.
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  var dates = document.querySelectorAll("[data-access-date]");
  for (var i = 0; i < dates.length; i++) {
    dates[i].textContent = today();
  }

  function say(text) {
    var status = document.querySelector(".cite-status");
    if (status) {
      status.textContent = text;
    }
  }

  // copyText uses the asynchronous clipboard where the page is allowed to,
  // else the selection and the older copy command.
  function copyText(text, done, failed) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {
        legacyCopy(text) ? done() : failed();
      });
      return;
    }
    legacyCopy(text) ? done() : failed();
  }

  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function selectNode(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  var buttons = document.querySelectorAll("[data-copy]");
  for (var j = 0; j < buttons.length; j++) {
    (function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        // Only ASCII white space is tidied: U+3000 and the like are part
        // of the official text.
        var text = source.textContent.replace(/[ \t\r\n]+/g, " ").trim();
        copyText(
          text,
          function () {
            say("已复制到剪贴板。");
          },
          function () {
            selectNode(source);
            say("无法自动复制，已选中文字，请按 Ctrl+C 或长按复制。");
          }
        );
      });
    })(buttons[j]);
  }

  var printers = document.querySelectorAll("[data-print]");
  for (var k = 0; k < printers.length; k++) {
    if (typeof window.print === "function") {
      printers[k].hidden = false;
      printers[k].addEventListener("click", function () {
        window.print();
      });
    }
  }
})();
