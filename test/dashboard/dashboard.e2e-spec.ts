import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Browser, chromium, type Page } from 'playwright-core';
import { localDate } from '@hotline/clock';
import type { INestApplicationContext } from '@nestjs/common';
import { Http, startApi, startWorker } from '../support/apps';
import { eventually } from '../support/kafka-probe';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';

const METRICS = ['onTimeDispatch', 'dispatchAccuracy', 'timelyResponse', 'reasonableCallback', 'trackedSupervision'];
const SCREENSHOT = join(__dirname, '..', '..', '.data', 'test-results', 'dashboard.png');

/** The supervisors' dashboard in a real browser (Debian chromium driven by playwright-core). */
describe('the /dashboard page in headless Chromium', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let browser: Browser;
  let worker: INestApplicationContext;
  let base: string;
  const password = 'dashboard-pass-1';
  let username: string;

  beforeAll(async () => {
    ({ app, http } = await startApi());
    worker = await startWorker(); // its kpi-projector feeds the figures the page shows
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const admin = as(
      http,
      (await http().post('/api/v1/auth/token').send({ username: 'admin', password: 'admin12345' })).body.accessToken,
    );
    username = `sup-${Date.now()}`;
    await admin.post('/users', { username, password, role: 'supervisor' }).expect(201);
    const agent = as(http, await tokenFor(http, 'agent'));
    const c = (await agent.post('/cases', caseBody()).expect(201)).body;
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105001' }).expect(201);
    const today = localDate(new Date());
    await eventually(async () => {
      const res = await agent.get(
        `/kpi/five-rates?from=${today.slice(0, 8)}01&to=${localDate(new Date(Date.now() + 40 * 86_400_000))}&groupBy=unit`,
      );
      return res.status === 200 && (res.body.items as { groupKey: string }[]).some((r) => r.groupKey === '110105001')
        ? true
        : undefined;
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });
  /** Signs in on the dashboard's form and waits for its figures. */
  const signIn = async (page: Page) => {
    await page.goto(`${base}/dashboard`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#loginForm button[type=submit]');
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 20_000 });
  };

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await app?.close();
  });

  it('signs in, shows the same numbers as the api, drills into misses, switches language, and keeps a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page);

    const from = await page.inputValue('#from');
    const to = await page.inputValue('#to');
    expect(from <= localDate(new Date()) && localDate(new Date()) < to).toBe(true);
    const token = (await http().post('/api/v1/auth/token').send({ username, password })).body.accessToken as string;
    const byUnit = (
      await http().get(`/api/v1/kpi/five-rates?from=${from}&to=${to}&groupBy=unit`).auth(token, { type: 'bearer' })
    ).body.items as Record<string, { rate: number | null; numerator: number; denominator: number }>[];
    const row = byUnit.find((r) => (r.groupKey as unknown as string) === '110105001')!;
    for (const m of METRICS) {
      const cell = await page.textContent(`[data-testid="cell-110105001-${m}"]`);
      const rate = row[m].rate;
      expect(cell).toContain(rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);
      expect(cell).toContain(`${row[m].numerator}/${row[m].denominator}`);
    }
    const live = (await http().get('/api/v1/kpi/live').auth(token, { type: 'bearer' })).body;
    expect(Number(await page.textContent('[data-testid="live-cases"]'))).toBeGreaterThanOrEqual(
      live.cases.registered - 5,
    );
    // Answering from the knowledge base: the share of today's answers on the call that cited an entry.
    // (Other tests may answer cases meanwhile: the form, not the value.)
    expect(await page.textContent('[data-testid="live-knowledge-share"]')).toMatch(/^(–|\d+\.\d%)$/);
    expect(live.knowledge).toMatchObject({ answeredCases: expect.any(Number), neverUsed: expect.any(Number) });
    expect(await page.textContent('[data-testid="live-knowledge-usage"]')).toContain('直接办结引用知识');
    expect(await page.locator('#ratesChart canvas').count()).toBeGreaterThan(0);

    await page.click('[data-testid="cell-110105001-onTimeDispatch"]');
    await page.waitForSelector('#missesDialog[open]');
    expect(await page.textContent('#missesTitle')).toContain('按时交办率');
    await page.click('#closeMisses');

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.click('#lang');
    expect(await page.textContent('h1')).toBe('12345 Citizen Hotline · The five 100% targets');
    expect(errors).toEqual([]);
  });

  it('opens the printable monthly review from the dashboard, in zh-CN, with the API’s numbers', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page);
    const month = (await page.inputValue('#from')).slice(0, 7);
    await page.click('#reportLink');
    await page.waitForSelector('body[data-loaded="true"] #report', { timeout: 20_000 });
    expect(page.url()).toContain(`/dashboard/report?month=${month}&groupBy=unit`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toContain('月度点评');

    const token = (await http().post('/api/v1/auth/token').send({ username, password })).body.accessToken as string;
    const report = (await http().get(`/api/v1/kpi/report?month=${month}&groupBy=unit`).auth(token, { type: 'bearer' }))
      .body as { items: { groupKey: string; rank: number; rates: Record<string, { rate: number | null }> }[] };
    const row = report.items.find((r) => r.groupKey === '110105001')!;
    const shown = page.locator('tr[data-group="110105001"]');
    expect(await shown.locator('td').first().textContent()).toBe(String(row.rank));
    for (const m of METRICS) {
      const rate = row.rates[m].rate;
      expect(await shown.locator(`td[data-rate="${m}"]`).textContent()).toContain(
        rate === null ? '–' : `${(rate * 100).toFixed(1)}%`,
      );
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#print')).toBe(false);
    expect(errors).toEqual([]);
  });
});
