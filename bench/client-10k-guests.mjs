#!/usr/bin/env node
/*
 * Client benchmark for issue 4, item 8: one board with 10,000 guests, opened on a phone-sized
 * Chromium. Prints time to interactive, keystroke-to-results for typical searches (汉字, pinyin,
 * initials), scroll frame times and the number of rows in the DOM, without and with 4x CPU
 * throttling (a mid-range phone). Figures only, no pass/fail.
 *
 *   npm run build -w @pairboard/web
 *   node_modules/.bin/node bench/client-10k-guests.mjs [--guests 10000] [--runs 1] [--throttles 1,4]
 *     [--json results.json]
 *
 * With --json it also writes every run's figures there (bench/run.mjs's *client* scenario does,
 * unthrottled, and folds them into its table).
 *
 * It starts its own server (production build, embedded database, fresh data directory) on a free
 * loopback port, creates a demo board through the HTTP API, tops it up to the guest count with a
 * Yjs client using an access token (the way an integration imports a list), then drives Chromium.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { chromium } from 'playwright-core';
import { addGuest, createSeededRandom, readBoard } from '@pairboard/sync-core';
import { freePort } from './lib/free-port.mjs';
import { apiClient } from './lib/api-client.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    guests: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '1' },
    throttles: { type: 'string', default: '1,4' },
    json: { type: 'string' },
  },
});
const GUEST_COUNT = Number(args.guests);
const RUNS = Number(args.runs);
const THROTTLES = args.throttles.split(',').map(Number);
const BATCH = 250; // guests per Yjs transaction: one update each, well under the 1 MiB frame cap
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const QUERIES = ['张', '张伟', 'z', 'zh', 'zha', 'zhang', 'zhangw', 'zs', 'zsy', 'shanghai', 'acme', 'qqqq'];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩然思远一鸣子涵欣怡嘉俊晨阳雨婷志强建国文博天佑';
const COMPANIES = [
  '上海智慧城市研究院',
  '浦东新区科技和经济委员会',
  '长三角物联网产业联盟',
  '华东智慧交通集团',
  '星河智能安防有限公司',
  '未来社区科技有限公司',
  'Pudong Media Group',
  'ACME Robotics',
  '沪通信息技术有限公司',
  '临港新片区管委会',
  '智联城市规划设计院',
  '申城数据交易所',
  'Greenfield Capital',
  '东方卫视',
  '第一财经',
];
const TAGS = ['vip', 'speaker', 'media', 'staff'];

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pairboard-bench-'));
  const child = spawn(process.execPath, ['apps/server/src/main.ts'], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    stop() {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function syncedDoc(base, boardId, token) {
  const doc = new Y.Doc();
  const url = `${base.replace('http', 'ws')}/yjs`;
  const provider = new WebsocketProvider(url, boardId, doc, { params: { token } });
  const synced = new Promise((resolve) => provider.once('sync', () => resolve()));
  const close = () => {
    provider.awareness.destroy();
    provider.destroy();
    doc.destroy();
  };
  return { doc, provider, synced, close };
}

/** Adds guests until the board has `total`, in transactions of BATCH. */
async function fillBoard(base, boardId, token, total) {
  const writer = syncedDoc(base, boardId, token);
  await writer.synced;
  const random = createSeededRandom(20261122); // the same 10,000 guests on every run
  const pick = (text) => Array.from(text)[Math.floor(random() * Array.from(text).length)];
  let count = readBoard(writer.doc).guests.length;
  while (count < total) {
    writer.doc.transact(() => {
      for (let i = 0; i < BATCH && count < total; i += 1, count += 1) {
        const tags = random() < 0.08 ? [TAGS[Math.floor(random() * TAGS.length)]] : [];
        const result = addGuest(writer.doc, {
          name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.7 ? pick(GIVEN) : ''),
          company: COMPANIES[Math.floor(random() * COMPANIES.length)],
          title: '',
          tags,
          plusOnes: random() < 0.1 ? 1 : 0,
        });
        if (!result.ok) throw new Error(result.error.message);
      }
    });
  }
  // Read back through a second connection: the server has the whole list before Chromium opens it.
  const reader = syncedDoc(base, boardId, token);
  await reader.synced;
  const seen = readBoard(reader.doc).guests.length;
  reader.close();
  writer.close();
  if (seen < total) throw new Error(`the server has ${seen} guests, expected ${total}`);
  return seen;
}

