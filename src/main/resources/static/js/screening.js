// Findings charts (ECharts): findings per month by category and by unit. Data from /screening/findings/chart.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof echarts === "undefined") { return; }
  document.querySelectorAll("[data-chart-url]").forEach(function (element) {
    fetch(element.getAttribute("data-chart-url"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var chart = echarts.init(element);
        chart.setOption({
          title: { text: element.getAttribute("aria-label"), textStyle: { fontSize: 14 } },
          tooltip: { trigger: "axis" },
          legend: { type: "scroll", bottom: 0 },
          grid: { left: 40, right: 10, top: 40, bottom: 50 },
          xAxis: { type: "category", data: data.months },
          yAxis: { type: "value", minInterval: 1 },
          series: data.series.map(function (s) {
            return { name: s.name, type: "bar", stack: "total", data: s.data };
          })
        });
        window.addEventListener("resize", function () { chart.resize(); });
      });
  });
});
