// After a refused submit, take the eye (and the screen reader) to the first field to fix.
(function () {
  var bad = document.querySelector('[aria-invalid=true]');
  if (bad) bad.focus();
})();

// Example topics are buttons that add themselves to the topics box, one per line, never twice.
(function () {
  var box = document.getElementById('keywords');
  document.querySelectorAll('button.chip').forEach(function (chip) {
    chip.addEventListener('click', function () {
      var topic = chip.dataset.topic;
      var lines = box.value.split(/[\n,]/).map(function (l) { return l.trim().toLowerCase(); });
      if (lines.indexOf(topic.toLowerCase()) < 0) {
        box.value = (box.value.trim() ? box.value.replace(/\s+$/, '') + '\n' : '') + topic;
        box.dispatchEvent(new Event('input'));
      }
      box.focus();
    });
  });
})();
