// plansite search. The page works without this script (it then explains
// other ways to find text); with it, the page reads ?q= from its address,
// loads the index the generator wrote (search/index.json and its shards) and
// shows matching tasks as the reader types. Matching is by substring on
// folded text, so Chinese needs no word lists: 无人机 finds every task whose
// text contains 无人机. Results are built with DOM calls and textContent only,
// never innerHTML, so no text of the index can become markup.
(function () {
  'use strict';
  var app = document.getElementById('search-app');
  var form = document.querySelector('.search-form');
  var input = document.getElementById('q');
  if (!app || !form || !input || !window.fetch || !window.URLSearchParams || !window.history.replaceState) {
    return;
  }
  var nojs = document.getElementById('search-nojs');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var root = app.getAttribute('data-root');
  // The status filter, on a site with progress only: its links carry the
  // status names (data-status) and their classes, which colour the badges,
  // and it carries the words the script says of statuses, so that a site
  // without progress says nothing of it.
  var filter = document.getElementById('status-filter');
  function said(name, st) {
    return filter ? (filter.getAttribute('data-' + name) || '').split('%s').join(st || '') : '';
  }
  var links = filter ? [].slice.call(filter.querySelectorAll('a[data-status]')) : [];
  var classes = {};
  links.forEach(function (a) {
    var b = a.querySelector('.status');
    if (b) classes[a.getAttribute('data-status')] = b.className;
  });
  // The filters by group, unit and year (select name="area", "dept",
  // "year"), each kept in the address beside q and status, and combined
  // with them and with each other.
  var selects = [].slice.call(form.querySelectorAll('select[data-filter]'));
  function chosen() {
    var f = {};
    selects.forEach(function (sel) {
      if (sel.value) f[sel.name] = { value: sel.value, text: sel.options[sel.selectedIndex].text, said: sel.getAttribute('data-with') };
    });
    return f;
  }
  // passes reports whether task d is in every chosen group, unit and year.
  function passes(d, f) {
    if (f.area && d.a !== f.area.text) return false;
    if (f.dept && (d.l || []).indexOf(f.dept.value) < 0 && (d.c || []).indexOf(f.dept.value) < 0) return false;
    if (f.year) {
      var y = +f.year.value, ys = d.y || [], ok = false;
      for (var i = 0; i + 1 < ys.length && !ok; i += 2) ok = ys[i] <= y && y <= ys[i + 1];
      if (!ok) return false;
    }
    return true;
  }
  var baseTitle = document.title;
  var PAGE = 20; // results shown at once; "显示更多结果" adds as many again
  var HITS = 3; // matching passages shown under a result

  // fold must stay identical to Fold in internal/search/fold.go: the index
  // holds text folded by it, and a browser test compares the two.
  function fold(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      else if (c >= 0xFF21 && c <= 0xFF3A) c = c - 0xFF21 + 97;
      else if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
      else if (c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 0xA0 || c === 0x3000) c = 32;
      out.push(c);
    }
    var r = '';
    for (var j = 0; j < out.length; j += 4096) r += String.fromCharCode.apply(null, out.slice(j, j + 4096));
    return r;
  }
  window.plansiteFold = fold; // for the test that compares it with the Go version

  // Terms of a query: folded, split at spaces, each needed (AND).
  function terms(q) {
    var seen = {};
    return fold(q).split(' ').filter(function (t) {
      if (!t || seen[t]) return false;
      seen[t] = true;
      return true;
    });
  }

  // ---- Loading the index: the manifest, then its shards, a few at a time.
  var shards = []; // per shard: array of docs once loaded, else null
  var failed = false;
  var manifestURL = new URL(app.getAttribute('data-index'), location.href);

  function load() {
    fetch(manifestURL).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (m) {
      shards = m.shards.map(function () { return null; });
      var next = 0;
      var pump = function () {
        if (next >= m.shards.length) return;
        var i = next++;
        fetch(new URL(m.shards[i].url, manifestURL)).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }).then(function (docs) {
          shards[i] = docs;
          advance();
          pump();
        }, fail);
      };
      for (var k = 0; k < 4; k++) pump();
      advance();
    }).catch(fail);
  }

  function fail() {
    failed = true;
    status.textContent = '搜索索引未能载入，请刷新页面重试，或按下面的方法查找。';
    nojs.hidden = false;
    app.setAttribute('data-state', 'error');
  }

  // ---- Searching. A search scans the loaded shards in order and goes on
  // as more arrive, so the first results show before the index is complete.
  // A search also counts, per status, the tasks that match the words, so
  // each filter link can say how many it would show.
  var cur = null; // {q, terms, st, scanned: shards done, matches: docs, counts, all, shown}

  function search(q, st) {
    var t0 = performance.now();
    if (!filter || !classes.hasOwnProperty(st)) st = '';
    cur = { q: q, terms: terms(q), st: st, f: chosen(), scanned: 0, matches: [], counts: {}, all: 0, shown: 0 };
    list.textContent = '';
    more.hidden = true;
    setURL(q, st);
    advance();
    app.setAttribute('data-ms', (performance.now() - t0).toFixed(2));
  }

  // advance scans every shard that has arrived since the last call and
  // shows what it found.
  function advance() {
    if (!cur || failed) return;
    var s = cur;
    if (active(s)) {
      while (s.scanned < shards.length && shards[s.scanned]) {
        var docs = shards[s.scanned++];
        for (var i = 0; i < docs.length; i++) {
          var d = docs[i], h = d.h, ok = true;
          for (var k = 0; k < s.terms.length && ok; k++) ok = h.indexOf(s.terms[k]) >= 0;
          if (!ok || !passes(d, s.f)) continue;
          s.all++;
          s.counts[d.st] = (s.counts[d.st] || 0) + 1;
          if (!s.st || d.st === s.st) s.matches.push(d);
        }
      }
    }
    if (s.shown < PAGE) show(PAGE - s.shown);
    report();
  }

  // A search runs when it has words or a status, group, unit or year to
  // filter by.
  function active(s) {
    return s.terms.length > 0 || s.st !== '' || narrowed(s);
  }
  function narrowed(s) {
    return Object.keys(s.f).length > 0;
  }

  function complete() {
    return !active(cur) || (shards.length > 0 && cur.scanned === shards.length);
  }

  // what describes the search in words: 包含“无人机”的, then the status
  // in the filter's words (data-with).
  function what(s) {
    var w = [];
    if (s.terms.length) w.push('包含“' + s.q.trim() + '”的');
    ['area', 'dept', 'year'].forEach(function (k) {
      if (s.f[k]) w.push(s.f[k].said.split('%s').join(s.f[k].text));
    });
    if (s.st) w.push(said('with', s.st));
    return w.join('、');
  }

  // filterLinks points each status link at the current words and marks the
  // chosen status; once a search of words has read the whole index, each
  // link's count becomes that of the tasks matching the words.
  function filterLinks(s, done) {
    links.forEach(function (a) {
      var st = a.getAttribute('data-status');
      var qs = params(s.q, st);
      a.setAttribute('href', qs ? '?' + qs : './');
      if (st === s.st) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
      var n = a.parentNode.querySelector('.n');
      if (!n) return;
      if (!n.hasAttribute('data-all')) n.setAttribute('data-all', n.textContent);
      n.textContent = !s.terms.length && !narrowed(s) ? n.getAttribute('data-all') : done ? (st ? s.counts[st] || 0 : s.all) + '项' : '…';
    });
  }

  function report() {
    var s = cur, done = complete();
    var loaded = 0;
    shards.forEach(function (d) { if (d) loaded++; });
    if (!active(s)) {
      status.textContent = '请输入要查找的词语' + said('or') + '。';
    } else if (!done) {
      status.textContent = '正在载入索引（' + loaded + '/' + shards.length + '），已找到' + s.matches.length + '项任务……';
    } else if (!s.matches.length) {
      status.textContent = '没有找到' + what(s) + '任务。' + (s.terms.length ? '可以换一个词，或只输入词语的一部分。' : '') + (narrowed(s) ? '可以放宽筛选条件。' : '');
    } else {
      status.textContent = '找到' + s.matches.length + '项' + what(s) + '任务' + (s.shown < s.matches.length ? '，显示前' + s.shown + '项' : '') + '。';
    }
    filterLinks(s, done);
    more.hidden = !(done && s.shown < s.matches.length);
    app.setAttribute('data-q', s.q);
    app.setAttribute('data-status', s.st);
    app.setAttribute('data-count', String(s.matches.length));
    app.setAttribute('data-state', done ? 'done' : 'loading');
    document.title = s.terms.length ? '“' + s.q.trim() + '”的搜索结果' + (s.st ? '（' + s.st + '）' : '') + ' - ' + baseTitle :
      s.st && !narrowed(s) ? said('title', s.st) + ' - ' + baseTitle : active(s) ? what(s) + '任务 - ' + baseTitle : baseTitle;
  }

  function show(n) {
    var s = cur, first = null;
    var end = Math.min(s.matches.length, s.shown + n);
    for (; s.shown < end; s.shown++) {
      var li = result(s.matches[s.shown], s.terms);
      if (!first) first = li;
      list.appendChild(li);
    }
    return first;
  }

  // ---- One result: number, title and area with the matches marked, and
  // up to HITS passages, each linked to its place on the task page.

  // fields lists a doc's searchable fields in the order the generator joined
  // them into d.h (see Doc.fields in internal/search/index.go).
  function fields(d) {
    var f = [{ text: d.t, kind: 't' }];
    if (d.a) f.push({ text: d.a, kind: 'a' });
    d.s.forEach(function (t, i) { f.push({ text: t, kind: 's', n: i + 1 }); });
    (d.m || []).forEach(function (t) { f.push({ text: t, kind: 'm' }); });
    (d.l || []).forEach(function (t) { f.push({ text: t, kind: 'l' }); });
    (d.c || []).forEach(function (t) { f.push({ text: t, kind: 'c' }); });
    (d.x || []).forEach(function (t) { f.push({ text: t, kind: 'x' }); });
    (d.o || []).forEach(function (c) { f.push({ text: c.t, kind: 'o', label: c.h }); });
    (d.p || []).forEach(function (u) { f.push({ text: u.t, kind: 'p', label: u.d + '进展', anchor: u.a }); });
    var at = 0;
    f.forEach(function (x) { x.at = at; at += x.text.length + 1; });
    return f;
  }

  // ranges finds every occurrence of every term and returns, per field
  // index, the merged [start, end) ranges in that field's own text. Folding
  // keeps positions, so a place in d.h is the same place in the text.
  function ranges(d, f, ts) {
    var out = {};
    ts.forEach(function (t) {
      var fi = 0;
      for (var p = d.h.indexOf(t); p >= 0; p = d.h.indexOf(t, p + t.length)) {
        while (fi + 1 < f.length && f[fi + 1].at <= p) fi++;
        (out[fi] = out[fi] || []).push([p - f[fi].at, p - f[fi].at + t.length]);
      }
    });
    Object.keys(out).forEach(function (k) {
      var rs = out[k].sort(function (a, b) { return a[0] - b[0]; }), m = [rs[0]];
      for (var i = 1; i < rs.length; i++) {
        var last = m[m.length - 1];
        if (rs[i][0] <= last[1]) last[1] = Math.max(last[1], rs[i][1]);
        else m.push(rs[i]);
      }
      out[k] = m;
    });
    return out;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // marked appends text to parent with the ranges wrapped in <mark>.
  function marked(parent, text, rs) {
    var at = 0;
    (rs || []).forEach(function (r) {
      if (r[0] > at) parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      parent.appendChild(el('mark', '', text.slice(r[0], r[1])));
      at = r[1];
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }

  // excerpt cuts a long passage to a window around its first match.
  function excerpt(text, rs) {
    var max = 90;
    if (text.length <= max) return { text: text, rs: rs };
    var start = Math.max(0, rs[0][0] - 30);
    if (start > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(start))) start--;
    var end = Math.min(text.length, start + max);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end++;
    var pre = start > 0 ? '…' : '', shift = start - pre.length;
    var out = [];
    rs.forEach(function (r) {
      if (r[1] > start && r[0] < end) out.push([Math.max(r[0], start) - shift, Math.min(r[1], end) - shift]);
    });
    return { text: pre + text.slice(start, end) + (end < text.length ? '…' : ''), rs: out };
  }

  // Where a match is: the table's own headings and its own word for a
  // unit's other name, from the page (a search page of a templates folder
  // older than data-alias says only 别称).
  var labels = { m: app.getAttribute('data-timeline'), l: app.getAttribute('data-lead'), c: app.getAttribute('data-coop'), x: app.getAttribute('data-alias') || '别称' };

  function result(d, ts) {
    var f = fields(d), rs = ranges(d, f, ts);
    var page = root + 'tasks/' + d.u + '/';
    var hits = [];
    f.forEach(function (x, i) { if (rs[i] && x.kind !== 't' && x.kind !== 'a') hits.push(i); });
    var firstSentence = hits.filter(function (i) { return f[i].kind === 's'; })[0];
    var li = el('li', 'result');
    var h = el('h2', 'result-title');
    var a = el('a');
    a.href = firstSentence != null ? page + '#m' + f[firstSentence].n : page;
    a.appendChild(el('span', 'task-no', '任务' + d.i));
    a.appendChild(document.createTextNode(' '));
    a.appendChild(marked(el('span', 'task-title'), d.t, rs[0]));
    h.appendChild(a);
    li.appendChild(h);
    if (d.st) {
      var p = el('p', 'result-status', said('label'));
      p.appendChild(el('span', classes[d.st] || 'status st-none', d.st));
      if (d.od) {
        p.appendChild(document.createTextNode(' '));
        p.appendChild(el('span', 'overdue-tag', '逾期'));
      }
      li.appendChild(p);
    }
    if (d.a) li.appendChild(marked(el('p', 'result-area'), d.a, rs[1]));
    if (hits.length) {
      var ul = el('ul', 'result-hits');
      hits.slice(0, HITS).forEach(function (i) {
        var x = f[i], item = el('li');
        var link = el('a', 'hit-where', x.kind === 's' ? '第' + x.n + '句' : x.kind === 'o' ? x.label || '原表记载' : x.label || labels[x.kind]);
        link.href = x.kind === 's' ? page + '#m' + x.n : x.kind === 'm' ? page + '#timeline' : x.kind === 'o' ? page + '#original' : x.kind === 'p' ? page + '#' + x.anchor : page;
        item.appendChild(link);
        item.appendChild(document.createTextNode('：'));
        var e = excerpt(x.text, rs[i]);
        item.appendChild(marked(el('span', 'hit-text'), e.text, e.rs));
        ul.appendChild(item);
      });
      li.appendChild(ul);
      if (hits.length > HITS) li.appendChild(el('p', 'result-more', '另有' + (hits.length - HITS) + '处相符。'));
    }
    return li;
  }

  // ---- The address keeps the query (?q=…) and the status (?status=…), so
  // a search can be shared. Other parameters, such as WeChat's
  // from=groupmessage, are left alone.
  function params(q, st) {
    var p = new URLSearchParams(location.search);
    if (q.trim()) p.set('q', q);
    else p.delete('q');
    if (st) p.set('status', st);
    else p.delete('status');
    selects.forEach(function (sel) {
      if (sel.value) p.set(sel.name, sel.value);
      else p.delete(sel.name);
    });
    return p.toString();
  }

  function setURL(q, st) {
    var qs = params(q, st);
    history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
  }

  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value, cur.st); }, 120);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    search(input.value, cur.st);
  });
  // A status link filters in place; its address, kept current by
  // filterLinks, still opens the same search in a new tab.
  links.forEach(function (a) {
    a.addEventListener('click', function (e) {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      clearTimeout(timer);
      search(input.value, a.getAttribute('data-status'));
    });
  });
  selects.forEach(function (sel) {
    sel.addEventListener('change', function () {
      clearTimeout(timer);
      search(input.value, cur.st);
    });
  });
  more.addEventListener('click', function () {
    var first = show(PAGE);
    report();
    var link = first && first.querySelector('a');
    if (link) link.focus();
  });

  nojs.hidden = true;
  app.hidden = false;
  var start = new URLSearchParams(location.search);
  var q = start.get('q') || '';
  input.value = q;
  selects.forEach(function (sel) {
    var v = start.get(sel.name) || '';
    sel.value = [].some.call(sel.options, function (o) { return o.value === v; }) ? v : '';
  });
  search(q, start.get('status') || '');
  load();
})();
