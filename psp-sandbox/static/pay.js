// The hosted card page: formats and checks what the shopper types (the
// server checks it all again), sends the card to the sandbox only, and
// tells the framing shop its height and the payment's status — never the
// card — with postMessage to the payment's allowed origin only.
"use strict";

(() => {
  const body = document.body;
  const paymentId = body.dataset.paymentId;
  const parentOrigin = body.dataset.parentOrigin;
  const main = document.getElementById("psp");
  const cardForm = document.getElementById("card-form");
  const challengeForm = document.getElementById("challenge-form");
  const outcome = document.getElementById("outcome");
  const field = (id) => document.getElementById(id);

  // Keep in step with src/cards/brand.rs.
  const CB_PREFIXES = ["497010", "513285"];
  const BRAND_NAMES = {
    visa: "Visa",
    mastercard: "Mastercard",
    maestro: "Maestro",
    amex: "American Express",
    cartes_bancaires: "CB",
  };
  const LENGTHS = {
    visa: [13, 16, 19],
    mastercard: [16],
    amex: [15],
    maestro: [12, 13, 14, 15, 16, 17, 18, 19],
  };
  const DECLINES = {
    card_declined: "Paiement refusé par votre banque. Essayez avec une autre carte.",
    insufficient_funds: "Paiement refusé\u00a0: provision insuffisante. Essayez avec une autre carte.",
    expired_card: "Paiement refusé\u00a0: la carte a expiré. Essayez avec une autre carte.",
    authentication_failed: "La vérification de votre banque a échoué. Réessayez ou utilisez une autre carte.",
    invalid_card: "Cette carte n’est pas reconnue. Essayez avec une autre carte.",
  };

  // ——— Messages to the shop ———

  const tell = (message) => {
    if (window.parent !== window) {
      window.parent.postMessage(message, parentOrigin);
    }
  };
  const tellHeight = () => {
    tell({ type: "psp.resize", height: Math.ceil(main.getBoundingClientRect().height) });
  };
  const tellStatus = (status, declineCode) => {
    const message = { type: "psp.status", payment_id: paymentId, status };
    if (declineCode) {
      message.decline_code = declineCode;
    }
    tell(message);
  };

  // ——— Card rules (the server's are the ones that count) ———

  const digitsOf = (value) => value.replace(/\D/g, "");

  const networkOf = (d) => {
    const two = Number(d.slice(0, 2));
    const three = Number(d.slice(0, 3));
    const four = Number(d.slice(0, 4));
    if (d.startsWith("4")) return "visa";
    if (d.length >= 2 && two >= 51 && two <= 55) return "mastercard";
    if (d.length >= 4 && four >= 2221 && four <= 2720) return "mastercard";
    if (d.length >= 2 && (two === 34 || two === 37)) return "amex";
    const others = d.startsWith("6011") || d.startsWith("62") || d.startsWith("65")
      || (d.length >= 3 && three >= 644 && three <= 649);
    if (d.length >= 2 && (two === 50 || (two >= 56 && two <= 58))) return "maestro";
    if (d.startsWith("6") && !others) return "maestro";
    return null;
  };

  const brandsOf = (d) => {
    const network = networkOf(d);
    if (!network) return [];
    return CB_PREFIXES.some((p) => d.startsWith(p)) ? ["cartes_bancaires", network] : [network];
  };

  const luhnValid = (d) => {
    let sum = 0;
    for (let i = 0; i < d.length; i += 1) {
      let n = Number(d[d.length - 1 - i]);
      if (i % 2 === 1) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      sum += n;
    }
    return d.length > 0 && sum % 10 === 0;
  };

  const codeLength = (d) => (networkOf(d) === "amex" ? 4 : 3);

  const grouped = (d) => {
    const sizes = networkOf(d) === "amex" ? [4, 6, 5] : [4, 4, 4, 4, 3];
    const groups = [];
    let at = 0;
    for (const size of sizes) {
      if (at >= d.length) break;
      groups.push(d.slice(at, at + size));
      at += size;
    }
    return groups.join(" ");
  };

  // ——— Errors tied to their fields ———

  const setError = (name, message) => {
    const error = field(`${name}-error`);
    if (error) {
      error.textContent = message || "";
      error.hidden = !message;
    }
    const input = name === "brand" ? null : field(name);
    if (input) {
      input.setAttribute("aria-invalid", message ? "true" : "false");
    }
  };

  const numberError = () => {
    const d = digitsOf(field("number").value);
    if (!d) return "Saisissez le numéro de carte.";
    const network = networkOf(d);
    if (!network || !LENGTHS[network].includes(d.length)) {
      return network ? "Le numéro de carte est incomplet ou trop long." : "Ce type de carte n’est pas accepté.";
    }
    if (!luhnValid(d)) return "Ce numéro de carte n’est pas valide\u00a0: vérifiez-le.";
    return "";
  };

  const expiryError = () => {
    const match = /^(\d{2})\/(\d{2})$/.exec(field("expiry").value.replace(/\s/g, ""));
    if (!match) return "Saisissez la date d’expiration au format MM/AA.";
    const month = Number(match[1]);
    const year = 2000 + Number(match[2]);
    if (month < 1 || month > 12) return "Le mois doit être compris entre 01 et 12.";
    const now = new Date();
    const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
    if (year * 12 + month < thisMonth) return "Cette carte a expiré.";
    return "";
  };

  const codeError = () => {
    const length = codeLength(digitsOf(field("number").value));
    const code = field("security_code").value.trim();
    if (!new RegExp(`^\\d{${length}}$`).test(code)) {
      return `Le code de sécurité comporte ${length} chiffres.`;
    }
    return "";
  };

  const holderError = () => (field("holder").value.trim() ? "" : "Saisissez le nom du titulaire de la carte.");

  const chosenBrand = () => {
    const checked = cardForm.querySelector('input[name="brand"]:checked');
    return checked ? checked.value : null;
  };

  const brandError = () => {
    if (field("brand-choice").hidden) return "";
    return chosenBrand() ? "" : "Choisissez le réseau de paiement\u00a0: CB ou l’autre réseau de la carte.";
  };

  const CHECKS = {
    number: numberError,
    expiry: expiryError,
    security_code: codeError,
    holder: holderError,
    brand: brandError,
  };

  // ——— Live formatting and brand detection ———

  const showBrands = () => {
    const d = digitsOf(field("number").value);
    const brands = brandsOf(d);
    field("number-brand").textContent = brands.length
      ? `Carte détectée : ${brands.map((b) => BRAND_NAMES[b]).join(" et ")}`
      : "";
    const choice = field("brand-choice");
    const coBadged = brands.length === 2;
    if (coBadged) {
      const network = field("brand-network");
      if (network.value !== brands[1]) {
        network.value = brands[1];
        network.checked = false;
      }
      field("brand-network-label").textContent = BRAND_NAMES[brands[1]];
    } else {
      for (const radio of cardForm.querySelectorAll('input[name="brand"]')) radio.checked = false;
      setError("brand", "");
    }
    choice.hidden = !coBadged;
    field("security_code").maxLength = codeLength(d);
  };

  field("number").addEventListener("input", (event) => {
    const input = event.target;
    const d = digitsOf(input.value).slice(0, 19);
    input.value = grouped(d);
    showBrands();
    if (input.getAttribute("aria-invalid") === "true") setError("number", numberError());
  });

  field("expiry").addEventListener("input", (event) => {
    const input = event.target;
    const d = digitsOf(input.value).slice(0, 4);
    input.value = d.length > 2 ? `${d.slice(0, 2)}/${d.slice(2)}` : d;
  });

  for (const name of ["number", "expiry", "security_code", "holder"]) {
    field(name).addEventListener("blur", () => {
      if (field(name).value) setError(name, CHECKS[name]());
    });
    // A corrected field loses its error as it is typed, not on blur: on
    // blur, the message vanishing under the pointer would move the button
    // away between press and release, and the click would be lost.
    field(name).addEventListener("input", () => {
      if (field(name).getAttribute("aria-invalid") === "true") setError(name, CHECKS[name]());
    });
  }
  for (const radio of cardForm.querySelectorAll('input[name="brand"]')) {
    radio.addEventListener("change", () => setError("brand", ""));
  }

  // ——— Talking to the sandbox ———

  const post = async (path, payload) => {
    const response = await fetch(`/pay/${paymentId}/${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
      credentials: "same-origin",
    });
    const answer = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, answer };
  };

  const formError = (message) => {
    const error = field("form-error");
    error.textContent = message || "";
    error.hidden = !message;
  };

  // `focus`: false at load, where moving focus would pull the shopper's
  // screen reader into the frame unasked.
  const show = (view, message, focus = true) => {
    cardForm.hidden = view !== "card";
    challengeForm.hidden = view !== "challenge";
    outcome.hidden = view !== "outcome";
    if (view === "outcome") {
      outcome.textContent = message;
      if (focus) outcome.focus();
    }
  };

  const SERVER_FIELDS = {
    invalid_number: ["number", "Ce numéro de carte n’est pas valide\u00a0: vérifiez-le."],
    unknown_brand: ["number", "Ce type de carte n’est pas accepté."],
    invalid_expiry: ["expiry", "Saisissez la date d’expiration au format MM/AA."],
    expired_card: ["expiry", "Cette carte a expiré."],
    invalid_security_code: ["security_code", "Le code de sécurité n’a pas le bon nombre de chiffres."],
    invalid_holder: ["holder", "Saisissez le nom du titulaire de la carte."],
    brand_choice_required: ["brand", "Choisissez le réseau de paiement."],
    brand_not_on_card: ["brand", "Choisissez le réseau de paiement."],
  };

  const follow = ({ status, decline_code: declineCode }) => {
    if (status === "requires_challenge") {
      show("challenge");
      field("otp").focus();
      return;
    }
    tellStatus(status, declineCode);
    if (status === "authorized" || status === "captured") {
      show("outcome", "Paiement accepté. Vous pouvez poursuivre sur la boutique.");
    } else if (status === "declined") {
      show("card");
      field("number").value = "";
      field("security_code").value = "";
      showBrands();
      formError(DECLINES[declineCode] || DECLINES.card_declined);
      field("number").focus();
    } else {
      show("outcome", "Cette session de paiement est close.");
    }
  };

  const refused = (result) => {
    const code = result.answer && result.answer.error ? result.answer.error.code : "";
    const known = SERVER_FIELDS[code];
    if (known) {
      setError(known[0], known[1]);
      const target = known[0] === "brand" ? field("brand-cb") : field(known[0]);
      target.focus();
    } else if (result.status === 409) {
      show("outcome", "Ce paiement ne peut plus être modifié.");
    } else {
      formError("Le paiement n’a pas pu être traité. Réessayez dans un instant.");
    }
  };

  cardForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError("");
    let firstInvalid = null;
    for (const [name, check] of Object.entries(CHECKS)) {
      const message = check();
      setError(name, message);
      if (message && !firstInvalid) firstInvalid = name === "brand" ? field("brand-cb") : field(name);
    }
    if (firstInvalid) {
      firstInvalid.focus();
      return;
    }
    const button = field("pay");
    button.disabled = true;
    try {
      const result = await post("card", {
        number: digitsOf(field("number").value),
        expiry: field("expiry").value,
        security_code: field("security_code").value.trim(),
        holder: field("holder").value.trim(),
        brand: chosenBrand(),
      });
      if (result.ok) follow(result.answer);
      else refused(result);
    } catch {
      formError("Le paiement n’a pas pu être envoyé. Vérifiez votre connexion et réessayez.");
    } finally {
      button.disabled = false;
    }
  });

  challengeForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = field("otp").value.trim();
    if (!/^\d{6}$/.test(code)) {
      setError("otp", "Le code comporte 6 chiffres.");
      field("otp").focus();
      return;
    }
    setError("otp", "");
    const button = field("confirm");
    button.disabled = true;
    try {
      const result = await post("challenge", { code });
      field("otp").value = "";
      if (result.ok) follow(result.answer);
      else refused(result);
    } catch {
      setError("otp", "Le code n’a pas pu être envoyé. Vérifiez votre connexion et réessayez.");
    } finally {
      button.disabled = false;
    }
  });

  // ——— Start ———

  const initial = body.dataset.status;
  if (initial === "requires_payment_method" || initial === "declined") {
    show("card");
    if (initial === "declined") {
      formError(DECLINES[body.dataset.declineCode] || DECLINES.card_declined);
    }
  } else if (initial === "requires_challenge") {
    show("challenge");
  } else if (["authorized", "captured", "partially_refunded", "refunded"].includes(initial)) {
    show("outcome", "Ce paiement a déjà été accepté.", false);
  } else {
    show("outcome", "Cette session de paiement est close.", false);
  }
  if (initial !== "requires_payment_method") {
    tellStatus(initial, body.dataset.declineCode);
  }
  new ResizeObserver(tellHeight).observe(main);
  tellHeight();
})();
