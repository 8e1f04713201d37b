// `cargo xtask bench`'s cart figure: what changing one line's copies costs
// in a long cart, measured in the page (Chromium, no throttling).
//
// For each cart size, a guest's cart of that many lines (prints and posters
// from the catalogue) is put in localStorage, `/panier` is opened, and the
// copies of the middle line are changed 30 times through its field, as a
// shopper typing a number does. Two figures per change:
// - `update`: from the change event to the page's DOM updated (Performance
//   API marks around the event and the microtasks it schedules: Leptos's
//   effects, before any style or layout);
// - `scripting`: all the main thread's script time of the change, the
//   server's new totals included (Chrome's ScriptDuration metric, which
//   also counts the few evaluations this script makes);
// - `fetch_start`: what the browser's own `fetch()` call costs to start the
//   page's last totals request again, made by hand, for comparison.
// Prints one JSON line per size on stdout; `bench/cart.rs` reads it.
//
// Usage: node cart_copies.mjs SHOP_URL CHROMIUM_PATH MAX_PRICED_LINES SIZE...
// (the shop prices carts of up to MAX_PRICED_LINES lines; a longer one shows
// "totals unavailable" and is measured without them)

import { chromium } from '@playwright/test';

const [shopUrl, chromiumPath, maxPriced, ...sizes] = process.argv.slice(2);
const CHANGES = 30;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const catalogue = await (await fetch(`${shopUrl}/api/v1/catalogue`)).json();
  const choices = catalogue.products
    .filter((product) => product.covers.length === 0)
    .flatMap((product) =>
      product.formats
        .filter((format) => !format.pages)
        .map((format) => ({ product_id: product.id, format_id: format.id, quantity: 1 })),
    );
  for (const size of sizes.map(Number)) {
    console.log(JSON.stringify(await measure(size, choices)));
  }
} finally {
  await browser.close();
}

async function measure(size, choices) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  // The body of the page's own last request for totals, sent again by hand
  // below.
  let totalsBody = null;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/cart/totals')) totalsBody = request.postData();
  });
  await page.goto(`${shopUrl}/`);
  const cart = {
    lines: Array.from({ length: size }, (_, index) => ({
      project_id: `banc-${index}`,
      project_name: `Projet ${index + 1}`,
      choice: choices[index % choices.length],
      copies: 1,
    })),
  };
  await page.evaluate((json) => localStorage.setItem('service-photo.panier', json), JSON.stringify(cart));
  await page.goto(`${shopUrl}/panier`);
  await page.locator('li.cart-line').nth(size - 1).waitFor();
  const priced = size <= Number(maxPriced);
  if (priced) await page.locator('.cart-totals').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value;

  const middle = Math.floor(size / 2);
  const update = [];
  const scripting = [];
  for (let change = 0; change < CHANGES; change += 1) {
    const copies = String(2 + (change % 5));
    const scriptBefore = await scriptSeconds();
    const totalsAnswered = priced
      ? page.waitForResponse((response) => response.url().endsWith('/api/v1/cart/totals'))
      : null;
    update.push(
      await page.evaluate(
        async ({ middle, copies }) => {
          const input = document.querySelectorAll('li.cart-line input[type=number]')[middle];
          performance.mark('copies-start');
          input.value = copies;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          // Leptos runs its effects in microtasks, which all run before
          // the browser may render: waiting a few microtask turns, and not
          // a task, keeps style and layout out of the figure.
          for (let turn = 0; turn < 20; turn += 1) {
            await new Promise((resolve) => queueMicrotask(resolve));
          }
          performance.mark('copies-end');
          return performance.measure('copies', 'copies-start', 'copies-end').duration;
        },
        { middle, copies },
      ),
    );
    if (priced) await totalsAnswered;
    // The answer's effects, then a frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    scripting.push((await scriptSeconds() - scriptBefore) * 1000);
  }
  // What starting the totals request costs the browser by itself, for
  // comparison: the same POST made by hand, its answer ignored.
  const fetchStart = await page.evaluate(async ({ changes, body }) => {
    const times = [];
    for (let attempt = 0; attempt < changes; attempt += 1) {
      const start = performance.now();
      const answer = fetch('/api/v1/cart/totals', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      times.push(performance.now() - start);
      await answer.catch(() => null);
    }
    return times;
  }, { changes: CHANGES, body: totalsBody });
  await context.close();
  return {
    lines: size,
    priced,
    update_ms: summary(update),
    scripting_ms: summary(scripting),
    fetch_start_ms: summary(fetchStart),
    console_errors: errors,
  };
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] };
}
