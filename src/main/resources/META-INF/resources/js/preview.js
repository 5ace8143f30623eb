// Live preview, on the sign-up and manage pages: asks /api/preview as the topics (and, on the manage page, the
// amount settings) change, and renders the answer with text nodes only, so no paper text is ever read as HTML.
(function () {
  var list = document.getElementById('preview');
  var keywords = document.getElementById('keywords');
  if (!list || !keywords) return;
  var amounts = document.querySelectorAll('input[name=amount]');
  var maxPapers = document.getElementById('maxPapers');
  var day = document.getElementById('preview-day');
  // The manage page's token: the subscriber's ratings shape the preview as they do their email.
  var token = document.querySelector('#manage input[name=t]');
  var timer = null;

  function item(text, cls) {
    var li = document.createElement('li');
    if (cls) li.className = cls;
    li.textContent = text;
    return li;
  }

  // The same sections, title, snippet (matched phrases in bold) and reason line as the digest email.
  function render(papers) {
    list.replaceChildren();
    if (day) day.textContent = papers.length ? ' (papers of ' + papers[0].day + ')' : '';
    if (!papers.length) {
      list.appendChild(item(token
        ? 'Nothing on the latest day at this setting: try \u201cmore\u201d papers or other topics.'
        : 'Nothing on the latest day for these topics: try a broader or another topic.', 'hint'));
      return;
    }
    var section = null;
    papers.forEach(function (p) {
      if (p.topic && p.topic !== section) {
        section = p.topic;
        list.appendChild(item(p.topic, 'topic'));
      }
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
    if (!keywords.value.trim()) {
      if (day) day.textContent = '';
      list.replaceChildren(item('Type a topic, or pick an example, to see the papers it would bring you.', 'hint'));
      return;
    }
    var params = new URLSearchParams();
    params.set('keywords', keywords.value);
    var limit = maxPapers ? parseInt(maxPapers.value, 10) : 5;
    params.set('limit', String(limit >= 1 && limit <= 25 ? limit : 10));
    if (token) params.set('t', token.value);
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
  if (maxPapers) maxPapers.addEventListener('input', schedule);
  refresh();
})();
