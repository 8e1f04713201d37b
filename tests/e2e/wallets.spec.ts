// Apple Pay and Google Pay through the Payment Request API. No browser in a
// test has a real wallet, so a test double of `PaymentRequest` is installed
// before the page loads: it records the method data, details and results it
// receives, says it can pay for the configured methods, and answers `show()`
// with the token shapes of psp-sandbox/API.md ("Wallets"); for Apple Pay it
// first dispatches `merchantvalidation` and waits for the session (and an
// empty `ApplePaySession` stands for WebKit, where alone Apple Pay is asked). Everything
// after the sheet is real: the shop server, the PSP sandbox's authorization
// and capture, the card frame after a refusal.
import type { Page } from '@playwright/test';
import { test, expect, appShows } from './fixtures';
import { CARD_FRAME, cartLink, fillCard, serious, stepHeading, toCheckout, toReview } from './shopper';

const OPERATOR_TOKEN = process.env.OPERATOR_TOKEN ?? '';
const APPLE_PAY = 'https://apple.com/apple-pay';
const GOOGLE_PAY = 'https://google.com/pay';
const VALIDATION_URL = 'https://apple-pay-gateway.apple.com/paymentservices/startSession';

// `approve_then_timeout`: the sandbox captures, then its answer is lost.
type Outcome = 'approve' | 'decline' | 'cancel' | 'approve_then_timeout';
type Double = { methods: string[]; outcome: Outcome; absent?: boolean };
type Record = {
  requests: { methodData: any[]; details: any }[];
  shows: number;
  completes: string[];
  validations: any[];
};

/** Installs the double (or removes `PaymentRequest`) in every page and frame. */
async function installWallet(page: Page, double: Double) {
  await page.addInitScript((double: Double) => {
    // The PSP's card page is framed: it has no business with wallets.
    if (window.top !== window) return;
    if (double.absent) {
      delete (window as any).PaymentRequest;
      return;
    }
    const record = { requests: [] as any[], shows: 0, completes: [] as string[], validations: [] as any[] };
    (window as any).__wallet = record;
    // The outcome can change between two sheets of one test.
    (window as any).__walletOutcome = double.outcome;
    const copy = (value: unknown) => JSON.parse(JSON.stringify(value));

    class PaymentRequestDouble extends EventTarget {
      state = 'created';
      methodData: any[];
      constructor(methodData: any[], details: any) {
        super();
        this.methodData = methodData;
        record.requests.push({ methodData: copy(methodData), details: copy(details) });
      }

      canMakePayment() {
        return Promise.resolve(this.methodData.some((m) => double.methods.includes(m.supportedMethods)));
      }

      abort() {
        this.state = 'closed';
        return Promise.resolve();
      }

      async show() {
        if (this.state !== 'created') throw new DOMException('This request was shown already', 'InvalidStateError');
        this.state = 'interactive';
        record.shows += 1;
        const outcome: Outcome = (window as any).__walletOutcome;
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (outcome === 'cancel') {
          this.state = 'closed';
          throw new DOMException('The shopper closed the sheet', 'AbortError');
        }
        const methodName = this.methodData[0].supportedMethods;
        let details: any;
        if (methodName === 'https://apple.com/apple-pay') {
          const session = await new Promise((resolve, reject) => {
            const event: any = new Event('merchantvalidation');
            event.validationURL = 'https://apple-pay-gateway.apple.com/paymentservices/startSession';
            event.complete = (value: unknown) => Promise.resolve(value).then(resolve, reject);
            this.dispatchEvent(event);
          });
          record.validations.push(copy(session));
          details = {
            token: {
              paymentData: { sandbox: outcome },
              paymentMethod: { network: 'Visa', displayName: 'Visa 4242', type: 'debit' },
              transactionIdentifier: 't1',
            },
          };
        } else {
          details = {
            paymentMethodData: {
              type: 'CARD',
              info: { cardNetwork: 'VISA', cardDetails: '4242' },
              tokenizationData: { type: 'PAYMENT_GATEWAY', token: JSON.stringify({ sandbox: outcome }) },
            },
          };
        }
        const request = this;
        return {
          requestId: 'r1',
          methodName,
          details,
          complete(result?: string) {
            record.completes.push(result ?? 'unknown');
            request.state = 'closed';
            return Promise.resolve();
          },
          toJSON() {
            return { methodName, details };
          },
        };
      }
    }
    (window as any).PaymentRequest = PaymentRequestDouble;
    // Apple Pay is offered only where WebKit's `ApplePaySession` exists.
    if (double.methods.includes('https://apple.com/apple-pay') && !('ApplePaySession' in window)) {
      (window as any).ApplePaySession = class ApplePaySessionDouble {};
    }
  }, double);
}

