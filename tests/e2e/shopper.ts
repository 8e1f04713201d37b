// What a shopper does on the way to paying, shared by the checkout and
// payment journeys: an account, a saved poster in the cart, the checkout's
// steps, and a card typed in the PSP's own page.
import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, appShows } from './fixtures';

export const STRONG = 'k9#Vq2!mZr7p';
export const CARD_FRAME = 'iframe[title="Formulaire de paiement sécurisé de notre prestataire"]';

export function newEmail(): string {
  return `commande-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
}

export async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

export const cartLink = (page: Page) => page.locator('.cart-link');
export const stepHeading = (page: Page) => page.locator('#etape-titre');
export const currentStep = (page: Page) => page.getByRole('list', { name: 'Étapes de la commande' }).locator('[aria-current="step"]');

/** A new account, signed in; answers its e-mail address. */
export async function createAccount(page: Page): Promise<string> {
  const email = newEmail();
  await page.goto('/compte');
  await appShows(page, 'Compte');
  const form = page.getByRole('form', { name: 'Créer un compte' });
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(STRONG);
  await form.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toBeVisible();
  return email;
}

/** A small PNG drawn in the page, as a shopper's photo file. */
export async function drawnPhoto(page: Page, name = 'poster.png') {
  const base64: string = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    context.fillStyle = 'hsl(200 70% 50%)';
    context.fillRect(0, 0, 64, 48);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  return { name, mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') };
}

export const posterLink = (page: Page) =>
  page.getByRole('link', { name: 'Créer', exact: true }).and(page.locator('[aria-describedby="produit-poster"]'));

/**
 * A poster project with one photo drawn in the page, put in the cart;
 * `save`d to the account first when asked (signed in); otherwise the
 * checkout saves it.
 */
export async function posterInCart(page: Page, save = false) {
  await page.goto('/');
  await appShows(page, 'Vos photos, imprimées avec soin');
  await posterLink(page).click();
  await expect(page).toHaveURL(/\/projets\/[0-9a-f-]{36}$/);
  await page.getByLabel('Ajouter des photos').setInputFiles([await drawnPhoto(page)]);
  await expect(page.locator('#regle-produit')).toHaveText('Votre projet est prêt à être commandé.');
  if (save) {
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Projet enregistré dans votre compte')).toBeVisible();
  }
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(cartLink(page)).toHaveAttribute('aria-label', 'Panier, 1 article');
}

/** Signed up, a poster in the cart, on the checkout's delivery step. */
export async function toCheckout(page: Page, save = true) {
  await createAccount(page);
  await posterInCart(page, save);
  await cartLink(page).click();
  await appShows(page, 'Panier');
  await page.getByRole('link', { name: 'Commander' }).click();
  await expect(page).toHaveURL(/\/commande$/);
  await appShows(page, 'Commande');
  await expect(stepHeading(page)).toContainText('Livraison');
}

export async function fillAddress(page: Page, postcode: string) {
  await page.getByLabel('Nom et prénom').fill('Camille Martin');
  await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas');
  await page.getByLabel('Code postal').fill(postcode);
  await page.getByLabel('Ville').fill('Rennes');
  await page.getByLabel('Pays').selectOption('FR');
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
}

export const termsBox = (page: Page) => page.getByLabel('J’accepte les conditions générales de vente (CGV)');

/**
 * From the delivery step to the summary, with a good address and the
 * delivery option the shop chose first (standard); the CGV ticked unless
 * `acceptTerms` is false.
 */
export async function toReview(page: Page, acceptTerms = true) {
  await fillAddress(page, '35000');
  await expect(page.getByLabel(/^Livraison standard/)).toBeChecked();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(stepHeading(page)).toContainText('Récapitulatif');
  await expect(stepHeading(page)).toBeFocused();
  await expect(page.locator('dd.cart-totals__total')).toContainText('€');
  await expect(page.getByRole('button', { name: 'Payer par carte' })).toBeEnabled();
  await expect(termsBox(page)).not.toBeChecked();
  if (acceptTerms) await termsBox(page).check();
}

/** Types a card in the PSP's page; `submit: false` leaves "Payer" to the test. */
export async function fillCard(frame: FrameLocator, number: string, code = '123', submit = true) {
  await frame.getByLabel('Numéro de carte').fill(number);
  await frame.getByLabel(/Date d.expiration/).fill('12/34');
  await frame.getByLabel('Code de sécurité').fill(code);
  await frame.getByLabel('Titulaire de la carte').fill('Camille Martin');
  if (submit) await frame.getByRole('button', { name: /^Payer/ }).click();
}

