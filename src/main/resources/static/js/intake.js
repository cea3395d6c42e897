// The intake screen's keys: Alt+S registers for dispatch, Alt+D answers directly, Ctrl+Enter saves (dispatch),
// Alt+K inserts the first suggested article's answer, Alt+N on the result page starts the next call.
(function () {
  function click(id) { var el = document.getElementById(id); if (el) { el.click(); return true; } return false; }
  function insert(answer) {
    var target = document.getElementById('directAnswer');
    if (!target || !answer) { return; }
    target.value = target.value ? target.value + '\n' + answer : answer;
    target.focus();
  }
  function count() {
    var d = document.getElementById('description'), c = document.getElementById('description-count');
    if (d && c) { c.textContent = d.value.length; }
  }
  document.addEventListener('keydown', function (e) {
    var key = (e.key || '').toLowerCase();
    if (e.altKey && key === 's' || e.ctrlKey && e.key === 'Enter') { if (click('save-queue')) { e.preventDefault(); } }
    else if (e.altKey && key === 'd') { if (click('save-direct')) { e.preventDefault(); } }
    else if (e.altKey && key === 'n') { if (click('next-call')) { e.preventDefault(); } }
    else if (e.altKey && key === 'k') {
      var first = document.querySelector('.kb-insert');
      if (first) { e.preventDefault(); insert(first.getAttribute('data-answer')); }
    }
  });
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('.kb-insert');
    if (button) { e.preventDefault(); insert(button.getAttribute('data-answer')); }
  });
  // One submit per form: a double click sends once (the server is idempotent anyway).
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.id !== 'intake-form') { return; }
    if (form.getAttribute('data-submitted')) { e.preventDefault(); return; }
    form.setAttribute('data-submitted', 'true');
  });
  document.addEventListener('input', function (e) { if (e.target.id === 'description') { count(); } });
  document.addEventListener('DOMContentLoaded', count);
})();
