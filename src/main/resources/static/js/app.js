// Small behaviours shared by every page. No inline scripts: the Content-Security-Policy forbids them.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Live countdowns: <time data-countdown datetime="ISO">. Overdue turns red everywhere.
(function () {
  var english = document.documentElement.lang === 'en';
  function span(ms) {
    var minutes = Math.floor(ms / 60000), days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    if (english) { return days > 0 ? days + 'd ' + hours + 'h' : hours > 0 ? hours + 'h ' + mins + 'm' : mins + 'm'; }
    return days > 0 ? days + '天' + hours + '小时' : hours > 0 ? hours + '小时' + mins + '分' : mins + '分钟';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('time[data-countdown]').forEach(function (el) {
      var due = Date.parse(el.getAttribute('datetime'));
      if (isNaN(due)) { return; }
      var left = due - now, overdue = left < 0;
      el.textContent = overdue ? (english ? 'overdue ' + span(-left) : '超时 ' + span(-left)) : (english ? span(left) + ' left' : '还剩 ' + span(left));
      el.classList.toggle('overdue', overdue);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { tick(); setInterval(tick, 30000); });
  document.addEventListener('htmx:afterSwap', tick);
})();

// 更多 (load more): the link asks for the next page's rows, which replace the link's own row (a browser without
// JavaScript follows the same link to the next page instead). Keyboard focus then goes to the first new row. A list
// that refreshes itself shows its first page: once the user has loaded more, its refresh would throw those rows away,
// so it stops (before the request for more leaves, so the two cannot cross) and the list's note offers the first page,
// where the refresh starts again.
(function () {
  var lastBefore = null;
  document.addEventListener('htmx:beforeRequest', function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.hasAttribute) { return; }
    if (elt.hasAttribute('data-more')) {
      var row = elt.closest('[data-more-row]');
      lastBefore = row ? row.previousElementSibling : null;
      var list = elt.closest('[data-paused-note]');
      if (list && !list.hasAttribute('data-more-loaded')) {
        list.setAttribute('data-more-loaded', '');
        var note = document.getElementById(list.getAttribute('data-paused-note'));
        if (note) { note.hidden = false; }
      }
    }
    else if (elt.hasAttribute('data-more-loaded')) {
      event.preventDefault();
    }
  });
  document.addEventListener('htmx:responseError', function () { lastBefore = null; });
  document.addEventListener('htmx:afterSettle', function () {
    if (!lastBefore) { return; }
    var first = lastBefore.nextElementSibling;
    lastBefore = null;
    var link = (first && !first.hasAttribute('data-more-row')) ? first.querySelector('a[href]') : null;
    if (link) { link.focus(); }
  });
})();
