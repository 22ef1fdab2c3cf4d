// Reading settings: the 大/中/小 font size and high contrast. The choice is
// kept in localStorage and shown as a class on <html> (size-l, size-s,
// contrast) that the stylesheet reads. This file is loaded in <head>, before
// the page is drawn, so a page never flashes at the wrong size; the site's
// Content Security Policy allows no inline script, hence a file of its own.
// Without JavaScript the switch stays hidden and the page keeps its default,
// already large, text.
(function () {
  'use strict';
  var html = document.documentElement;
  var SIZE = 'plansite-size', CONTRAST = 'plansite-contrast';

  function get(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function set(key, value) {
    try {
      if (value) window.localStorage.setItem(key, value);
      else window.localStorage.removeItem(key);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  function size() {
    var s = get(SIZE);
    return s === 'l' || s === 's' ? s : 'm';
  }
  function apply() {
    var s = size();
    html.classList.toggle('size-l', s === 'l');
    html.classList.toggle('size-s', s === 's');
    html.classList.toggle('contrast', get(CONTRAST) === 'on');
  }
  apply();

  function sync() {
    var bar = document.getElementById('prefs');
    if (!bar) return;
    var s = size(), c = get(CONTRAST) === 'on';
    var buttons = bar.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var on = b.hasAttribute('data-size') ? b.getAttribute('data-size') === s : c;
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  }

  function wire() {
    var bar = document.getElementById('prefs');
    if (!bar) return;
    bar.addEventListener('click', function (e) {
      var b = e.target.closest ? e.target.closest('button') : null;
      if (!b || !bar.contains(b)) return;
      if (b.hasAttribute('data-size')) {
        var s = b.getAttribute('data-size');
        set(SIZE, s === 'm' ? '' : s);
      } else if (b.hasAttribute('data-contrast')) {
        set(CONTRAST, get(CONTRAST) === 'on' ? '' : 'on');
      }
      apply();
      sync();
    });
    sync();
    bar.hidden = false;
  }

  // A chart or table wider than the screen scrolls inside its region;
  // the region is marked (data-scrolls) and a line after it says so, so
  // that nothing looks cut off. The stylesheet also keeps its scroll bar
  // and a shadow at the edge that hides more, with or without this.
  var HINT = '左右滑动可查看全部内容';
  function scrolls() {
    var rs = document.querySelectorAll('.table-scroll, .chart-scroll');
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i], wide = r.scrollWidth > r.clientWidth + 1;
      var hint = r.nextElementSibling && r.nextElementSibling.classList.contains('scroll-hint') ? r.nextElementSibling : null;
      if (wide) r.setAttribute('data-scrolls', '');
      else r.removeAttribute('data-scrolls');
      if (wide && !hint) {
        hint = document.createElement('p');
        hint.className = 'scroll-hint';
        hint.setAttribute('aria-hidden', 'true');
        hint.textContent = HINT;
        r.parentNode.insertBefore(hint, r.nextSibling);
      }
      if (hint) hint.hidden = !wide;
    }
  }
  function ready() {
    wire();
    scrolls();
    // A data table opened later (图表数据) is measured then.
    document.addEventListener('toggle', scrolls, true);
  }
  var resizing = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(scrolls, 100);
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
  // Follow a change made in another tab, and a page restored from the
  // back-forward cache with the classes it had when it was left.
  window.addEventListener('storage', function () { apply(); sync(); scrolls(); });
  window.addEventListener('pageshow', function () { apply(); sync(); });
})();
