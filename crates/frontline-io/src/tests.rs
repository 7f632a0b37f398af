use super::*;
use frontline_model::RemovedReason;
use jiff::civil::date;
use std::fs;

fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(&p, content).unwrap();
    p
}

fn read_all(paths: &[PathBuf], opts: &ReadOptions) -> Vec<Item> {
    read_inputs(paths, opts).collect()
}

#[test]
fn directory_recursion_is_sorted_and_skips_unknown_extensions() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "b.txt",
        "Second story\nRebels entered Aleppo on Saturday.",
    );
    write(
        d.path(),
        "a/z.html",
        "<html><body><article><p>Clashes near Hama, a monitor said.</p></article></body></html>",
    );
    write(
        d.path(),
        "a/m.jsonl",
        "{\"id\":\"j1\",\"text\":\"One.\"}\n{\"id\":\"j2\",\"text\":\"Two.\"}\n",
    );
    write(d.path(), "a/notes.md", "# not an article");
    write(d.path(), "c.png", [0u8, 1, 2, 3]);
    write(d.path(), ".hidden/x.txt", "hidden");
    write(
        d.path(),
        "0.json",
        "[{\"id\":\"arr1\",\"text\":\"First.\"},{\"text\":\"Second.\"}]",
    );

    let got = read_all(&[d.path().to_path_buf()], &ReadOptions::default());
    let ids: Vec<String> = got.iter().map(|r| r.as_ref().unwrap().id.clone()).collect();
    assert_eq!(ids, vec!["arr1", "0.json#2", "j1", "j2", "z", "b"]);

    let b = got[5].as_ref().unwrap();
    assert_eq!(b.title.as_deref(), Some("Second story"));
    assert!(b.origin.path.ends_with("b.txt"));
    assert_eq!(b.origin.line, None);
    let j2 = got[3].as_ref().unwrap();
    assert_eq!(j2.origin.line, Some(2));
    assert!(j2.origin.path.ends_with("m.jsonl"));
}

#[test]
fn jsonl_bad_line_in_the_middle_is_reported_and_reading_goes_on() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "feed.jsonl",
        "{\"id\":\"a\",\"text\":\"Rebels entered Aleppo.\",\"published\":\"2024-11-30\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\",\"text\":\"Russian jets struck Idlib.\"}\n",
    );
    let got = read_all(std::slice::from_ref(&p), &ReadOptions::default());
    assert_eq!(got.len(), 3);
    let a = got[0].as_ref().unwrap();
    assert_eq!(
        (a.id.as_str(), a.published),
        ("a", Some(date(2024, 11, 30)))
    );
    let e = got[1].as_ref().unwrap_err();
    assert_eq!(e.origin.line, Some(2));
    assert!(matches!(e.kind, InputErrorKind::Json(_)));
    let msg = e.to_string();
    assert!(
        msg.starts_with(&format!("{}:2: invalid JSON", p.display())),
        "{msg}"
    );
    let c = got[2].as_ref().unwrap();
    assert_eq!((c.id.as_str(), c.origin.line), ("c", Some(3)));
}

#[test]
fn jsonl_record_problems() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "x.jsonl",
        concat!(
            "{\"text\":\"No id here.\",\"published\":\"2024-11-30T22:15:00+03:00\",\"url\":\"https://e.org/1\",\"source\":\"RT\"}\n",
            "\n",
            "{\"id\":\"no-text\"}\n",
            "{\"id\":\"empty\",\"text\":\"  \"}\n",
            "{\"id\":\"bad-date\",\"text\":\"T.\",\"published\":\"30/11/2024\"}\n",
            "[1,2]\n",
            "{\"id\":7,\"text\":\"Numeric id.\",\"published\":\"2024-12-01T01:00:00Z\"}\n",
            "{\"id\":\"ts\",\"text\":\"Late.\",\"published\":\"2024-11-30T23:30:00-05:00\"}\n",
            "{\"id\":\"dflt\",\"text\":\"Undated.\"}\n",
        ),
    );
    let opts = ReadOptions {
        kind: None,
        published: Some(date(2020, 1, 1)),
    };
    let got = read_all(std::slice::from_ref(&p), &opts);
    assert_eq!(got.len(), 8);

    let first = got[0].as_ref().unwrap();
    assert_eq!(first.id, "x.jsonl:1");
    assert_eq!(first.published, Some(date(2024, 11, 30)));
    assert_eq!(first.url.as_deref(), Some("https://e.org/1"));
    assert_eq!(first.source.as_deref(), Some("RT"));

    let e = got[1].as_ref().unwrap_err();
    assert_eq!((e.origin.line, e.id.as_deref()), (Some(3), Some("no-text")));
    assert!(matches!(e.kind, InputErrorKind::MissingText));
    assert!(
        e.to_string()
            .ends_with(":3 (id no-text): missing field `text`"),
        "{e}"
    );
    assert!(matches!(
        got[2].as_ref().unwrap_err().kind,
        InputErrorKind::EmptyText
    ));
    let e = got[3].as_ref().unwrap_err();
    assert!(matches!(&e.kind, InputErrorKind::BadDate(s) if s == "30/11/2024"));
    assert_eq!(e.origin.line, Some(5));
    let e = got[4].as_ref().unwrap_err();
    assert!(matches!(e.kind, InputErrorKind::NotAnObject("an array")));
    assert_eq!(got[5].as_ref().unwrap().id, "7");
    assert_eq!(got[5].as_ref().unwrap().published, Some(date(2024, 12, 1)));
    // The date as written, not converted to UTC.
    assert_eq!(got[6].as_ref().unwrap().published, Some(date(2024, 11, 30)));
    // No `published`: the option's date.
    assert_eq!(got[7].as_ref().unwrap().published, Some(date(2020, 1, 1)));
}

