// Live preview on the manage page: asks /api/preview as the keywords change, renders with text nodes only.
(function () {
  var keywords = document.getElementById('keywords');
  var amounts = document.querySelectorAll('input[name=amount]');
  var maxPapers = document.getElementById('maxPapers');
  var zone = document.getElementById('timeZone');
  // A subscriber who never chose a zone gets the browser's suggested; saving keeps it.
  if (zone && zone.dataset.chosen !== 'true' && window.Intl) {
    var local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (local) zone.value = local;
  }
  var list = document.getElementById('preview');
  var day = document.getElementById('preview-day');
  var token = document.querySelector('#manage input[name=t]');
  var timer = null;

  function item(text, cls) {
    var li = document.createElement('li');
    if (cls) li.className = cls;
    li.textContent = text;
    return li;
  }

  // The same title, snippet (matched phrases in bold) and reason line as the digest email.
  function render(papers) {
    list.replaceChildren();
    if (day) day.textContent = papers.length ? ' (papers of ' + papers[0].day + ')' : '';
    if (!papers.length) { list.appendChild(item('Nothing on the latest day at this setting: try \u201cmore\u201d papers or other topics.', 'hint')); return; }
    papers.forEach(function (p) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = p.url; a.textContent = p.title; a.rel = 'noopener noreferrer';
      var snippet = document.createElement('p');
      snippet.className = 'snippet';
      p.snippet.forEach(function (s) {
        var node = s.bold ? document.createElement('b') : document.createElement('span');
        node.textContent = s.text;
        snippet.appendChild(node);
      });
      var why = document.createElement('span');
      why.className = 'why';
      why.textContent = p.why;
      li.appendChild(a); li.appendChild(snippet); li.appendChild(why);
      list.appendChild(li);
    });
  }

  function refresh() {
    var params = new URLSearchParams();
    params.set('keywords', keywords.value);
    var limit = parseInt(maxPapers.value, 10);
    params.set('limit', String(limit >= 1 && limit <= 25 ? limit : 10));
    params.set('t', token.value);
    var picked = document.querySelector('input[name=amount]:checked');
    if (picked && picked.dataset.minStrength !== '') params.set('minStrength', picked.dataset.minStrength);
    fetch('/api/preview?' + params.toString(), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        if (r.ok) { render(r.body); } else { list.replaceChildren(item(r.body.message || 'Preview unavailable.', 'error')); }
      })
      .catch(function () { list.replaceChildren(item('Preview unavailable.', 'error')); });
  }

  function schedule() { clearTimeout(timer); timer = setTimeout(refresh, 400); }
  keywords.addEventListener('input', schedule);
  amounts.forEach(function (a) { a.addEventListener('change', schedule); });
  maxPapers.addEventListener('input', schedule);
  // After a failed save, take the eye to the first field to fix.
  var firstBad = document.querySelector('#manage [aria-invalid=true]');
  if (firstBad) { (firstBad.querySelector('input') || firstBad).focus(); }
  refresh();
})();
