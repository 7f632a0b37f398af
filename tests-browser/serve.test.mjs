// Headless-Chromium test of the page `frontline serve` serves. Run by
// crates/frontline-cli/tests/serve_browser.rs (which starts the server on a temporary database):
//   node serve.test.mjs http://127.0.0.1:PORT ARTIFACT_DIR
// Waits on selectors and page state, never on sleeps. Exits non-zero on the first failure.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const base = process.argv[2];
const outDir = process.argv[3] || 'artifacts';
if (!base) { console.error('usage: node serve.test.mjs BASE_URL [ARTIFACT_DIR]'); process.exit(2); }
fs.mkdirSync(outDir, { recursive: true });
const exe = process.env.CHROMIUM || '/usr/bin/chromium';

function check(cond, msg) { if (!cond) throw new Error(`check failed: ${msg}`); console.log(`ok - ${msg}`); }
async function apiJson(p) { const r = await fetch(base + p); return r.json(); }

const browser = await chromium.launch({
  executablePath: exe,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  // playwright gives every launch a fresh, empty --user-data-dir of its own.
});
let failed = false;
try {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // A slow, busy machine (CI, parallel test binaries) can take longer than playwright's 30 s.
  ctx.setDefaultTimeout(180_000);
  const page = await ctx.newPage();
  const external = [];
  const pageErrors = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url()); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });

  await page.goto(base + '/');
  await page.waitForSelector('body[data-ready="1"]');
  await page.waitForSelector('#map .fl-marker, #map .fl-cluster');
  // Country borders drawn (canvas renderer: one canvas in the overlay pane).
  await page.waitForSelector('#map .leaflet-overlay-pane canvas');

  const all = await apiJson('/api/events?limit=5000');
  const located = all.events.filter((e) => e.latitude !== null).length;
  const onMap = await page.evaluate(() => {
    let n = document.querySelectorAll('#map .fl-marker').length;
    for (const c of document.querySelectorAll('#map .fl-cluster')) n += Number(c.dataset.count);
    return n;
  });
  check(onMap === located && located > 0, `markers on the map stand for all ${located} located events (found ${onMap})`);
  const listed = await page.locator('#list li').count();
  check(listed === all.total, `the list shows all ${all.total} events`);
  check(await page.locator('#legend div').count() === 6, 'legend: 6 ACLED event types');
  check(await page.locator('#histogram rect.bar').count() > 0, 'timeline histogram has bars');

  // A filter: country = Syria (the select is filled from /api/stats).
  const syr = await apiJson('/api/events?limit=5000&country=SYR');
  check(syr.total > 0 && syr.total < all.total, `fixture has Syrian events (${syr.total}) and others`);
  await page.selectOption('#f-country', 'SYR');
  await page.waitForFunction((n) => document.querySelector('#count').dataset.total === String(n) && document.querySelectorAll('#list li').length === n, syr.total);
  const types = await page.$$eval('#list li', (lis) => lis.map((li) => li.dataset.id));
  check(types.every((id) => id.startsWith('SYR')), 'after the country filter only Syrian events are listed');
  check(new URL(page.url()).searchParams.get('country') === 'SYR', 'the filter is kept in the URL');
  const syrOnMap = await page.evaluate(() => {
    let n = document.querySelectorAll('#map .fl-marker').length;
    for (const c of document.querySelectorAll('#map .fl-cluster')) n += Number(c.dataset.count);
    return n;
  });
  check(syrOnMap === syr.events.filter((e) => e.latitude !== null).length, 'the map shows only the filtered events');

  // Open an event from the map: a marker, or a cluster (zooms in, or lists events at one place).
  for (let i = 0; i < 8; i++) {
    if (await page.locator('#map .fl-marker').count()) { await page.locator('#map .fl-marker').first().click(); break; }
    if (await page.locator('.popup-event').count()) { await page.locator('.popup-event').first().click(); break; }
    const before = await page.evaluate(() => document.querySelectorAll('#map .fl-cluster, #map .fl-marker, .popup-event').length);
    await page.locator('#map .fl-cluster').first().click();
    // A click that lands while the map is still redrawing can be lost: wait a while for its
    // effect, then try again (the loop is bounded; the panel checks below still must pass).
    try {
      await page.waitForFunction((b) => document.querySelector('.popup-event') || document.querySelectorAll('#map .fl-cluster, #map .fl-marker').length !== b || document.querySelector('#map .fl-marker'), before, { timeout: 15000 });
    } catch (e) {
      if (!String(e).includes('Timeout')) throw e;
    }
  }
  await page.waitForSelector('#panel:not([hidden]) #panel-body h2');
  await page.waitForSelector('#panel mark.fl-ev');
  const mark = await page.locator('#panel mark.fl-ev').first();
  const field = await mark.getAttribute('data-field');
  const markText = (await mark.textContent()).trim();
  check(field && markText.length > 0, `the event panel highlights an evidence span (field ${field}: "${markText}")`);
  check(await page.locator('#panel .report').count() >= 1, 'the panel lists the sources');
  await page.click('#close-panel');
  await page.waitForSelector('#panel', { state: 'hidden' });

  // Timeline brush: drag across the histogram → a date range filter.
  await page.click('#reset');
  await page.waitForFunction((n) => document.querySelector('#count').dataset.total === String(n), all.total);
  const box = await page.locator('#histogram').boundingBox();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForSelector('#clear-range:not([hidden])');
  const from = await page.inputValue('#f-from'), to = await page.inputValue('#f-to');
  check(/^\d{4}-\d\d-\d\d$/.test(from) && /^\d{4}-\d\d-\d\d$/.test(to) && from <= to, `brushing the timeline sets the date range (${from} → ${to})`);
  const ranged = await apiJson(`/api/events?limit=5000&from=${from}&to=${to}`);
  await page.waitForFunction((n) => document.querySelector('#count').dataset.total === String(n), ranged.total);
  check(ranged.total > 0 && ranged.total < all.total, `the date range narrows the list (${ranged.total} of ${all.total})`);
  await page.click('#clear-range');
  await page.waitForFunction((n) => document.querySelector('#count').dataset.total === String(n), all.total);

  // Untrusted article text stays text: the fixture article carrying markup.
  const xss = await apiJson('/api/events?limit=5000&q=onerror');
  if (xss.total > 0) {
    await page.fill('#f-q', 'onerror');
    await page.click('#apply');
    await page.waitForFunction((n) => document.querySelector('#count').dataset.total === String(n), xss.total);
    await page.locator('#list li').first().click();
    await page.waitForSelector('#panel .article');
    const article = await page.locator('#panel .article').first().textContent();
    check(article.includes('<img src=x onerror='), 'markup in article text is shown as text');
    check(await page.evaluate(() => window.__pwned === undefined && !document.querySelector('#panel .article img, #panel .article script')), 'markup in article text is not executed');
    await page.click('#close-panel');
    await page.click('#reset');
    await page.waitForFunction((n) => document.querySelector('#count').dataset.total === String(n), all.total);
  } else {
    console.log('# no article with markup in the fixture; escaping check skipped');
  }

  // The screenshot for the README: the seed's multi-source event if there is one, else the first.
  const multi = await apiJson('/api/events?limit=5000&min_sources=2');
  const pick = (multi.events[0] || all.events[0]).id;
  await page.locator(`#list li[data-id="${pick}"]`).click();
  await page.waitForSelector('#panel mark.fl-ev');
  await page.waitForFunction(() => [...document.querySelectorAll('#panel .report')].every((r) => r.querySelector('.article, .error')));
  // Show the claimants' figures and the first highlighted article together.
  await page.evaluate(() => { const h = [...document.querySelectorAll('#panel h3')][0]; document.querySelector('#panel').scrollTop = h.offsetTop - 8; });
  await page.screenshot({ path: path.join(outDir, 'serve.png') });
  console.log(`ok - screenshot ${path.join(outDir, 'serve.png')}`);

  // Phone-sized viewport: map, list and panel usable.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  phone.setDefaultTimeout(180_000);
  const p2 = await phone.newPage();
  await p2.goto(base + '/');
  await p2.waitForSelector('body[data-ready="1"]');
  await p2.waitForSelector('#map .fl-marker, #map .fl-cluster');
  check(await p2.locator('#toggle-filters').isVisible(), 'phone: filters fold behind a button');
  check(!(await p2.locator('#filters').isVisible()), 'phone: filters hidden until asked for');
  await p2.click('#toggle-filters');
  check(await p2.locator('#f-country').isVisible(), 'phone: filters open');
  const mapBox = await p2.locator('#map').boundingBox();
  check(mapBox.width <= 390 && mapBox.height > 200, 'phone: the map fits the screen');
  await p2.locator('#list li').first().tap();
  await p2.waitForSelector('#panel mark.fl-ev');
  const panelBox = await p2.locator('#panel').boundingBox();
  check(panelBox.width <= 390, 'phone: the event panel fits the screen');
  await p2.screenshot({ path: path.join(outDir, 'serve-phone.png') });

  check(external.length === 0, `no request leaves the server (${external.join(', ') || 'none'})`);
  check(pageErrors.length === 0, `no JavaScript errors (${pageErrors.join(' | ') || 'none'})`);
} catch (e) {
  failed = true;
  console.error(`not ok - ${e.stack || e}`);
  try {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages[0]) await pages[0].screenshot({ path: path.join(outDir, 'failure.png') });
  } catch (_) { /* best effort */ }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
