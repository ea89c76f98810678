// Browser test of `kngg serve`: headless Chromium (Debian's /usr/bin/chromium)
// driven by playwright-core, the way a person would use the site.
//
//   node flow.mjs KNGG_BINARY SCRATCH_DIR [SCREENSHOT_DIR]
//
// Makes a demo database with a projectleider and a lezer in SCRATCH_DIR,
// starts the server on a free loopback port and walks through logging in,
// marking step 1.4 done from the roadmap, the journal, the keyboard order,
// logging out, what a lezer may not do and a wrong password. Every page
// visited must load without console errors, page errors or CSP violations.
// With SCREENSHOT_DIR it also writes the README's full-page screenshots.
//
// Prints one line per check ("ok - ..." / "not ok - ...") and a closing
// "N passed, N failed"; exits 1 on any failure. The server is always
// stopped and the browser closed, also after the global timeout.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

// axe-core's browser build, injected into each page of the crawl
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [kngg, scratchArg, shotsArg] = process.argv.slice(2);
if (!kngg || !scratchArg) {
  console.error('gebruik: node flow.mjs KNGG_BINARY SCRATCH_DIR [SCREENSHOT_DIR]');
  process.exit(2);
}
const CHROMIUM = process.env.KNGG_CHROMIUM || '/usr/bin/chromium';
const GLOBAL_TIMEOUT_MS = 540_000;
const TODAY = '2026-11-23';
const TODAY_NL = '23 november 2026';
const CODE = 'GM9999';
const LEADER = 'Fatima el Amrani';
const READER = 'Lars de Lezer';
const ADMIN = 'Bram Beheer';
// the crawl: every page at these widths (px); screenshots of each into
// $KNGG_CRAWL_SHOTS (run.sh: the build tree's browser-tmp/shots)
const WIDTHS = [390, 1280];
const CRAWL_SHOTS = process.env.KNGG_CRAWL_SHOTS ? resolve(process.env.KNGG_CRAWL_SHOTS) : null;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PASSWORD = 'wachtwoord123';

mkdirSync(scratchArg, { recursive: true });
const scratch = mkdtempSync(join(resolve(scratchArg), 'run-'));
const shots = shotsArg ? resolve(shotsArg) : null;
const db = join(scratch, 'kngg.db');
// the server's environment: fixed date, the definitions from the source tree
const env = { ...process.env, KNGG_TODAY: TODAY, KNGG_PHASES: '' };
delete env.KNGG_DB;

let passed = 0;
let failed = 0;
function report(ok, name, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
  if (!ok && detail) for (const line of String(detail).split('\n')) console.log(`#   ${line}`);
}
// Runs one check; a thrown error or a false result fails it.
async function check(name, fn) {
  try {
    const r = await fn();
    report(r !== false, name);
  } catch (e) {
    report(false, name, e && e.message ? e.message.split('\n').slice(0, e.lines || 6).join('\n') : e);
  }
}
function expect(cond, msg, lines) {
  if (!cond) {
    const e = new Error(msg);
    if (lines) e.lines = lines; // how many lines of msg to print (default 6)
    throw e;
  }
}

let server = null;
let serverExit = null;
let serverStderr = '';
let browser = null;

async function stopServer() {
  if (!server || serverExit) return serverExit;
  const done = new Promise((res) => server.once('exit', (code, signal) => res({ code, signal })));
  server.kill('SIGTERM');
  const t = setTimeout(() => server.kill('SIGKILL'), 10_000);
  serverExit = await done;
  clearTimeout(t);
  return serverExit;
}

const timer = setTimeout(async () => {
  report(false, `global timeout of ${GLOBAL_TIMEOUT_MS / 1000} s`);
  if (server && !serverExit) server.kill('SIGKILL');
  try { if (browser) await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000))]); } catch { /* closing anyway */ }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}, GLOBAL_TIMEOUT_MS);

// ---- the server ---------------------------------------------------------------

