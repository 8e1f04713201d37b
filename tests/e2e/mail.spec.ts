// The shop's mail, end to end, read from MailDev's inbox (its REST API at
// MAILDEV_URL, set by `cargo xtask test`): a new account confirms its
// address from the link it receives; signing up with an address that
// already has an account says the shop wrote, and the shop wrote that;
// a forgotten password is changed from the e-mailed link, which ends the
// account's other sessions; a guest who orders a poster finds the order's
// confirmation with its number and when the card is debited, then the
// shipment's message with the debit. Each test writes to an address of its
// own.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { test, expect, appShows } from './fixtures';
import {
  CARD_FRAME,
  STRONG,
  cartLink,
  drawnPhoto,
  fillAddress,
  fillCard,
  newEmail,
  posterLink,
  stepHeading,
  termsBox,
} from './shopper';

const OPERATOR_TOKEN = process.env.OPERATOR_TOKEN ?? '';

const MAILDEV_URL = process.env.MAILDEV_URL ?? '';
const VERIFY_EMAIL = '/compte/confirmer-adresse';
const RESET_PASSWORD = '/compte/nouveau-mot-de-passe';
const NEW_PASSWORD = 'Un autre mot de passe, pour de bon';

/** A message as MailDev's `GET /email` lists it. */
type Mail = {
  subject: string;
  to: { address: string; name?: string }[];
  text: string;
  html: string;
  date: string;
};

test.beforeEach(() => {
  test.skip(!MAILDEV_URL, 'MAILDEV_URL names MailDev\u2019s REST API (set by `cargo xtask test`)');
  // The shop's sender polls its outbox: a message takes a few seconds.
  test.setTimeout(90_000);
});

/**
 * The newest message to `address` that `wanted` accepts, once MailDev has
 * it (the shop sends after the request that causes it has answered).
 */
async function mailTo(
  request: APIRequestContext,
  address: string,
  wanted: (mail: Mail) => boolean = () => true,
): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`${MAILDEV_URL}/email`);
        if (!response.ok()) return false;
        const inbox = (await response.json()) as Mail[];
        found = inbox
          .filter((mail) => mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()))
          .filter(wanted)
          .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))[0];
        return found !== undefined;
      },
      { message: `a message to ${address}`, timeout: 60_000, intervals: [250, 500, 1_000] },
    )
    .toBe(true);
  return found!;
}

/**
 * The storefront address of the link to `path` in a message's text (its
 * path and `#jeton=…` fragment, opened on the shop under test whatever
 * origin the message names); `null` when there is none.
 */
function linkIn(text: string, path: string): string | null {
  const match = text.match(new RegExp(`https?://[^\\s<>"]+${path}#jeton=[A-Za-z0-9_%~-]+`));
  if (!match) return null;
  const url = new URL(match[0]);
  return `${url.pathname}${url.hash}`;
}

const signInForm = (page: Page) => page.getByRole('form', { name: 'Se connecter' });
const createForm = (page: Page) => page.getByRole('form', { name: 'Créer un compte' });

async function fillAndSend(form: Locator, email: string, password: string, button: string) {
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(password);
  await form.getByRole('button', { name: button }).click();
}

async function expectSignedIn(page: Page, email: string) {
  await expect(page.getByText('Vous êtes connecté avec l’adresse')).toContainText(email);
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toBeVisible();
}

/** A new account made on `page`'s browser, signed in there. */
async function newAccount(page: Page, email: string) {
  await page.goto('/compte');
  await appShows(page, 'Compte');
  await fillAndSend(createForm(page), email, STRONG, 'Créer mon compte');
  await expectSignedIn(page, email);
}

