use super::*;
use jiff::civil::date;

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Syrian army vows counterattack in Aleppo | World News Daily</title>
  <meta property="og:title" content="Syrian army vows counterattack as rebels enter Aleppo">
  <meta property="og:site_name" content="World News Daily">
  <meta property="og:url" content="https://example.org/world/aleppo-counterattack">
  <meta property="article:published_time" content="2024-11-30T21:45:00+03:00">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-11-29T10:00:00Z"}</script>
  <style>.share{display:flex}</style>
  <script>window.dataLayer = [{"page":"article"}]; function share(){}</script>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. <button>Accept all</button></div>
  <header class="site-header">
    <a href="/">World News Daily</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <main>
    <article class="story">
      <h1>Syrian army vows counterattack as rebels enter Aleppo</h1>
      <div class="byline">By Staff Reporter · <time datetime="2024-11-30">30 November 2024</time></div>
      <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
      <figure><img src="aleppo.jpg" alt="Fighters"><figcaption>Fighters in Aleppo on Saturday. Photo: Omar Haj Kadour/AFP</figcaption></figure>
      <div class="article-body">
        <p>The Syrian military is gathering forces for a counterattack after militants entered
           Aleppo, the General Command said on Saturday.</p>
        <p>It admitted that <a href="/tag/army">dozens of its troops</a> had been killed.</p>
        <blockquote class="twitter-tweet"><p lang="en" dir="ltr">Absolutely wild scenes from Aleppo today, as islamic terrorists raise the flag of jihad above the Citadel.<br><br>Civilians, minorities and ancient heritage are all in grave danger. <a href="https://t.co/YJRkJGlmKe">pic.twitter.com/YJRkJGlmKe</a></p>&mdash; 𝗡𝗶𝗼𝗵 𝗕𝗲𝗿𝗴 ♛ ✡︎ (@NiohBerg) <a href="https://twitter.com/NiohBerg/status/1862888877777777777?ref_src=twsrc%5Etfw">November 30, 2024</a></blockquote>
        <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
        <h2>Russian air support</h2>
        <p>Russian and Syrian forces have eliminated about 600 militants over the past two days,
           according to Oleg Ignasyuk.</p>
        <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Who are HTS?</a></li><li><a href="/b">Timeline of the war</a></li></ul></div>
        <p>Read more: <a href="/c">Russia strikes Idlib</a></p>
        <p>You can share this story on social media:</p>
      </div>
    </article>
    <aside class="sidebar"><h2>Most read</h2><ol><li><a href="/x">Something else</a></li></ol></aside>
  </main>
  <footer><p>© 2024 World News Daily. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>"##;

#[test]
fn news_page_main_text() {
    let a = extract(PAGE).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("Syrian army vows counterattack as rebels enter Aleppo")
    );
    assert_eq!(a.published, Some(date(2024, 11, 30)));
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.org/world/aleppo-counterattack")
    );
    assert_eq!(a.source.as_deref(), Some("World News Daily"));

    let lines: Vec<&str> = a.text.lines().collect();
    assert_eq!(
        lines,
        vec![
            "The Syrian military is gathering forces for a counterattack after militants entered Aleppo, the General Command said on Saturday.",
            "It admitted that dozens of its troops had been killed.",
            "Absolutely wild scenes from Aleppo today, as islamic terrorists raise the flag of jihad above the Citadel. Civilians, minorities and ancient heritage are all in grave danger. pic.twitter.com/YJRkJGlmKe",
            "— 𝗡𝗶𝗼𝗵 𝗕𝗲𝗿𝗴 ♛ ✡︎ (@NiohBerg) November 30, 2024",
            "Russian air support",
            "Russian and Syrian forces have eliminated about 600 militants over the past two days, according to Oleg Ignasyuk.",
            "Read more: Russia strikes Idlib",
            "You can share this story on social media:",
        ],
        "{}",
        a.text
    );
    for banned in [
        "cookies",
        "Politics",
        "Facebook",
        "Omar Haj Kadour",
        "dataLayer",
        "Most read",
        "All rights",
        "Who are HTS",
    ] {
        assert!(!a.text.contains(banned), "{banned} leaked into text");
    }

    assert_eq!(a.removed.len(), 3, "{:#?}", a.removed);
    let tweet = &a.removed[0];
    assert_eq!(tweet.reason, RemovedReason::EmbeddedPost);
    let t = tweet.span.text(&a.text);
    assert!(
        t.starts_with("Absolutely wild scenes") && t.ends_with("(@NiohBerg) November 30, 2024"),
        "{t}"
    );
    assert_eq!(tweet.author.as_deref(), Some("Nioh Berg"));
    assert_eq!(tweet.handle.as_deref(), Some("@NiohBerg"));
    assert_eq!(tweet.date, Some(date(2024, 11, 30)));
    assert_eq!(
        a.removed[1].span.text(&a.text),
        "Read more: Russia strikes Idlib"
    );
    assert_eq!(a.removed[1].reason, RemovedReason::Boilerplate);
    assert_eq!(
        a.removed[2].span.text(&a.text),
        "You can share this story on social media:"
    );
}