function kngg_(args, input) {
  const r = spawnSync(kngg, ['--db', db, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`kngg ${args.join(' ')}: status ${r.status}\n${r.stderr}`);
  return r.stdout;
}

function startServer() {
  return new Promise((res, rej) => {
    server = spawn(kngg, ['--db', db, 'serve', '--listen', '127.0.0.1:0'], {
      env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stderr.on('data', (d) => { serverStderr += d; });
    server.once('exit', (code, signal) => {
      serverExit = { code, signal };
      rej(new Error(`server stopped before it listened: ${code ?? signal}\n${serverStderr}`));
    });
    const t = setTimeout(() => rej(new Error('server did not print its address within 20 s')), 20_000);
    const lines = createInterface({ input: server.stdout });
    lines.once('line', (line) => {
      clearTimeout(t);
      const m = /^kngg serve: (http:\/\/\S+\/) /.exec(line);
      if (m) res(m[1]);
      else rej(new Error(`unexpected first line: ${line}`));
    });
  });
}

// ---- pages and their errors -----------------------------------------------------

// Console errors, page errors and CSP violations of every page. An expected
// HTTP error status (401 for a wrong password) shows as a console error
// "Failed to load resource"; those are allowed while `allowStatus` has it.
const problems = [];
let allowStatus = null;
function watch(page, who) {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (allowStatus && text.includes(`status of ${allowStatus}`)) return;
    problems.push(`${who} ${page.url()}: console: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`${who} ${page.url()}: pageerror: ${err.message}`));
}
// Also catch CSP violations that do not reach the console (reports only).
// The init script is injected through the DevTools protocol, so the page's
// own CSP (script-src 'none') does not stop it.
const cspListener = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
};
async function cspViolations(page) {
  try { return await page.evaluate(() => window.__csp || []); } catch { return []; }
}

async function newPage(ctx, who) {
  const page = await ctx.newPage();
  watch(page, who);
  return page;
}

// Goes to path and checks the status; returns the response.
async function visit(page, base, path, status = 200) {
  const resp = await page.goto(base + path.replace(/^\//, ''));
  expect(resp, `no response for ${path}`);
  expect(resp.status() === status, `${path}: HTTP ${resp.status()}, expected ${status}`);
  const csp = await cspViolations(page);
  if (csp.length) problems.push(`${page.url()}: CSP: ${csp.join('; ')}`);
  return resp;
}

async function login(page, base, name, password) {
  await visit(page, base, '/inloggen');
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/inloggen') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Inloggen', exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  return resp;
}

// The focused element, described: "INPUT[naam]", "A.skip:Naar de inhoud"
// (form fields by their name: their ids are numbered per form).
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'BODY';
  if (e.name) return `${e.tagName}[${e.name}]`;
  return `${e.tagName}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''}:${(e.textContent || '').trim()}`;
});

const stepLink = (page, id) => page.locator(`.kngg-roadmap a[href="/gemeente/${CODE}/stap/${id}"]`);
const stepBox = (page, id) => stepLink(page, id).locator('g.rm-step');

// ---- the flow -------------------------------------------------------------------

async function flow(base) {
  // Playwright's launch() starts Chromium with a new temporary profile of its
  // own (--user-data-dir in args is refused: that is launchPersistentContext's
  // job) and removes it on close: every run starts without cookies or cache.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-dev-shm-usage'],
  });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  ctx.setDefaultTimeout(15_000);
  await ctx.addInitScript(cspListener);
  const page = await newPage(ctx, 'projectleider');

  await check('/ without a session redirects to /inloggen', async () => {
    await visit(page, base, '/');
    expect(new URL(page.url()).pathname === '/inloggen', `at ${page.url()}`);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
  });

  await check('keyboard: "Naar de inhoud" is the first Tab stop (login page)', async () => {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f === 'A.skip:Naar de inhoud', `first Tab stop is ${f}`);
    expect(await page.getByRole('link', { name: 'Naar de inhoud' }).isVisible(), 'skip link not visible when focused');
  });

  await check('keyboard: Tab reaches name, password and the Inloggen button in order', async () => {
    const order = [];
    for (let i = 0; i < 12 && !order.includes('INPUT[naam]'); i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order.at(-1) === 'INPUT[naam]', `never reached the name field: ${order.join(' → ')}`);
    await page.keyboard.press('Tab');
    const pw = await focused(page);
    await page.keyboard.press('Tab');
    const btn = await focused(page);
    expect(pw === 'INPUT[wachtwoord]', `after the name field: ${pw}`);
    expect(btn === 'BUTTON.primary:Inloggen', `after the password field: ${btn}`);
  });

  await check(`logs in as projectleider through the form (labels Naam, Wachtwoord)`, async () => {
    const resp = await login(page, base, LEADER, PASSWORD);
    expect(resp.status() === 303, `POST /inloggen: HTTP ${resp.status()}`);
    expect(new URL(page.url()).pathname === '/', `at ${page.url()}`);
    await page.getByText('U bent ingelogd.').waitFor();
    await page.getByText(`${LEADER} (projectleider)`).waitFor();
  });

  await check('overview lists Waterlinde', async () => {
    await page.getByRole('link', { name: 'Waterlinde', exact: true }).waitFor();
  });

  await check('keyboard: "Naar de inhoud" is the first Tab stop and leads into <main>', async () => {
    await visit(page, base, `/gemeente/${CODE}`);
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f === 'A.skip:Naar de inhoud', `first Tab stop is ${f}`);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash === '#inhoud', `after Enter at ${page.url()}`);
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement.closest('main'));
    expect(inMain, `next Tab stop is outside main: ${await focused(page)}`);
  });

  await check('roadmap: step 1.4 is started, 1.5 not started', async () => {
    await visit(page, base, `/gemeente/${CODE}`);
    const cls = await stepBox(page, '1.4').getAttribute('class');
    expect(/\brm-started\b/.test(cls), `1.4 has class "${cls}"`);
    const cls5 = await stepBox(page, '1.5').getAttribute('class');
    expect(/\brm-not-started\b/.test(cls5), `1.5 has class "${cls5}"`);
  });

  await check('clicking the 1.4 box in the SVG opens the step page', async () => {
    await Promise.all([
      page.waitForURL(`**/gemeente/${CODE}/stap/1.4`),
      stepLink(page, '1.4').click(),
    ]);
    await page.getByRole('heading', { level: 1, name: /^1\.4 / }).waitFor();
    await page.getByRole('heading', { name: 'Stand van de stap' }).waitFor();
  });

  await check('"Afgerond" on the step page shows the flash "Stap afgerond."', async () => {
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Afgerond', exact: true }).click(),
    ]);
    expect(resp.status() === 303, `POST: HTTP ${resp.status()}`);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname === `/gemeente/${CODE}/stap/1.4`, `at ${page.url()}`);
    const flash = page.locator('p.flash[role="status"]');
    const text = (await flash.textContent()).trim();
    expect(text === 'Stap afgerond.', `flash says "${text}"`);
    expect(await page.locator('p.flash.error').count() === 0, 'an error flash is shown too');
  });

  await check('the flash is shown once (gone after a reload)', async () => {
    await page.reload();
    expect(await page.locator('p.flash[role="status"]').count() === 0, 'flash still there');
  });

  await check('roadmap: 1.4 is now rm-done and says "afgerond" with today\'s date in Dutch', async () => {
    await page.getByRole('navigation', { name: 'Gemeente' }).getByRole('link', { name: 'Routekaart' }).click();
    await page.waitForURL(`**/gemeente/${CODE}`);
    const box = stepBox(page, '1.4');
    const cls = await box.getAttribute('class');
    expect(/\brm-done\b/.test(cls), `1.4 has class "${cls}"`);
    const text = await box.locator('text.rm-date').textContent();
    expect(text.includes('afgerond') && text.includes(TODAY_NL), `1.4 box says "${text}"`);
  });

  await check(`journal: "stap afgerond" for 1.4 by ${LEADER}`, async () => {
    await visit(page, base, `/gemeente/${CODE}/logboek`);
    const rows = page.locator('table.journal tbody tr')
      .filter({ has: page.locator('td:nth-child(3)', { hasText: 'stap afgerond' }) })
      .filter({ has: page.locator('td:nth-child(4)', { hasText: '1.4' }) });
    const n = await rows.count();
    expect(n === 1, `${n} rows for "stap afgerond" 1.4`);
    const by = (await rows.first().locator('td').nth(4).textContent()).trim();
    expect(by === LEADER, `Door: "${by}"`);
    const date = (await rows.first().locator('td').nth(1).textContent()).trim();
    // ISO or, once the logboek speaks Dutch, "23 november 2026"
    expect(date === TODAY || date === TODAY_NL, `Datum: "${date}"`);
  });

  await check('every page of the municipality and /controle loads (200, one h1)', async () => {
    const paths = ['/', `/gemeente/${CODE}`, `/gemeente/${CODE}/stap/1.4`, `/gemeente/${CODE}/stakeholders`,
      `/gemeente/${CODE}/gereedheid`, `/gemeente/${CODE}/quickscan`, `/gemeente/${CODE}/factoren`,
      `/gemeente/${CODE}/logboek`, `/gemeente/${CODE}/documenten`, '/controle'];
    const bad = [];
    for (const p of paths) {
      try {
        await visit(page, base, p);
        const h1 = await page.locator('h1').count();
        if (h1 !== 1) bad.push(`${p}: ${h1} h1`);
      } catch (e) { bad.push(e.message); }
    }
    expect(bad.length === 0, bad.join('\n'));
  });

  await check('/controle says the chain is in order', async () => {
    await visit(page, base, '/controle');
    expect(await page.locator('p.flash.error').count() === 0, 'an error is shown');
  });

  await check('"Uitloggen" in the header logs out', async () => {
    await visit(page, base, `/gemeente/${CODE}`);
    await Promise.all([
      page.waitForURL('**/inloggen'),
      page.locator('header').getByRole('button', { name: 'Uitloggen' }).click(),
    ]);
    await visit(page, base, `/gemeente/${CODE}`);
    expect(new URL(page.url()).pathname === '/inloggen', `after logout ${page.url()}`);
  });

  await check('a wrong password shows "Naam of wachtwoord onjuist." with HTTP 401', async () => {
    allowStatus = 401;
    try {
      const resp = await login(page, base, LEADER, 'niet-het-wachtwoord');
      expect(resp.status() === 401, `HTTP ${resp.status()}`);
      const alert = (await page.locator('p.flash.error[role="alert"]').textContent()).trim();
      expect(alert === 'Naam of wachtwoord onjuist.', `alert says "${alert}"`);
      expect(await page.locator('header').getByRole('button', { name: 'Uitloggen' }).count() === 0,
        'logged in after all');
    } finally {
      allowStatus = null;
    }
  });

  await check(`logs in as lezer (${READER})`, async () => {
    const resp = await login(page, base, READER, PASSWORD);
    expect(resp.status() === 303, `POST /inloggen: HTTP ${resp.status()}`);
    await page.getByText(`${READER} (lezer)`).waitFor();
  });

  await check('lezer: the step page has no "Afgerond" button and no state form', async () => {
    await visit(page, base, `/gemeente/${CODE}/stap/1.5`);
    await page.getByRole('heading', { level: 1, name: /^1\.5 / }).waitFor();
    const n = await page.getByRole('button', { name: 'Afgerond', exact: true }).count();
    expect(n === 0, `${n} "Afgerond" buttons`);
    expect(await page.locator('input[name="actie"], button[name="actie"]').count() === 0, 'a form with actie');
  });

  await check('lezer: a POST with a valid CSRF token is refused with 403', async () => {
    const csrf = await page.locator('form[action="/uitloggen"] input[name="csrf"]').getAttribute('value');
    expect(csrf && csrf.length === 64, `csrf token "${csrf}"`);
    const resp = await page.request.post(`${base}gemeente/${CODE}/stap/1.5`, {
      form: { csrf, wat: 'stap', actie: 'done', datum: '', notitie: '' },
      headers: { Origin: base.replace(/\/$/, '') },
      maxRedirects: 0,
    });
    const body = await resp.text();
    expect(resp.status() === 403, `HTTP ${resp.status()}`);
    expect(body.includes('Geen schrijfrechten'), 'the 403 is not the "Geen schrijfrechten" page (CSRF refused?)');
  });

  await check('lezer: the same POST without the CSRF token is refused with 403 too', async () => {
    const resp = await page.request.post(`${base}gemeente/${CODE}/stap/1.5`, {
      form: { wat: 'stap', actie: 'done' }, maxRedirects: 0,
    });
    expect(resp.status() === 403, `HTTP ${resp.status()}`);
    expect((await resp.text()).includes('Geweigerd'), 'not the CSRF refusal');
  });

  await check('lezer: 1.5 is still not started on the roadmap', async () => {
    await visit(page, base, `/gemeente/${CODE}`);
    const cls = await stepBox(page, '1.5').getAttribute('class');
    expect(/\brm-not-started\b/.test(cls), `1.5 has class "${cls}"`);
  });

  if (shots) await screenshots(base);
  await crawl(base);

  await check('no console errors, page errors or CSP violations on any page', async () => {
    for (const pg of ctx.pages()) {
      const csp = await cspViolations(pg);
      if (csp.length) problems.push(`${pg.url()}: CSP: ${csp.join('; ')}`);
    }
    expect(problems.length === 0, problems.join('\n'));
  });
}

// The README's screenshots: a fresh context logged in as the projectleider,
// 1280 px wide, full pages; the roadmap once more as printed.
async function screenshots(base) {
  mkdirSync(shots, { recursive: true });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'nl-NL' });
  ctx.setDefaultTimeout(15_000);
  await ctx.addInitScript(cspListener);
  const page = await newPage(ctx, 'screenshots');
  await check('screenshots: logs in again in a fresh context', async () => {
    const resp = await login(page, base, LEADER, PASSWORD);
    expect(resp.status() === 303, `POST /inloggen: HTTP ${resp.status()}`);
  });
  const list = [
    ['overzicht.png', '/'],
    ['routekaart.png', `/gemeente/${CODE}`],
    ['stap.png', `/gemeente/${CODE}/stap/1.4`],
    ['stakeholders.png', `/gemeente/${CODE}/stakeholders`],
    ['gereedheid.png', `/gemeente/${CODE}/gereedheid`],
    ['quickscan.png', `/gemeente/${CODE}/quickscan`],
    ['factoren.png', `/gemeente/${CODE}/factoren`],
  ];
  await check(`screenshots: ${list.length} pages at 1280 px into ${shots}`, async () => {
    for (const [file, path] of list) {
      await visit(page, base, path);
      if (path === '/') await page.reload(); // without the "U bent ingelogd." flash
      await page.screenshot({ path: join(shots, file), fullPage: true });
    }
  });
  await check('screenshots: the roadmap as printed (routekaart-print.png)', async () => {
    await page.emulateMedia({ media: 'print' });
    await visit(page, base, `/gemeente/${CODE}`);
    await page.screenshot({ path: join(shots, 'routekaart-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
  const csp = await cspViolations(page);
  if (csp.length) problems.push(`${page.url()}: CSP: ${csp.join('; ')}`);
  await ctx.close();
}


// ---- the crawl: every page, both widths, axe-core ------------------------------

// A file name for a path: "/gemeente/GM9999/stap/1.4" -> "gemeente_GM9999_stap_1.4"
const shotName = (path) => (path.replace(/^\//, '').replace(/[^A-Za-z0-9.-]+/g, '_') || 'overzicht');

// The same-origin page links of the current page (no static files, no anchors).
async function pageLinks(page, base) {
  // (an SVG <a>'s href is no string: resolve the attribute)
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.getAttribute('href'), document.baseURI).href));
  const out = [];
  for (const h of hrefs) {
    if (!h.startsWith(base)) continue;
    const u = new URL(h);
    if (u.pathname.startsWith('/static/')) continue;
    out.push(u.pathname + u.search);
  }
  return out;
}

// Runs axe-core with the WCAG 2.1 AA tags; returns its violations.
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}`) }));
  }, AXE_TAGS);
}

