// The manage page: suggests the browser's time zone, and after a refused save takes the eye to the first field
// to fix. The live preview is preview.js.
(function () {
  var zone = document.getElementById('timeZone');
  // A subscriber who never chose a zone gets the browser's suggested; saving keeps it.
  if (zone && zone.dataset.chosen !== 'true' && window.Intl) {
    var local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (local) zone.value = local;
  }
  var firstBad = document.querySelector('#manage [aria-invalid=true]');
  if (firstBad) { (firstBad.querySelector('input') || firstBad).focus(); }
})();
