// The card checkout, as a shopper goes through it: a guest identifies in
// the checkout itself and goes on; the cart's projects are saved on their
// own; the address is refused in French next to the field, then accepted;
// the summary with the debit sentence; the PSP's card form in its iframe;
// "Commande confirmée" and an empty cart; a refused card, a reload during
// payment, and one order for many clicks.
import type { Locator } from '@playwright/test';
import { test, expect, appShows } from './fixtures';
import {
  CARD_FRAME, STRONG, cartLink, currentStep, drawnPhoto, fillAddress, fillCard, newEmail, posterLink, serious,
  stepHeading, termsBox, toCheckout, toReview,
} from './shopper';

for (const width of [1280, 375]) {
test(`a new guest makes a poster and reaches the card frame in at most 8 clicks, with no detour, then pays (${width} px wide)`, async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width, height: 800 });
  // Every click the shopper makes goes through here: typing is not a click.
  let clicks = 0;
  const click = async (target: Locator) => {
    clicks += 1;
    await target.click();
  };
  await page.goto('/');
  await appShows(page, 'Vos photos, imprimées avec soin');
  await click(posterLink(page));
  await expect(page).toHaveURL(/\/projets\/[0-9a-f-]{36}$/);
  const chooser = page.waitForEvent('filechooser');
  await click(page.getByText('Ajouter des photos', { exact: true }));
  await (await chooser).setFiles([await drawnPhoto(page)]);
  await expect(page.locator('#regle-produit')).toHaveText('Votre projet est prêt à être commandé.');
  await click(page.getByRole('button', { name: 'Ajouter au panier' }));
  await expect(cartLink(page)).toHaveAttribute('aria-label', 'Panier, 1 article');
  await click(page.getByRole('link', { name: 'Commander' }));

  // Identification is the checkout's first step, with the account's forms.
  await expect(page).toHaveURL(/\/commande$/);
  await appShows(page, 'Commande');
  await expect(currentStep(page)).toContainText('Identification');
  await expect(stepHeading(page)).toContainText('Identification');
  const form = page.getByRole('form', { name: 'Créer un compte' });
  await form.getByLabel('Adresse e-mail').fill(newEmail());
  await form.getByLabel('Mot de passe', { exact: true }).fill(STRONG);
  expect(await serious(page)).toEqual([]);
  await click(form.getByRole('button', { name: 'Créer mon compte' }));

  // The checkout goes on by itself; the poster is saved meanwhile.
  await expect(page).toHaveURL(/\/commande$/);
  await expect(stepHeading(page)).toContainText('Livraison');
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toBeVisible();
  await fillAddress(page, '35000');
  await expect(page.getByLabel(/^Livraison standard/)).toBeChecked();
  expect(await serious(page)).toEqual([]);
  await click(page.getByRole('button', { name: 'Continuer' }));
  await expect(stepHeading(page)).toContainText('Récapitulatif');
  await expect(page.locator('dd.cart-totals__total')).toContainText('€');
  expect(await serious(page)).toEqual([]);
  await click(termsBox(page));
  await click(page.getByRole('button', { name: 'Payer par carte' }));
  await expect(page.frameLocator(CARD_FRAME).getByLabel('Numéro de carte')).toBeVisible();
  expect(clicks).toBeLessThanOrEqual(8);

  await fillCard(page.frameLocator(CARD_FRAME), '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/commandes\/[^/]+$/, { timeout: 20_000 });
  await appShows(page, 'Commande confirmée');
  await expect(cartLink(page)).toHaveAttribute('aria-label', 'Panier, vide');
  // Nothing of the poster is left unsaved in this browser.
  await page.getByRole('link', { name: 'Compte, connecté' }).click();
  await appShows(page, 'Compte');
  await expect(page.getByRole('heading', { name: 'Projets non enregistrés' })).toHaveCount(0);
});
}

