//! Decoding bytes of unknown encoding: BOM, then (for HTML) a `<meta charset>`, then UTF-8,
//! then `chardetng`'s guess.

use std::sync::OnceLock;

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

use crate::CleanError;

/// Decodes a plain-text file. Valid UTF-8 (with or without BOM) is taken as is; anything
/// else is decoded with the encoding `chardetng` detects. Fails only when the bytes are not
/// valid in that encoding either.
pub fn decode_text(bytes: &[u8]) -> Result<String, CleanError> {
    decode(bytes, None)
}

/// Decodes an HTML page, honouring a `<meta charset>` / `http-equiv` declaration in the
/// first 2 KiB. Never fails: undecodable bytes become U+FFFD (browsers do the same).
pub fn decode_html(bytes: &[u8]) -> String {
    let declared = meta_charset(bytes);
    match decode(bytes, declared) {
        Ok(s) => s,
        Err(_) => {
            let enc = declared.unwrap_or_else(|| guess(bytes));
            enc.decode_without_bom_handling(bytes).0.into_owned()
        }
    }
}

fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, CleanError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return strict(enc, &bytes[bom_len..]);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let enc = match declared {
        // A page that declares UTF-8 but is not: trust the detector instead.
        Some(enc) if enc != UTF_8 => enc,
        _ => guess(bytes),
    };
    strict(enc, bytes)
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

fn strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, CleanError> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok(s.into_owned()),
        None => Err(CleanError::Undecodable {
            encoding: enc.name(),
        }),
    }
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#"(?i-u)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{2,40})"#).unwrap()
    });
    let head = &bytes[..bytes.len().min(2048)];
    let label = re.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_bom() {
        assert_eq!(
            decode_text("Ḩalab – Aleppo".as_bytes()).unwrap(),
            "Ḩalab – Aleppo"
        );
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Idlib".as_bytes());
        assert_eq!(decode_text(&b).unwrap(), "Idlib");
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(
            "قالت القيادة العامة للجيش السوري إن الهجوم على حلب فشل في تثبيت مواقعه في المدينة",
        );
        let s = decode_text(&bytes).unwrap();
        assert!(s.contains("حلب"), "{s}");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Les forces de l’armée syrienne ont déclaré que l’attaque a échoué près d’Alep, selon le communiqué publié samedi.");
        assert!(decode_text(&bytes).unwrap().contains("l’armée"));
    }

    #[test]
    fn html_meta_charset_wins() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Харків</p>");
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend_from_slice(&body);
        assert!(decode_html(&page).contains("Харків"));
    }
}
