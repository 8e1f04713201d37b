// Every page opened in a test is watched: a console error, an uncaught
// exception or a Content-Security-Policy violation fails the test.
import { test as base, expect } from '@playwright/test';

export const PSP_URL = process.env.PSP_URL ?? '';

export const ROUTES = [
  { path: '/', heading: 'Vos photos, imprimées avec soin', title: 'Accueil · Service Photo' },
  { path: '/panier', heading: 'Panier', title: 'Panier · Service Photo' },
  { path: '/compte', heading: 'Compte', title: 'Compte · Service Photo' },
  { path: '/suivi-de-commande', heading: 'Suivi de commande', title: 'Suivi de commande · Service Photo' },
  { path: '/aide', heading: 'Aide et service client', title: 'Aide et service client · Service Photo' },
  { path: '/modes-de-paiement', heading: 'Nos modes de paiement', title: 'Nos modes de paiement · Service Photo' },
];

type Watch = { problems: string[]; allowProblems: (reason: string) => void };

export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ page }, use) => {
      const problems: string[] = [];
      let allowed = false;
      await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP violation: ${text}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as any).__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && !isHandledRefusal(message) && !isOfflineWalletManifest(message)) {
          problems.push(`console error: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use({ problems, allowProblems: () => { allowed = true; } });
      if (!allowed) expect(problems, 'console errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Chromium logs every 4xx answer as a console error. A form the shopper
 * sent and the server refused (sign-in with a wrong password: 401; a
 * refused sign-up: 400/409; throttled: 429), an e-mailed link that no
 * longer works (400 `invalid_link`) or asked again too soon (429), or the
 * account settings' wrong password (400) and refused deletion (409), is an
 * answer the page shows, not a fault. Nothing else is: "signed out" and
 * "no address yet" are answered with 200.
 */
function isHandledRefusal(message: import('@playwright/test').ConsoleMessage): boolean {
  const url = message.location().url ?? '';
  const handled = /\/api\/v1\/(session|account(\/password|\/email(\/confirm)?|\/verification(\/confirm)?)?|password-reset(\/confirm)?)$/.test(url);
  return handled && /status of (400|401|409|429)/.test(message.text());
}

/**
 * `canMakePayment()` makes Chromium download Google Pay's payment method
 * manifest; the test machines have no internet, so Chromium logs that the
 * download failed. The storefront then offers no Google Pay, as it should.
 */
function isOfflineWalletManifest(message: import('@playwright/test').ConsoleMessage): boolean {
  return /^Unable to download payment manifest "https:\/\/google\.com\/pay"\. ERR_/.test(message.text());
}

/**
 * Waits until the wasm app (not the static shell) shows the page. The
 * heading alone does not say so: the first page keeps the shell's heading
 * while its own code is on its way, and what arrives then moves the footer.
 */
export async function appShows(page: import('@playwright/test').Page, heading: string) {
  await expect(page.locator('#static-shell')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.getByRole('status').filter({ hasText: /^(Chargement de la page|Loading the page)…$/ })).toHaveCount(0);
}

export { expect };
