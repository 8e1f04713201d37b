// The storefront shell: routes, navigation without reloads, deep links, the
// 404 page, the payment methods page, the static shell, phones, keyboard.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appShows, ROUTES } from './fixtures';

test('header and footer links navigate without reloading the document', async ({ page }) => {
  await page.goto('/');
  await appShows(page, ROUTES[0].heading);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const clicks = [
    { link: nav.getByRole('link', { name: 'Suivi de commande' }), route: ROUTES[3] },
    { link: nav.getByRole('link', { name: 'Aide et service client' }), route: ROUTES[4] },
    { link: nav.getByRole('link', { name: 'Compte' }), route: ROUTES[2] },
    { link: nav.getByRole('link', { name: /^Panier/ }), route: ROUTES[1] },
    { link: page.getByRole('contentinfo').getByRole('link', { name: 'Nos modes de paiement' }), route: ROUTES[5] },
    { link: page.getByRole('link', { name: 'Service Photo' }), route: ROUTES[0] },
  ];
  for (const { link, route } of clicks) {
    await link.click();
    await expect(page).toHaveURL(route.path);
    await appShows(page, route.heading);
    await expect(page).toHaveTitle(route.title);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  }
  await page.goBack();
  await appShows(page, ROUTES[5].heading);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

test('every route renders on a deep link and after a reload, with one h1 and its own title', async ({ page }) => {
  for (const route of ROUTES) {
    await page.goto(route.path);
    await appShows(page, route.heading);
    await expect(page).toHaveTitle(route.title);
    await expect(page.locator('h1')).toHaveCount(1);
    await page.reload();
    await appShows(page, route.heading);
    await expect(page).toHaveTitle(route.title);
  }
});

test('an unknown address shows the 404 page', async ({ page }) => {
  await page.goto('/cette-page-n-existe-pas');
  await appShows(page, 'Page introuvable');
  await expect(page).toHaveTitle('Page introuvable · Service Photo');
  await page.getByRole('link', { name: "Retour à l’accueil" }).click();
  await appShows(page, ROUTES[0].heading);
});

test('the cart link shows the item count', async ({ page }) => {
  await page.goto('/');
  await appShows(page, ROUTES[0].heading);
  const cart = page.getByRole('link', { name: 'Panier, vide' });
  await expect(cart).toHaveText('Panier 0');
});

test('the payment methods page names every brand and wallet and both debit timings', async ({ page }) => {
  await page.goto('/modes-de-paiement');
  await appShows(page, 'Nos modes de paiement');
  const main = page.getByRole('main');
  for (const name of ['Visa', 'Carte Bleue', 'American Express', 'Mastercard', 'Maestro', 'Google Pay', 'Apple Pay']) {
    await expect(main.getByText(name, { exact: false }).first()).toBeVisible();
  }
  const cards = ['Cartes Visa et Carte Bleue', 'Carte American Express', 'Cartes Mastercard et Maestro'];
  for (const heading of cards) {
    const section = page.getByRole('region', { name: heading });
    await expect(section).toContainText("débité seulement à l’expédition de vos produits");
    await expect(section).toContainText('numéro de votre carte');
    await expect(section).toContainText("date d’expiration");
    await expect(section).toContainText('ne les enregistre jamais');
  }
  const amex = page.getByRole('region', { name: 'Carte American Express' });
  await expect(amex).toContainText('code de sécurité à 4 chiffres');
  await expect(amex).not.toContainText('3 chiffres');
  const wallets = page.getByRole('region', { name: 'Google Pay et Apple Pay' });
  await expect(wallets).toContainText('débité pendant le traitement de la commande');
  await expect(wallets).toContainText('en un clic');
});

test('the static shell paints the header before the wasm, and the app takes over without a jump', async ({ browser }) => {
  const measure = async (page: import('@playwright/test').Page) =>
    page.evaluate(() => {
      const box = (selector: string) => {
        const rect = document.querySelector(selector)!.getBoundingClientRect();
        return [rect.x, rect.y, rect.width, rect.height].map(Math.round);
      };
      return {
        header: box('.site-header'),
        brand: box('.brand'),
        nav: box('.site-nav'),
        links: [...document.querySelectorAll('.site-nav a')].map((a) => a.textContent?.replace(/\s+/g, ' ').trim()),
        // The page's opening, painted by the shell then by the app.
        heading: box('h1'),
        lead: box('.lead'),
      };
    });
  const shellOnly = await browser.newPage();
  await shellOnly.route('**/*.wasm', (route) => route.abort());
  await shellOnly.goto('/aide');
  await expect(shellOnly.locator('#static-shell')).toBeVisible();
  await expect(shellOnly.getByRole('status')).toHaveText('Chargement…');
  await expect(shellOnly.getByRole('heading', { level: 1 })).toHaveText('Aide et service client');
  const before = await measure(shellOnly);
  await shellOnly.close();

  const app = await browser.newPage();
  await app.goto('/aide');
  await appShows(app, 'Aide et service client');
  const after = await measure(app);
  await app.close();
  expect(after).toEqual(before);
});

test('a 375 px wide phone never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  for (const route of [...ROUTES, { path: '/inconnue', heading: 'Page introuvable' }]) {
    await page.goto(route.path);
    await appShows(page, route.heading);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, route.path).toBeLessThanOrEqual(0);
  }
});

