// plansite search across the plans of a portal. Like search.js, which
// searches one plan, it reads ?q= from the address and matches by substring
// on folded text; it reads the portal's manifest (search/index.json), which
// names every plan and the shards of each plan's own index, newest plan
// first. A plan can be chosen (?plan=), as can a status (?status=).
//
// Every task that holds every term is found. They are shown ranked, in
// buckets: first the tasks whose title or a unit's name holds each term,
// then those that have each term in their group, first sentence or
// timeline, then the rest; within each, a task that holds the whole phrase
// before one whose terms are scattered; within that, newer plans first and
// each plan's tasks in its order. Results are built with DOM calls and
// textContent only, never innerHTML.
(function () {
  'use strict';
  var app = document.getElementById('search-app');
  var form = document.querySelector('.search-form');
  var input = document.getElementById('q');
  var picker = document.getElementById('plan');
  if (!app || !form || !input || !window.fetch || !window.URLSearchParams || !window.history.replaceState) {
    return;
  }
  var nojs = document.getElementById('search-nojs');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var filter = document.getElementById('status-filter');
  var links = filter ? [].slice.call(filter.querySelectorAll('a[data-status]')) : [];
  var classes = {};
  links.forEach(function (a) {
    var b = a.querySelector('.status');
    if (b) classes[a.getAttribute('data-status')] = b.className;
  });
  var baseTitle = document.title;
  var PAGE = 20; // results shown at once; "显示更多结果" adds as many again
  var HITS = 3; // matching passages shown under a result
  var BUCKETS = 6; // 3 places × whole phrase or not

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
  window.plansiteFold = fold;

  function terms(q) {
    var seen = {};
    return fold(q).split(' ').filter(function (t) {
      if (!t || seen[t]) return false;
      seen[t] = true;
      return true;
    });
  }

  // ---- The index: the manifest, then the shards, a few at a time, those
  // of a chosen plan first.
  var manifestURL = new URL(app.getAttribute('data-index'), location.href);
  var plans = []; // {id, t, u (absolute), tasks}
  var shardPlan = []; // per shard: its plan's index
  var shards = []; // per shard: its docs once loaded, else null
  var bits = []; // per shard: its docs' character sieves (sieve)
  var failed = false;

  function load(first) {
    fetch(manifestURL).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (m) {
      plans = m.plans.map(function (p) {
        return { id: p.id, t: p.t, u: new URL(p.u, manifestURL).href, tasks: p.tasks };
      });
      shardPlan = m.shards.map(function (s) { return s.p; });
      shards = m.shards.map(function () { return null; });
      var order = [];
      var chosen = planIndex(first);
      m.shards.forEach(function (s, i) { if (s.p === chosen) order.push(i); });
      m.shards.forEach(function (s, i) { if (s.p !== chosen) order.push(i); });
      var next = 0;
      var pump = function () {
        if (next >= order.length) return;
        var i = order[next++];
        fetch(new URL(m.shards[i].url, manifestURL)).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }).then(function (docs) {
          docs.forEach(measure);
          bits[i] = sieve(docs);
          shards[i] = docs;
          advance();
          pump();
        }, fail);
      };
      for (var k = 0; k < 4; k++) pump();
      if (cur) cur.plan = planIndex(cur.planID);
      advance();
    }).catch(fail);
  }

  function planIndex(id) {
    for (var i = 0; i < plans.length; i++) if (plans[i].id === id) return i;
    return -1;
  }

  function fail() {
    failed = true;
    status.textContent = '搜索索引未能载入，请刷新页面重试，或按下面的方法查找。';
    nojs.hidden = false;
    app.setAttribute('data-state', 'error');
  }

  // measure notes where each part of a doc's text starts in d.h (see
  // Doc.fields in internal/search/index.go): the title, the group, the
  // first sentence, the timeline, the units' names, then the cells of the
  // columns plansite does not read and the updates' texts.
  function measure(d) {
    var at = d.t.length + 1;
    if (d.a) at += d.a.length + 1;
    var first = at + (d.s.length ? d.s[0].length : 0);
    d.s.forEach(function (s) { at += s.length + 1; });
    var clauses = at;
    (d.m || []).forEach(function (s) { at += s.length + 1; });
    var units = at;
    [d.l, d.c, d.x].forEach(function (list) { (list || []).forEach(function (s) { at += s.length + 1; }); });
    d.$ = { title: d.t.length, first: first, clauses: clauses, units: units, other: d.o || d.p ? at : d.h.length + 1 };
  }

  // A sieve is, for each doc, WORDS 32-bit words with the bit of each
  // character of its text set: a doc that lacks a bit of a query's
  // characters cannot hold the query, and is passed over without reading
  // its text. A doc's text has a few hundred distinct characters, which set
  // about a fifth of the bits, so a query of three characters reads about
  // one doc in a hundred of those that do not hold it.
  var WORDS = 32;

  function bit(c) {
    return Math.imul(c, 0x9E3779B1) >>> 22; // 0 … 1023
  }

  function sieve(docs) {
    var out = new Int32Array(docs.length * WORDS);
    for (var j = 0; j < docs.length; j++) {
      var h = docs[j].h, o = j * WORDS;
      for (var i = 0; i < h.length; i++) {
        var b = bit(h.charCodeAt(i));
        out[o + (b >>> 5)] |= 1 << (b & 31);
      }
    }
    return out;
  }

  // need is the words and bits of the characters of terms, [word, mask, …].
  function need(terms) {
    var m = {};
    terms.forEach(function (t) {
      for (var i = 0; i < t.length; i++) {
        var b = bit(t.charCodeAt(i));
        m[b >>> 5] = (m[b >>> 5] || 0) | (1 << (b & 31));
      }
    });
    var out = [];
    Object.keys(m).forEach(function (w) { out.push(+w, m[w]); });
    return out;
  }

  // place ranks where term t, first found at p, occurs in a doc: 0 in its
  // title or a unit's name, 1 in its group, first sentence or timeline, 2
  // deeper in its text or only in the columns plansite does not read or in
  // the updates.
  // Only the text from the timeline on is read again, which is short.
  function place(d, t, p) {
    var h = d.h, m = d.$;
    if (p < m.title) return 0;
    var u = h.indexOf(t, m.units);
    if (u >= 0 && u < m.other) return 0;
    if (p >= m.other) return 2;
    if (p < m.first || p >= m.clauses) return 1; // past the clauses and before the other cells is the units, found above
    var c = h.indexOf(t, m.clauses);
    return c >= 0 && c < m.units ? 1 : 2;
  }

  // bucket ranks a doc that holds every term of s, first at pos.
  function bucket(d, s, pos) {
    var worst = 0;
    for (var k = 0; k < s.terms.length && worst < 2; k++) worst = Math.max(worst, place(d, s.terms[k], pos[k]));
    var whole = s.terms.length < 2 || d.h.indexOf(s.phrase) >= 0 || d.h.indexOf(s.joined) >= 0;
    return worst * 2 + (whole ? 0 : 1);
  }

  // ---- Searching: every shard of the chosen plans, in the manifest's
  // order, as they arrive.
  var cur = null;

  function search(q, st, planID) {
    var t0 = performance.now();
    if (!filter || !classes.hasOwnProperty(st)) st = '';
    var ts = terms(q);
    cur = {
      q: q, terms: ts, need: need(ts), phrase: ts.join(' '), joined: ts.join(''), st: st, planID: planID, plan: planIndex(planID),
      scanned: 0, buckets: [], n: 0, counts: {}, perPlan: {}, all: 0, shown: 0, last: -1
    };
    for (var b = 0; b < BUCKETS; b++) cur.buckets.push([]);
    list.textContent = '';
    more.hidden = true;
    setURL(q, st, planID);
    advance();
    app.setAttribute('data-ms', (performance.now() - t0).toFixed(2));
  }

  function wanted(s, i) {
    return s.plan < 0 || shardPlan[i] === s.plan;
  }

  function advance() {
    if (!cur || failed) return;
    var s = cur, better = false;
    if (active(s)) {
      while (s.scanned < shards.length && (shards[s.scanned] || !wanted(s, s.scanned))) {
        var i = s.scanned++;
        if (!wanted(s, i)) continue;
        var docs = shards[i], p = shardPlan[i], pos = [], sv = bits[i], nd = s.need;
        for (var j = 0; j < docs.length; j++) {
          var o = j * WORDS, ok = true;
          for (var w = 0; w < nd.length && ok; w += 2) ok = (sv[o + nd[w]] & nd[w + 1]) === nd[w + 1];
          if (!ok) continue;
          var d = docs[j], h = d.h;
          for (var k = 0; k < s.terms.length && ok; k++) ok = (pos[k] = h.indexOf(s.terms[k])) >= 0;
          if (!ok) continue;
          s.all++;
          s.perPlan[p] = (s.perPlan[p] || 0) + 1;
          s.counts[d.st] = (s.counts[d.st] || 0) + 1;
          if (s.st && d.st !== s.st) continue;
          var b = bucket(d, s, pos);
          s.buckets[b].push({ d: d, p: p });
          s.n++;
          if (s.shown > 0 && b < s.last) better = true;
        }
      }
    }
    if (better) {
      // A better match arrived: the results shown so far are redrawn in
      // the new order.
      var n = s.shown;
      s.shown = 0;
      list.textContent = '';
      show(n);
    }
    if (s.shown < PAGE) show(PAGE - s.shown);
    report();
  }

  function active(s) {
    return s.terms.length > 0 || s.st !== '';
  }

  function complete() {
    if (!active(cur)) return true;
    return shards.length > 0 && cur.scanned === shards.length;
  }

  // nth returns match i in ranked order, and its bucket.
  function nth(s, i) {
    for (var b = 0; b < BUCKETS; b++) {
      if (i < s.buckets[b].length) return { m: s.buckets[b][i], b: b };
      i -= s.buckets[b].length;
    }
    return null;
  }

  function what(s) {
    var w = [];
    if (s.plan >= 0) w.push('《' + plans[s.plan].t + '》中');
    if (s.terms.length) w.push('包含“' + s.q.trim() + '”的');
    if (s.st) w.push('状态为“' + s.st + '”的');
    return w.join('');
  }

  function params(q, st, planID) {
    var p = new URLSearchParams(location.search);
    if (q.trim()) p.set('q', q);
    else p.delete('q');
    if (st) p.set('status', st);
    else p.delete('status');
    if (planID) p.set('plan', planID);
    else p.delete('plan');
    return p.toString();
  }

  function setURL(q, st, planID) {
    var qs = params(q, st, planID);
    history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
  }

  function filterLinks(s, done) {
    links.forEach(function (a) {
      var st = a.getAttribute('data-status');
      var qs = params(s.q, st, s.planID);
      a.setAttribute('href', qs ? '?' + qs : './');
      if (st === s.st) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
      var n = a.parentNode.querySelector('.n');
      if (!n) return;
      if (!n.hasAttribute('data-all')) n.setAttribute('data-all', n.textContent);
      n.textContent = !s.terms.length && s.plan < 0 ? n.getAttribute('data-all') : done ? (st ? s.counts[st] || 0 : s.all) + '项' : '…';
    });
    // Each plan of the picker says how many tasks of it match the words.
    if (picker && plans.length) {
      [].forEach.call(picker.options, function (o) {
        var i = planIndex(o.value);
        if (i < 0) return;
        // Only the chosen plan is searched when there is one.
        var n = !s.terms.length || (s.plan >= 0 && s.plan !== i) ? plans[i].tasks + '项' : done ? (s.perPlan[i] || 0) + '项相符' : '…';
        o.textContent = plans[i].t + '（' + n + '）';
      });
    }
  }

  function report() {
    var s = cur, done = complete();
    var loaded = 0;
    shards.forEach(function (d) { if (d) loaded++; });
    if (!active(s)) {
      status.textContent = '请输入要查找的词语' + (filter ? '，或选择一种落实情况' : '') + '。';
    } else if (!done) {
      status.textContent = '正在载入索引（' + loaded + '/' + shards.length + '），已找到' + s.n + '项任务……';
    } else if (!s.n) {
      status.textContent = '没有找到' + what(s) + '任务。' + (s.terms.length ? '可以换一个词，只输入词语的一部分，或查找全部计划。' : '');
    } else {
      status.textContent = '找到' + s.n + '项' + what(s) + '任务' + (s.shown < s.n ? '，显示前' + s.shown + '项' : '') + '。';
    }
    filterLinks(s, done);
    more.hidden = !(done && s.shown < s.n);
    app.setAttribute('data-q', s.q);
    app.setAttribute('data-status', s.st);
    app.setAttribute('data-plan', s.planID);
    app.setAttribute('data-count', String(s.n));
    app.setAttribute('data-state', done ? 'done' : 'loading');
    document.title = s.terms.length ? '“' + s.q.trim() + '”的搜索结果' + (s.st ? '（' + s.st + '）' : '') + ' - ' + baseTitle :
      s.st ? '落实情况为“' + s.st + '”的任务 - ' + baseTitle : baseTitle;
  }

  function show(n) {
    var s = cur, first = null;
    var end = Math.min(s.n, s.shown + n);
    if (end > 0 && !app.hasAttribute('data-first-ms')) {
      // When the first result of the page's first search was drawn, in ms
      // from the start of the page's loading: make bench-search reads it.
      app.setAttribute('data-first-ms', performance.now().toFixed(0));
    }
    for (; s.shown < end; s.shown++) {
      var x = nth(s, s.shown);
      var li = result(x.m.d, plans[x.m.p], s.terms);
      li.setAttribute('data-plan', plans[x.m.p].id);
      li.setAttribute('data-task', x.m.d.i);
      if (!first) first = li;
      list.appendChild(li);
      s.last = x.b;
    }
    return first;
  }

  // ---- One result, as search.js draws it, with its plan.
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

  var labels = { m: '时间节点', l: '牵头单位', c: '配合单位', x: '单位别称' };

  function result(d, plan, ts) {
    var f = fields(d), rs = ranges(d, f, ts);
    var page = plan.u + 'tasks/' + d.u + '/';
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
    var from = el('p', 'result-area', '');
    var pl = el('a', '', plan.t);
    pl.href = plan.u;
    from.appendChild(pl);
    if (d.a) {
      from.appendChild(document.createTextNode(' · '));
      marked(from, d.a, rs[1]);
    }
    li.appendChild(from);
    if (d.st) {
      var p = el('p', 'result-status', '落实情况：');
      p.appendChild(el('span', classes[d.st] || 'status st-none', d.st));
      li.appendChild(p);
    }
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

  // ---- Events.
  var timer = 0;
  function picked() { return picker ? picker.value : ''; }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value, cur.st, picked()); }, 120);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    search(input.value, cur.st, picked());
  });
  if (picker) {
    picker.addEventListener('change', function () {
      clearTimeout(timer);
      search(input.value, cur.st, picked());
    });
  }
  links.forEach(function (a) {
    a.addEventListener('click', function (e) {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      clearTimeout(timer);
      search(input.value, a.getAttribute('data-status'), picked());
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
  var q = start.get('q') || '', planID = start.get('plan') || '';
  input.value = q;
  if (picker) {
    picker.value = planID;
    if (picker.value !== planID) planID = '';
  }
  search(q, start.get('status') || '', planID);
  load(planID);
})();
