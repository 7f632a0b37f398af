//! Feeds over HTTP (a local server: retries, user agent), feed files and WARC files; Parquet
//! read back.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use frontline_store::sources::{read_sources, HttpOptions};
use frontline_store::{export, ExportFormat, Filter, IngestOptions, Store};

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Darfur Monitor</title><link>http://localhost/</link><description>x</description>
<item><title>RSF shells El Fasher market</title><link>http://localhost/a1</link><guid>a1</guid>
<pubDate>Fri, 21 Jun 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;At least 15 civilians were killed when the Rapid Support Forces shelled the main market in El Fasher on Thursday, the Sudan Doctors Network said.&lt;/p&gt;</description></item>
<item><title>Women march in El Fasher</title><link>http://localhost/a2</link><guid>a2</guid>
<pubDate>Fri, 21 Jun 2024 10:00:00 GMT</pubDate>
<description>Hundreds of women marched peacefully through the centre of El Fasher on Thursday to protest against the siege, organisers said.</description></item>
</channel></rss>"#;

/// Serves `body` at any path; the first `fail` requests get 503. Records User-Agent headers.
fn serve(body: &'static str, fail: usize) -> (String, Arc<Mutex<Vec<String>>>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    let agents = Arc::new(Mutex::new(Vec::new()));
    let a2 = Arc::clone(&agents);
    std::thread::spawn(move || {
        for (k, s) in l.incoming().enumerate() {
            let Ok(mut s) = s else { continue };
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            loop {
                line.clear();
                if r.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(ua) = line.strip_prefix("User-Agent: ").or_else(|| line.strip_prefix("user-agent: ")) {
                    a2.lock().unwrap().push(ua.trim().to_string());
                }
            }
            let resp = if k < fail {
                "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string()
            } else {
                format!("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
            };
            let _ = s.write_all(resp.as_bytes());
        }
    });
    (format!("http://{addr}/feed.xml"), agents)
}

fn fast_http() -> HttpOptions {
    HttpOptions { backoff: std::time::Duration::from_millis(10), ..Default::default() }
}

#[test]
fn feed_url_with_retries_and_user_agent() {
    let (url, agents) = serve(RSS, 2);
    let items: Vec<_> = read_sources(&[url], &Default::default(), &fast_http()).collect();
    assert_eq!(items.len(), 2);
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.source.as_deref(), Some("Darfur Monitor"));
    assert_eq!(a.url.as_deref(), Some("http://localhost/a1"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-21"));
    assert!(a.text.contains("At least 15 civilians") && !a.text.contains("<p>"));
    let ua = agents.lock().unwrap();
    assert_eq!(ua.len(), 3, "two 503s then success");
    assert!(ua.iter().all(|u| u.starts_with("frontline/")));
}

#[test]
fn unreachable_url_is_one_error_and_the_batch_goes_on() {
    // a port nobody listens on
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    drop(l);
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("f.rss");
    std::fs::write(&feed, RSS).unwrap();
    let http = HttpOptions { retries: 1, ..fast_http() };
    let srcs = vec![format!("http://127.0.0.1:{port}/x"), feed.to_string_lossy().into_owned()];
    let mut store = Store::open(dir.path().join("d.db")).unwrap();
    let opts = IngestOptions { http, ..Default::default() };
    let r = store.ingest_paths(&srcs, &opts, &mut |_| {}).unwrap();
    assert_eq!(r.errors.len(), 1);
    assert!(r.errors[0].record.contains(&port.to_string()), "{:?}", r.errors);
    assert_eq!(r.stored, 2);
}

#[test]
fn warc_response_records_are_articles() {
    let html = "<html><head><title>Shelling in El Fasher</title><meta property=\"og:site_name\" content=\"Example News\"></head><body><article><h1>Shelling in El Fasher</h1><p>At least 15 civilians were killed when the Rapid Support Forces shelled the main market in El Fasher on Thursday, the Sudan Doctors Network said.</p></article></body></html>";
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let rec = |ty: &str, uri: &str, body: &str| {
        format!(
            "WARC/1.0\r\nWARC-Type: {ty}\r\nWARC-Date: 2024-06-21T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
            format!("{:08x}-0000-0000-0000-000000000000", uri.len() + ty.len()),
            body.len()
        )
    };
    let warc = format!("{}{}", rec("request", "https://example.org/a", "GET /a HTTP/1.1\r\n\r\n"), rec("response", "https://example.org/a", &http));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("crawl.warc");
    std::fs::write(&p, warc).unwrap();
    let items: Vec<_> = read_sources(&[p.to_string_lossy().into_owned()], &Default::default(), &fast_http()).collect();
    assert_eq!(items.len(), 1, "{items:?}");
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert!(a.text.contains("Rapid Support Forces"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-21"));
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("d.db")).unwrap();
    let fx = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    store.ingest_paths(&[fx.to_string()], &Default::default(), &mut |_| {}).unwrap();
    let path = dir.path().join("e.parquet");
    let mut f = std::fs::File::create(&path).unwrap();
    let n = export(&store, &Filter::default(), ExportFormat::Parquet, &mut f).unwrap();
    drop(f);
    let r = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(r.metadata().file_metadata().num_rows() as usize, n);
    let schema = r.metadata().file_metadata().schema_descr();
    let names: Vec<String> = schema.columns().iter().map(|c| c.name().to_string()).collect();
    assert_eq!(&names[..31], &frontline_store::export::ACLED_COLUMNS.map(String::from)[..]);
    let mut found = false;
    for row in r.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        let s = row.to_string();
        if s.contains("Sudan Doctors Network: 15") {
            found = true;
        }
    }
    assert!(found);
    // pandas (pyarrow), when installed
    let py = std::process::Command::new("python3")
        .args(["-c", "import sys, pandas as pd; d = pd.read_parquet(sys.argv[1]); print(len(d), list(d.columns)[:3], d['fatalities'].max())"])
        .arg(&path)
        .output();
    match py {
        Ok(o) if o.status.success() => {
            let s = String::from_utf8_lossy(&o.stdout);
            assert!(s.starts_with(&format!("{n} ['event_id_cnty', 'event_date', 'year']")), "{s}");
        }
        _ => eprintln!("note: pandas/pyarrow not available; Parquet checked with the parquet crate only"),
    }
    let _ = std::io::empty().read(&mut [0u8; 0]);
}