test('the header works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await appShows(page, ROUTES[0].heading);
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim());
  const expected = ['Aller au contenu', 'Service Photo', 'Suivi de commande', 'Aide et service client', 'Compte', 'Panier 0'];
  for (const text of expected) {
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(text);
  }
  // "Compte" is two steps back; Enter follows it and focus lands on the new page's heading.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/compte');
  await appShows(page, 'Compte');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // The skip link takes keyboard users past the header.
  await page.goto('/aide');
  await appShows(page, 'Aide et service client');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the language switch shows English and remembers it', async ({ page }) => {
  await page.goto('/aide');
  await appShows(page, 'Aide et service client');
  await page.getByRole('button', { name: 'Afficher le site en anglais' }).click();
  await appShows(page, 'Help and customer service');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Help and customer service · Service Photo');
  await page.reload();
  await appShows(page, 'Help and customer service');
  await page.getByRole('button', { name: 'Show the site in French' }).click();
  await appShows(page, 'Aide et service client');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('no serious or critical accessibility violation on any page', async ({ page }) => {
  for (const route of [...ROUTES, { path: '/inconnue', heading: 'Page introuvable' }]) {
    await page.goto(route.path);
    await appShows(page, route.heading);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help}`);
    expect(serious, route.path).toEqual([]);
  }
});

test('the home page lists the catalogue with the server prices in French form', async ({ page }) => {
  await page.goto('/');
  await appShows(page, ROUTES[0].heading);
  const products = page.getByRole('region', { name: 'Nos produits photo' }).getByRole('listitem');
  await expect(products).toHaveCount(4);
  await expect(products.nth(0)).toContainText('Tirages photo');
  await expect(products.nth(0)).toContainText('à partir de 0,12 €');
  await expect(products.nth(1)).toContainText('Livre photo');
  await expect(products.nth(1)).toContainText('à partir de 29,99 €');
  await page.getByRole('button', { name: 'Afficher le site en anglais' }).click();
  const inEnglish = page.getByRole('region', { name: 'Our photo products' }).getByRole('listitem');
  await expect(inEnglish.nth(0)).toContainText('Photo prints');
  await expect(inEnglish.nth(0)).toContainText('from 0,12 €');
  await page.getByRole('button', { name: 'Show the site in French' }).click();
});

test('when the catalogue cannot be loaded, the shopper is told and can retry', async ({ page, watch }) => {
  watch.allowProblems('the refused catalogue request is logged by the browser');
  await page.route('**/api/v1/catalogue', (route) => route.abort());
  await page.goto('/');
  await appShows(page, ROUTES[0].heading);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Le catalogue n’a pas pu être chargé.");
  await page.unroute('**/api/v1/catalogue');
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('region', { name: 'Nos produits photo' }).getByRole('listitem')).toHaveCount(4);
});

test('a page whose code cannot be loaded says so and loads on retry; the rest of the shop keeps working', async ({ page, watch }) => {
  watch.allowProblems('the refused chunk request is logged by the browser and the loader');
  await page.goto('/');
  await appShows(page, ROUTES[0].heading);
  // Each page but the home page is its own wasm module, fetched on first visit.
  await page.route('**/split_cart.wasm', (route) => route.abort());
  await page.getByRole('link', { name: /^Panier/ }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Cette page n’a pas pu être chargée.');
  await expect(page.getByRole('link', { name: 'Aide et service client' })).toBeVisible();
  await page.unroute('**/split_cart.wasm');
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Panier');
  await page.getByRole('link', { name: 'Aide et service client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aide et service client');
});

test('the home page downloads no other page’s code', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname.split('/').pop()!);
  });
  await page.goto('/');
  await appShows(page, ROUTES[0].heading);
  await expect(page.getByRole('region', { name: 'Nos produits photo' }).getByRole('listitem')).toHaveCount(4);
  expect(wasm).toEqual(['storefront_bg.wasm']);
});

test('the first answers a page reads are fetched with the page, once, and none is left unread', async ({ page }) => {
  // The start script in index.html (xtask/src/storefront/boot.rs) preloads
  // them; the app's own request must then be served by the preload: one
  // request each, made by the preload (Playwright's type "other"), never a
  // second one of type "fetch". A preload nobody reads makes Chromium warn.
  test.setTimeout(90_000);
  const pages = [
    { path: '/', heading: ROUTES[0].heading, catalogue: true },
    { path: '/panier', heading: 'Panier', catalogue: true },
    { path: '/creer/poster', heading: 'Poster', catalogue: true },
    { path: '/aide', heading: 'Aide et service client', catalogue: false, content: '/content/fr/help.json' },
    { path: '/aide/livraison/etranger', heading: 'Livrez-vous à l’étranger\u00a0?', catalogue: false, content: '/content/fr/help.json' },
    { path: '/aide/contact', heading: 'Écrire au service client', catalogue: false },
    { path: '/cgv', heading: 'Conditions générales de vente', catalogue: false, content: '/content/fr/legal.json' },
    { path: '/modes-de-paiement', heading: 'Nos modes de paiement', catalogue: false },
    // Under /compte, with a module of its own (not the account page's).
    { path: '/compte/mot-de-passe-oublie', heading: 'Mot de passe oublié', catalogue: false },
    // Last: from here on the shopper has chosen English.
    { path: '/confidentialite', heading: 'Privacy policy', catalogue: false, content: '/content/en/legal.json', english: true },
  ];
  for (const { path, heading, catalogue, content, english } of pages) {
    if (english) await page.addInitScript(() => localStorage.setItem('service-photo.locale', 'en'));
    const requests: Record<string, string[]> = { session: [], catalogue: [], content: [] };
    const warnings: string[] = [];
    const onRequest = (request: import('@playwright/test').Request) => {
      const at = new URL(request.url()).pathname;
      const name = at.startsWith('/content/') ? 'content' : at.replace('/api/v1/', '');
      if (name in requests) requests[name].push(name === 'content' ? `${request.resourceType()} ${at}` : request.resourceType());
    };
    const onConsole = (message: import('@playwright/test').ConsoleMessage) => {
      if (message.type() === 'warning' && /preload/i.test(message.text())) warnings.push(message.text());
    };
    page.on('request', onRequest);
    page.on('console', onConsole);
    await page.goto(path);
    await appShows(page, heading);
    // Chromium reports an unread preload a few seconds after the load event.
    await page.waitForTimeout(3_500);
    page.off('request', onRequest);
    page.off('console', onConsole);
    expect(requests.session, `${path}: the session`).toEqual(['other']);
    expect(requests.catalogue, `${path}: the catalogue`).toEqual(catalogue ? ['other'] : []);
    expect(requests.content, `${path}: its texts`).toEqual(content ? [`other ${content}`] : []);
    expect(warnings, `${path}: unread preloads`).toEqual([]);
  }
});

test('the static shell opens the pages that begin with fixed text as the app does, in French only', async ({ browser }) => {
  const opening = async (page: import('@playwright/test').Page) => ({
    heading: await page.getByRole('heading', { level: 1 }).textContent(),
    lead: (await page.locator('main .lead').allTextContents())[0] ?? null,
  });
  for (const path of ['/', '/panier', '/aide', '/modes-de-paiement', '/compte/confirmer-adresse', '/compte/mot-de-passe-oublie', '/compte/nouveau-mot-de-passe']) {
    const shellOnly = await browser.newPage();
    await shellOnly.route('**/*.wasm', (route) => route.abort());
    await shellOnly.goto(path);
    await expect(shellOnly.locator('#static-shell')).toBeVisible();
    const before = await opening(shellOnly);
    await shellOnly.close();
    const app = await browser.newPage();
    await app.goto(path);
    await appShows(app, before.heading ?? '');
    expect(await opening(app), path).toEqual(before);
    await app.close();
  }
  // While the page's own code is on its way, the app shows the same
  // opening above its status: it never blinks out.
  const slow = await browser.newPage();
  await slow.route('**/split_payment_methods.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await slow.goto('/modes-de-paiement');
  await expect(slow.locator('#static-shell')).toHaveCount(0);
  await expect(slow.getByRole('status')).toHaveText('Chargement de la page…');
  await expect(slow.getByRole('heading', { level: 1 })).toHaveText('Nos modes de paiement');
  await expect(slow.locator('main .lead')).toHaveText(/^Voici les modes de paiement/);
  await expect(slow.locator('section.payment-method').first()).toBeVisible();
  await expect(slow.getByRole('heading', { level: 1 })).toHaveCount(1);
  await slow.close();
  // A shopper who chose English is not shown French lines before the app.
  const english = await browser.newPage();
  await english.addInitScript(() => localStorage.setItem('service-photo.locale', 'en'));
  await english.route('**/*.wasm', (route) => route.abort());
  await english.goto('/aide');
  await expect(english.getByRole('status')).toHaveText('Chargement…');
  await expect(english.getByRole('heading', { level: 1 })).toHaveCount(0);
  await english.close();
});
