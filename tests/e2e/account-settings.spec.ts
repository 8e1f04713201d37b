// The account's own controls (issue #14), from the account page's link:
// the devices signed in and the others signed out, the password changed,
// the e-mail address moved through the link the shop sends (read in
// MailDev), and the account deleted after a question.
import type { Page } from '@playwright/test';
import { test, expect, appShows } from './fixtures';
import { serious } from './shopper';

const STRONG = 'k9#Vq2!mZr7p';
const NEW_PASSWORD = 'Un nouveau mot de passe pour les photos d’Étretat';
/** MailDev's REST API (`GET /email`), set by `cargo xtask test`. */
const MAILDEV_URL = process.env.MAILDEV_URL ?? '';

type MailDevMessage = { subject: string; to: { address: string }[]; text: string };

function newEmail(prefix = 'reglages'): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
}

/** Signs up the way a shopper does: from the home page, through the header. */
async function signUpFromHome(page: Page, email: string) {
  await page.goto('/');
  await appShows(page, 'Vos photos, imprimées avec soin');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Compte', exact: true })
    .click();
  await appShows(page, 'Compte');
  const form = page.getByRole('form', { name: 'Créer un compte' });
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(STRONG);
  await form.getByRole('button', { name: 'Créer mon compte' }).click();
  await expectSignedIn(page, email);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/compte');
  await appShows(page, 'Compte');
  await fillSignIn(page, email, password);
}

/** The sign-in form of the page the shopper is on. */
async function fillSignIn(page: Page, email: string, password: string) {
  const form = page.getByRole('form', { name: 'Se connecter' });
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Se connecter' }).click();
}

async function expectSignedIn(page: Page, email: string) {
  await expect(page.getByText('Vous êtes connecté avec l’adresse')).toContainText(email);
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toBeVisible();
}

/** From the signed-in account page to the settings. */
async function openSettings(page: Page) {
  await page.getByRole('main').getByRole('link', { name: 'Paramètres du compte' }).click();
  await expect(page).toHaveURL('/compte/parametres');
  await appShows(page, 'Paramètres du compte');
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** The first message to `to` with this subject (the shop's sender reads its outbox every 5 s). */
async function mailTo(page: Page, to: string, subject: string): Promise<MailDevMessage> {
  expect(MAILDEV_URL, 'MAILDEV_URL, set by cargo xtask test').not.toBe('');
  let found: MailDevMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`${MAILDEV_URL}/email`);
        const messages = (await response.json()) as MailDevMessage[];
        found = messages.find((m) => m.to?.[0]?.address === to && m.subject === subject);
        return found !== undefined;
      },
      { timeout: 45_000, intervals: [500] },
    )
    .toBe(true);
  return found!;
}

test('signed out, the settings ask to sign in, then come back; nothing signed-in is asked before', async ({ page, browser }) => {
  const email = newEmail();
  const setup = await browser.newPage();
  await signUpFromHome(setup, email);
  await setup.close();

  let sessionLists = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/account/sessions')) sessionLists += 1;
  });
  await page.goto('/compte/parametres');
  await appShows(page, 'Paramètres du compte');
  await expect(page.getByText('Connectez-vous pour voir les appareils connectés')).toBeVisible();
  expect(sessionLists).toBe(0);
  await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/compte\?retour=%2Fcompte%2Fparametres$/);
  await appShows(page, 'Compte');
  await fillSignIn(page, email, STRONG);
  await expect(page).toHaveURL('/compte/parametres');
  await appShows(page, 'Paramètres du compte');
  await expect(section(page, 'Appareils connectés').getByRole('listitem')).toHaveCount(2);
  expect(await serious(page)).toEqual([]);
});

test('(a) « Déconnecter les autres appareils » ends the other browser’s session and keeps this one', async ({ page, browser }) => {
  const email = newEmail();
  await signUpFromHome(page, email);
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signIn(elsewhere, email, STRONG);
  await expectSignedIn(elsewhere, email);

  await openSettings(page);
  const devices = section(page, 'Appareils connectés');
  await expect(devices.getByRole('listitem')).toHaveCount(2);
  await expect(devices.getByText('Cet appareil', { exact: true })).toHaveCount(1);
  await devices.getByRole('button', { name: 'Déconnecter les autres appareils' }).click();
  const status = page.locator('#appareils-statut');
  await expect(status).toHaveText('Les autres appareils sont déconnectés.');
  await expect(status).toBeFocused();
  await expect(devices.getByRole('listitem')).toHaveCount(1);
  await expect(devices).toContainText('Aucun autre appareil n’est connecté à votre compte.');

  const there = await elsewhere.request.get('/api/v1/session');
  expect(there.status()).toBe(200);
  expect(await there.json()).toBeNull();
  const here = await page.request.get('/api/v1/session');
  expect((await here.json()).account.email).toBe(email);
  await other.close();
});

