// Order numbers and tracking: the order page shows the number (in the page
// and its tab), the dated steps and the estimated delivery; once the
// operator ships with a carrier and a tracking number, the carrier's page
// is linked and cancelling is replaced by why not. A visitor in a fresh
// browser (no account, no cookie) follows the same order with its number
// and e-mail, sees its steps and nothing private; a wrong pair is told
// plainly. The tracking page passes axe, also 375 px wide.
import type { Page } from '@playwright/test';
import { test, expect, appShows } from './fixtures';
import { CARD_FRAME, cartLink, createAccount, fillAddress, fillCard, posterInCart, serious, stepHeading, termsBox } from './shopper';

const OPERATOR_TOKEN = process.env.OPERATOR_TOKEN ?? '';
const NUMBER = /SP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/;

async function operator(page: Page, orderId: string, action: string, data?: object) {
  return page.request.post(`/api/v1/operator/orders/${orderId}/${action}`, {
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    ...(data ? { data } : {}),
  });
}

/** Signed up, a poster ordered and paid by card: the order's id and the account's e-mail. */
async function paidOrder(page: Page): Promise<{ id: string; email: string }> {
  const email = await createAccount(page);
  await posterInCart(page, true);
  await cartLink(page).click();
  await appShows(page, 'Panier');
  await page.getByRole('link', { name: 'Commander' }).click();
  await expect(page).toHaveURL(/\/commande$/);
  // Address and delivery in one step (standard delivery preselected).
  await expect(stepHeading(page)).toContainText('Livraison');
  await fillAddress(page, '35000');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(stepHeading(page)).toContainText('Récapitulatif');
  await termsBox(page).check();
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await fillCard(page.frameLocator(CARD_FRAME), '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/commandes\/[^/]+$/, { timeout: 20_000 });
  await appShows(page, 'Commande confirmée');
  return { id: new URL(page.url()).pathname.split('/').pop()!, email };
}

async function track(page: Page, number: string, email: string) {
  await page.getByLabel('Numéro de commande').fill(number);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Suivre la commande' }).click();
}

test('the order shows its number and steps, then the carrier link once shipped; a visitor follows it by number and e-mail', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const { id, email } = await paidOrder(page);

  // The number, not the id, in the page and its tab.
  const numberText = await page.locator('.order-number strong').textContent();
  const number = numberText?.match(NUMBER)?.[0] ?? '';
  expect(number).toMatch(NUMBER);
  await expect(page).toHaveTitle(new RegExp(number));
  const steps = page.getByRole('region', { name: 'Avancement de la commande' }).getByRole('listitem');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('Commande passée');
  await expect(steps.nth(1)).toContainText('Paiement autorisé');
  await expect(steps.nth(0).locator('time')).toHaveText(/^\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/);
  await expect(page.getByText(/^Livraison estimée le \d{1,2} \S+ \d{4}$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Annuler la commande' })).toBeVisible();

  // The operator starts production and ships with a parcel.
  expect((await operator(page, id, 'production')).status()).toBe(200);
  const shipped = await operator(page, id, 'ship', { carrier: 'colissimo', tracking_number: '6A12345678901' });
  expect(shipped.status()).toBe(200);
  await page.reload();
  await appShows(page, 'Votre commande');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(3)).toContainText('Expédiée');
  const carrier = page.getByRole('link', { name: 'Suivre le colis sur le site Colissimo' });
  await expect(carrier).toHaveAttribute('href', 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901');
  await expect(carrier).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByText('6A12345678901')).toBeVisible();
  // Too late to cancel: the page says why and where to turn.
  await expect(page.getByRole('button', { name: 'Annuler la commande' })).toHaveCount(0);
  const why = page.locator('.order-cancel-closed');
  await expect(why).toContainText(/La fabrication de votre commande a commencé\s: elle ne peut plus être annulée\./);
  await expect(why.getByRole('link', { name: 'Aide et service client' })).toHaveAttribute('href', '/aide');

  // The shopper's own list names it by its number.
  await page.goto('/suivi-de-commande');
  await appShows(page, 'Suivi de commande');
  const listed = page.getByRole('list', { name: 'Vos commandes' }).getByRole('link', { name: new RegExp(`^Commande ${number} du `) });
  await expect(listed).toHaveAttribute('href', `/commandes/${id}`);

  // A fresh browser: no account, no cookie.
  const guest = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'fr-FR' });
  const visitor = await guest.newPage();
  const problems: string[] = [];
  visitor.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  visitor.on('pageerror', (error) => problems.push(error.message));
  await visitor.goto('/suivi-de-commande');
  await appShows(visitor, 'Suivi de commande');

  // A wrong e-mail: told plainly, nothing shown (and no console error).
  await track(visitor, number, 'quelqu-un-d-autre@exemple.fr');
  await expect(visitor.getByRole('alert')).toHaveText('Aucune commande ne correspond à ce numéro et à cette adresse e-mail.');

  // Typed loosely: lower case, spaces.
  await track(visitor, number.toLowerCase().replaceAll('-', ' '), email.toUpperCase());
  const heading = visitor.getByRole('heading', { name: `Commande ${number}` });
  await expect(heading).toBeFocused();
  await expect(visitor.getByRole('status').filter({ hasText: `Commande ${number} trouvée` })).toHaveCount(1);
  await expect(visitor.locator('.tracked-order .order-status')).toContainText('expédiée');
  const guestSteps = visitor.getByRole('region', { name: 'Avancement de la commande' }).getByRole('listitem');
  await expect(guestSteps).toHaveCount(4);
  await expect(guestSteps.nth(2)).toContainText('Fabrication commencée');
  await expect(visitor.getByRole('link', { name: 'Suivre le colis sur le site Colissimo' })).toBeVisible();
  await expect(visitor.getByText(/^Livraison estimée le /)).toBeVisible();
  // Nothing private: no address, no amount, no internal id.
  const shown = await visitor.locator('main').innerText();
  for (const secret of ['Rennes', '12 rue des Lilas', '€', id]) expect(shown).not.toContain(secret);
  expect(visitor.url()).not.toContain(id);
  expect(problems).toEqual([]);
  await guest.close();
});

test('the tracking form has no serious accessibility violation, also 375 px wide', async ({ page }) => {
  await page.goto('/suivi-de-commande');
  await appShows(page, 'Suivi de commande');
  expect(await serious(page)).toEqual([]);
  // Both fields are needed: said, and focus goes to the first empty one.
  await page.getByRole('button', { name: 'Suivre la commande' }).click();
  await expect(page.getByRole('alert')).toHaveText('Saisissez le numéro de commande et l’adresse e-mail.');
  await expect(page.getByLabel('Numéro de commande')).toBeFocused();
  await track(page, 'SP-2345-6789', 'personne@exemple.fr');
  await expect(page.getByRole('alert')).toHaveText('Aucune commande ne correspond à ce numéro et à cette adresse e-mail.');
  expect(await serious(page)).toEqual([]);

  await page.setViewportSize({ width: 375, height: 740 });
  expect(await serious(page)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