test('a guest who signs in at the checkout keeps the cart and goes on to delivery', async ({ page }) => {
  test.setTimeout(90_000);
  // An account with nothing in it.
  const email = newEmail();
  await page.goto('/compte');
  await appShows(page, 'Compte');
  const create = page.getByRole('form', { name: 'Créer un compte' });
  await create.getByLabel('Adresse e-mail').fill(email);
  await create.getByLabel('Mot de passe', { exact: true }).fill(STRONG);
  await create.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Me déconnecter et tout supprimer' }).click();
  await expect(page.getByRole('form', { name: 'Se connecter' })).toBeVisible();

  await page.goto('/');
  await appShows(page, 'Vos photos, imprimées avec soin');
  await posterLink(page).click();
  await page.getByLabel('Ajouter des photos').setInputFiles([await drawnPhoto(page)]);
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();
  // Typing the address works as well as the buttons.
  await page.goto('/commande');
  await appShows(page, 'Commande');
  await expect(stepHeading(page)).toContainText('Identification');
  const signIn = page.getByRole('form', { name: 'Se connecter' });
  await signIn.getByLabel('Adresse e-mail').fill(email);
  await signIn.getByLabel('Mot de passe', { exact: true }).fill(STRONG);
  await signIn.getByRole('button', { name: 'Se connecter' }).click();
  await expect(stepHeading(page)).toContainText('Livraison');
  await expect(cartLink(page)).toHaveAttribute('aria-label', 'Panier, 1 article');
  await toReview(page);
  await expect(page.getByRole('list', { name: 'Vos produits' }).getByRole('listitem')).toHaveCount(1);
});

test('a lost connection while the checkout sends the photos is taken up again when the browser is back online', async ({ page, watch }) => {
  test.setTimeout(90_000);
  // Chromium logs the dropped request: expected here.
  watch.allowProblems('the connection drops on purpose');
  // The first upload attempt fails as a dropped connection would.
  let dropped = 0;
  await page.route('**/api/v1/projects/*/photos/*', async (route) => {
    if (dropped === 0 && route.request().method() === 'PUT') {
      dropped += 1;
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  await toCheckout(page, false);
  await expect(page.getByText('La connexion a été interrompue pendant l’envoi de vos photos.', { exact: false })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Enregistrement de vos projets…' })).toHaveCount(0);
  // Offline, then online again: the browser says so and the save resumes.
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await expect(page.getByText('La connexion a été interrompue', { exact: false })).toHaveCount(0, { timeout: 20_000 });
  expect(dropped).toBe(1);
  await toReview(page);
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await expect(page.frameLocator(CARD_FRAME).getByLabel('Numéro de carte')).toBeVisible();
});

test('a save interrupted by a dropped connection is finished by a reload, sending only what is missing', async ({ page, watch }) => {
  test.setTimeout(90_000);
  watch.allowProblems('the connection drops on purpose');
  let uploads = 0;
  let dropped = 0;
  await page.route('**/api/v1/projects/*/photos/*', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    uploads += 1;
    if (dropped === 0) {
      dropped += 1;
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  await toCheckout(page, false);
  await expect(page.getByText('La connexion a été interrompue', { exact: false })).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await appShows(page, 'Commande');
  await toReview(page);
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await expect(page.frameLocator(CARD_FRAME).getByLabel('Numéro de carte')).toBeVisible();
  // The dropped one, then the one photo once.
  expect(uploads).toBe(2);
});

test('the address form refuses a bad postcode in French, next to the field, without asking the server', async ({ page }) => {
  await toCheckout(page);
  let saves = 0;
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/api/v1/address')) saves += 1;
  });
  await expect(currentStep(page)).toContainText('Livraison');
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

test('paying without ticking the CGV is refused, in the page and by the server', async ({ page }) => {
  test.setTimeout(90_000);
  await toCheckout(page);
  await toReview(page, false);
  let creations = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/orders')) creations += 1;
  });
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await expect(page.getByText('Cochez la case « J’accepte les conditions générales de vente » pour commander.')).toBeVisible();
  await expect(termsBox(page)).toBeFocused();
  await expect(termsBox(page)).toHaveAttribute('aria-invalid', 'true');
  expect(creations).toBe(0);
  await expect(page.getByRole('link', { name: 'Lire les CGV (nouvel onglet)' })).toHaveAttribute('href', '/cgv');

  // The server refuses it too, whatever the page does.
  const base = new URL(page.url()).origin;
  const refused = await page.request.post('/api/v1/orders', {
    headers: { Origin: base, 'Idempotency-Key': 'sans-cgv-0001' },
    data: {
      delivery_address: {
        name: 'Camille Martin', street: '12 rue des Lilas', postcode: '35000', city: 'Rennes', country: 'FR', phone: '0612345678',
      },
      delivery_option_id: 'standard',
    },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.code).toBe('terms_not_accepted');

  await termsBox(page).check();
  await expect(page.getByText('Cochez la case', { exact: false })).toHaveCount(0);
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await expect(stepHeading(page)).toContainText('Paiement');
  expect(creations).toBe(1);
});

test('a photo the server refuses during the checkout\'s save is named with its project, and ordering waits for a new one', async ({ page, watch }) => {
  test.setTimeout(90_000);
  // The refusal is a 422 that Chromium logs: expected here.
  watch.allowProblems('the server refuses the photo on purpose');
  await page.route('**/api/v1/projects/*/photos/*', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    await route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'invalid_image', message: 'not an image' } }),
    });
  });
  await toCheckout(page, false);
  const alert = page.locator('.checkout-saving [role="alert"]');
  await expect(alert).toContainText(/la photo «\sposter\.png\s» a été refusée \(image illisible ou format non accepté\)/);
  await expect(alert).toContainText(/n’a plus assez de photos pour être fabriqué/);
  const open = alert.getByRole('link', { name: 'Ouvrir le projet pour la remplacer' });
  await expect(open).toHaveAttribute('href', /^\/projets\/[0-9a-f-]{36}$/);
  await fillAddress(page, '35000');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(stepHeading(page)).toContainText('Récapitulatif');
  await expect(page.getByRole('button', { name: 'Payer par carte' })).toBeDisabled();
});

