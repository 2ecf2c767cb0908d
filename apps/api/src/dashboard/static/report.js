/* The printable monthly review (月度点评): reads GET /api/v1/kpi/report with the dashboard's sign-in. */
(function () {
  'use strict';
  var RATES = [
    'onTimeDispatch',
    'dispatchAccuracy',
    'timelyResponse',
    'reasonableCallback',
    'trackedSupervision',
    'response',
    'resolution',
    'satisfaction',
  ];
  var NAMES = {
    onTimeDispatch: '按时交办率',
    dispatchAccuracy: '交办准确率',
    timelyResponse: '及时回应率',
    reasonableCallback: '合理诉求回访率',
    trackedSupervision: '跟踪督办率',
    response: '响应率',
    resolution: '解决率',
    satisfaction: '满意率',
  };
  var $ = function (id) {
    return document.getElementById(id);
  };
  var token = sessionStorage.getItem('dashboard.token');

  function pct(rate) {
    return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + '%';
  }
  function points(change) {
    if (change === null || change === undefined) return '';
    var p = (change * 100).toFixed(1);
    return (change > 0 ? '+' : '') + p;
  }
  function cell(text) {
    var td = document.createElement('td');
    td.textContent = text;
    return td;
  }
  function rateCell(row, name) {
    var td = cell(pct(row.rates[name].rate));
    td.setAttribute('data-rate', name);
    var change = row.change[name];
    if (change !== null) {
      var span = document.createElement('span');
      span.className = 'change ' + (change > 0 ? 'up' : change < 0 ? 'down' : '');
      span.textContent = '环比 ' + points(change);
      td.appendChild(span);
    }
    return td;
  }
  function query() {
    return '?month=' + encodeURIComponent($('monthInput').value) + '&groupBy=' + $('groupBy').value;
  }

  function render(report) {
    $('month').textContent = report.month;
    var body = document.querySelector('#report tbody');
    body.textContent = '';
    report.items.forEach(function (row) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-group', row.groupKey);
      tr.appendChild(cell(String(row.rank)));
      tr.appendChild(cell(row.groupName));
      tr.appendChild(cell(pct(row.score)));
      RATES.forEach(function (name) {
        tr.appendChild(rateCell(row, name));
      });
      tr.appendChild(
        cell(
          row.worstMisses
            .map(function (m) {
              return NAMES[m.rate] + ' ' + m.misses + ' 件';
            })
            .join('；') || '无',
        ),
      );
      body.appendChild(tr);
    });
    $('report').hidden = false;
    $('generated').textContent = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
    document.body.setAttribute('data-loaded', 'true');
  }

  function load() {
    document.body.removeAttribute('data-loaded');
    window.history.replaceState(null, '', '/dashboard/report' + query());
    fetch('/api/v1/kpi/report' + query(), { headers: { authorization: 'Bearer ' + token } })
      .then(function (res) {
        if (res.status === 401) {
          $('signedOut').hidden = false;
          throw new Error('signed out');
        }
        if (!res.ok) throw new Error('report: ' + res.status);
        return res.json();
      })
      .then(render)
      .catch(function (e) {
        $('error').textContent = String(e.message || e);
        $('error').hidden = false;
      });
  }

  function downloadCsv(event) {
    event.preventDefault();
    fetch('/api/v1/kpi/report' + query() + '&format=csv', { headers: { authorization: 'Bearer ' + token } })
      .then(function (res) {
        return res.blob();
      })
      .then(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'report-' + $('monthInput').value + '-' + $('groupBy').value + '.csv';
        a.click();
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var params = new URLSearchParams(window.location.search);
    var now = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 7);
    $('monthInput').value = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : now;
    $('groupBy').value = params.get('groupBy') === 'district' ? 'district' : 'unit';
    $('monthInput').addEventListener('change', load);
    $('groupBy').addEventListener('change', load);
    $('print').addEventListener('click', function () {
      window.print();
    });
    $('csv').addEventListener('click', downloadCsv);
    if (!token) {
      $('signedOut').hidden = false;
      return;
    }
    load();
  });
})();
