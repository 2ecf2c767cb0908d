/* The supervisors' dashboard: reads only the api's KPI endpoints with the signed-in user's token. */
(function () {
  'use strict';
  var METRICS = ['onTimeDispatch', 'dispatchAccuracy', 'timelyResponse', 'reasonableCallback', 'trackedSupervision'];
  var TEXT = {
    zh: {
      title: '12345 市民服务热线 · 首次来电“五个100%”',
      from: '开始',
      to: '结束',
      thisMonth: '本月',
      lastMonth: '上月',
      last7: '近7天',
      byUnit: '按承办单位',
      byDistrict: '按区',
      byStreet: '按街乡',
      byHotline: '按热线',
      byCategory: '按类别',
      live: '实时刷新',
      logout: '退出',
      monthlyReport: '月度点评',
      signIn: '登录',
      calls: '今日来电',
      answeredRate: '接通率',
      cases: '今日受理',
      open: '在办',
      atRisk: '临期预警',
      overdue: '今日超期',
      knowledgeShare: '知识库解答',
      knowledgeOf: '直接办结引用知识',
      neverUsed: '30天未用',
      rates: '五率（对照100%）',
      trend: '每日趋势',
      table: '分组明细',
      tableHint: '（点击表头按最差排序，点击数值查看未达标工单）',
      caseNumber: '工单号',
      why: '原因',
      close: '关闭',
      updated: '更新于',
      group: '分组',
      target: '目标 100%',
      pending: '待定',
      misses: '未达标工单',
      loginFailed: '用户名或密码错误',
      none: '无',
      onTimeDispatch: '按时交办率',
      dispatchAccuracy: '交办准确率',
      timelyResponse: '及时回应率',
      reasonableCallback: '合理诉求回访率',
      trackedSupervision: '跟踪督办率',
      dispatch: '交办',
      sign: '签收',
      response: '回应',
      resolve: '办结',
      callback: '回访',
      transfer_ack: '转接确认',
    },
    en: {
      title: '12345 Citizen Hotline · The five 100% targets',
      from: 'From',
      to: 'To',
      thisMonth: 'This month',
      lastMonth: 'Last month',
      last7: 'Last 7 days',
      byUnit: 'By unit',
      byDistrict: 'By district',
      byStreet: 'By street',
      byHotline: 'By hotline',
      byCategory: 'By category',
      live: 'Live',
      logout: 'Sign out',
      monthlyReport: 'Monthly review',
      signIn: 'Sign in',
      calls: 'Calls today',
      answeredRate: 'Answered',
      cases: 'Cases today',
      open: 'Open',
      atRisk: 'At risk now',
      overdue: 'Overdue today',
      knowledgeShare: 'Answered from knowledge',
      knowledgeOf: 'answers on the call citing an entry',
      neverUsed: 'unused for 30 days',
      rates: 'Five rates (against 100%)',
      trend: 'Daily trend',
      table: 'By group',
      tableHint: '(click a header to sort worst first, a value for its missed cases)',
      caseNumber: 'Case',
      why: 'Why',
      close: 'Close',
      updated: 'Updated',
      group: 'Group',
      target: 'Target 100%',
      pending: 'pending',
      misses: 'Missed cases',
      loginFailed: 'Wrong username or password',
      none: 'none',
      onTimeDispatch: 'On-time dispatch',
      dispatchAccuracy: 'Dispatch accuracy',
      timelyResponse: 'Timely response',
      reasonableCallback: 'Callback',
      trackedSupervision: 'Supervision',
      dispatch: 'dispatch',
      sign: 'sign',
      response: 'response',
      resolve: 'resolve',
      callback: 'callback',
      transfer_ack: 'transfer ack',
    },
  };
  var lang = localStorage.getItem('dashboard.lang') || 'zh';
  var token = sessionStorage.getItem('dashboard.token');
  var state = { rows: [], sortBy: null, timer: null };
  var charts = {};
  var $ = function (id) {
    return document.getElementById(id);
  };
  var t = function (key) {
    return (TEXT[lang] || TEXT.zh)[key] || key;
  };

  function pct(rate) {
    return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + '%';
  }
  function day(d) {
    return new Date(d.getTime() + 8 * 3600000).toISOString().slice(0, 10);
  }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    $('lang').textContent = lang === 'zh' ? 'English' : '中文';
  }

  function setPeriod(preset) {
    var now = new Date();
    var today = day(now);
    var y = Number(today.slice(0, 4)),
      m = Number(today.slice(5, 7));
    var first = function (yy, mm) {
      return yy + '-' + String(mm).padStart(2, '0') + '-01';
    };
    if (preset === 'lastMonth') {
      $('from').value = m === 1 ? first(y - 1, 12) : first(y, m - 1);
      $('to').value = first(y, m);
    } else if (preset === 'week') {
      $('from').value = day(new Date(now.getTime() - 6 * 86400000));
      $('to').value = day(new Date(now.getTime() + 86400000));
    } else {
      $('from').value = first(y, m);
      $('to').value = m === 12 ? first(y + 1, 1) : first(y, m + 1);
    }
  }

  function api(path) {
    return fetch('/api/v1' + path, { headers: { authorization: 'Bearer ' + token } }).then(function (res) {
      if (res.status === 401) {
        signOut();
        throw new Error('signed out');
      }
      if (!res.ok) throw new Error(path + ': ' + res.status);
      return res.json();
    });
  }

  function period() {
    return 'from=' + $('from').value + '&to=' + $('to').value;
  }

  /** The printable monthly review of the month the period starts in, ranking units unless districts are shown. */
  function updateReportLink(groupBy) {
    var month = $('from').value.slice(0, 7);
    $('reportLink').href =
      '/dashboard/report?month=' + month + '&groupBy=' + (groupBy === 'district' ? 'district' : 'unit');
  }

  function refresh() {
    var groupBy = $('groupBy').value;
    updateReportLink(groupBy);
    return Promise.all([
      api('/kpi/five-rates?' + period() + '&groupBy=' + groupBy),
      api('/kpi/five-rates?' + period() + '&groupBy=day'),
      api('/kpi/live'),
    ])
      .then(function (results) {
        state.rows = results[0].items;
        renderTable();
        renderRates(results[1].items);
        renderTrend(results[1].items);
        renderLive(results[2]);
        $('updatedAt').textContent = new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
        document.body.setAttribute('data-loaded', 'true');
      })
      .catch(function (error) {
        console.error(error);
      });
  }

  /** Totals over the period: numerators and denominators summed over the by-day rows. */
  function totals(rows) {
    return METRICS.map(function (m) {
      var n = 0,
        d = 0;
      rows.forEach(function (r) {
        n += r[m].numerator;
        d += r[m].denominator;
      });
      return d === 0 ? null : n / d;
    });
  }

  function renderRates(byDay) {
    var values = totals(byDay);
    charts.rates.setOption(
      {
        grid: { left: 60, right: 20, top: 20, bottom: 40 },
        xAxis: { type: 'category', data: METRICS.map(t), axisLabel: { color: '#8fa3bf', interval: 0 } },
        yAxis: {
          type: 'value',
          min: 0,
          max: 100,
          axisLabel: { formatter: '{value}%', color: '#8fa3bf' },
          splitLine: { lineStyle: { color: '#253a57' } },
        },
        series: [
          {
            type: 'bar',
            barWidth: '45%',
            data: values.map(function (v) {
              return {
                value: v === null ? null : +(v * 100).toFixed(1),
                itemStyle: { color: v === null ? '#555' : v >= 0.995 ? '#3ccf91' : v >= 0.95 ? '#f5b041' : '#ef5b5b' },
              };
            }),
            label: {
              show: true,
              position: 'top',
              color: '#e8eef7',
              formatter: function (p) {
                return p.value === null || p.value === undefined ? '–' : p.value + '%';
              },
            },
            markLine: {
              symbol: 'none',
              lineStyle: { color: '#4ea1ff', type: 'dashed' },
              data: [{ yAxis: 100, name: t('target') }],
              label: { formatter: t('target'), color: '#4ea1ff' },
            },
          },
        ],
      },
      true,
    );
    document.querySelectorAll('[data-total]').forEach(function (el) {
      el.remove();
    });
    METRICS.forEach(function (m, i) {
      var el = document.createElement('span');
      el.hidden = true;
      el.setAttribute('data-total', m);
      el.setAttribute('data-testid', 'total-' + m);
      el.textContent = pct(values[i]);
      document.body.appendChild(el);
    });
  }

  function renderTrend(byDay) {
    charts.trend.setOption(
      {
        grid: { left: 60, right: 20, top: 40, bottom: 40 },
        legend: { top: 0, textStyle: { color: '#8fa3bf' }, data: METRICS.map(t) },
        tooltip: {
          trigger: 'axis',
          valueFormatter: function (v) {
            return v === null || v === undefined ? '–' : v + '%';
          },
        },
        xAxis: {
          type: 'category',
          data: byDay.map(function (r) {
            return r.groupKey.slice(5);
          }),
          axisLabel: { color: '#8fa3bf' },
        },
        yAxis: {
          type: 'value',
          min: 0,
          max: 100,
          axisLabel: { formatter: '{value}%', color: '#8fa3bf' },
          splitLine: { lineStyle: { color: '#253a57' } },
        },
        series: METRICS.map(function (m) {
          return {
            name: t(m),
            type: 'line',
            connectNulls: true,
            data: byDay.map(function (r) {
              return r[m].rate === null ? null : +(r[m].rate * 100).toFixed(1);
            }),
          };
        }),
      },
      true,
    );
  }

  function renderTable() {
    var head =
      '<tr><th data-sort="">' +
      t('group') +
      '</th>' +
      METRICS.map(function (m) {
        return '<th data-sort="' + m + '">' + t(m) + '</th>';
      }).join('') +
      '</tr>';
    $('ratesTable').querySelector('thead').innerHTML = head;
    var rows = state.rows.slice();
    if (state.sortBy) {
      rows.sort(function (a, b) {
        var x = a[state.sortBy].rate,
          y = b[state.sortBy].rate;
        return (x === null ? 2 : x) - (y === null ? 2 : y);
      });
    }
    var body = $('ratesTable').querySelector('tbody');
    body.innerHTML = '';
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-group', r.groupKey);
      var name = document.createElement('td');
      name.textContent = r.groupName;
      tr.appendChild(name);
      METRICS.forEach(function (m) {
        var td = document.createElement('td');
        var rate = r[m].rate;
        td.className = 'rate ' + (rate === null ? '' : rate >= 0.995 ? 'ok' : rate >= 0.95 ? 'mid' : 'bad');
        td.setAttribute('data-metric', m);
        td.setAttribute('data-testid', 'cell-' + r.groupKey + '-' + m);
        td.textContent = pct(rate);
        var small = document.createElement('small');
        small.textContent =
          r[m].numerator + '/' + r[m].denominator + (r[m].pending ? ' +' + r[m].pending + ' ' + t('pending') : '');
        td.appendChild(small);
        td.addEventListener('click', function () {
          showMisses(m, r);
        });
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    $('ratesTable')
      .querySelectorAll('th')
      .forEach(function (th) {
        th.addEventListener('click', function () {
          state.sortBy = th.getAttribute('data-sort') || null;
          renderTable();
        });
      });
  }

  function showMisses(metric, row) {
    var q =
      '/kpi/five-rates/misses?metric=' +
      metric +
      '&' +
      period() +
      '&groupBy=' +
      $('groupBy').value +
      '&groupKey=' +
      encodeURIComponent(row.groupKey) +
      '&limit=200';
    api(q).then(function (page) {
      $('missesTitle').textContent = t('misses') + ' · ' + t(metric) + ' · ' + row.groupName + ' (' + page.total + ')';
      var body = $('missesBody');
      body.innerHTML = '';
      if (page.items.length === 0) body.innerHTML = '<tr><td colspan="2">' + t('none') + '</td></tr>';
      page.items.forEach(function (m) {
        var tr = document.createElement('tr');
        var a = document.createElement('td');
        a.textContent = m.caseNumber;
        var b = document.createElement('td');
        b.textContent = m.why;
        tr.appendChild(a);
        tr.appendChild(b);
        body.appendChild(tr);
      });
      $('missesDialog').showModal();
    });
  }

  function renderLive(live) {
    $('board').querySelector('[data-testid="live-calls"]').textContent = live.calls.total;
    $('board').querySelector('[data-testid="live-answered-rate"]').textContent = pct(live.calls.answeredRate);
    $('board').querySelector('[data-testid="live-cases"]').textContent = live.cases.registered;
    $('board').querySelector('[data-testid="live-open"]').textContent = live.cases.open;
    $('board').querySelector('[data-testid="live-at-risk"]').textContent = live.cases.atRisk;
    $('board').querySelector('[data-testid="live-overdue"]').textContent = live.cases.overdue;
    // Answering from the knowledge base (docs/kpi.md, "Knowledge on the call"); text only, never HTML.
    var k = live.knowledge;
    $('board').querySelector('[data-testid="live-knowledge-share"]').textContent = pct(k.shareWithKnowledge);
    $('knowledgeUsage').textContent =
      k.answeredWithKnowledge +
      '/' +
      k.answeredCases +
      ' ' +
      t('knowledgeOf') +
      ' · ' +
      t('neverUsed') +
      ' ' +
      k.neverUsed +
      (k.mostUsed.length ? ' · ' + k.mostUsed[0].title + ' ×' + k.mostUsed[0].uses : '');
    $('atRiskBy').textContent = Object.keys(live.atRiskBy)
      .map(function (k) {
        return t(k) + ' ' + live.atRiskBy[k];
      })
      .join(' · ');
  }

  function schedule() {
    clearInterval(state.timer);
    if ($('autoRefresh').checked) state.timer = setInterval(refresh, 30000);
  }

  function show() {
    $('login').hidden = !!token;
    $('board').hidden = !token;
    $('logout').hidden = !token;
    if (!token) return;
    if (!charts.rates) {
      charts.rates = echarts.init($('ratesChart'));
      charts.trend = echarts.init($('trendChart'));
      window.addEventListener('resize', function () {
        charts.rates.resize();
        charts.trend.resize();
      });
    }
    refresh();
    schedule();
  }

  function signOut() {
    token = null;
    sessionStorage.removeItem('dashboard.token');
    clearInterval(state.timer);
    show();
  }

  document.addEventListener('DOMContentLoaded', function () {
    applyLanguage();
    setPeriod('month');
    $('preset').addEventListener('change', function (e) {
      setPeriod(e.target.value);
      refresh();
    });
    ['from', 'to', 'groupBy'].forEach(function (id) {
      $(id).addEventListener('change', refresh);
    });
    $('autoRefresh').addEventListener('change', schedule);
    $('lang').addEventListener('click', function () {
      lang = lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('dashboard.lang', lang);
      applyLanguage();
      if (token) refresh();
    });
    $('logout').addEventListener('click', signOut);
    $('closeMisses').addEventListener('click', function () {
      $('missesDialog').close();
    });
    $('loginForm').addEventListener('submit', function (e) {
      e.preventDefault();
      fetch('/api/v1/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: $('username').value, password: $('password').value }),
      })
        .then(function (res) {
          if (!res.ok) throw new Error();
          return res.json();
        })
        .then(function (body) {
          token = body.accessToken;
          sessionStorage.setItem('dashboard.token', token);
          $('loginError').textContent = '';
          show();
        })
        .catch(function () {
          $('loginError').textContent = t('loginFailed');
        });
    });
    show();
  });
})();