#[test]
fn json_file_single_object_array_and_jsonl_content() {
    let d = tempfile::tempdir().unwrap();
    let one = write(
        d.path(),
        "one.json",
        "{\n  \"text\": \"Aleppo.\",\n  \"title\": \"T\"\n}\n",
    );
    let arr = write(
        d.path(),
        "arr.json",
        "[{\"id\":\"x\",\"text\":\"A.\"}, {\"id\":\"y\"}, 5]",
    );
    let lines = write(
        d.path(),
        "lines.json",
        "{\"id\":\"l1\",\"text\":\"A.\"}\n{\"id\":\"l2\",\"text\":\"B.\"}\n",
    );
    let got = read_all(&[one, arr, lines], &ReadOptions::default());
    assert_eq!(got.len(), 6);
    let o = got[0].as_ref().unwrap();
    assert_eq!((o.id.as_str(), o.title.as_deref()), ("one", Some("T")));
    assert_eq!(got[1].as_ref().unwrap().id, "x");
    let e = got[2].as_ref().unwrap_err();
    assert!(
        e.to_string()
            .contains("record 2 of the JSON array: missing field `text`"),
        "{e}"
    );
    assert!(got[3]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("record 3"));
    assert_eq!(got[4].as_ref().unwrap().id, "l1");
    assert_eq!(got[5].as_ref().unwrap().origin.line, Some(2));
}

#[test]
fn text_file_with_seed_like_content() {
    let d = tempfile::tempdir().unwrap();
    let text = "Rebels enter Aleppo\nSyrian rebels entered Aleppo on Saturday, a monitor said.\nAbsolutely wild scenes pic.twitter.com/YJRkJGlmKe\n— 𝗡𝗶𝗼𝗵 𝗕𝗲𝗿𝗴 ♛ ✡︎ (@NiohBerg) November 30, 2024\nYou can share this story on social media:";
    let p = write(d.path(), "aleppo-2024-11-30.txt", text);
    let opts = ReadOptions {
        kind: None,
        published: Some(date(2024, 11, 30)),
    };
    let got = read_all(&[p], &opts);
    let a = got[0].as_ref().unwrap();
    assert_eq!(a.id, "aleppo-2024-11-30");
    assert_eq!(a.text, text);
    assert_eq!(a.title.as_deref(), Some("Rebels enter Aleppo"));
    assert_eq!(a.published, Some(date(2024, 11, 30)));
    let reasons: Vec<_> = a.removed.iter().map(|r| r.reason).collect();
    assert_eq!(
        reasons,
        vec![RemovedReason::EmbeddedPost, RemovedReason::Boilerplate]
    );
    assert_eq!(a.removed[0].handle.as_deref(), Some("@NiohBerg"));
}

#[test]
fn seed_article_from_shared() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/aleppo-2024-11-30.txt");
    if !p.exists() {
        println!("note: {} not available; test skipped", p.display());
        return;
    }
    let got = read_all(&[p], &ReadOptions::default());
    let a = got[0].as_ref().unwrap();
    assert_eq!(a.id, "aleppo-2024-11-30");
    assert!(a
        .title
        .as_deref()
        .unwrap()
        .starts_with("An attack led by Hayat Tahrir-al-Sham"));
    assert_eq!(a.removed.len(), 2);
    assert_eq!(a.removed[0].author.as_deref(), Some("Nioh Berg"));
}

#[test]
fn explicit_file_with_unknown_extension_is_text_and_legacy_encoding_is_decoded() {
    let d = tempfile::tempdir().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
        "L’armée syrienne prépare une contre-offensive à Alep, a déclaré samedi le commandement général de l’armée.",
    );
    let p = write(d.path(), "story.dat", &bytes);
    let got = read_all(&[p], &ReadOptions::default());
    let a = got[0].as_ref().unwrap();
    assert_eq!(a.id, "story");
    assert!(a.text.starts_with("L’armée syrienne"), "{}", a.text);
}

