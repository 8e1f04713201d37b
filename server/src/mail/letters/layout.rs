//! One message's words as blocks, rendered twice from the same blocks: the
//! plain-text part and the HTML part, so that the two never say different
//! things. The HTML has inline styles only (mail clients drop style
//! sheets), no image and no remote resource, and every text is escaped.

use shop_api::Language;

/// A part of a message's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    /// The one thing to do: a button in HTML, the label and the address on
    /// their own lines in text.
    Action {
        label: String,
        url: String,
    },
    /// Label and value pairs (an order's lines, totals, address).
    Table(Vec<(String, String)>),
    /// Lines kept together (a postal address).
    Lines(Vec<String>),
}

/// What a message says, before rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub language: Language,
    pub subject: String,
    pub greeting: String,
    pub body: Vec<Block>,
}

/// The shop's name and its legal footer, in each language.
const SHOP_NAME: &str = "Service Photo";

fn footer(language: Language, origin: &str) -> [String; 2] {
    match language {
        Language::Fr => [
            format!(
                "{SHOP_NAME} · Service Photo SAS, société par actions simplifiée, \
                 siège social en France · {origin}"
            ),
            "Vous recevez ce message parce qu’une action a eu lieu sur votre compte \
             ou votre commande. Pour toute question, répondez depuis la page Aide \
             et service client du site."
                .to_owned(),
        ],
        Language::En => [
            format!(
                "{SHOP_NAME} · Service Photo SAS, a French simplified joint-stock company \
                 registered in France · {origin}"
            ),
            "You receive this message because something happened on your account or \
             your order. For any question, write to us from the site's Help and \
             customer service page."
                .to_owned(),
        ],
    }
}

impl Letter {
    /// The plain-text part.
    pub fn text(&self, origin: &str) -> String {
        let mut out = format!("{}\n\n", self.greeting);
        for block in &self.body {
            match block {
                Block::Paragraph(text) => out.push_str(&format!("{text}\n\n")),
                Block::Action { label, url } => {
                    out.push_str(&format!("{label}\u{a0}:\n{url}\n\n"));
                }
                Block::Table(rows) => {
                    for (label, value) in rows {
                        out.push_str(&format!("{label}\u{a0}: {value}\n"));
                    }
                    out.push('\n');
                }
                Block::Lines(lines) => {
                    for line in lines {
                        out.push_str(&format!("{line}\n"));
                    }
                    out.push('\n');
                }
            }
        }
        let [legal, why] = footer(self.language, origin);
        out.push_str(&format!("-- \n{legal}\n{why}\n"));
        if self.language == Language::En {
            // English puts no space before the colon.
            out = out.replace("\u{a0}:", ":");
        }
        out
    }

    /// The HTML part.
    pub fn html(&self, origin: &str) -> String {
        let lang = match self.language {
            Language::Fr => "fr",
            Language::En => "en",
        };
        let colon = match self.language {
            Language::Fr => "\u{a0}:",
            Language::En => ":",
        };
        let mut body = format!(
            "<p style=\"margin:0 0 16px\">{}</p>",
            escape(&self.greeting)
        );
        for block in &self.body {
            match block {
                Block::Paragraph(text) => {
                    body.push_str(&format!(
                        "<p style=\"margin:0 0 16px\">{}</p>",
                        escape(text)
                    ));
                }
                Block::Action { label, url } => body.push_str(&format!(
                    "<p style=\"margin:24px 0\"><a href=\"{}\" style=\"background:#1d4ed8;\
                     color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;\
                     font-weight:bold;display:inline-block\">{}</a></p>\
                     <p style=\"margin:0 0 16px;font-size:14px;color:#374151\">{}</p>",
                    escape(url),
                    escape(label),
                    escape(url)
                )),
                Block::Table(rows) => {
                    body.push_str(
                        "<table role=\"presentation\" style=\"border-collapse:collapse;\
                         margin:0 0 16px;width:100%\">",
                    );
                    for (label, value) in rows {
                        body.push_str(&format!(
                            "<tr><th scope=\"row\" style=\"text-align:left;font-weight:normal;\
                             padding:4px 12px 4px 0;color:#374151;vertical-align:top\">{}{colon}</th>\
                             <td style=\"padding:4px 0;text-align:right;vertical-align:top\">{}</td></tr>",
                            escape(label),
                            escape(value)
                        ));
                    }
                    body.push_str("</table>");
                }
                Block::Lines(lines) => {
                    let joined: Vec<String> = lines.iter().map(|line| escape(line)).collect();
                    body.push_str(&format!(
                        "<p style=\"margin:0 0 16px\">{}</p>",
                        joined.join("<br>")
                    ));
                }
            }
        }
        let [legal, why] = footer(self.language, origin);
        format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title></head>\
             <body style=\"margin:0;padding:0;background:#f3f4f6\">\
             <div style=\"max-width:600px;margin:0 auto;padding:24px;background:#ffffff;\
             font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827\">\
             <p style=\"margin:0 0 24px;font-size:20px;font-weight:bold\">{SHOP_NAME}</p>\
             {body}\
             <hr style=\"border:none;border-top:1px solid #d1d5db;margin:24px 0\">\
             <p style=\"margin:0 0 8px;font-size:13px;color:#374151\">{legal}</p>\
             <p style=\"margin:0;font-size:13px;color:#374151\">{why}</p>\
             </div></body></html>",
            title = escape(&self.subject),
            legal = escape(&legal),
            why = escape(&why),
        )
    }
}

/// Text as HTML text or attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(language: Language) -> Letter {
        Letter {
            language,
            subject: "Sujet".into(),
            greeting: "Bonjour,".into(),
            body: vec![
                Block::Paragraph("<b>Camille</b> & co".into()),
                Block::Action {
                    label: "Confirmer".into(),
                    url: "http://shop.test/a?b=1&c=\"2\"".into(),
                },
                Block::Table(vec![("Total".into(), "12,90 €".into())]),
                Block::Lines(vec!["12 rue des Lilas".into(), "35000 Rennes".into()]),
            ],
        }
    }

    #[test]
    fn both_parts_say_the_same_words_and_html_escapes_them() {
        let letter = letter(Language::Fr);
        let text = letter.text("http://shop.test");
        let html = letter.html("http://shop.test");
        for words in [
            "Bonjour,",
            "Confirmer",
            "12 rue des Lilas",
            "35000 Rennes",
            "Total",
        ] {
            assert!(text.contains(words), "{words}");
            assert!(html.contains(words), "{words}");
        }
        assert!(text.contains("<b>Camille</b> & co"));
        assert!(html.contains("&lt;b&gt;Camille&lt;/b&gt; &amp; co"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("href=\"http://shop.test/a?b=1&amp;c=&quot;2&quot;\""));
        assert!(text.contains("Total\u{a0}: 12,90 €"));
        assert!(html.contains("lang=\"fr\""));
    }

    #[test]
    fn no_remote_resource_and_the_legal_footer_in_the_language() {
        let french = letter(Language::Fr).html("http://shop.test");
        assert!(!french.contains("<img") && !french.contains("src=") && !french.contains("url("));
        assert!(french.contains("Service Photo SAS"));
        let english = letter(Language::En);
        let text = english.text("http://shop.test");
        assert!(text.contains("a French simplified joint-stock company"));
        assert!(text.contains("Total: 12,90 €"), "{text}");
        assert!(english.html("http://shop.test").contains("lang=\"en\""));
    }
}