#[test]
fn dates_from_json_ld_and_time() {
    let ld = r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"X","datePublished":"2024-12-01T08:00:00+02:00"}]}</script></head>
<body><article><p>Clashes were reported near Hama on Sunday, a monitor said.</p></article></body></html>"#;
    let a = extract(ld).unwrap();
    assert_eq!(a.published, Some(date(2024, 12, 1)));
    assert_eq!(a.title, None);
    assert_eq!(
        a.text,
        "Clashes were reported near Hama on Sunday, a monitor said."
    );

    let time = r#"<html><head><title>Hama clashes - Site</title></head><body><article><time datetime="2024-12-02T10:00">2 Dec</time>
<p>Fighting continued near Hama, residents said.</p></article></body></html>"#;
    let a = extract(time).unwrap();
    assert_eq!(a.published, Some(date(2024, 12, 2)));
    assert_eq!(a.title.as_deref(), Some("Hama clashes"));

    assert_eq!(
        parse_page_date("Sat, 30 Nov 2024 21:45:00 +0300"),
        Some(date(2024, 11, 30))
    );
    assert_eq!(
        parse_page_date("November 30, 2024"),
        Some(date(2024, 11, 30))
    );
    assert_eq!(parse_page_date("yesterday"), None);
}

#[test]
fn picks_the_longest_article_and_instagram_embed() {
    let page = r#"<html><body>
<article class="teaser"><p>Short teaser.</p></article>
<article><h1>Kharkiv shelled</h1>
<p>Russian forces shelled Kharkiv overnight, the governor said on Telegram.</p>
<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/abc/"><div><a href="https://www.instagram.com/p/abc/">View this post on Instagram</a></div>
<p><a href="https://www.instagram.com/p/abc/">A post shared by Oleh Syniehubov (@synegubov)</a></p></blockquote>
<p>Two people were wounded, officials said.</p>
</article></body></html>"#;
    let a = extract(page).unwrap();
    assert_eq!(a.title.as_deref(), Some("Kharkiv shelled"));
    assert!(!a.text.contains("Short teaser"));
    assert_eq!(a.removed.len(), 1, "{:#?}\n{}", a.removed, a.text);
    let ig = &a.removed[0];
    assert_eq!(
        ig.span.text(&a.text),
        "View this post on Instagram\nA post shared by Oleh Syniehubov (@synegubov)"
    );
    assert_eq!(ig.author.as_deref(), Some("Oleh Syniehubov"));
    assert_eq!(ig.handle.as_deref(), Some("@synegubov"));
    assert!(a.text.ends_with("Two people were wounded, officials said."));
}

#[test]
fn bytes_in_legacy_encoding() {
    let (body, _, _) = encoding_rs::WINDOWS_1252.encode("<p>L’armée syrienne prépare une contre-offensive à Alep, a déclaré samedi le commandement général.</p>");
    let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>".to_vec();
    page.extend_from_slice(&body);
    page.extend_from_slice(b"</body></html>");
    let a = extract_bytes(&page).unwrap();
    assert!(a.text.starts_with("L’armée syrienne prépare"), "{}", a.text);
}

#[test]
fn empty_page_is_an_error() {
    assert_eq!(
        extract("<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        Err(CleanError::NoText)
    );
    assert_eq!(extract(""), Err(CleanError::NoText));
}

#[test]
fn wrapper_with_furniture_class_is_kept_and_figure_wrapped_tweet_survives() {
    let page = r##"<html><body>
<div class="layout has-sidebar">
  <nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav>
  <div class="content">
    <p>Rebels advanced on Hama on Tuesday, a war monitor said, after seizing most of Aleppo.</p>
    <figure class="embed"><blockquote class="twitter-tweet"><p lang="en">Heavy clashes north of Hama now</p>&mdash; Hama Live (@HamaLive) <a href="https://twitter.com/HamaLive/status/1">December 3, 2024</a></blockquote><figcaption>Image: X</figcaption></figure>
    <p>The army said it had sent reinforcements to the area.</p>
  </div>
  <div class="comments"><p>Reader comment that is very long and should never be part of the article text at all, however long it is.</p></div>
</div></body></html>"##;
    let a = extract(page).unwrap();
    assert_eq!(
        a.text,
        "Rebels advanced on Hama on Tuesday, a war monitor said, after seizing most of Aleppo.\n\
Heavy clashes north of Hama now\n\
— Hama Live (@HamaLive) December 3, 2024\n\
The army said it had sent reinforcements to the area."
    );
    assert_eq!(a.removed.len(), 1);
    assert_eq!(a.removed[0].handle.as_deref(), Some("@HamaLive"));
    assert_eq!(a.removed[0].date, Some(date(2024, 12, 3)));
    assert_eq!(
        a.removed[0].span.text(&a.text),
        "Heavy clashes north of Hama now\n— Hama Live (@HamaLive) December 3, 2024"
    );
}
