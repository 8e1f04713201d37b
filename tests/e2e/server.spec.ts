// What the shop server sends: security headers, JSON API errors, cached and
// compressed assets, and the PSP sandbox's framing rule, seen by a browser.
import { test, expect, PSP_URL } from './fixtures';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test('every page carries a strict Content-Security-Policy and the hardening headers', async ({ page, request }) => {
  for (const path of ['/', '/modes-de-paiement', '/inconnue', '/api/v1/health']) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = directives(headers['content-security-policy'] ?? '');
    const scriptSrc = csp.get('script-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(scriptSrc.some((source) => source.startsWith("'sha256-"))).toBe(true);
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['content-security-policy']).not.toContain("'unsafe-eval'");
    expect(csp.get('frame-src')).toEqual([PSP_URL]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('payment=(self)');
  }
  // The page really runs under that policy: the app starts (the loader's
  // hash matches) and the watch fixture sees no violation.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos photos, imprimées avec soin');
});

test('the API answers JSON, never the app, and reports a healthy database', async ({ request }) => {
  const health = await request.get('/api/v1/health');
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body.status).toBe('ok');
  expect(body.database.status).toBe('ok');
  expect(body.database.schema_version).toBeGreaterThanOrEqual(2);

  const missing = await request.get('/api/v1/nothing-here');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toContain('application/json');
  expect((await missing.json()).error.code).toBe('not_found');
});

test('the app is served compressed, with hashed assets cached for good and index.html revalidated', async ({ request }) => {
  const index = await request.get('/panier', { headers: { 'accept-encoding': 'br' } });
  expect(index.status()).toBe(200);
  expect(index.headers()['cache-control']).toBe('no-cache');
  expect(index.headers()['content-encoding']).toBe('br');
  const html = await index.text();
  const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+\.(?:js|css|wasm))"/g)].map((m) => m[1]);
  const wasm = html.match(/'(\/[^']+_bg\.wasm)'/)?.[1] ?? assets.find((a) => a.endsWith('.wasm'));
  expect(wasm, 'index.html names the wasm module').toBeTruthy();
  for (const asset of new Set([...assets, wasm!])) {
    const response = await request.get(asset, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.status(), asset).toBe(200);
    expect(response.headers()['cache-control'], asset).toBe('public, max-age=31536000, immutable');
    expect(response.headers()['content-encoding'], asset).toBe('br');
    if (asset.endsWith('.wasm')) expect(response.headers()['content-type']).toBe('application/wasm');
  }
  const missingFile = await request.get('/storefront-0000000000000000.js');
  expect(missingFile.status()).toBe(404);
});

test('only the shop origin may frame the PSP sandbox', async ({ page, request, watch }) => {
  const psp = await request.get(`${PSP_URL}/health`);
  expect((await psp.json()).status).toBe('ok');
  const shopOrigin = new URL(process.env.BASE_URL!).origin;
  expect(psp.headers()['content-security-policy']).toContain(`frame-ancestors ${shopOrigin};`);

  const frameHeading = async (pageOrigin: string) => {
    await page.goto(`${pageOrigin}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos photos, imprimées avec soin');
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.title = 'PSP';
      frame.src = src;
      document.body.append(frame);
    }, `${PSP_URL}/`);
    const frame = page.frameLocator('iframe[title="PSP"]');
    return frame.locator('h1');
  };
  // Framed by the shop's own origin: the page loads.
  await expect(await frameHeading(shopOrigin)).toHaveText('Bac à sable PSP');

  // The same shop seen from another origin (localhost instead of 127.0.0.1):
  // the sandbox refuses to be framed, and the browser reports it.
  watch.allowProblems('the refused frame is reported as an error');
  const otherOrigin = shopOrigin.replace('127.0.0.1', 'localhost');
  await frameHeading(otherOrigin);
  await expect.poll(() => watch.problems.some((problem) => problem.includes('frame-ancestors'))).toBe(true);
  // Chromium replaces a refused frame with its own error page.
  const frameUrls = page.frames().slice(1).map((frame) => frame.url());
  expect(frameUrls).toHaveLength(1);
  expect(frameUrls[0]).not.toContain(PSP_URL);
});