/** Runs in the page: time for one keystroke's worth of search to reach the screen (two frames). */
async function measureQueries(page, queries) {
  return page.evaluate(async (list) => {
    const input = document.querySelector('#guest-search');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const results = [];
    for (const query of list) {
      // Type it the way a person does, one character at a time; time the last keystroke.
      let work = 0;
      let painted = 0;
      for (let i = 1; i <= query.length; i += 1) {
        await frame();
        const started = performance.now();
        setValue.call(input, query.slice(0, i));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Svelte flushes in a microtask: by the next frame callback the search ran and the DOM changed.
        await frame();
        work = performance.now() - started;
        await frame();
        painted = performance.now() - started;
      }
      results.push({
        query,
        work,
        painted,
        shown: document.querySelector('#guest-count')?.textContent?.trim(),
      });
      setValue.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
    }
    return results;
  }, queries);
}

/** Runs in the page: scrolls the list by a screen per frame and records frame times. */
async function measureScroll(page, frames) {
  return page.evaluate(async (count) => {
    const viewport = document.querySelector('#guest-list')?.parentElement;
    const times = [];
    let rows = 0;
    let previous = performance.now();
    for (let i = 0; i < count; i += 1) {
      viewport.scrollTop += viewport.clientHeight * 0.8;
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const now = performance.now();
      times.push(now - previous);
      previous = now;
      rows = Math.max(rows, document.querySelectorAll('#guest-list li').length);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return {
      p50: at(0.5),
      p95: at(0.95),
      max: times.at(-1),
      over50ms: times.filter((t) => t > 50).length,
      rows,
    };
  }, frames);
}

/**
 * Installed before any page script: records when the board screen first shows the guest search
 * (the document has synced) and when the guest list first has rows, as performance marks.
 */
function recordMilestones() {
  const seen = new Set();
  const mark = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    performance.mark(name);
  };
  new MutationObserver(() => {
    if (document.querySelector('#guest-search')) mark('bench:search-shown');
    if (document.querySelector('#guest-list li')) mark('bench:list-shown');
  }).observe(document, { childList: true, subtree: true });
}

const markTime = (page, name) =>
  page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, name);

/** Runs in the page: taps Check in on the first waiting guest and waits for the green result. */
async function measureCheckIn(page) {
  await page.locator('#guest-search').fill('');
  return page.evaluate(async () => {
    const button = document.querySelector('#guest-list li button.check-in');
    const started = performance.now();
    button.click();
    while (
      !/已签到|Checked in at/.test(document.querySelector('[role=status][aria-live]')?.textContent ?? '')
    ) {
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    }
    return performance.now() - started;
  });
}

async function openAndMeasure(browser, base, account, boardId, throttle) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  await context.request.post(`${base}/api/auth/signin`, { data: account, headers: { origin: base } });
  await context.addInitScript(recordMilestones);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`${base}/boards/${boardId}`);
  // Interactive: the list shows its first rows, for the whole board, and the search field takes input.
  await page.waitForFunction(
    (total) =>
      document.querySelectorAll('#guest-list li').length > 0 &&
      document.querySelector('#guest-count')?.textContent?.replace(/\D/g, '') === String(total),
    GUEST_COUNT,
    { polling: 'raf', timeout: 120_000 },
  );
  const interactiveMs = await page.evaluate(() => performance.now());
  await page.waitForFunction(
    () => performance.getEntriesByName('pairboard:guest-keys-ready').length > 0,
    null,
    {
      timeout: 120_000,
    },
  );
  const result = {
    searchShownMs: await markTime(page, 'bench:search-shown'),
    listShownMs: await markTime(page, 'bench:list-shown'),
    interactiveMs,
    keysReadyMs: await markTime(page, 'pairboard:guest-keys-ready'),
    queries: await measureQueries(page, QUERIES),
    scroll: await measureScroll(page, 120),
    checkInMs: await measureCheckIn(page),
  };
  await context.close();
  return result;
}

