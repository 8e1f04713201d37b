// Accounts: create, sign in, sign out (which deletes what the browser keeps),
// refusals in French next to the right field, and an expired session.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, appShows } from './fixtures';

const STRONG = 'k9#Vq2!mZr7p';

function newEmail(): string {
  return `client-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
}

const signInForm = (page: Page) => page.getByRole('form', { name: 'Se connecter' });
const createForm = (page: Page) => page.getByRole('form', { name: 'Créer un compte' });

async function createAccount(page: Page, email: string, password = STRONG) {
  const form = createForm(page);
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Créer mon compte' }).click();
}

async function signIn(page: Page, email: string, password = STRONG) {
  const form = signInForm(page);
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Se connecter' }).click();
}

async function expectSignedIn(page: Page, email: string) {
  await expect(page.getByText("Vous êtes connecté avec l’adresse")).toContainText(email);
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toBeVisible();
}

async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

test('a shopper creates an account; 11 characters are refused in the browser, 12 accepted; the session survives a reload', async ({ page }) => {
  let accountRequests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/account')) accountRequests += 1;
  });
  await page.goto('/compte');
  await appShows(page, 'Compte');
  const form = createForm(page);
  await expect(form.getByLabel('Mot de passe', { exact: true })).toHaveAttribute('autocomplete', 'new-password');
  await expect(form.getByLabel('Adresse e-mail')).toHaveAttribute('autocomplete', 'email');
  await expect(signInForm(page).getByLabel('Mot de passe', { exact: true })).toHaveAttribute('autocomplete', 'current-password');

  const email = newEmail();
  await createAccount(page, email, 'k9#Vq2!mZr7');
  const password = form.getByLabel('Mot de passe', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Le mot de passe doit compter au moins 12 caractères.')).toBeVisible();
  await expect(password).toBeFocused();
  expect(accountRequests).toBe(0);

  await createAccount(page, email, STRONG);
  await expectSignedIn(page, email);
  expect(accountRequests).toBe(1);
  await page.reload();
  await appShows(page, 'Compte');
  await expectSignedIn(page, email);
  expect(await serious(page)).toEqual([]);
});

test('the server refuses a common password next to the field; a taken address is answered like a new one, without signing in', async ({ page, browser }) => {
  await page.goto('/compte');
  await appShows(page, 'Compte');
  const email = newEmail();
  await createAccount(page, email, 'password1234');
  const form = createForm(page);
  await expect(form.getByText('Ce mot de passe est trop courant ou trop facile à deviner.')).toBeVisible();
  await expect(form.getByLabel('Mot de passe', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await createAccount(page, email, STRONG);
  await expectSignedIn(page, email);

  const other = await browser.newPage();
  await other.goto('/compte');
  await appShows(other, 'Compte');
  // The server does not tell who has an account: it writes to the
  // address instead (tests/e2e/mail.spec.ts reads what it wrote).
  await createAccount(other, email.toUpperCase(), STRONG);
  await expect(createForm(other).getByRole('status')).toHaveText(
    `Nous vous avons écrit à ${email.toUpperCase()}. Si cette adresse a déjà un compte, connectez-vous ou choisissez «\u00a0Mot de passe oublié\u00a0?\u00a0».`,
  );
  await expect(createForm(other).getByLabel('Adresse e-mail')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(other.getByRole('link', { name: 'Compte, connecté' })).toHaveCount(0);
  await other.close();
});

test('a long Unicode passphrase works, and the password can be shown and hidden', async ({ browser }) => {
  const passphrase = 'Les vacances à Étretat avec mamie Josette, 日本の夏 🌊 et un cerf-volant rouge';
  const email = newEmail();
  const first = await browser.newPage();
  await first.goto('/compte');
  await appShows(first, 'Compte');
  await createAccount(first, email, passphrase);
  await expectSignedIn(first, email);
  await first.close();

  const page = await browser.newPage();
  await page.goto('/compte');
  await appShows(page, 'Compte');
  const form = signInForm(page);
  const password = form.getByLabel('Mot de passe', { exact: true });
  await password.fill(passphrase);
  await expect(password).toHaveAttribute('type', 'password');
  const toggle = form.getByRole('button', { name: 'Afficher le mot de passe' });
  await toggle.click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(form.getByRole('button', { name: 'Masquer le mot de passe' })).toHaveAttribute('aria-pressed', 'true');
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await expectSignedIn(page, email);
  await page.close();
});

test('a wrong password and an unknown address get the same answer', async ({ browser }) => {
  const email = newEmail();
  const setup = await browser.newPage();
  await setup.goto('/compte');
  await appShows(setup, 'Compte');
  await createAccount(setup, email);
  await expectSignedIn(setup, email);
  await setup.close();

  const answers: string[] = [];
  for (const who of [email, newEmail()]) {
    const page = await browser.newPage();
    await page.goto('/compte');
    await appShows(page, 'Compte');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
    await signIn(page, who, 'pas le bon mot de passe');
    const answer = await response;
    await expect(signInForm(page).getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
    answers.push(`${answer.status()} ${await answer.text()}`);
    await page.close();
  }
  expect(answers[0]).toEqual(answers[1]);
});

test('submitting twice quickly sends one request', async ({ page }) => {
  await page.goto('/compte');
  await appShows(page, 'Compte');
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/account')) requests += 1;
  });
  const email = newEmail();
  const form = createForm(page);
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(STRONG);
  await page.evaluate(() => {
    const element = document.querySelector<HTMLFormElement>('form[aria-labelledby="creation-titre"]')!;
    element.requestSubmit();
    element.requestSubmit();
  });
  await expectSignedIn(page, email);
  expect(requests).toBe(1);
});

test('repeated failures are throttled with a clear French message', async ({ page }) => {
  const email = newEmail();
  await page.goto('/compte');
  await appShows(page, 'Compte');
  // Five failures are free; then each one makes the address wait, twice as
  // long each time. Keep trying until the server says to wait.
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 12 && !statuses.includes(429); attempt++) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
    await signIn(page, email, `mauvais essai ${attempt}`);
    statuses.push((await answered).status());
  }
  expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
  expect(statuses.at(-1)).toBe(429);
  await expect(signInForm(page).getByRole('alert')).toHaveText(
    /^Trop de tentatives\. Réessayez dans (une seconde|\d+ secondes)\.$/,
  );
});

test('signing out asks first, lists what goes, then leaves nothing of the shopper in the browser', async ({ page }) => {
  await page.goto('/compte');
  await appShows(page, 'Compte');
  const email = newEmail();
  await createAccount(page, email);
  await expectSignedIn(page, email);
  // What the app and its future features keep in this browser.
  await page.getByRole('button', { name: 'Afficher le site en anglais' }).click();
  await page.getByRole('button', { name: 'Show the site in French' }).click();
  await page.evaluate(async () => {
    sessionStorage.setItem('service-photo.draft', 'brouillon');
    await new Promise((resolve, reject) => {
      const request = indexedDB.open('service-photo-projects', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('photos');
      request.onsuccess = () => { request.result.close(); resolve(null); };
      request.onerror = () => reject(request.error);
    });
  });
  expect(await page.evaluate(() => localStorage.length)).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Se déconnecter ?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Se déconnecter ?' })).toBeFocused();
  await expect(dialog).toContainText('Projets non enregistrés');
  await expect(dialog).toContainText('aucun');
  await expect(dialog).toContainText('Panier');
  await expect(dialog).toContainText('0 produit');
  expect(await serious(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expectSignedIn(page, email);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('button', { name: 'Me déconnecter et tout supprimer' }).click();
  await expect(signInForm(page)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toHaveCount(0);
  // The server's Clear-Site-Data finishes on its own schedule: poll.
  await expect
    .poll(() =>
      page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        databases: (await indexedDB.databases()).map((d) => d.name),
        cookies: document.cookie,
      })),
    )
    .toEqual({ local: 0, session: 0, databases: [], cookies: '' });
  expect((await page.context().cookies()).filter((c) => c.name === 'sp_session')).toEqual([]);
  // Signed out is an answer, not an error.
  const me = await page.request.get('/api/v1/session');
  expect(me.status()).toBe(200);
  expect(await me.json()).toBeNull();
  await page.reload();
  await appShows(page, 'Compte');
  await expect(signInForm(page)).toBeVisible();
});

test('an expired session sends the shopper to sign in, then back where they were', async ({ page, context }) => {
  await page.goto('/compte');
  await appShows(page, 'Compte');
  const email = newEmail();
  await createAccount(page, email);
  await expectSignedIn(page, email);
  await page.goto('/aide');
  await appShows(page, 'Aide et service client');
  // The server no longer knows this browser's session.
  await context.clearCookies();
  await page.reload();
  await expect(page).toHaveURL(/\/compte\?retour=%2Faide$/);
  await expect(page.getByText('Votre session a expiré.')).toBeVisible();
  await signIn(page, email);
  await expect(page).toHaveURL('/aide');
  await appShows(page, 'Aide et service client');
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toBeVisible();
});

test('the account page has no serious accessibility violation, signed out', async ({ page }) => {
  await page.goto('/compte');
  await appShows(page, 'Compte');
  await expect(signInForm(page)).toBeVisible();
  await createAccount(page, 'pas-une-adresse', 'court');
  await expect(createForm(page).getByText('Cette adresse e-mail ne semble pas valide')).toBeVisible();
  expect(await serious(page)).toEqual([]);
});
