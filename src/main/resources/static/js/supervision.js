// Supervision screens: charts drawn with ECharts from JSON the server sends (no inline script: CSP), a print button.
(function () {
  // Screenshots in tests are taken at once: no animation when a browser is driven by WebDriver.
  var animate = !navigator.webdriver;
  var charts = [];

  function draw(el) {
    if (typeof echarts === 'undefined' || el.dataset.drawn) { return; }
    el.dataset.drawn = 'true';
    fetch(el.dataset.src, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var chart = echarts.init(el, null, { renderer: 'canvas' });
        var option;
        if (el.dataset.chart === 'bar') {
          // Horizontal bars, largest on top, the number written at the end of each bar.
          option = {
            animation: animate,
            grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value', splitLine: { show: false }, axisLabel: { show: false } },
            yAxis: { type: 'category', inverse: true, data: data.labels, axisTick: { show: false } },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            series: [{ type: 'bar', name: el.dataset.seriesA, data: data.values, itemStyle: { color: '#0b5cad' },
              label: { show: true, position: 'right' }, barMaxWidth: 22, cursor: 'pointer' }]
          };
        } else {
          option = {
            animation: animate,
            grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
            legend: { top: 0 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: data.labels, boundaryGap: false },
            yAxis: { type: 'value' },
            series: [
              { type: 'line', name: el.dataset.seriesA, data: data.values, smooth: true, symbolSize: 6, itemStyle: { color: '#0b5cad' } },
              { type: 'line', name: el.dataset.seriesB, data: data.secondary || [], smooth: true, symbolSize: 6, itemStyle: { color: '#2e7d32' } }
            ]
          };
        }
        chart.setOption(option);
        // Every number leads to the tickets behind it.
        chart.on('click', function (params) {
          var link = data.links && data.links[params.dataIndex];
          if (link) { window.location.href = link; }
        });
        charts.push(chart);
      });
  }

  function drawAll(root) {
    (root || document).querySelectorAll('.chart[data-src]').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawAll(document);
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
  });
  document.addEventListener('htmx:afterSwap', function (event) { drawAll(event.target); });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
