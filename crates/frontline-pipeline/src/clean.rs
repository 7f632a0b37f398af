//! Stage 1 for plain text: mark boilerplate and embedded posts (HTML cleaning happens at
//! the source, in `frontline-io`, which hands over already-removed spans).

use frontline_model::Document;

/// Adds the removed spans `frontline_clean` finds and, when the source gave none, the title.
pub fn run(doc: &mut Document) {
    let cleaned = frontline_clean::clean_text(&doc.text);
    for r in cleaned.removed {
        if !doc.removed.iter().any(|x| x.span.overlaps(r.span)) {
            doc.removed.push(r);
        }
    }
    doc.removed.sort_by_key(|r| r.span);
    if doc.title.is_none() {
        doc.title = cleaned.title.map(|s| s.text(&doc.text).trim().to_string());
    }
}
