//! Stage 2: sentences with byte offsets. Lines are paragraphs; sentencex splits each line.

use frontline_model::{Document, Sentence, Span};

/// Splits `text` into trimmed, non-empty sentences; a newline always ends a sentence.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (paragraph, line) in text.split('\n').enumerate() {
        if !line.trim().is_empty() {
            for b in sentencex::get_sentence_boundaries("en", line) {
                if let Some(span) = trim(line, b.start_byte, b.end_byte) {
                    out.push(Sentence { span: span.shift(line_start), paragraph });
                }
            }
        }
        line_start += line.len() + 1;
    }
    out
}

fn trim(line: &str, mut s: usize, mut e: usize) -> Option<Span> {
    let b = line.as_bytes();
    while s < e && (b[s] as char).is_ascii_whitespace() {
        s += 1;
    }
    while e > s && (b[e - 1] as char).is_ascii_whitespace() {
        e -= 1;
    }
    (e > s).then(|| Span::new(s, e))
}

/// Pipeline stage: fills `doc.sentences`.
pub fn run(doc: &mut Document) {
    doc.sentences = sentences(&doc.text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_and_sentences_with_byte_offsets() {
        let t = "Title line\nThe U.S. envoy said “no.” Fighting resumed.\n\n  Last one.";
        let s = sentences(t);
        let texts: Vec<_> = s.iter().map(|x| x.span.text(t)).collect();
        assert_eq!(texts[0], "Title line");
        assert!(texts.contains(&"Fighting resumed."), "{texts:?}");
        assert_eq!(*texts.last().unwrap(), "Last one.");
        assert!(s.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        assert_eq!(s[0].paragraph, 0);
        assert_eq!(s.last().unwrap().paragraph, 3);
    }
}