// One page at one width: fits without sideways scrolling, a screenshot,
// no axe violations. Adds what is wrong to `bad`.
async function examine(page, path, width, bad, rules) {
  await page.setViewportSize({ width, height: 800 });
  await page.waitForTimeout(0);
  const m = await page.evaluate(() => {
    const d = document.documentElement;
    let widest = '';
    if (d.scrollWidth > d.clientWidth) {
      // the element that sticks out furthest, for the message
      let far = 0;
      for (const e of document.body.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.right > far && r.right > d.clientWidth) { far = r.right; widest = `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''} (${Math.round(r.right)} px)`; }
      }
    }
    return { sw: d.scrollWidth, cw: d.clientWidth, widest };
  });
  if (m.sw > m.cw) bad.push(`${path} @${width}: scrolls sideways (${m.sw} > ${m.cw}): ${m.widest}`);
  // chart text is drawn at 9 px or more: a chart may scroll in its region,
  // but it never shrinks its text to unreadable
  const small = await page.evaluate(() => {
    const out = [];
    for (const svg of document.querySelectorAll('svg.kngg-chart')) {
      const vb = svg.viewBox.baseVal;
      const rect = svg.getBoundingClientRect();
      if (!vb || !vb.width || !rect.width) continue;
      const scale = rect.width / vb.width;
      let min = Infinity, which = '';
      for (const t of svg.querySelectorAll('text')) {
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < min) { min = px; which = t.getAttribute('class') || t.textContent.slice(0, 20); }
      }
      if (min < 9) out.push(`${svg.getAttribute('class')}: text "${which}" at ${min.toFixed(1)} px`);
    }
    return out;
  });
  for (const x of small) bad.push(`${path} @${width}: unreadable chart text: ${x}`);
  // the roadmap's phases: side by side at 1280 px, stacked at 390 px
  const phases = await page.$$eval('.kngg-roadmap > svg', (l) => l.map((e) => {
    const r = e.getBoundingClientRect();
    return [Math.round(r.left), Math.round(r.top)];
  }));
  if (phases.length) {
    const lefts = new Set(phases.map((p) => p[0])).size;
    const tops = new Set(phases.map((p) => p[1])).size;
    if (width < 500 && lefts !== 1) bad.push(`${path} @${width}: roadmap phases not stacked: ${JSON.stringify(phases)}`);
    if (width >= 1280 && tops !== 1) bad.push(`${path} @${width}: roadmap phases not side by side: ${JSON.stringify(phases)}`);
  }
  if (CRAWL_SHOTS) {
    mkdirSync(join(CRAWL_SHOTS, String(width)), { recursive: true });
    await page.screenshot({ path: join(CRAWL_SHOTS, String(width), `${shotName(path)}.png`), fullPage: true });
  }
  const v = await axe(page);
  for (const x of v) {
    rules[x.id] = (rules[x.id] || 0) + 1;
    bad.push(`${path} @${width}: axe ${x.id} (${x.impact}): ${x.help}\n    ${x.nodes.slice(0, 3).join('\n    ')}`);
  }
}