test('a project only in this browser is saved by the checkout, which then orders it', async ({ page }) => {
  test.setTimeout(90_000);
  await toCheckout(page, false);
  await toReview(page);
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await expect(stepHeading(page)).toContainText('Paiement');
  await expect(page.frameLocator(CARD_FRAME).getByLabel('Numéro de carte')).toBeVisible();
  // The project is in the account now.
  await page.goto('/compte');
  await appShows(page, 'Compte');
  await expect(page.getByRole('heading', { name: 'Vos projets enregistrés' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Projets non enregistrés' })).toHaveCount(0);
});

test.describe('through the PSP card page', () => {
  test('address, delivery, summary, card 4242: "Commande confirmée" and an empty cart', async ({ page }) => {
    test.setTimeout(90_000);
    await toCheckout(page);
    await toReview(page);
    await expect(currentStep(page)).toContainText('Récapitulatif');
    await expect(page.getByText('Votre carte sera débitée seulement à l’expédition de vos produits.').first()).toBeVisible();
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
    await expect(page.getByText('Commande confirmée — votre carte sera débitée à l’expédition')).toBeVisible();
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
    // The order's creation is held until the page has been looked at (the
    // handler stays: unrouting could leave a request held for ever).
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/api/v1/orders', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    const pay = page.getByRole('button', { name: 'Payer par carte' });
    await pay.evaluate((button: HTMLButtonElement) => {
      for (let i = 0; i < 20; i++) button.click();
    });
    // Meanwhile, the address and delivery it is made with cannot change.
    const change = page.getByRole('button', { name: /^Modifier/ });
    await expect(change).toHaveCount(2);
    for (const button of await change.all()) await expect(button).toBeDisabled();
    release();
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
    await expect(page.locator('.order-status')).toHaveText('annulée, sans débit');
    await expect(page.getByRole('button', { name: 'Annuler la commande' })).toHaveCount(0);
  });
});
