// Draws the dashboard's charts with ECharts from data in the page (the CSP forbids inline scripts).
// The timeline reads its phases from the phase table beside it; the figure charts read the figure tables, so what
// the chart shows is what the table says. Runs on page load and after htmx swaps the dashboard into the home page.
(function () {
  "use strict";

  function rowsOf(table) {
    return Array.prototype.slice.call(table.querySelectorAll("tbody tr, tr")).filter(function (tr, i, all) {
      return all.indexOf(tr) === i && !tr.classList.contains("percent-row") && tr.querySelector("th") && tr.querySelector("td");
    });
  }

  // A county's cell holds its figure as a link and may carry its ranking badge: the figure is the link's text.
  function value(td) {
    return (td.querySelector("a") || td).textContent;
  }

  function number(text) {
    var n = parseFloat(String(text).replace(/[^0-9.\-]/g, ""));
    return isNaN(n) ? 0 : n;
  }

  function timeline(el) {
    var table = el.parentElement.querySelector("table.dashboard-phases");
    var rows = table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr")) : [];
    var names = rows.map(function (r) { return r.querySelector("th").textContent.trim(); });
    var starts = rows.map(function (r) { return number(r.getAttribute("data-phase-start")); });
    var lengths = rows.map(function (r) { return number(r.getAttribute("data-phase-length")); });
    var today = number(el.getAttribute("data-today"));
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      grid: { left: 110, right: 30, top: 30, bottom: 30 },
      xAxis: { type: "value", min: 0, max: number(el.getAttribute("data-total")), axisLabel: { show: false } },
      yAxis: { type: "category", data: names, inverse: true, axisLabel: { fontSize: 16 } },
      series: [
        { type: "bar", stack: "t", data: starts, itemStyle: { color: "transparent" }, silent: true },
        { type: "bar", stack: "t", data: lengths, itemStyle: { color: "#a61b1b" }, barWidth: 22,
          markLine: { symbol: "none", lineStyle: { color: "#0d6efd", width: 3 },
            label: { formatter: el.getAttribute("data-today-label"), fontSize: 16 },
            data: [{ xAxis: today }] } }
      ]
    });
    return chart;
  }

  function bars(el, byCounty) {
    var table = document.getElementById(el.getAttribute("data-source"));
    if (!table) { return null; }
    var chart = echarts.init(el);
    var rows = rowsOf(table);
    var labels = rows.map(function (r) { return r.querySelector("th").textContent.trim(); });
    var series;
    if (byCounty) {
      var heads = Array.prototype.slice.call(table.querySelectorAll("thead th")).slice(1)
        .map(function (th) { return th.textContent.trim(); });
      series = heads.map(function (name, c) {
        return { name: name, type: "bar", label: { show: true, position: "top", fontSize: 14 },
          data: rows.map(function (r) { return number(value(r.querySelectorAll("td")[c])); }) };
      });
    } else {
      series = [{ type: "bar", itemStyle: { color: "#a61b1b" }, label: { show: true, position: "top", fontSize: 14 },
        data: rows.map(function (r) { return number(r.querySelector("td").textContent); }) }];
    }
    chart.setOption({
      animation: false,
      legend: byCounty ? { top: 0, textStyle: { fontSize: 16 } } : undefined,
      grid: { left: 50, right: 20, top: 40, bottom: 80 },
      xAxis: { type: "category", data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 20 : 0, fontSize: 14 } },
      yAxis: { type: "value" },
      series: series
    });
    // Clicking a bar opens the list behind it, as the figure cards do.
    chart.on("click", function (p) {
      var cell = rows[p.dataIndex].querySelectorAll("td")[byCounty ? p.seriesIndex : 0];
      var link = cell ? cell.querySelector("a") : null;
      if (link) { window.location.href = link.href; }
    });
    return chart;
  }

  function draw(root) {
    if (typeof echarts === "undefined") { return; }
    var charts = [];
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.getAttribute("data-drawn")) { return; }
      el.setAttribute("data-drawn", "1");
      var kind = el.getAttribute("data-chart");
      var chart = kind === "timeline" ? timeline(el) : bars(el, kind === "counties");
      if (chart) { charts.push(chart); }
    });
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
    window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    draw(document);
    document.body.addEventListener("htmx:afterSwap", function (e) { draw(e.target); });
  });
})();