#[test]
fn html_file_date_and_fallback() {
    let d = tempfile::tempdir().unwrap();
    let dated = write(
        d.path(),
        "dated.htm",
        "<html><head><meta property=\"article:published_time\" content=\"2024-11-29T10:00:00Z\"><title>Idlib strikes | Site</title></head><body><article><p>Jets struck Idlib, residents said.</p><p>Share this article</p></article></body></html>",
    );
    let undated = write(
        d.path(),
        "undated.html",
        "<html><body><p>Fighting near Hama, a monitor said.</p></body></html>",
    );
    let opts = ReadOptions {
        kind: None,
        published: Some(date(2024, 12, 5)),
    };
    let got = read_all(&[dated, undated], &opts);
    let a = got[0].as_ref().unwrap();
    assert_eq!(
        (a.id.as_str(), a.title.as_deref(), a.published),
        ("dated", Some("Idlib strikes"), Some(date(2024, 11, 29)))
    );
    assert_eq!(a.removed.len(), 1);
    assert_eq!(a.removed[0].span.text(&a.text), "Share this article");
    assert_eq!(got[1].as_ref().unwrap().published, Some(date(2024, 12, 5)));
}

#[test]
fn missing_file_and_empty_html_are_errors_and_reading_goes_on() {
    let d = tempfile::tempdir().unwrap();
    let missing = d.path().join("nope.txt");
    let empty = write(
        d.path(),
        "e.html",
        "<html><body><nav>Home</nav></body></html>",
    );
    let ok = write(d.path(), "ok.txt", "Aleppo fell.");
    let got = read_all(&[missing, empty, ok], &ReadOptions::default());
    assert_eq!(got.len(), 3);
    let e = got[0].as_ref().unwrap_err();
    assert!(matches!(e.kind, InputErrorKind::Io(_)));
    assert!(e.to_string().contains("nope.txt: cannot read"), "{e}");
    assert!(matches!(
        got[1].as_ref().unwrap_err().kind,
        InputErrorKind::Html(_)
    ));
    assert_eq!(got[2].as_ref().unwrap().id, "ok");
}

#[test]
fn kind_option_overrides_extension() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "feed.txt",
        "{\"id\":\"k\",\"text\":\"Jsonl in a .txt file.\"}\n",
    );
    let got = read_all(
        &[p],
        &ReadOptions {
            kind: Some(InputKind::Jsonl),
            published: None,
        },
    );
    assert_eq!(got[0].as_ref().unwrap().id, "k");
}

#[test]
fn sniffing_stdin_content() {
    let mut lines = 0;
    let mut r = std::io::Cursor::new(b"\n  \n{\"id\":1}".to_vec());
    assert_eq!(sniff(&mut r, &mut lines).unwrap(), InputKind::Jsonl);
    assert_eq!(lines, 2);
    let mut rest = String::new();
    r.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "{\"id\":1}");
    let mut r = std::io::Cursor::new(b"  <!doctype html>".to_vec());
    assert_eq!(sniff(&mut r, &mut 0).unwrap(), InputKind::Html);
    let mut r = std::io::Cursor::new(b"Aleppo".to_vec());
    assert_eq!(sniff(&mut r, &mut 0).unwrap(), InputKind::Text);
}

#[test]
fn published_formats() {
    assert_eq!(parse_published("2024-11-30"), Some(date(2024, 11, 30)));
    assert_eq!(
        parse_published("2024-11-30T22:15:00+03:00"),
        Some(date(2024, 11, 30))
    );
    assert_eq!(
        parse_published("2024-11-30T22:15:00Z"),
        Some(date(2024, 11, 30))
    );
    assert_eq!(
        parse_published("2024-11-30T22:15:00"),
        Some(date(2024, 11, 30))
    );
    assert_eq!(parse_published("2024-02-30"), None);
    assert_eq!(parse_published("30 Nov 2024"), None);
    assert_eq!(parse_published("2024-11-30garbage"), None);
}

#[test]
fn large_jsonl_is_streamed() {
    // 20k records: iterate lazily and check the first items arrive before the rest is parsed.
    let d = tempfile::tempdir().unwrap();
    let mut s = String::new();
    for i in 0..20_000 {
        s.push_str(&format!("{{\"id\":\"r{i}\",\"text\":\"Record {i}.\"}}\n"));
    }
    let p = write(d.path(), "big.jsonl", s);
    let mut it = read_inputs(&[p], &ReadOptions::default());
    assert_eq!(it.next().unwrap().unwrap().id, "r0");
    assert_eq!(it.count(), 19_999);
}