test('a new shopper signs up from the home page and confirms the address with the e-mailed link', async ({ page, request }) => {
  const email = newEmail();
  await page.goto('/');
  await appShows(page, 'Vos photos, imprimées avec soin');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Compte', exact: true }).click();
  await appShows(page, 'Compte');
  await fillAndSend(createForm(page), email, STRONG, 'Créer mon compte');
  await expectSignedIn(page, email);
  const reminder = page.locator('.verification-reminder');
  await expect(reminder).toContainText(`Confirmez votre adresse e-mail\u00a0: nous avons envoyé un lien à ${email}.`);
  await expect(reminder.getByRole('button', { name: 'Renvoyer le lien' })).toBeEnabled();

  const mail = await mailTo(request, email, (m) => linkIn(m.text, VERIFY_EMAIL) !== null);
  await page.goto(linkIn(mail.text, VERIFY_EMAIL)!);
  await appShows(page, 'Confirmation de l’adresse e-mail');
  await expect(page.getByText('Votre adresse e-mail est confirmée.')).toBeVisible();
  // The token left the address bar.
  expect(new URL(page.url()).hash).toBe('');
  expect(new URL(page.url()).pathname).toBe(VERIFY_EMAIL);
  await page.getByRole('link', { name: 'Aller à mon compte' }).click();
  await appShows(page, 'Compte');
  await expectSignedIn(page, email);
  await expect(page.locator('.verification-reminder')).toHaveCount(0);
  // The server says so too.
  const me = await page.request.get('/api/v1/session');
  expect((await me.json()).account.email_verified).toBe(true);
  await page.reload();
  await appShows(page, 'Compte');
  await expectSignedIn(page, email);
  await expect(page.getByText('Confirmez votre adresse e-mail')).toHaveCount(0);

  // The link served once: opened again, it says so and how to get another.
  await page.goto(linkIn(mail.text, VERIFY_EMAIL)!);
  await appShows(page, 'Confirmation de l’adresse e-mail');
  await expect(page.getByText('Ce lien n’est plus valable\u00a0: il a déjà servi ou date de plus de 24 heures.')).toBeVisible();
});

test('signing up with an address that has an account says the shop wrote, and the shop wrote that it exists', async ({ page, browser, request }) => {
  const email = newEmail();
  const owner = await browser.newContext();
  await newAccount(await owner.newPage(), email);
  await owner.close();

  const carts: string[] = [];
  page.on('request', (sent) => {
    if (new URL(sent.url()).pathname.startsWith('/api/v1/cart')) carts.push(sent.url());
  });
  await page.goto('/compte');
  await appShows(page, 'Compte');
  // The server answers exactly as for a new address.
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/account') && r.request().method() === 'POST');
  await fillAndSend(createForm(page), email, 'Une autre phrase de passe, très longue', 'Créer mon compte');
  expect((await answered).status()).toBe(201);
  const notice = createForm(page).getByRole('status');
  await expect(notice).toHaveText(
    `Nous vous avons écrit à ${email}. Si cette adresse a déjà un compte, connectez-vous ou choisissez «\u00a0Mot de passe oublié\u00a0?\u00a0».`,
  );
  await expect(notice).toBeFocused();
  // Not signed in: no account, no account's cart.
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toHaveCount(0);
  await expect(signInForm(page)).toBeVisible();
  expect(await (await page.request.get('/api/v1/session')).json()).toBeNull();
  expect(carts).toEqual([]);

  const mail = await mailTo(request, email, (m) =>
    /compte existe déjà|déjà un compte|already (have|has) an account|account already exists/i.test(m.text),
  );
  expect(linkIn(mail.text, VERIFY_EMAIL)).toBeNull();
});

test('a forgotten password is changed from the e-mailed link; the other browser is signed out and only the new password works', async ({ page, browser, request }) => {
  const email = newEmail();
  // A browser where the shopper signed in before.
  const before = await browser.newContext();
  const other = await before.newPage();
  await newAccount(other, email);

  await page.goto('/compte');
  await appShows(page, 'Compte');
  await signInForm(page).getByRole('link', { name: 'Mot de passe oublié\u00a0?' }).click();
  await expect(page).toHaveURL(/\/compte\/mot-de-passe-oublie$/);
  await appShows(page, 'Mot de passe oublié');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  const sent = page.getByText(`Si un compte existe pour ${email}, nous venons de lui envoyer un lien valable une heure.`);
  await expect(sent).toBeVisible();
  await expect(sent).toBeFocused();

  const mail = await mailTo(request, email, (m) => linkIn(m.text, RESET_PASSWORD) !== null);
  await page.goto(linkIn(mail.text, RESET_PASSWORD)!);
  await appShows(page, 'Nouveau mot de passe');
  expect(new URL(page.url()).hash).toBe('');
  const password = page.getByRole('form', { name: 'Nouveau mot de passe' }).getByLabel('Nouveau mot de passe', { exact: true });
  await expect(password).toHaveAttribute('autocomplete', 'new-password');
  // The same browser-side check as a new account's.
  await password.fill('trop court');
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.getByText('Le mot de passe doit compter au moins 12 caractères.')).toBeVisible();
  await password.fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.getByText('Votre mot de passe est changé. Vos autres sessions sont fermées.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Compte, connecté' })).toBeVisible();
  await page.getByRole('link', { name: 'Aller à mon compte' }).click();
  await appShows(page, 'Compte');
  await expectSignedIn(page, email);

  // The browser signed in before is signed out.
  expect(await (await other.request.get('/api/v1/session')).json()).toBeNull();
  await other.goto('/compte');
  await appShows(other, 'Compte');
  await expect(other.getByText('Votre session a expiré.')).toBeVisible();
  // The old password no longer works; the new one does.
  await fillAndSend(signInForm(other), email, STRONG, 'Se connecter');
  await expect(signInForm(other).getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await fillAndSend(signInForm(other), email, NEW_PASSWORD, 'Se connecter');
  await expectSignedIn(other, email);
  await before.close();

  // The link served once.
  await page.goto(linkIn(mail.text, RESET_PASSWORD)!);
  await appShows(page, 'Nouveau mot de passe');
  await page.getByRole('form', { name: 'Nouveau mot de passe' }).getByLabel('Nouveau mot de passe', { exact: true }).fill('Encore un autre mot de passe solide');
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.getByText('Ce lien n’est plus valable\u00a0: il a déjà servi ou date de plus d’une heure.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mot de passe oublié\u00a0?' })).toHaveAttribute('href', '/compte/mot-de-passe-oublie');
});

