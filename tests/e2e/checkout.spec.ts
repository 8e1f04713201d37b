// The card checkout, as a shopper goes through it: a guest is sent to sign
// in first; the address is refused in French next to the field, then
// accepted; delivery; the summary with the debit sentence; the PSP's card
// form in its iframe; "Commande confirmée" and an empty cart; a refused
// card, a reload during payment, and one order for many clicks.
import { test, expect, appShows } from './fixtures';
import {
  CARD_FRAME, cartLink, currentStep, fillAddress, fillCard, posterInCart, serious, stepHeading, toCheckout, toReview,
} from './shopper';

test('a guest is sent to sign in before the checkout, and comes back to it', async ({ page }) => {
  await posterInCart(page);
  await cartLink(page).click();
  await appShows(page, 'Panier');
  await expect(page.getByText('Un compte est nécessaire pour commander')).toBeVisible();
  await page.getByRole('link', { name: 'Commander' }).click();
  await expect(page).toHaveURL(/\/compte\?retour=%2Fcommande$/);
  await appShows(page, 'Compte');
  // Typing /commande directly ends at the same place.
  await page.goto('/commande');
  await expect(page).toHaveURL(/\/compte\?retour=%2Fcommande$/);
});

test('the address form refuses a bad postcode in French, next to the field, without asking the server', async ({ page }) => {
  await toCheckout(page);
  let saves = 0;
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/api/v1/address')) saves += 1;
  });
  await expect(currentStep(page)).toContainText('Adresse de livraison');
  await expect(page.getByLabel('Nom et prénom')).toHaveAttribute('autocomplete', 'name');
  await expect(page.getByLabel('Adresse', { exact: true })).toHaveAttribute('autocomplete', 'street-address');
  await expect(page.getByLabel('Code postal')).toHaveAttribute('autocomplete', 'postal-code');
  await expect(page.getByLabel('Ville')).toHaveAttribute('autocomplete', 'address-level2');
  await expect(page.getByLabel('Pays')).toHaveAttribute('autocomplete', 'country');
  await expect(page.getByLabel('Téléphone')).toHaveAttribute('autocomplete', 'tel');

  await fillAddress(page, '3500');
  await page.getByRole('button', { name: 'Continuer' }).click();
  const postcode = page.getByLabel('Code postal');
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Le code postal compte 5 chiffres (exemple : 35000).')).toBeVisible();
  await expect(postcode).toBeFocused();
  await expect(page.getByLabel('Ville')).not.toHaveAttribute('aria-invalid', 'true');
  expect(saves).toBe(0);
  expect(await serious(page)).toEqual([]);
});

test('a project not saved in the account cannot be ordered yet, and the shopper is told why', async ({ page }) => {
  await toCheckout(page, false);
  await toReview(page);
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await expect(page.getByRole('alert')).toContainText("Enregistrez d'abord chaque projet du panier dans votre compte");
  await expect(cartLink(page)).toHaveAttribute('aria-label', 'Panier, 1 article');
});

test.describe('through the PSP card page', () => {
  test('address, delivery, summary, card 4242: "Commande confirmée" and an empty cart', async ({ page }) => {
    test.setTimeout(90_000);
    await toCheckout(page);
    await toReview(page);
    await expect(currentStep(page)).toContainText('Récapitulatif');
    await expect(page.getByText('Votre carte sera débitée seulement à l\'expédition de vos produits.').first()).toBeVisible();
    const brands = page.getByRole('list', { name: 'Cartes acceptées' });
    await expect(brands).toContainText('Visa / CB');
    await expect(brands).toContainText('American Express');
    await expect(brands).toContainText('Mastercard / Maestro');
    await expect(page.getByText('Camille Martin')).toBeVisible();
    expect(await serious(page)).toEqual([]);

    await page.getByRole('button', { name: 'Payer par carte' }).click();
    await expect(stepHeading(page)).toContainText('Paiement');
    await expect(page.locator(CARD_FRAME)).toHaveAttribute('allow', 'payment');
    expect(await serious(page)).toEqual([]);
    await fillCard(page.frameLocator(CARD_FRAME), '4242 4242 4242 4242');

    await expect(page).toHaveURL(/\/commandes\/[^/]+$/, { timeout: 20_000 });
    await appShows(page, 'Commande confirmée');
    await expect(page.getByText('Commande confirmée — votre carte sera débitée à l\'expédition')).toBeVisible();
    await expect(cartLink(page)).toHaveAttribute('aria-label', 'Panier, vide');
    expect(await serious(page)).toEqual([]);

    // The order is listed, with its status and total.
    const orderUrl = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Suivi de commande' }).click();
    await appShows(page, 'Suivi de commande');
    const list = page.getByRole('list', { name: 'Vos commandes' });
    await expect(list.locator(`a[href="${orderUrl}"]`)).toBeVisible();
    await expect(list).toContainText('€');
  });

  test('a refused card is explained in French and another card is accepted in the same frame', async ({ page }) => {
    test.setTimeout(90_000);
    await toCheckout(page);
    await toReview(page);
    await page.getByRole('button', { name: 'Payer par carte' }).click();
    const frame = page.frameLocator(CARD_FRAME);
    await fillCard(frame, '4000 0000 0000 9995');
    await expect(page.getByText('Votre banque a refusé le paiement : provision insuffisante. Essayez une autre carte.')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator(CARD_FRAME)).toBeVisible();
    await fillCard(frame, '4242 4242 4242 4242');
    await appShows(page, 'Commande confirmée');
  });

  test('a reload during payment comes back to the same order, and many clicks make one order', async ({ page }) => {
    test.setTimeout(90_000);
    await toCheckout(page);
    await toReview(page);
    const creations: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/orders')) {
        creations.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    const pay = page.getByRole('button', { name: 'Payer par carte' });
    await pay.evaluate((button: HTMLButtonElement) => {
      for (let i = 0; i < 20; i++) button.click();
    });
    await expect(stepHeading(page)).toContainText('Paiement');
    expect(creations).toHaveLength(1);
    expect(creations[0]).toMatch(/^[0-9a-f-]{36}$/);
    const hosted = await page.locator(CARD_FRAME).getAttribute('src');

    await page.reload();
    await expect(stepHeading(page)).toContainText('Paiement');
    await expect(page.locator(CARD_FRAME)).toHaveAttribute('src', hosted!);
    expect(creations).toHaveLength(1);
    await fillCard(page.frameLocator(CARD_FRAME), '4242 4242 4242 4242');
    await appShows(page, 'Commande confirmée');
  });

  test('an authorized order can be cancelled after a question: nothing is debited', async ({ page }) => {
    test.setTimeout(90_000);
    await toCheckout(page);
    await toReview(page);
    await page.getByRole('button', { name: 'Payer par carte' }).click();
    await fillCard(page.frameLocator(CARD_FRAME), '4242 4242 4242 4242');
    await appShows(page, 'Commande confirmée');
    await page.getByRole('button', { name: 'Annuler la commande' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Annuler cette commande ?' });
    await expect(dialog.getByRole('heading')).toBeFocused();
    await dialog.getByRole('button', { name: 'Oui, annuler la commande' }).click();
    await expect(page.locator('.order-status')).toHaveText('annulée : aucun débit');
    await expect(page.getByRole('button', { name: 'Annuler la commande' })).toHaveCount(0);
  });
});
