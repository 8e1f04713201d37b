// The shop beyond one machine: one shopper's journey through HAProxy in
// front of two shop processes sharing PostgreSQL and a SeaweedFS bucket
// (`cargo xtask test` starts them with `cluster::Cluster` and names their
// pids in CLUSTER_SHOP_PIDS). The processes take turns; the one that made
// the order is killed without warning (SIGKILL) while the card frame is
// open; the payment, the PSP's webhook, the confirmation and the
// operator's shipment are then served by the other, and nothing is lost:
// the account, the saved project, its photo, the order and its payment.
import type { Page, Request, Response } from '@playwright/test';
import { test, expect, appShows } from './fixtures';
import { CARD_FRAME, cartLink, fillCard, stepHeading, toCheckout, toReview } from './shopper';

const PIDS = (process.env.CLUSTER_SHOP_PIDS ?? '').split(',').filter(Boolean).map(Number);
const OPERATOR_TOKEN = process.env.OPERATOR_TOKEN ?? '';

type Served = { by: string; askedAt: number; what: string };

/**
 * Which process (`shop1`, `shop2`) served each answer of the shop, and
 * when it was asked: an answer on its way when a process is killed is
 * still its own.
 */
async function watchServers(page: Page): Promise<Served[]> {
  // Routed requests skip the browser's HTTP cache, whose copies would
  // still name the process that first served them.
  await page.route('**/*', (route) => route.continue());
  const served: Served[] = [];
  const asked = new WeakMap<Request, number>();
  page.on('request', (request: Request) => asked.set(request, performance.now()));
  page.on('response', (response: Response) => {
    const by = response.headers()['x-served-by'];
    if (by) served.push({ by, askedAt: asked.get(response.request()) ?? 0, what: `${response.request().method()} ${response.url()} ${response.status()}` });
  });
  return served;
}

const OPERATOR = { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } };

test('a journey through the balancer takes turns and survives the loss of the process that made the order', async ({ page }) => {
  test.setTimeout(180_000);
  expect(PIDS, 'CLUSTER_SHOP_PIDS names the two shop processes').toHaveLength(2);
  const served = await watchServers(page);

  // Sign up, a poster with a photo saved to the account, in the cart, and
  // the checkout's steps: each answer from either process.
  await toCheckout(page);
  await toReview(page);
  const ordering = page.waitForResponse(
    (answer) => answer.request().method() === 'POST' && new URL(answer.url()).pathname === '/api/v1/orders',
  );
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  const order = await ordering;
  expect(order.status()).toBe(201);
  await expect(stepHeading(page)).toContainText('Paiement');
  const frame = page.frameLocator(CARD_FRAME);
  await expect(frame.getByLabel('Numéro de carte')).toBeVisible();

  // Round robin: each process served a fair share so far.
  const before = [...served];
  for (const name of ['shop1', 'shop2']) {
    const share = before.filter(({ by }) => by === name).length / before.length;
    expect(share, `${name}'s share of ${before.length} answers`).toBeGreaterThan(0.25);
  }

  // The process that made the order dies, with its connections.
  const maker = order.headers()['x-served-by'];
  const survivor = maker === 'shop1' ? 'shop2' : 'shop1';
  process.kill(PIDS[maker === 'shop1' ? 0 : 1], 'SIGKILL');
  const killedAt = performance.now();

  await fillCard(frame, '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/commandes\/[^/]+$/, { timeout: 30_000 });
  await appShows(page, 'Commande confirmée');
  await expect(page.getByText('Commande confirmée — votre carte sera débitée à l’expédition')).toBeVisible();
  await expect(cartLink(page)).toHaveAttribute('aria-label', 'Panier, vide');
  const orderId = new URL(page.url()).pathname.split('/').pop()!;

  // The saved project and its photo, stored through the dead process, are
  // there for the workshop.
  const projects = await (await page.request.get('/api/v1/projects')).json();
  expect(projects.items).toHaveLength(1);
  const files = await page.request.get(`/api/v1/operator/orders/${orderId}/photos`, OPERATOR);
  expect(files.status()).toBe(200);
  const [photo] = (await files.json()).photos;
  const download = await page.request.get(
    `/api/v1/operator/orders/${orderId}/photos/${photo.line}/${photo.position}`,
    OPERATOR,
  );
  expect(download.status()).toBe(200);
  expect((await download.body()).length).toBe(photo.photo.bytes);

  // The operator ships: the authorization is debited at the PSP.
  const production = await page.request.post(`/api/v1/operator/orders/${orderId}/production`, OPERATOR);
  expect(production.status()).toBe(200);
  const ship = await page.request.post(`/api/v1/operator/orders/${orderId}/ship`, OPERATOR);
  expect(ship.status()).toBe(200);
  expect((await ship.json()).payment.debited).toBe(true);
  await page.reload();
  await appShows(page, 'Votre commande');
  await expect(page.locator('.order-status')).toContainText('carte débitée');

  // Whatever was asked since the kill, the survivor alone answered.
  const after = served.filter(({ askedAt }) => askedAt > killedAt);
  expect(after.length).toBeGreaterThan(0);
  expect([...new Set(after.map(({ by }) => by))], JSON.stringify(after, null, 1)).toEqual([survivor]);
});
