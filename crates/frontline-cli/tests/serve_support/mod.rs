//! Shared by serve_api.rs and serve_browser.rs: a fixture database filled with the real
//! `frontline ingest`, the real `frontline serve` on a free port, and a minimal HTTP/1.1 client
//! (std only: no HTTP dependency for the tests).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

pub const TOKEN: &str = "test-token-0123456789";

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_frontline")
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Extra articles (JSONL) beyond the repository's examples: other countries and event types,
/// a second outlet's report of an Aleppo event (a multi-source event), a protest.
pub const EXTRA_JSONL: &str = r#"{"id":"kyiv-1","source":"Kyiv Wire","published":"2024-11-28","title":"Missile strike hits Kharkiv","text":"Missile strike hits Kharkiv\n\nKHARKIV, Ukraine, Nov 28 (Kyiv Wire) - Russian forces fired missiles at Kharkiv on Thursday, killing three civilians and wounding 12 others, the regional governor Oleh Syniehubov said."}
{"id":"nairobi-1","source":"East Africa Daily","published":"2024-11-27","title":"Protesters march in Nairobi","text":"Protesters march in Nairobi\n\nNAIROBI, Kenya, Nov 27 (East Africa Daily) - Hundreds of protesters marched peacefully through central Nairobi on Wednesday to demand lower fuel prices, organisers said. The march ended without incident."}
{"id":"aleppo-wire-2","source":"Levant Monitor","published":"2024-11-30","title":"Fighting in Aleppo","text":"Fighting in Aleppo\n\nALEPPO, Syria, Nov 30 (Levant Monitor) - Hayat Tahrir al-Sham fighters clashed with Syrian government forces in Aleppo on Saturday, a war monitor said. The Syrian Observatory for Human Rights said at least 20 fighters were killed in the clashes."}
{"id":"goma-1","source":"Great Lakes Post","published":"2024-11-26","title":"M23 clashes near Goma","text":"M23 clashes near Goma\n\nGOMA, DR Congo, Nov 26 (Great Lakes Post) - M23 rebels clashed with the Congolese army near Sake, west of Goma, on Tuesday, the army said. Five soldiers were killed, according to a military spokesman."}
"#;

static FIXTURE: OnceLock<Option<PathBuf>> = OnceLock::new();

pub fn run_ingest(db: &Path, args: &[&str]) {
    let out = Command::new(bin()).arg("ingest").arg("--db").arg(db).arg("--quiet").args(args).output().expect("run frontline ingest");
    assert!(out.status.success(), "frontline ingest {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// The fixture database, built once per test binary with `frontline ingest`.
pub fn fixture_db() -> PathBuf {
    FIXTURE
        .get_or_init(|| {
            // Under cargo's per-target scratch directory (not /tmp), named by process so the two
            // serve test binaries can run at once; the static is never dropped, so directories
            // of earlier runs whose process has ended are removed here.
            let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
            prune_stale_fixtures(root);
            let dir = root.join(format!("frontline-serve-fixture-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            let db = dir.join("fixture.db");
            let root = repo();
            let seed = root.join("../shared/examples/aleppo-2024-11-30.txt");
            if seed.exists() {
                run_ingest(&db, &[seed.to_str().unwrap()]);
            } else {
                eprintln!("note: ../shared/examples/aleppo-2024-11-30.txt absent; fixture without the seed article");
            }
            let ex = root.join("examples/el-fasher-2024-06-15.txt");
            run_ingest(&db, &["--published", "2024-06-15", ex.to_str().unwrap()]);
            let extra = dir.join("extra.jsonl");
            std::fs::write(&extra, EXTRA_JSONL).unwrap();
            run_ingest(&db, &[extra.to_str().unwrap()]);
            Some(db)
        })
        .clone()
        .unwrap()
}

/// Removes `frontline-serve-fixture-<pid>` directories left by test processes that have ended.
fn prune_stale_fixtures(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix("frontline-serve-fixture-")).and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    true // no cheap check: leave them
}

/// A private copy of the fixture database (for tests that write).
pub fn fixture_copy(tag: &str) -> (tempfile_dir::Dir, PathBuf) {
    let d = tempfile_dir::Dir::new(tag);
    let p = d.0.join("copy.db");
    std::fs::copy(fixture_db(), &p).unwrap();
    (d, p)
}

pub mod tempfile_dir {
    /// A temporary directory removed on drop.
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new(tag: &str) -> Dir {
            static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let p = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("frontline-serve-{tag}-{}-{n}", std::process::id()));
            let _ = std::fs::remove_dir_all(&p);
            std::fs::create_dir_all(&p).unwrap();
            Dir(p)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// A running `frontline serve`; killed on drop.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
}

impl Server {
    pub fn start(db: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(bin())
            .arg("serve")
            .arg("--db")
            .arg(db)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .env_remove("FRONTLINE_TOKEN")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start frontline serve");
        // The server prints its address once it is listening: no polling, no sleeps.
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let addr = loop {
            match lines.next() {
                Some(Ok(l)) => {
                    if let Some(a) = l.split("listening on http://").nth(1) {
                        break a.trim().parse::<SocketAddr>().expect("address");
                    }
                }
                _ => {
                    let _ = child.kill();
                    panic!("frontline serve exited before listening");
                }
            }
        };
        // Keep draining stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, addr }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn get(&self, path: &str) -> Resp {
        request(self.addr, "GET", path, &[], None)
    }

    pub fn post(&self, path: &str, token: Option<&str>, body: &[u8]) -> Resp {
        let auth = token.map(|t| format!("Bearer {t}"));
        let mut h: Vec<(&str, &str)> = vec![("Content-Type", "application/json")];
        if let Some(a) = auth.as_deref() {
            h.push(("Authorization", a));
        }
        request(self.addr, "POST", path, &h, Some(body))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    /// Asserts a JSON error `{"error": {"code", "message"}}` with this status and code.
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status, status, "expected {status} {code}, got {}: {}", self.status, self.text());
        assert!(self.header("content-type").unwrap_or("").starts_with("application/json"), "error not JSON: {:?}", self.headers);
        let j = self.json();
        assert_eq!(j["error"]["code"], code, "{j}");
        assert!(j["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{j}");
    }
}

/// One HTTP/1.1 request with `Connection: close`; decodes chunked bodies.
pub fn request(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(b) = body {
        req.push_str(&format!("Content-Length: {}\r\n", b.len()));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    if let Some(b) = body {
        // The server may answer (413, 401) before reading everything: ignore write errors.
        let _ = s.write_all(b);
    }
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    let chunked = headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        let mut out = Vec::new();
        let mut i = 0;
        loop {
            let Some(nl) = rest[i..].windows(2).position(|w| w == b"\r\n") else { break };
            let size = usize::from_str_radix(String::from_utf8_lossy(&rest[i..i + nl]).split(';').next().unwrap().trim(), 16).unwrap_or(0);
            i += nl + 2;
            if size == 0 || i + size > rest.len() {
                break;
            }
            out.extend_from_slice(&rest[i..i + size]);
            i += size + 2;
        }
        rest = out;
    }
    Resp { status, headers, body: rest }
}
