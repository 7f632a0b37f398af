use super::*;
use jiff::civil::date;
use proptest::prelude::*;

const SEED: &str = "../../../shared/examples/aleppo-2024-11-30.txt";

fn seed() -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(e) => {
            println!(
                "note: seed article {} not available ({e}); test skipped",
                path.display()
            );
            None
        }
    }
}

#[test]
fn seed_article_tweet_footer_and_title() {
    let Some(text) = seed() else { return };
    let c = clean_text(&text);

    let title = c.title.expect("headline detected").text(&text);
    assert!(
        title.starts_with("An attack led by Hayat Tahrir-al-Sham"),
        "{title}"
    );
    assert!(title.ends_with("General Command has said"), "{title}");

    assert_eq!(c.removed.len(), 2, "{:#?}", c.removed);
    let tweet = &c.removed[0];
    assert_eq!(tweet.reason, RemovedReason::EmbeddedPost);
    let t = tweet.span.text(&text);
    assert!(t.starts_with("Absolutely wild scenes"), "{t}");
    assert!(t.contains("pic.twitter.com/YJRkJGlmKe"));
    assert!(t.ends_with("(@NiohBerg) November 30, 2024"), "{t}");
    assert_eq!(tweet.author.as_deref(), Some("Nioh Berg"));
    assert_eq!(tweet.handle.as_deref(), Some("@NiohBerg"));
    assert_eq!(tweet.date, Some(date(2024, 11, 30)));
    // The paragraphs around the tweet are untouched.
    assert!(!t.contains("In a statement on Saturday"));
    assert!(!t.contains("Damascus acknowledged"));

    let footer = &c.removed[1];
    assert_eq!(footer.reason, RemovedReason::Boilerplate);
    assert_eq!(
        footer.span.text(&text),
        "You can share this story on social media:"
    );
    assert_eq!(footer.span.end, text.trim_end().len());
}

#[test]
fn seed_with_crlf_and_blank_lines() {
    let Some(text) = seed() else { return };
    let text = text.replace('\n', "\r\n\r\n");
    let c = clean_text(&text);
    assert_eq!(c.removed.len(), 2);
    assert_eq!(c.removed[0].handle.as_deref(), Some("@NiohBerg"));
    assert!(c.removed[0]
        .span
        .text(&text)
        .contains("Absolutely wild scenes"));
    assert!(!c.removed[0].span.text(&text).ends_with('\r'));
    assert_eq!(
        c.removed[1].span.text(&text),
        "You can share this story on social media:"
    );
    assert!(c.title.is_some());
}

#[test]
fn captions_and_boilerplate_in_a_wire_story() {
    let text = "Rebels seize Aleppo airport\n\
BEIRUT (Reuters) - Syrian rebels seized Aleppo's airport on Sunday, a war monitor said.\n\
Fighters stand near the airport on December 1, 2024. REUTERS/Mahmoud Hassano\n\
The Syrian Observatory for Human Rights said dozens were killed.\n\
Read more: Who are Hayat Tahrir al-Sham?\n\
Photo: Omar Haj Kadour/AFP\n\
ALEPPO (AFP) - Residents fled east.\n\
Follow us on Telegram\n\
We use cookies to give you the best experience. By using our site you accept our cookie policy.\n";
    let c = clean_text(text);
    let got: Vec<(&str, RemovedReason)> = c
        .removed
        .iter()
        .map(|r| (r.span.text(text), r.reason))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Fighters stand near the airport on December 1, 2024. REUTERS/Mahmoud Hassano", RemovedReason::Caption),
            ("Read more: Who are Hayat Tahrir al-Sham?", RemovedReason::Boilerplate),
            ("Photo: Omar Haj Kadour/AFP", RemovedReason::Caption),
            ("Follow us on Telegram", RemovedReason::Boilerplate),
            (
                "We use cookies to give you the best experience. By using our site you accept our cookie policy.",
                RemovedReason::Boilerplate
            ),
        ]
    );
    assert_eq!(c.title.unwrap().text(text), "Rebels seize Aleppo airport");
}