test('a guest orders a poster, confirms the address, and the shop confirms the order with its debit, then its shipment', async ({ page, request }) => {
  test.setTimeout(150_000);
  const email = newEmail();
  await page.goto('/');
  await appShows(page, 'Vos photos, imprimées avec soin');
  await posterLink(page).click();
  await expect(page).toHaveURL(/\/projets\/[0-9a-f-]{36}$/);
  await page.getByLabel('Ajouter des photos').setInputFiles([await drawnPhoto(page)]);
  await expect(page.locator('#regle-produit')).toHaveText('Votre projet est prêt à être commandé.');
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(cartLink(page)).toHaveAttribute('aria-label', 'Panier, 1 article');
  await page.getByRole('link', { name: 'Commander' }).click();
  await expect(stepHeading(page)).toContainText('Identification');
  await fillAndSend(createForm(page), email, STRONG, 'Créer mon compte');
  await expect(stepHeading(page)).toContainText('Livraison');

  // The confirmation link works while the checkout goes on in this tab.
  const welcome = await mailTo(request, email, (m) => linkIn(m.text, VERIFY_EMAIL) !== null);
  const other = await page.context().newPage();
  await other.goto(linkIn(welcome.text, VERIFY_EMAIL)!);
  await expect(other.getByText('Votre adresse e-mail est confirmée.')).toBeVisible();
  await other.close();

  await fillAddress(page, '35000');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(stepHeading(page)).toContainText('Récapitulatif');
  await termsBox(page).check();
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await fillCard(page.frameLocator(CARD_FRAME), '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/commandes\/[^/]+$/, { timeout: 20_000 });
  await appShows(page, 'Commande confirmée');
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const order = await (await page.request.get(`/api/v1/orders/${id}`)).json();

  const confirmation = await mailTo(request, email, (m) => m.subject.includes(order.number));
  expect(confirmation.subject).toBe(`Votre commande ${order.number} est confirmée`);
  expect(confirmation.text).toContain('Vous serez débité à l’expédition de votre commande, pas avant.');
  expect(confirmation.text).toContain('carte Visa se terminant par 4242');
  expect(confirmation.text).toContain('Camille Martin');
  expect(confirmation.text).toContain('conditions générales de vente (version');
  expect(confirmation.html).toContain(order.number);
  expect(confirmation.html).not.toContain('<img');
  // Its link opens the order.
  const orderLink = confirmation.text.match(/https?:\/\/\S+\/commandes\/\S+/)![0];
  expect(new URL(orderLink).pathname).toBe(`/commandes/${id}`);

  // Operators make and ship it: the card is debited, and the shopper told.
  for (const action of ['production', 'ship']) {
    const done = await request.post(`/api/v1/operator/orders/${id}/${action}`, {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect(done.ok(), action).toBe(true);
  }
  const shipped = await mailTo(request, email, (m) => m.subject === `Votre commande ${order.number} est expédiée`);
  const total: string = order.totals.total.cents.toString();
  expect(shipped.text).toContain('Votre carte a été débitée de');
  expect(shipped.text).toContain(`${total.slice(0, -2)},${total.slice(-2)}`);
});
