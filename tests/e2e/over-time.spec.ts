// Journeys in which days pass: the shop's and the PSP's test clocks move
// forward (both servers run with `--test-clock` under `cargo xtask test`),
// so these run after every other journey (the `over-time` project in
// playwright.config.ts): jumping a week ahead would lapse the other tests'
// sessions and authorizations.
import type { Page } from '@playwright/test';
import { test, expect, appShows, PSP_URL } from './fixtures';
import { CARD_FRAME, fillCard, stepHeading, toCheckout, toReview } from './shopper';

const OPERATOR_TOKEN = process.env.OPERATOR_TOKEN ?? '';
// The sandbox's development secret (`cargo xtask test` sets no other).
const MERCHANT_SECRET = 'sandbox-merchant-secret';
const DAY = 86_400;

const frame = (page: Page) => page.frameLocator(CARD_FRAME);
const operatorHeaders = { authorization: `Bearer ${OPERATOR_TOKEN}` };

/** Both clocks, the shop's and the PSP's, `seconds` later. */
async function daysPass(page: Page, seconds: number) {
  const origin = new URL(page.url()).origin;
  const shop = await page.request.post('/api/v1/test/clock', { data: { advance_seconds: seconds }, headers: { origin } });
  expect(shop.status()).toBe(200);
  const psp = await page.request.post(`${PSP_URL}/v1/test/clock`, {
    data: { advance_seconds: seconds },
    headers: { authorization: `Bearer ${MERCHANT_SECRET}` },
  });
  expect(psp.status()).toBe(200);
}

/** "Sync now", as an operator would; the pass also runs every minute. */
async function reconcile(page: Page) {
  const answer = await page.request.post('/api/v1/operator/reconcile', { headers: operatorHeaders });
  expect(answer.status()).toBe(200);
  return answer.json();
}

test('a card kept on file: production outlasts the authorization, the order ships debited once, the shopper doing nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await toCheckout(page);
  await toReview(page);
  await page.getByLabel('Conserver ma carte chez notre prestataire de paiement pour cette commande').check();
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await expect(stepHeading(page)).toContainText('Paiement');
  await fillCard(frame(page), '4242 4242 4242 4242');
  await appShows(page, 'Commande confirmée');
  const id = new URL(page.url()).pathname.split('/').pop()!;
  expect((await page.request.post(`/api/v1/operator/orders/${id}/production`, { headers: operatorHeaders })).status()).toBe(200);

  // A photo book's week and a half of making: the authorization is renewed
  // on the kept card the day before it ends.
  // The shopper looks at the order on the way (the page shown means the
  // session was used: a week without a request would end it).
  await daysPass(page, 6.5 * DAY);
  await page.reload();
  await expect(page.locator('.order-status')).toHaveText('en préparation');
  const pass = await reconcile(page);
  expect(JSON.stringify(pass)).toContain('reauthorized');
  await daysPass(page, 1.5 * DAY);
  await page.reload();
  await expect(page.locator('.order-status')).toHaveText('en préparation');
  await reconcile(page);
  await page.reload();
  await expect(page.locator('.order-status')).toHaveText('en préparation');
  await expect(page.locator('main')).toContainText('Débit prévu à l’expédition');

  const ship = await page.request.post(`/api/v1/operator/orders/${id}/ship`, { headers: operatorHeaders });
  expect(ship.status()).toBe(200);
  expect((await ship.json()).payment.debited).toBe(true);
  await page.reload();
  await expect(page.locator('.order-status')).toContainText('carte débitée');

  // At the PSP: the first authorization released, the renewed one
  // captured, nothing else debited.
  const history = await (await page.request.get(`/api/v1/operator/orders/${id}/payments`, { headers: operatorHeaders })).json();
  const captured = history.payments.filter((p: any) => p.captured.cents > 0);
  expect(captured).toHaveLength(1);
  expect(captured[0].initiator).toBe('merchant');
  expect(history.payments.filter((p: any) => p.status === 'authorized')).toHaveLength(0);
});

test('a kept card the bank will not authorize again: production waits and the order page asks the shopper to pay again', async ({ page }) => {
  test.setTimeout(120_000);
  await toCheckout(page);
  await toReview(page);
  await page.getByLabel('Conserver ma carte chez notre prestataire de paiement pour cette commande').check();
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await expect(stepHeading(page)).toContainText('Paiement');
  // Authorized now; the sandbox declines its merchant-initiated renewals.
  await fillCard(frame(page), '4000 0000 0000 0341');
  await appShows(page, 'Commande confirmée');
  const id = new URL(page.url()).pathname.split('/').pop()!;
  expect((await page.request.post(`/api/v1/operator/orders/${id}/production`, { headers: operatorHeaders })).status()).toBe(200);

  await daysPass(page, 6.5 * DAY);
  await page.reload();
  await expect(page.locator('.order-status')).toHaveText('en préparation');
  expect(JSON.stringify(await reconcile(page))).toContain('reauthorization_refused');
  // The authorization lapses: nothing was debited, and the shopper is asked.
  await daysPass(page, 1 * DAY);
  await page.reload();
  await expect(page.locator('.order-status')).toBeVisible();
  await reconcile(page);
  await page.reload();
  await expect(page.locator('.order-status')).toHaveText('autorisation expirée, payez de nouveau');
  await expect(page.getByRole('button', { name: 'Payer de nouveau' })).toBeVisible();
  expect((await page.request.post(`/api/v1/operator/orders/${id}/ship`, { headers: operatorHeaders })).status()).toBe(409);
});
