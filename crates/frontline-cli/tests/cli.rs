//! The command line as a user meets it: inputs of every kind, bad records in a batch,
//! exit codes, output formats.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut c = bin();
    c.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("binary runs");
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn example() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/el-fasher-2024-06-15.txt")
}

#[test]
fn example_article_from_the_readme() {
    let o = run(&["extract", "--published", "2024-06-15", "--format", "jsonl", example().to_str().unwrap()], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = &lines(&o)[0];
    assert_eq!(v["id"], "el-fasher-2024-06-15");
    let main = &v["events"][0];
    // "At least 17 civilians were killed ... when the paramilitary Rapid Support Forces
    // shelled residential neighbourhoods of El Fasher on Friday, according to the Sudan
    // Doctors Network": what the text plainly states.
    assert_eq!(main["sub_event_type"], "Shelling/artillery/missile attack");
    assert!(main["actor1"].as_str().unwrap().contains("Rapid Support Forces"));
    assert_eq!(main["actor2"], "Civilians (Sudan)");
    assert_eq!(main["location"], "El Fasher");
    assert_eq!(main["country"], "Sudan");
    assert_eq!(main["event_date"], "2024-06-14", "Friday before the Saturday publication");
    assert_eq!(main["fatalities"], 17);
    let claims = v["claims"].as_array().unwrap();
    let doctors = claims.iter().find(|c| c["claimant"] == "Sudan Doctors Network").expect("the monitor's claim");
    assert_eq!(doctors["claimant_type"], "monitor");
    assert!(main["claims"].as_array().unwrap().contains(&doctors["claim_id"]));
    // "The claim could not be independently verified." hedges the army's claim.
    let army = claims.iter().find(|c| c["claimant"] == "Sudanese army").expect("the army's claim");
    assert_eq!(army["hedge"], "unverified");
    // Loaded labels used by the army are framing, attributed to it.
    assert!(v["framing"].as_array().unwrap().iter().any(|f| f["used_by"] == "Sudanese army" && f["refers_to"].as_str().unwrap().contains("Rapid Support Forces")));
    // The share footer is removed; the background paragraph on the war since April 2023
    // is not an event.
    assert!(v["removed"].as_array().unwrap().iter().any(|r| r["reason"] == "boilerplate"));
    for e in v["events"].as_array().unwrap() {
        assert!(e["event_date"].as_str().unwrap() >= "2024-06-01", "background dated event: {e}");
    }
}

#[test]
fn jsonl_batch_with_bad_records_keeps_going_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("frontline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("batch.jsonl");
    std::fs::write(
        &f,
        concat!(
            r#"{"id":"a","text":"On 3 May 2020, protesters rallied in Lagos demanding fuel subsidies.","published":"2020-05-04"}"#, "\n",
            r#"{"id":"b","text":"#, "\n",
            r#"{"id":"c","title":"no text here"}"#, "\n",
            r#"{"text":"Gunmen killed two farmers in Zamfara on Sunday.","published":"2020-05-04T10:00:00Z"}"#, "\n",
        ),
    )
    .unwrap();
    let o = run(&["extract", "--format", "jsonl", f.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let out = lines(&o);
    assert_eq!(out.len(), 4, "one output line per input record, in order");
    assert_eq!(out[0]["id"], "a");
    assert_eq!(out[0]["events"][0]["sub_event_type"], "Peaceful protest");
    assert!(out[1]["error"]["record"].as_str().unwrap().ends_with("batch.jsonl:2"));
    assert_eq!(out[2]["id"], "c");
    assert!(out[2]["error"]["message"].as_str().unwrap().contains("text"));
    assert_eq!(out[3]["id"], "batch.jsonl:4", "missing id → file name and line");
    assert_eq!(out[3]["published"], "2020-05-04");
    assert_eq!(out[3]["events"][0]["sub_event_type"], "Attack");
    assert_eq!(out[3]["events"][0]["event_date"], "2020-05-03");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("batch.jsonl:2") && err.contains("batch.jsonl:3"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stdin_directory_and_html_inputs() {
    let o = run(&["extract", "--format", "jsonl", "--published", "2024-03-02", "-"], Some("Israeli air strikes hit Rafah on Friday, killing 11 people, health officials said.\n"));
    assert!(o.status.success());
    let v = &lines(&o)[0];
    assert_eq!(v["events"][0]["sub_event_type"], "Air/drone strike");
    assert_eq!(v["events"][0]["event_date"], "2024-03-01");

    let dir = std::env::temp_dir().join(format!("frontline-dir-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "Police fired tear gas at protesters in Nairobi on Tuesday.").unwrap();
    std::fs::write(
        dir.join("sub/a.html"),
        r#"<html><head><title>Clashes in Goma</title><meta property="article:published_time" content="2024-02-10T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Clashes in Goma</h1><p>M23 rebels clashed with the Congolese army near Goma on Friday, a local official said.</p></article><footer>Share this</footer></body></html>"#,
    )
    .unwrap();
    std::fs::write(dir.join("notes.md"), "ignored: unknown extension inside a directory").unwrap();
    let o = run(&["extract", "--format", "jsonl", "--published", "2024-05-07", dir.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = lines(&o);
    assert_eq!(out.len(), 2, "two articles: the .md file is skipped");
    assert_eq!(out[0]["id"], "b");
    assert_eq!(out[0]["events"][0]["sub_event_type"], "Protest with intervention");
    assert_eq!(out[1]["title"], "Clashes in Goma");
    assert_eq!(out[1]["published"], "2024-02-10", "the page's own date");
    let e = &out[1]["events"][0];
    assert_eq!(e["sub_event_type"], "Armed clash");
    assert_eq!(e["event_date"], "2024-02-09");
    assert_eq!(e["country"], "Democratic Republic of Congo");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_exit_2_and_json_is_pretty_by_request() {
    assert_eq!(run(&["extract", "--format", "xml", "-"], Some("")).status.code(), Some(2));
    assert_eq!(run(&["extract", "--published", "30/11/2024", "-"], Some("")).status.code(), Some(2));
    assert_eq!(run(&["no-such-command"], None).status.code(), Some(2));
    let o = run(&["extract", "--format", "json", "--with-text", "-"], Some("Clashes erupted in Mogadishu."));
    assert!(o.status.success());
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.starts_with("{\n"), "pretty object for one article");
    let v: Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["text"], "Clashes erupted in Mogadishu.");
    // A missing file is a failed record (exit 1), named in the error.
    let o = run(&["extract", "--format", "jsonl", "/nonexistent/article.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/article.txt"));
}

#[test]
fn offsets_are_characters_of_the_returned_text() {
    let text = "« Breaking » — Ukrainian forces shelled Horlivka on 2 March 2024, killing 𝟑 people.\nRussian troops clashed with Ukrainian units near Avdiivka.";
    let o = run(&["extract", "--format", "jsonl", "--with-text", "-"], Some(text));
    let v = &lines(&o)[0];
    let t: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let mut checked = 0;
    for arr in ["places", "actors"] {
        for p in v[arr].as_array().unwrap() {
            let (a, b) = (p["start"].as_u64().unwrap() as usize, p["end"].as_u64().unwrap() as usize);
            assert_eq!(t[a..b].iter().collect::<String>(), p["text"].as_str().unwrap());
            checked += 1;
        }
    }
    assert!(checked >= 3);
}
