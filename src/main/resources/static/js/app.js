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
