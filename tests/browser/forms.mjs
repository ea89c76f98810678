// Browser test of the forms of `kngg serve` (issue 17), in headless Chromium
// with JavaScript switched off: the site must work without it.
//
//   node forms.mjs KNGG_BINARY SCRATCH_DIR
//
// A demo database with a projectleider linked to a person of the register;
// checks: the forms of a phase not begun are folded and open with a click,
// the step page's progress and previous/next links, signing 1.5/s1 by
// picking the signer from the register under mandate (the form is gone once
// complete), withdrawing through the confirmation page, the logboek's
// filter, and changing one's own password. Prints "ok - ..." / "not ok - ..."
// lines and "N passed, N failed"; exits 1 on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const [kngg, scratchArg] = process.argv.slice(2);
if (!kngg || !scratchArg) {
  console.error('gebruik: node forms.mjs KNGG_BINARY SCRATCH_DIR');
  process.exit(2);
}
const CHROMIUM = process.env.KNGG_CHROMIUM || '/usr/bin/chromium';
const TODAY = '2026-11-23';
const CODE = 'GM9999';
const LEADER = 'Fatima el Amrani';
const PASSWORD = 'wachtwoord123';
mkdirSync(scratchArg, { recursive: true });
const scratch = mkdtempSync(join(resolve(scratchArg), 'run-'));
const db = join(scratch, 'kngg.db');
const env = { ...process.env, KNGG_TODAY: TODAY, KNGG_PHASES: '' };
delete env.KNGG_DB;

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    const r = await fn();
    if (r === false) throw new Error('false');
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}`);
    console.log(`#   ${String(e && e.message ? e.message : e).split('\n').slice(0, 4).join('\n#   ')}`);
  }
}
function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}
function kngg_(args, input) {
  const r = spawnSync(kngg, ['--db', db, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`kngg ${args.join(' ')}: status ${r.status}\n${r.stderr}`);
  return r.stdout;
}
const sql = (q) => spawnSync('sqlite3', [db, q], { encoding: 'utf8' }).stdout.trim();

let server = null;
function startServer() {
  return new Promise((res, rej) => {
    server = spawn(kngg, ['--db', db, 'serve', '--listen', '127.0.0.1:0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    server.once('exit', (code) => rej(new Error(`server stopped: ${code}`)));
    createInterface({ input: server.stdout }).once('line', (line) => {
      const m = /^kngg serve: (http:\/\/\S+\/) /.exec(line);
      if (m) res(m[1]);
      else rej(new Error(`unexpected first line: ${line}`));
    });
  });
}

const timer = setTimeout(() => {
  console.log('not ok - global timeout of 120 s');
  if (server) server.kill('SIGKILL');
  process.exit(1);
}, 120_000);

let browser = null;
try {
  kngg_(['demo', '--force']);
  kngg_(['stakeholder', 'add', CODE, '--name', LEADER, '--org', 'Gemeente Waterlinde']);
  kngg_(['user', 'add', LEADER, '--role', 'projectleider', '--municipality', CODE,
    '--person', `${CODE}:${LEADER}`, '--display-name', 'Fatima'], `${PASSWORD}\n`);
  const base = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, timeout: 60_000,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-dev-shm-usage'],
  });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL',
    javaScriptEnabled: false });
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  const go = async (path) => {
    const r = await page.goto(base + path.replace(/^\//, ''));
    expect(r.status() === 200, `${path}: HTTP ${r.status()}`);
  };
  const submit = async (button) => {
    await Promise.all([page.waitForLoadState('load'), button.click()]);
    await page.waitForLoadState('load');
  };
  const flash = async () => (await page.locator('p.flash').allTextContents()).join(' | ');

  await check('logs in; the header shows the display name', async () => {
    await go('/inloggen');
    await page.getByLabel('Naam', { exact: true }).fill(LEADER);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await submit(page.getByRole('button', { name: 'Inloggen' }));
    await page.getByText('Fatima (projectleider)').waitFor();
  });

  await check('roadmap: the forms of phases 2 and 3 are folded, and open with a click', async () => {
    await go(`/gemeente/${CODE}`);
    const area = page.getByLabel('Naam van het gebied');
    expect(!(await area.isVisible()), 'the area form is visible before opening');
    await page.getByText('Fase 2 is nog niet begonnen: gebied toevoegen').click();
    expect(await area.isVisible(), 'the area form did not open');
  });

  await check('step 1.4: progress, the open activity, previous and next step', async () => {
    await go(`/gemeente/${CODE}/stap/1.4`);
    const text = await page.locator('p.progress').textContent();
    expect(/3 van 7 activiteiten/.test(text), `progress: ${text}`);
    await page.locator('p.next-hint a[href="#i-1.4/a4"]').waitFor();
    await submit(page.getByRole('link', { name: /Volgende stap → 1\.5/ }));
    expect(page.url().endsWith('/stap/1.5'), `at ${page.url()}`);
  });

  await check('1.5: the signer is picked from the register, with the mandate; the form then goes', async () => {
    const n0 = sql('SELECT count(*) FROM person');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Handtekening vastleggen' }) });
    await form.getByLabel('Besluit', { exact: true }).selectOption('go');
    await form.getByLabel('Wie tekent (uit het stakeholdersregister)').selectOption({ label: 'Fleur Ammerlaan (Gemeente Waterlinde, beleidsmedewerker jeugd)' });
    await form.getByLabel('Rol van wie tekent').selectOption('beleidsmedewerker');
    await form.getByLabel('Tekent met mandaat voor de rol (optioneel)').selectOption('wethouder');
    await form.getByLabel('Besluitstuk (titel, nummer of link)').fill('Besluit B&W 2026-112');
    await submit(form.getByRole('button', { name: 'Handtekening vastleggen' }));
    expect((await flash()).includes('Handtekening vastgelegd.'), `flash: ${await flash()}`);
    await page.getByText('Fleur Ammerlaan: go op 23 november 2026 (met mandaat, als Wethouder)').waitFor();
    expect(await page.getByRole('button', { name: 'Handtekening vastleggen' }).count() === 0,
      'the sign-off form is still there');
    expect(sql('SELECT count(*) FROM person') === n0, 'signing added a person');
    const by = sql("SELECT p.name FROM event e JOIN person p ON p.id = e.by_person ORDER BY e.id DESC LIMIT 1");
    expect(by === LEADER, `recorded by ${by}`);
  });

  await check('logboek: newest first; the filter by kind', async () => {
    await go(`/gemeente/${CODE}/logboek`);
    const first = await page.locator('table.journal tbody tr').first().locator('td').nth(2).textContent();
    expect(first === 'ondertekend' || /teken/.test(first), `first row: ${first}`);
    await page.getByLabel('Soort').selectOption('factor');
    await submit(page.getByRole('button', { name: 'Filteren' }));
    const kinds = await page.locator('table.journal tbody tr td:nth-child(3)').allTextContents();
    expect(kinds.length > 0 && kinds.every((k) => k === 'factorcheck'), `kinds: ${kinds.join(', ')}`);
  });

  await check('withdrawing asks for confirmation first, then records it', async () => {
    await go(`/gemeente/${CODE}/logboek`);
    const id = sql("SELECT max(id) FROM event WHERE municipality = 'GM9999' AND kind = 'factor'");
    await submit(page.locator(`a[href="/gemeente/${CODE}/logboek?intrekken=${id}"]`));
    await page.getByRole('heading', { name: 'Intrekken bevestigen' }).waitFor();
    expect(sql(`SELECT count(*) FROM event WHERE corrects = ${id}`) === '0', 'withdrawn before confirming');
    await page.getByLabel('Reden').fill('per ongeluk');
    await submit(page.getByRole('button', { name: 'Ja, intrekken' }));
    expect((await flash()).includes('Ingetrokken'), `flash: ${await flash()}`);
    expect(sql(`SELECT count(*) FROM event WHERE corrects = ${id}`) === '1', 'not withdrawn');
  });

  await check('changing one\'s own password', async () => {
    await go('/wachtwoord');
    await page.getByLabel('Huidig wachtwoord').fill(PASSWORD);
    await page.getByLabel(/^Nieuw wachtwoord \(minstens/).fill('nieuwwachtwoord9');
    await page.getByLabel('Nieuw wachtwoord nogmaals').fill('nieuwwachtwoord9');
    await submit(page.getByRole('button', { name: 'Wijzigen' }));
    expect((await flash()).includes('Wachtwoord gewijzigd.'), `flash: ${await flash()}`);
  });
  await ctx.close();
} catch (e) {
  failed++;
  console.log(`not ok - the test ran to its end\n#   ${e && e.stack ? e.stack : e}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) server.kill('SIGTERM');
  clearTimeout(timer);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
