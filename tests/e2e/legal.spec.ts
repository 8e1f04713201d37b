// The legal pages: reachable from every page's footer, in French with an
// English version, with what the law requires; the static shell's footer
// has the same links; axe finds no serious or critical violation, also at
// 375 px wide.
import { test, expect, appShows, ROUTES } from './fixtures';
import { serious } from './shopper';

const LEGAL = [
  { link: 'Mentions légales', path: '/mentions-legales', heading: 'Mentions légales', english: 'Legal notice' },
  { link: 'Conditions générales de vente', path: '/cgv', heading: 'Conditions générales de vente', english: 'Terms of sale' },
  { link: 'Confidentialité', path: '/confidentialite', heading: 'Politique de confidentialité', english: 'Privacy policy' },
  { link: 'Cookies et stockage', path: '/cookies', heading: 'Cookies et stockage', english: 'Cookies and storage' },
  { link: 'Accessibilité : partiellement conforme', path: '/accessibilite', heading: 'Déclaration d’accessibilité', english: 'Accessibility statement' },
];

test('each legal page is reachable from the footer of any page, without reloading', async ({ page }) => {
  for (const start of ROUTES.filter((route) => ['/', '/aide', '/panier'].includes(route.path))) {
    await page.goto(start.path);
    await appShows(page, start.heading);
    await page.evaluate(() => ((window as any).__sameDocument = true));
    for (const legal of LEGAL) {
      await page.getByRole('contentinfo').getByRole('link', { name: legal.link, exact: true }).click();
      await expect(page).toHaveURL(legal.path);
      await appShows(page, legal.heading);
      await expect(page).toHaveTitle(`${legal.heading} · Service Photo`);
      await expect(page.locator('h1')).toHaveCount(1);
    }
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  }
});

test('a direct load of each legal page shows it, and its English version', async ({ page }) => {
  for (const legal of LEGAL) {
    await page.goto(legal.path);
    await appShows(page, legal.heading);
    await page.getByRole('button', { name: 'Afficher le site en anglais' }).click();
    await appShows(page, legal.english);
    await page.getByRole('button', { name: 'Show the site in French' }).click();
    await appShows(page, legal.heading);
  }
});

test('the CGV state prices, debit timing per method, the missing withdrawal right, the guarantees, the mediator and their version', async ({ page }) => {
  await page.goto('/cgv');
  await appShows(page, 'Conditions générales de vente');
  const main = page.getByRole('main');
  await expect(main).toContainText(/Version en vigueur\s:\s2026-12-01\./);
  await expect(main).toContainText('toutes taxes comprises');
  await expect(main).toContainText('votre compte n’est débité qu’à l’expédition de vos produits');
  await expect(main).toContainText('débité pendant le traitement de la commande');
  const withdrawal = page.getByRole('region', { name: '7. Absence de droit de rétractation' });
  await expect(withdrawal).toContainText('L221-28 3°');
  const guarantees = page.getByRole('region', { name: '8. Garanties légales' });
  await expect(guarantees).toContainText('L217-3');
  await expect(guarantees).toContainText('1641');
  await expect(main).toContainText('médiateur de la consommation');
  // The table of contents leads to its section.
  await page.getByRole('navigation', { name: 'Sommaire' }).getByRole('link', { name: '6. Livraison' }).click();
  await expect(page.getByRole('heading', { name: '6. Livraison' })).toBeInViewport();
  await expect(main).toContainText('4,99');
});

test('the cookies page names the session cookie and what the browser keeps; the accessibility statement its status and recourse', async ({ page }) => {
  await page.goto('/cookies');
  await appShows(page, 'Cookies et stockage');
  const main = page.getByRole('main');
  for (const name of ['sp_session', 'service-photo.panier', 'service-photo-projets', 'service-photo.commande.cle']) {
    await expect(main).toContainText(name);
  }
  await expect(main).toContainText('Aucun traceur');
  await page.goto('/accessibilite');
  await appShows(page, 'Déclaration d’accessibilité');
  await expect(main).toContainText('partiellement conforme');
  await expect(main).toContainText('Défenseur des droits');
  await page.goto('/confidentialite');
  await appShows(page, 'Politique de confidentialité');
  await expect(main).toContainText('CNIL');
});

test('the static shell’s footer has the app’s links', async ({ browser }) => {
  const links = (page: import('@playwright/test').Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('.site-footer a')].map((a) => [a.getAttribute('href'), a.textContent?.replace(/\s+/g, ' ').trim()]),
    );
  const shellOnly = await browser.newPage();
  await shellOnly.route('**/*.wasm', (route) => route.abort());
  await shellOnly.goto('/cgv');
  await expect(shellOnly.locator('#static-shell')).toBeVisible();
  const before = await links(shellOnly);
  await shellOnly.close();
  const app = await browser.newPage();
  await app.goto('/cgv');
  await appShows(app, 'Conditions générales de vente');
  const after = await links(app);
  await app.close();
  expect(before).toHaveLength(6);
  expect(after).toEqual(before);
});

for (const width of [1280, 375]) {
  test(`no serious or critical accessibility violation on the legal pages, ${width} px wide`, async ({ page }) => {
    // Five axe runs on long pages: more than the default 30 s on a busy 2-core machine.
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 800 });
    for (const legal of LEGAL) {
      await page.goto(legal.path);
      await appShows(page, legal.heading);
      expect(await serious(page), `${legal.path} at ${width} px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${legal.path} at ${width} px`).toBeLessThanOrEqual(0);
    }
  });
}