async function crawl(base) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'nl-NL' });
  ctx.setDefaultTimeout(15_000);
  await ctx.addInitScript(cspListener);
  const page = await newPage(ctx, 'crawl');
  const bad = [];
  const rules = {};
  const seen = new Set();
  const variants = new Map();
  const visited = [];

  // more than the demo has: two areas in phase 2, two cycles of phase 3
  // with QuickScan scores (the radar with series), a factor with five checks
  await check('crawl: areas, cycles, QuickScan scores and factor checks added', async () => {
    kngg_(['area', 'add', CODE, 'Poelenburg', '--kind', 'experiment', '--date', '2026-09-01']);
    kngg_(['area', 'add', CODE, 'Kogerveld en de Rosariumbuurt', '--kind', 'wijk', '--date', '2026-09-15']);
    kngg_(['cycle', 'start', CODE, '3', '--date', '2026-10-01']);
    for (const [t, n] of [['clientgerichtheid', 3], ['ketencommitment', 4], ['interprofessionele-samenwerking', 2]])
      kngg_(['quickscan', CODE, '--theme', t, '--score', String(n), '--date', '2026-10-02']);
    kngg_(['cycle', 'start', CODE, '3', '--date', '2026-11-02']);
    for (const [t, n] of [['clientgerichtheid', 4], ['ketencommitment', 4]])
      kngg_(['quickscan', CODE, '--theme', t, '--score', String(n), '--date', '2026-11-03']);
    for (const [d, n] of [['2026-01-05', 2], ['2026-03-02', 3], ['2026-05-04', 3], ['2026-08-03', 4], ['2026-11-02', 5]])
      kngg_(['factor', CODE, 'leren', '--score', String(n), '--date', d]);
    // funding: the table on the stakeholders page and its risk on the gereedheid page
    kngg_(['funding', 'add', CODE, '--source', 'Specifieke uitkering Gezonde Leefstijl en Sport 2025',
      '--amount', '1.234.567,89', '--from', '2025-01-01', '--until', '2026-12-31',
      '--for', 'netwerkregisseur', '--date', '2026-02-01']);
    // planned dates (issue 18): one step over its date, one per area, one per cycle
    kngg_(['plan', CODE, '1.4', '--due', '2026-11-01', '--note', 'voor de stuurgroep']);
    kngg_(['plan', CODE, '2.1', '--due', '2026-12-15', '--area', 'Poelenburg']);
    kngg_(['plan', CODE, '3.proces', '--due', '2027-03-01', '--cycle', '1']);
  });

  // logged out: the login page
  await check('crawl: the login page fits at 390 and 1280 px, no axe violations', async () => {
    const before = bad.length;
    await visit(page, base, '/inloggen');
    for (const w of WIDTHS) await examine(page, '/inloggen', w, bad, rules);
    visited.push('/inloggen');
    expect(bad.length === before, bad.slice(before).join('\n'), 1000);
  });

  await check('crawl: every page reachable from the overview fits at 390 and 1280 px, no axe violations', async () => {
    const resp = await login(page, base, LEADER, PASSWORD);
    expect(resp.status() === 303, `POST /inloggen: HTTP ${resp.status()}`);
    const queue = ['/', `/gemeente/${CODE}`, '/wachtwoord'];
    while (queue.length && visited.length < 400) {
      const path = queue.shift();
      if (seen.has(path)) continue;
      seen.add(path);
      // a page and six of its query variants (filters, areas, phases) are plenty
      const bare = path.replace(/\?.*/, '');
      variants.set(bare, (variants.get(bare) || 0) + 1);
      if (variants.get(bare) > 7) continue;
      // only HTML pages (documents are downloads: DOCX, Markdown, HTML)
      const head = await ctx.request.get(base + path.replace(/^\//, ''), { maxRedirects: 0 });
      const type = head.headers()['content-type'] || '';
      const attachment = /attachment/.test(head.headers()['content-disposition'] || '');
      if (head.status() !== 200 || !type.startsWith('text/html') || attachment) continue;
      await visit(page, base, path);
      visited.push(path);
      for (const w of WIDTHS) await examine(page, path, w, bad, rules);
      for (const l of await pageLinks(page, base)) if (!seen.has(l)) queue.push(l);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    const must = [`/gemeente/${CODE}/stap/1.1`, `/gemeente/${CODE}/stakeholders`, `/gemeente/${CODE}/gereedheid`,
      `/gemeente/${CODE}/factoren`, `/gemeente/${CODE}/quickscan`, `/gemeente/${CODE}/logboek`,
      `/gemeente/${CODE}/documenten`, '/controle', '/wachtwoord'];
    for (const p of must) if (!visited.includes(p)) bad.push(`never reached ${p}`);
    if (!visited.some((p) => p.startsWith('/?regio='))) bad.push('never reached a region view (/?regio=...)');
    console.log(`# crawl: ${visited.length} pages at ${WIDTHS.join(' and ')} px`);
    expect(bad.length === 0, `${bad.length} problems; axe per rule: ${JSON.stringify(rules)}\n${bad.join('\n')}`, 1000);
  });

  await check('crawl: a 404 page and a failed login fit and have no axe violations', async () => {
    const before = bad.length;
    allowStatus = 404;
    try {
      await visit(page, base, '/gemeente/GM9999/bestaat-niet', 404);
      for (const w of WIDTHS) await examine(page, '/gemeente/GM9999/bestaat-niet', w, bad, rules);
    } finally {
      allowStatus = null;
    }
    await visit(page, base, '/'); // the header's logout form
    await page.locator('header').getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/inloggen');
    allowStatus = 401;
    try {
      const resp = await login(page, base, LEADER, 'niet-het-wachtwoord');
      expect(resp.status() === 401, `HTTP ${resp.status()}`);
      for (const w of WIDTHS) await examine(page, '/inloggen (401)', w, bad, rules);
    } finally {
      allowStatus = null;
    }
    visited.push('/gemeente/GM9999/bestaat-niet', '/inloggen (401)');
    expect(bad.length === before, bad.slice(before).join('\n'), 1000);
  });

  await check('crawl: the beheerder\'s /gebruikers fits and has no axe violations', async () => {
    const before = bad.length;
    await login(page, base, ADMIN, PASSWORD);
    await visit(page, base, '/gebruikers');
    visited.push('/gebruikers');
    for (const w of WIDTHS) await examine(page, '/gebruikers', w, bad, rules);
    expect(bad.length === before, bad.slice(before).join('\n'), 1000);
  });
  console.log(`# crawl visited: ${visited.join(' ')}`);
  await ctx.close();
}

// ---- main -------------------------------------------------------------------------

let exitCode = 1;
try {
  let base = null;
  await check('setup: demo database, a projectleider and a lezer; server on port 0', async () => {
    expect(existsSync(kngg), `no binary at ${kngg}`);
    kngg_(['demo', '--force']);
    // a web account writes as the register person it is linked to
    kngg_(['stakeholder', 'add', CODE, '--name', LEADER, '--org', 'Gemeente Waterlinde']);
    kngg_(['user', 'add', LEADER, '--role', 'projectleider', '--municipality', CODE,
      '--person', `${CODE}:${LEADER}`], `${PASSWORD}\n`);
    kngg_(['user', 'add', READER, '--role', 'lezer', '--municipality', CODE], `${PASSWORD}\n`);
    kngg_(['user', 'add', ADMIN, '--role', 'beheerder'], `${PASSWORD}\n`);
    kngg_(['region', 'add', 'Waterland', CODE]); // for the crawl's region view
    base = await startServer();
    expect(/^http:\/\/127\.0\.0\.1:\d+\/$/.test(base), `address ${base}`);
  });
  if (base) await flow(base);
} catch (e) {
  report(false, 'the flow ran to its end', e && e.stack ? e.stack : e);
} finally {
  try {
    if (browser) await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000))]);
  } catch (e) {
    report(false, 'browser closes', e.message);
  }
  if (server) {
    const wasRunning = !serverExit;
    const ex = await stopServer();
    if (!wasRunning)
      report(false, 'server kept running until the end', `it stopped by itself: ${ex.code ?? ex.signal}\n${serverStderr.trim()}`);
    else
      report(ex.code === 0 && serverStderr.trim() === '',
        `server stops on SIGTERM with status 0 and nothing on stderr`,
        `status ${ex.code ?? ex.signal}\n${serverStderr.trim().split('\n').slice(0, 40).join('\n')}`);
  }
  clearTimeout(timer);
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed ? 1 : 0;
}
process.exit(exitCode);