test('(b) the password is changed with the current one, and the new one signs in elsewhere', async ({ page, browser }) => {
  const email = newEmail();
  await signUpFromHome(page, email);
  await openSettings(page);
  const form = section(page, 'Mot de passe');
  const current = form.getByLabel('Mot de passe actuel', { exact: true });
  const next = form.getByLabel('Nouveau mot de passe', { exact: true });

  // Too short: said in the browser, next to the field.
  await current.fill(STRONG);
  await next.fill('court');
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(next).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Le mot de passe doit compter au moins 12 caractères.')).toBeVisible();
  await expect(next).toBeFocused();

  // A wrong current password: the server's refusal, next to that field.
  await current.fill('pas le bon mot de passe');
  await next.fill(NEW_PASSWORD);
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(form.getByText('Mot de passe incorrect.')).toBeVisible();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toBeFocused();

  await current.fill(STRONG);
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  const status = page.locator('#mot-de-passe-statut');
  await expect(status).toHaveText('Mot de passe changé. Vos autres appareils sont déconnectés.');
  await expect(status).toBeFocused();
  await expect(current).toHaveValue('');
  await expect(next).toHaveValue('');

  const elsewhere = await browser.newPage();
  await signIn(elsewhere, email, NEW_PASSWORD);
  await expectSignedIn(elsewhere, email);
  await elsewhere.close();
});

test('(c) the e-mail address moves once the link sent to the new one is opened', async ({ page }) => {
  test.setTimeout(120_000);
  const email = newEmail();
  await signUpFromHome(page, email);
  await openSettings(page);
  const form = section(page, 'Adresse e-mail');
  await expect(form).toContainText(email);
  const address = newEmail('nouvelle');
  await form.getByLabel('Nouvelle adresse e-mail').fill(address);
  await form.getByLabel('Mot de passe', { exact: true }).fill(STRONG);
  await form.getByRole('button', { name: 'Changer d’adresse' }).click();
  const status = page.locator('#adresse-statut');
  await expect(status).toHaveText(
    `Nous avons envoyé un lien à ${address}. Votre adresse change quand vous l’ouvrez.`,
  );
  await expect(status).toBeFocused();
  // Nothing changes before the link is opened.
  expect((await (await page.request.get('/api/v1/session')).json()).account.email).toBe(email);

  const message = await mailTo(page, address, 'Confirmez votre nouvelle adresse e-mail');
  const link = message.text.match(/https?:\/\/\S+\/compte\/nouvelle-adresse#jeton=\S+/)?.[0];
  expect(link, message.text).toBeTruthy();
  const opened = new URL(link!);
  await page.goto(opened.pathname + opened.hash);
  await appShows(page, 'Nouvelle adresse e-mail');
  await expect(page.getByText('Votre compte utilise désormais votre nouvelle adresse.')).toBeVisible();
  // The token left the address bar.
  await expect(page).toHaveURL('/compte/nouvelle-adresse');
  await page.getByRole('link', { name: 'Aller à mon compte' }).click();
  await appShows(page, 'Compte');
  await expectSignedIn(page, address);

  // The link served once.
  await page.goto(opened.pathname + opened.hash);
  await appShows(page, 'Nouvelle adresse e-mail');
  await expect(page.getByRole('alert')).toContainText('Ce lien n’est plus valable');
  await page.getByRole('link', { name: 'Demander un nouveau lien depuis les paramètres du compte' }).click();
  await appShows(page, 'Paramètres du compte');
  await expect(section(page, 'Adresse e-mail')).toContainText(address);
});

test('(d) the account is deleted with the password after a question, and its password no longer signs in', async ({ page }) => {
  const email = newEmail();
  await signUpFromHome(page, email);
  await openSettings(page);
  let deletions = 0;
  page.on('request', (request) => {
    if (request.method() === 'DELETE' && request.url().endsWith('/api/v1/account')) deletions += 1;
  });
  const form = section(page, 'Supprimer mon compte');
  await expect(form).toContainText('vos projets et leurs photos, votre panier, votre adresse de livraison');
  await expect(form).toContainText('Vos commandes sont conservées');
  await form.getByLabel('Mot de passe', { exact: true }).fill(STRONG);
  await form.getByRole('button', { name: 'Supprimer mon compte', exact: true }).click();
  const question = page.getByRole('alertdialog', { name: 'Supprimer votre compte ?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('heading', { name: 'Supprimer votre compte ?' })).toBeFocused();
  expect(deletions).toBe(0);
  expect(await serious(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  expect(deletions).toBe(0);

  await form.getByRole('button', { name: 'Supprimer mon compte', exact: true }).click();
  await question.getByRole('button', { name: 'Oui, supprimer mon compte' }).click();
  await expect(page.getByText('Votre compte est supprimé.')).toBeVisible();
  expect(deletions).toBe(1);
  // Signed out as after « Se déconnecter »: nothing of the shopper left here.
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toHaveCount(0);
  await expect(page.locator('.cart-link')).toHaveAttribute('aria-label', 'Panier, vide');
  await expect
    .poll(() => page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length })))
    .toEqual({ local: 0, session: 0 });
  expect(await (await page.request.get('/api/v1/session')).json()).toBeNull();

  await signIn(page, email, STRONG);
  await expect(page.getByRole('form', { name: 'Se connecter' }).getByRole('alert')).toHaveText(
    'Adresse e-mail ou mot de passe incorrect.',
  );
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toHaveCount(0);
});