const record = (page: Page): Promise<Record> => page.evaluate(() => (window as any).__wallet);
const appleButton = (page: Page) => page.getByRole('button', { name: 'Payer avec Apple Pay' });
const googleButton = (page: Page) => page.getByRole('button', { name: 'Payer avec Google Pay' });
const DEBIT_SENTENCE = 'Avec Apple Pay ou Google Pay, votre compte est débité pendant le traitement de la commande.';

/** From the summary to the payment step, where the wallets and the card frame are. */
async function toPayment(page: Page) {
  await page.getByRole('button', { name: 'Payer par carte' }).click();
  await expect(stepHeading(page)).toContainText('Paiement');
  await expect(page.frameLocator(CARD_FRAME).getByLabel('Numéro de carte')).toBeVisible();
}

/** The wallet POSTs this page sent (token and merchant validation). */
function walletPosts(page: Page) {
  const posts: { url: string; body: any }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/v1\/orders\/[^/]+\/wallet/.test(request.url())) {
      posts.push({ url: request.url(), body: request.postDataJSON() });
    }
  });
  return posts;
}

async function debited(page: Page) {
  await expect(page).toHaveURL(/\/commandes\/[^/]+$/, { timeout: 20_000 });
  await appShows(page, 'Commande confirmée');
  await expect(page.getByText('Commande confirmée — votre compte a été débité')).toBeVisible();
  await expect(page.locator('.order-status')).toHaveText('payée et débitée');
  await expect(cartLink(page)).toHaveAttribute('aria-label', 'Panier, vide');
}

/** The total the summary shows, as the Payment Request value ("45.99"). */
async function shownTotal(page: Page): Promise<string> {
  const text = (await page.locator('dd.cart-totals__total').textContent()) ?? '';
  return text.replace(/[^\d,]/g, '').replace(',', '.');
}

