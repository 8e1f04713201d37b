// The help centre: a search that filters answers (accents and case
// ignored) with a live count, an answer on its own address, the contact
// form with its reference, the e-mail prefilled when signed in, keyboard
// use, and axe on every new page, also 375 px wide.
// French text uses the no-break space before « : ? » and the typographic
// apostrophe; Playwright normalizes whitespace when matching names and
// text, and regexes use \s where a no-break space stands.
import type { Page } from '@playwright/test';
import { test, expect, appShows } from './fixtures';
import { STRONG, newEmail, serious } from './shopper';

const REFERENCE = /AS-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/;

const search = (page: Page) => page.getByRole('searchbox', { name: 'Rechercher dans l’aide' });
const count = (page: Page) => page.getByRole('main').getByRole('status');

test('a help search filters the answers, says how many match, and opens one on its own address', async ({ page }) => {
  await page.goto('/aide');
  await appShows(page, 'Aide et service client');
  const total = await page.locator('.help-answers li').count();
  expect(total).toBeGreaterThan(20);
  await expect(count(page)).toHaveText(`${total} réponses correspondent.`);

  // No accents and upper case still find "débité".
  await search(page).fill('QUAND DEBITE');
  await expect(count(page)).toHaveText('1 réponse correspond.');
  await expect(page.getByRole('link', { name: /^Quand suis-je débité\s\?$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Livrez-vous à l’étranger\s\?$/ })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Livraison', exact: true })).toBeHidden();

  await search(page).fill('étranger');
  await expect(count(page)).toHaveText('1 réponse correspond.');
  await expect(page.getByRole('region', { name: 'Livraison', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Paiement et débit' })).toBeHidden();
  await page.getByRole('link', { name: /^Livrez-vous à l’étranger\s\?$/ }).click();
  await expect(page).toHaveURL('/aide/livraison/etranger');
  await appShows(page, 'Livrez-vous à l’étranger ?');
  await expect(page).toHaveTitle(/^Livrez-vous à l’étranger\s\? · Service Photo$/);
  await expect(page.getByRole('main')).toContainText('en France et à Monaco');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // The address alone shows the answer.
  await page.reload();
  await appShows(page, 'Livrez-vous à l’étranger ?');
  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Aide et service client', exact: true }).click();
  await expect(page).toHaveURL('/aide');
  await appShows(page, 'Aide et service client');
});

test('when the answers cannot be fetched, the help centre says so and fetches them again on request', async ({ page, watch }) => {
  watch.allowProblems('the refused request is logged by the browser');
  await page.route('**/content/fr/help.json', (route) => route.abort());
  await page.goto('/aide');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Cette page n’a pas pu être chargée.');
  await expect(search(page)).toBeVisible();
  await page.unroute('**/content/fr/help.json');
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await appShows(page, 'Aide et service client');
  await expect(page.locator('.help-answers li').first()).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('a search without result points to the contact form', async ({ page }) => {
  await page.goto('/aide');
  await appShows(page, 'Aide et service client');
  await search(page).fill('xyzzy');
  await expect(count(page)).toHaveText('Aucune réponse ne correspond.');
  await expect(page.locator('.help-answers li:visible')).toHaveCount(0);
  await page.getByRole('link', { name: 'écrire au service client', exact: true }).click();
  await expect(page).toHaveURL('/aide/contact');
  await appShows(page, 'Écrire au service client');
});

test('each answer has its own address, and related questions link to theirs', async ({ page }) => {
  await page.goto('/aide/paiement-et-debit/cartes-acceptees');
  await appShows(page, 'Quelles cartes acceptez-vous ?');
  const main = page.getByRole('main');
  await expect(main).toContainText('4 chiffres au recto');
  await expect(main).toContainText('3 chiffres au dos');
  await main.getByRole('region', { name: 'Autres questions sur ce thème' }).getByRole('link', { name: /^Quand suis-je débité\s\?$/ }).click();
  await expect(page).toHaveURL('/aide/paiement-et-debit/quand-suis-je-debite');
  await appShows(page, 'Quand suis-je débité ?');
  await expect(main).toContainText('débité qu’à l’expédition de vos produits');
  await expect(main).toContainText('débité pendant le traitement de la commande');

  await page.goto('/aide/livraison/n-existe-pas');
  await appShows(page, 'Page introuvable');
  await expect(main).toContainText('Cette question n’existe pas ou plus dans notre aide.');
});

test('writing to us from an answer chooses the contact form’s topic', async ({ page }) => {
  await page.goto('/aide/reclamations/colis-abime');
  await appShows(page, 'Mon colis est arrivé abîmé : que faire ?');
  await page.getByRole('main').getByRole('link', { name: 'Nous écrire', exact: true }).click();
  await expect(page).toHaveURL('/aide/contact?theme=claim');
  await appShows(page, 'Écrire au service client');
  await expect(page.getByLabel('Thème').locator('option:checked')).toHaveText('Réclamation (colis abîmé ou erroné)');
  await page.goto('/aide/livraison/point-relais');
  await appShows(page, 'Comment fonctionne la livraison en point relais ?');
  await page.getByRole('link', { name: 'Écrire au service client', exact: true }).click();
  await expect(page).toHaveURL('/aide/contact?theme=delivery');
  await expect(page.getByLabel('Thème').locator('option:checked')).toHaveText('Livraison');
});

test('a shopper sends a contact request and is shown its reference', async ({ page }) => {
  await page.goto('/aide');
  await appShows(page, 'Aide et service client');
  await page.getByRole('link', { name: 'Écrire au service client', exact: true }).click();
  await appShows(page, 'Écrire au service client');

  await page.getByLabel('Thème').selectOption({ label: 'Réclamation (colis abîmé ou erroné)' });
  await page.getByLabel('Commande concernée (facultatif)').fill('4F2A-91');
  // Nothing typed yet: refused in the browser, next to the field.
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(page.getByText('Écrivez votre message.')).toBeVisible();
  await expect(page.getByLabel('Votre message')).toBeFocused();
  await page.getByLabel('Votre message').fill('Mon poster est arrivé plié. Que dois-je faire ?');
  await page.getByLabel('Adresse e-mail pour la réponse').fill('marie@exemple.fr');

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/support') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  const response = await answer;
  expect(response.status()).toBe(201);
  const { reference } = await response.json();
  expect(reference).toMatch(REFERENCE);

  const confirmation = page.getByRole('region', { name: 'Demande envoyée' });
  await expect(confirmation.getByRole('heading', { name: 'Demande envoyée' })).toBeFocused();
  await expect(confirmation).toContainText(reference);
  await expect(confirmation).toContainText(/Votre référence\s:\s*AS-/);
  await expect(confirmation).toContainText('marie@exemple.fr');
  await confirmation.getByRole('link', { name: 'Retour à l’aide' }).click();
  await appShows(page, 'Aide et service client');
});

test('signed in, the contact form already holds the account’s e-mail', async ({ page }) => {
  const email = newEmail();
  await page.goto('/compte');
  await appShows(page, 'Compte');
  const form = page.getByRole('form', { name: 'Créer un compte' });
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(STRONG);
  await form.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toBeVisible();

  await page.goto('/aide/contact');
  await appShows(page, 'Écrire au service client');
  await expect(page.getByLabel('Adresse e-mail pour la réponse')).toHaveValue(email);
});

test('the help centre works with the keyboard alone', async ({ page }) => {
  await page.goto('/aide');
  await appShows(page, 'Aide et service client');
  await search(page).focus();
  await page.keyboard.type('relais');
  await expect(count(page)).toHaveText(/^\d+ réponses? correspondent?\.$/);
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('href', /^\/aide\/livraison\//);
  const href = await focused.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href!);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

for (const width of [1280, 375]) {
  test(`no serious or critical accessibility violation on the help pages, ${width} px wide`, async ({ page }) => {
    // Five axe runs: more than the default 30 s on a busy 2-core machine.
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 800 });
    const pages = [
      { path: '/aide', heading: 'Aide et service client' },
      { path: '/aide/reclamations/colis-abime', heading: 'Mon colis est arrivé abîmé : que faire ?' },
      { path: '/aide/contact', heading: 'Écrire au service client' },
    ];
    for (const route of pages) {
      await page.goto(route.path);
      await appShows(page, route.heading);
      expect(await serious(page), `${route.path} at ${width} px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${route.path} at ${width} px`).toBeLessThanOrEqual(0);
    }
    // The search's "no result" state and the form's refusals too.
    await page.goto('/aide');
    await appShows(page, 'Aide et service client');
    await search(page).fill('xyzzy');
    await expect(count(page)).toHaveText('Aucune réponse ne correspond.');
    expect(await serious(page), `no result at ${width} px`).toEqual([]);
    await page.goto('/aide/contact');
    await appShows(page, 'Écrire au service client');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await expect(page.getByText('Écrivez votre message.')).toBeVisible();
    expect(await serious(page), `refused form at ${width} px`).toEqual([]);
  });
}