function report(label, result) {
  const ms = (value) => `${value.toFixed(0)} ms`;
  console.log(`\n## ${label}`);
  console.log(`board synced, guest search on screen:        ${ms(result.searchShownMs)}`);
  console.log(`first guest rows on screen:                  ${ms(result.listShownMs)}`);
  console.log(`interactive (all ${GUEST_COUNT} counted, rows shown): ${ms(result.interactiveMs)}`);
  console.log(`pinyin keys for every guest ready:           ${ms(result.keysReadyMs)}`);
  console.log(`check-in tap → big green result on screen:   ${ms(result.checkInMs)}`);
  console.log(
    `scroll (120 frames, 0.8 screen each): frame p50 ${ms(result.scroll.p50)}, p95 ${ms(result.scroll.p95)}, ` +
      `max ${ms(result.scroll.max)}, frames over 50 ms: ${result.scroll.over50ms}, rows in DOM ≤ ${result.scroll.rows}`,
  );
  console.log('keystroke → results (last keystroke of each query; times from navigation start above):');
  console.log('  (work: input → next frame, search and DOM update included; painted: one frame later)');
  for (const { query, work, painted, shown } of result.queries) {
    console.log(
      `  ${query.padEnd(10)} work ${work.toFixed(1).padStart(6)} ms  painted ${painted.toFixed(1).padStart(6)} ms   ${shown}`,
    );
  }
}

/** An owner who creates the board and an import token, and door staff who check guests in on a phone. */
async function setUp(base) {
  const owner = apiClient(base);
  const password = 'bench-password-123';
  const ownerEmail = `bench-owner-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await owner('POST', '/api/auth/signup', { email: ownerEmail, password, name: 'Bench Organiser' });
  const { board } = await owner('POST', '/api/boards', {
    name: 'Bench 10k',
    template: 'demo',
    language: 'zh-CN',
  });
  const { token } = await owner('POST', `/api/boards/${board.id}/tokens`, {
    name: 'bench import',
    role: 'editor',
  });
  const { invite } = await owner('POST', `/api/boards/${board.id}/invites`, { role: 'door' });
  const door = apiClient(base);
  const doorEmail = `bench-door-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await door('POST', '/api/auth/signup', { email: doorEmail, password, name: '签到志愿者' });
  await door('POST', `/api/invites/${encodeURIComponent(invite.token)}/accept`, {});
  return { boardId: board.id, importToken: token.secret, door: { email: doorEmail, password } };
}

const server = await startServer();
try {
  const { boardId, importToken, door } = await setUp(server.base);
  const fillStarted = performance.now();
  const total = await fillBoard(server.base, boardId, importToken, GUEST_COUNT);
  console.log(
    `board ${boardId}: ${total} guests (import took ${((performance.now() - fillStarted) / 1000).toFixed(1)} s)`,
  );
  console.log('Door staff on a 390x844 touch screen, zh-CN. Times are from navigation start.');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-dev-shm-usage',
    ],
  });
  const measured = [];
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      for (const throttle of THROTTLES) {
        const result = await openAndMeasure(browser, server.base, door, boardId, throttle);
        measured.push({ run, throttle, ...result });
        report(
          `run ${run}, CPU ${throttle === 1 ? 'unthrottled' : `throttled ${throttle}x (mid-range phone)`}`,
          result,
        );
      }
    }
  } finally {
    await browser.close();
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ guests: total, runs: measured }, null, 2)}\n`);
} finally {
  server.stop();
}
