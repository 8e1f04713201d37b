//! French: the help centre's labels and the contact form. The answers are
//! `content/fr/help.json`, fetched by the help pages.

use crate::i18n::*;

pub const HELP: HelpText = HelpText {
    title: "Aide et service client",
    intro: "Une question sur une commande, une livraison, un paiement ou vos photos\u{a0}? Cherchez parmi nos réponses, ou écrivez-nous.",
    search_label: "Rechercher dans l’aide",
    search_hint: "Par exemple\u{a0}: livraison, débit, résolution.",
    result_count: |n| match n {
        0 => "Aucune réponse ne correspond.".to_owned(),
        1 => "1 réponse correspond.".to_owned(),
        n => format!("{n} réponses correspondent."),
    },
    no_result: "Aucune réponse ne correspond à votre recherche. Essayez un autre mot, ou posez-nous votre question\u{a0}:",
    no_result_contact: "écrire au service client",
    topics_label: "Thèmes de l’aide",
    contact_heading: "Vous n’avez pas trouvé votre réponse\u{a0}?",
    contact_intro: "Écrivez-nous\u{a0}: nous vous répondons par e-mail sous 2 jours ouvrés.",
    contact_link: "Écrire au service client",
    breadcrumb_label: "Fil d’Ariane",
    related_heading: "Autres questions sur ce thème",
    still_need_help: "Cette réponse ne suffit pas\u{a0}?",
    answer_not_found: "Cette question n’existe pas ou plus dans notre aide.",
    back_to_help: "Toutes les questions",
};

fn too_many(seconds: u64) -> String {
    let minutes = seconds.div_ceil(60);
    if minutes <= 1 {
        "Vous avez envoyé plusieurs demandes en peu de temps. Réessayez dans une minute.".to_owned()
    } else {
        format!(
            "Vous avez envoyé plusieurs demandes en peu de temps. Réessayez dans {minutes} minutes."
        )
    }
}

pub const CONTACT: ContactText = ContactText {
    title: "Écrire au service client",
    intro: "Posez votre question ici\u{a0}: nous vous répondons par e-mail sous 2 jours ouvrés. Tous les champs sont obligatoires, sauf la commande concernée.",
    topic_label: "Thème",
    topics: [
        "Commande et suivi",
        "Livraison",
        "Paiement et débit",
        "Compte",
        "Photos et qualité",
        "Réclamation (colis abîmé ou erroné)",
        "Autre question",
    ],
    order_label: "Commande concernée (facultatif)",
    order_hint: "Sa date, ou la fin de l’adresse de sa page dans «\u{a0}Suivi de commande\u{a0}» (après /commandes/).",
    message_label: "Votre message",
    message_hint: |max| format!("{} caractères au plus.", group_thousands(max)),
    email_label: "Adresse e-mail pour la réponse",
    email_hint: "Nous l’utilisons uniquement pour vous répondre.",
    send_button: "Envoyer ma demande",
    sending: "Envoi…",
    sent_heading: "Demande envoyée",
    reference_label: "Votre référence\u{a0}:",
    sent_body: |email| {
        format!("Nous vous répondons par e-mail à l’adresse {email}, sous 2 jours ouvrés.")
    },
    keep_reference: "Gardez cette référence\u{a0}: rappelez-la si vous nous écrivez de nouveau.",
    another_request: "Envoyer une autre demande",
    back_to_help: "Retour à l’aide",
    errors: ContactErrors {
        message_required: "Écrivez votre message.",
        message_too_long: |max| {
            format!(
                "Votre message dépasse {} caractères\u{a0}: raccourcissez-le.",
                group_thousands(max)
            )
        },
        order_too_long: |max| format!("Ce champ compte {max} caractères au plus."),
        email_required: "Saisissez votre adresse e-mail\u{a0}: nous en avons besoin pour vous répondre.",
        email_invalid: "Cette adresse e-mail ne semble pas valide (exemple\u{a0}: prenom.nom@exemple.fr).",
        too_many,
        network: "Le service ne répond pas. Vérifiez votre connexion internet et réessayez\u{a0}: votre message est gardé.",
        unexpected: "Une erreur inattendue s’est produite. Réessayez dans un instant\u{a0}: votre message est gardé.",
    },
};

/// 3000 → "3\u{a0}000", the French way (narrow space would also do; the shop
/// uses the no-break space everywhere).
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}