// These journeys need the shop server's wallet endpoints
// (`GET /api/v1/wallets`, `POST /api/v1/orders/{id}/wallet[/merchant-session]`).
test.describe('wallets through the Payment Request API', () => {
  test('Apple Pay: merchant validation by the server, then paid and debited at once', async ({ page }) => {
    test.setTimeout(90_000);
    await installWallet(page, { methods: [APPLE_PAY], outcome: 'approve' });
    const posts = walletPosts(page);
    await toCheckout(page);
    await toReview(page);
    const total = await shownTotal(page);
    await toPayment(page);
    await expect(appleButton(page)).toBeVisible();
    await expect(googleButton(page)).toBeHidden();
    await expect(appleButton(page)).toHaveAttribute('lang', 'fr');
    await expect(page.getByText(DEBIT_SENTENCE)).toBeVisible();
    // Above the card form.
    const buttonBox = (await appleButton(page).boundingBox())!;
    const frameBox = (await page.locator(CARD_FRAME).boundingBox())!;
    expect(buttonBox.y).toBeLessThan(frameBox.y);
    expect(buttonBox.height).toBeGreaterThanOrEqual(44);
    expect(await serious(page)).toEqual([]);

    // The request was built before the click, with Apple Pay's method data.
    const before = await record(page);
    const apple = before.requests.find((r) => r.methodData[0].supportedMethods === APPLE_PAY)!;
    expect(apple.methodData[0].data).toMatchObject({
      version: 3,
      merchantCapabilities: ['supports3DS'],
      supportedNetworks: ['cartesBancaires', 'visa', 'masterCard', 'maestro', 'amex'],
      countryCode: 'FR',
    });
    expect(apple.methodData[0].data.merchantIdentifier).toBeTruthy();
    expect(apple.details.total.amount).toEqual({ currency: 'EUR', value: total });
    expect(before.shows).toBe(0);

    // Keyboard: a real button.
    await appleButton(page).focus();
    await page.keyboard.press('Enter');
    await debited(page);
    const after = await record(page);
    expect(after.shows).toBe(1);
    expect(after.validations).toHaveLength(1);
    expect(after.validations[0]).toHaveProperty('merchantSessionIdentifier');
    expect(after.completes).toEqual(['success']);
    const validation = posts.find((p) => p.url.endsWith('/wallet/merchant-session'))!;
    expect(validation.body).toEqual({ validation_url: VALIDATION_URL });
    const payment = posts.find((p) => p.url.endsWith('/wallet'))!;
    expect(payment.body.method).toBe('apple_pay');
    expect(JSON.parse(payment.body.token_json)).toEqual({
      paymentData: { sandbox: 'approve' },
      paymentMethod: { network: 'Visa', displayName: 'Visa 4242', type: 'debit' },
      transactionIdentifier: 't1',
    });
  });

  test('Google Pay: the PSP gateway tokenizes, the order shows debited right away', async ({ page }) => {
    test.setTimeout(90_000);
    await installWallet(page, { methods: [GOOGLE_PAY], outcome: 'approve' });
    const posts = walletPosts(page);
    await toCheckout(page);
    await toReview(page);
    await toPayment(page);
    await expect(googleButton(page)).toBeVisible();
    await expect(appleButton(page)).toBeHidden();
    const google = (await record(page)).requests.find((r) => r.methodData[0].supportedMethods === GOOGLE_PAY)!;
    expect(google.methodData[0].data).toMatchObject({
      apiVersion: 2,
      apiVersionMinor: 0,
      allowedPaymentMethods: [
        {
          type: 'CARD',
          parameters: {
            allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'],
            allowedCardNetworks: ['AMEX', 'MASTERCARD', 'VISA'],
          },
          tokenizationSpecification: {
            type: 'PAYMENT_GATEWAY',
            parameters: { gateway: 'psp-sandbox', gatewayMerchantId: 'sandbox-merchant' },
          },
        },
      ],
    });
    expect(google.methodData[0].data.environment).toBe('TEST');
    expect(google.methodData[0].data.merchantInfo.merchantName).toBeTruthy();

    await googleButton(page).click();
    await debited(page);
    expect((await record(page)).completes).toEqual(['success']);
    expect(posts.filter((p) => p.url.endsWith('/merchant-session'))).toHaveLength(0);
    const payment = posts.find((p) => p.url.endsWith('/wallet'))!;
    expect(payment.body.method).toBe('google_pay');
    expect(JSON.parse(payment.body.token_json).tokenizationData.token).toBe('{"sandbox":"approve"}');

    // The order list says it too.
    const orderUrl = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Suivi de commande' }).click();
    await appShows(page, 'Suivi de commande');
    await expect(page.locator(`a[href="${orderUrl}"]`).locator('..')).toContainText('payée et débitée');
  });

  test('Google Pay: the PSP times out after capturing; the shop asks it, and the order is paid, debited once', async ({ page }) => {
    test.setTimeout(90_000);
    await installWallet(page, { methods: [GOOGLE_PAY], outcome: 'approve_then_timeout' });
    await toCheckout(page);
    await toReview(page);
    await toPayment(page);
    await googleButton(page).click();
    // The shopper sees an ordinary success: the shop resolved the lost
    // answer with the PSP before saying anything.
    await debited(page);
    expect((await record(page)).completes).toEqual(['success']);
    // One debit: the card page is closed, the wallet payment captured once.
    const orderId = new URL(page.url()).pathname.split('/').pop();
    const history = await page.request.get(`/api/v1/operator/orders/${orderId}/payments`, {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect(history.status()).toBe(200);
    const payments: { status: string; method: string; captured: { cents: number } }[] = (await history.json()).payments;
    const debits = payments.filter((payment) => payment.captured.cents > 0);
    expect(debits).toHaveLength(1);
    expect(debits[0].method).toBe('google_pay');
    expect(payments.filter((payment) => payment.method === 'card').every((payment) => payment.status !== 'authorized')).toBe(true);
  });

  test('Google Pay is offered where the shopper chooses how to pay, and one click there pays', async ({ page }) => {
    test.setTimeout(90_000);
    await installWallet(page, { methods: [GOOGLE_PAY], outcome: 'approve' });
    const posts = walletPosts(page);
    const creations: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/orders')) {
        creations.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    await toCheckout(page);
    await toReview(page);
    const total = await shownTotal(page);
    // On the summary, beside the card: no card page yet.
    await expect(googleButton(page)).toBeVisible();
    await expect(page.locator(CARD_FRAME)).toHaveCount(0);
    await expect(page.getByText(DEBIT_SENTENCE)).toBeVisible();
    expect(await serious(page)).toEqual([]);
    const google = (await record(page)).requests.find((r) => r.methodData[0].supportedMethods === GOOGLE_PAY)!;
    expect(google.details.total.amount).toEqual({ currency: 'EUR', value: total });

    await googleButton(page).click();
    await debited(page);
    expect((await record(page)).completes).toEqual(['success']);
    expect(new Set(creations).size).toBe(1);
    expect(posts.filter((p) => p.url.endsWith('/wallet'))).toHaveLength(1);
  });

  test('Apple Pay from the summary: the order is made for the merchant validation, then paid', async ({ page }) => {
    test.setTimeout(90_000);
    await installWallet(page, { methods: [APPLE_PAY], outcome: 'approve' });
    const posts = walletPosts(page);
    await toCheckout(page);
    await toReview(page);
    await expect(appleButton(page)).toBeVisible();
    await appleButton(page).click();
    await debited(page);
    const after = await record(page);
    expect(after.validations).toHaveLength(1);
    expect(after.completes).toEqual(['success']);
    expect(posts.filter((p) => p.url.endsWith('/wallet/merchant-session'))).toHaveLength(1);
    expect(posts.filter((p) => p.url.endsWith('/wallet'))).toHaveLength(1);
  });

  test('a closed sheet is explained, and the card form still pays', async ({ page }) => {
    test.setTimeout(90_000);
    await installWallet(page, { methods: [GOOGLE_PAY], outcome: 'cancel' });
    const posts = walletPosts(page);
    await toCheckout(page);
    await toReview(page);
    await toPayment(page);
    await googleButton(page).click();
    await expect(page.getByText('Paiement annulé : vous pouvez payer par carte ou réessayer.')).toBeVisible();
    expect(posts).toHaveLength(0);
    expect((await record(page)).completes).toEqual([]);
    // Another try is possible (a fresh request: a request is shown once).
    await expect(googleButton(page)).toBeEnabled();
    await googleButton(page).click();
    await expect.poll(async () => (await record(page)).shows).toBe(2);
    await expect(page.getByText('Paiement annulé : vous pouvez payer par carte ou réessayer.')).toBeVisible();

    await fillCard(page.frameLocator(CARD_FRAME), '4242 4242 4242 4242');
    await appShows(page, 'Commande confirmée');
    await expect(page.getByText("Commande confirmée — votre carte sera débitée à l’expédition")).toBeVisible();
  });

  test('a wallet refused by the PSP is explained like a card, then a card pays the same order', async ({ page }) => {
    test.setTimeout(90_000);
    await installWallet(page, { methods: [GOOGLE_PAY], outcome: 'decline' });
    await toCheckout(page);
    await toReview(page);
    await toPayment(page);
    const firstCardPage = await page.locator(CARD_FRAME).getAttribute('src');
    await googleButton(page).click();
    await expect(page.getByText('Votre banque a refusé le paiement. Essayez une autre carte ou contactez votre banque.')).toBeVisible({ timeout: 20_000 });
    expect((await record(page)).completes).toEqual(['fail']);
    await expect(page).toHaveURL(/\/commande$/);
    // The same order, still payable by card — on a fresh card page (the
    // first one was closed when the wallet was tried): wait until the frame
    // has loaded it before typing.
    await expect(page.locator(CARD_FRAME)).toBeVisible();
    await expect(page.locator(CARD_FRAME)).not.toHaveAttribute('src', firstCardPage!);
    const freshCardPage = (await page.locator(CARD_FRAME).getAttribute('src'))!;
    await expect.poll(() => page.frames().some((f) => f.url() === freshCardPage)).toBe(true);
    await fillCard(page.frameLocator(CARD_FRAME), '4242 4242 4242 4242');
    await appShows(page, 'Commande confirmée');
    await expect(page.getByText("Commande confirmée — votre carte sera débitée à l’expédition")).toBeVisible();
  });

  test('a double click opens one sheet and sends one payment', async ({ page }) => {
    test.setTimeout(90_000);
    await installWallet(page, { methods: [APPLE_PAY, GOOGLE_PAY], outcome: 'approve' });
    const posts = walletPosts(page);
    await toCheckout(page);
    await toReview(page);
    await toPayment(page);
    await expect(appleButton(page)).toBeVisible();
    await expect(googleButton(page)).toBeVisible();
    await googleButton(page).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
      button.click();
    });
    // The other wallet waits too: one sheet at a time.
    await appleButton(page).evaluate((button: HTMLButtonElement) => button.click());
    await debited(page);
    const after = await record(page);
    expect(after.shows).toBe(1);
    expect(after.completes).toEqual(['success']);
    expect(posts.filter((p) => p.url.endsWith('/wallet'))).toHaveLength(1);
  });

  test('without PaymentRequest no wallet is offered, and cards still pay', async ({ page }) => {
    test.setTimeout(90_000);
    await installWallet(page, { methods: [], outcome: 'approve', absent: true });
    await toCheckout(page);
    await toReview(page);
    await toPayment(page);
    await expect(page.getByRole('button', { name: /^Payer avec/ })).toHaveCount(0);
    await expect(page.getByText(DEBIT_SENTENCE)).toBeHidden();
    await fillCard(page.frameLocator(CARD_FRAME), '4242 4242 4242 4242');
    await appShows(page, 'Commande confirmée');
  });
});