#[test]
fn instagram_and_lost_attribution() {
    let text = "The governor posted a video from the front.\n\
View this post on Instagram\n\
A post shared by Oleh Syniehubov (@synegubov) on Dec 1, 2024 at 3:05am PST\n\
Shelling continued overnight.\n\
Heavy fighting near the city today #Kharkiv https://t.co/AbC123xyz\n\
Officials gave no figures.";
    let c = clean_text(text);
    assert_eq!(c.removed.len(), 2, "{:#?}", c.removed);
    let ig = &c.removed[0];
    assert_eq!(ig.reason, RemovedReason::EmbeddedPost);
    assert!(ig
        .span
        .text(text)
        .starts_with("View this post on Instagram"));
    assert_eq!(ig.author.as_deref(), Some("Oleh Syniehubov"));
    assert_eq!(ig.handle.as_deref(), Some("@synegubov"));
    assert_eq!(ig.date, Some(date(2024, 12, 1)));
    let tw = &c.removed[1];
    assert_eq!(tw.reason, RemovedReason::EmbeddedPost);
    assert!(tw.span.text(text).starts_with("Heavy fighting"));
    assert_eq!(tw.author, None);
    // A sentence ending in a period is no headline.
    assert_eq!(c.title, None);
}

#[test]
fn two_tweets_in_a_row_and_multi_line_post() {
    let text = "Strikes hit Idlib\n\
Russian jets struck the city on Sunday, residents said.\n\
Breaking: explosions in #Idlib\n\
Multiple strikes reported pic.twitter.com/xyz789\n\
— Idlib Now (@IdlibNow) December 1, 2024\n\
Second tweet text\n\
&mdash; Another One 🚨 (@another_one) 1 December 2024\n\
The ministry did not comment.";
    let c = clean_text(text);
    assert_eq!(c.removed.len(), 2, "{:#?}", c.removed);
    assert!(c.removed[0]
        .span
        .text(text)
        .starts_with("Breaking: explosions in #Idlib\n"));
    assert_eq!(c.removed[0].author.as_deref(), Some("Idlib Now"));
    assert_eq!(
        c.removed[1].span.text(text),
        "Second tweet text\n&mdash; Another One 🚨 (@another_one) 1 December 2024"
    );
    assert_eq!(c.removed[1].author.as_deref(), Some("Another One"));
    assert_eq!(c.removed[1].handle.as_deref(), Some("@another_one"));
}

#[test]
fn empty_and_single_line() {
    assert_eq!(clean_text(""), Cleaned::default());
    assert_eq!(clean_text("Aleppo falls"), Cleaned::default());
    assert_eq!(clean_text("\n\n  \n"), Cleaned::default());
}

fn check_spans(text: &str, c: &Cleaned) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for r in &c.removed {
        prop_assert!(r.span.start <= r.span.end && r.span.end <= text.len());
        prop_assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        prop_assert!(r.span.start >= prev_end, "overlap: {:?}", c.removed);
        prev_end = r.span.end;
    }
    if let Some(t) = c.title {
        prop_assert!(
            t.end <= text.len() && text.is_char_boundary(t.start) && text.is_char_boundary(t.end)
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn clean_text_never_panics(text in "(?s).{0,400}") {
        let c = clean_text(&text);
        check_spans(&text, &c)?;
    }

    #[test]
    fn clean_text_on_line_soup(lines in proptest::collection::vec(prop_oneof![
        Just("— 𝗡𝗶𝗼𝗵 𝗕𝗲𝗿𝗴 ♛ ✡︎ (@NiohBerg) November 30, 2024".to_string()),
        Just("Absolutely wild scenes pic.twitter.com/YJRkJGlmKe".to_string()),
        Just("You can share this story on social media:".to_string()),
        Just("A post shared by X (@x)".to_string()),
        Just("View this post on Instagram".to_string()),
        Just("Photo: AFP".to_string()),
        Just(String::new()),
        Just("\r".to_string()),
        "[a-zA-Z #@.\u{2014}()’]{0,80}",
        "\\PC{0,40}",
    ], 0..12)) {
        let text = lines.join("\n");
        let c = clean_text(&text);
        check_spans(&text, &c)?;
    }
}
