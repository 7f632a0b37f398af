//! A progress bar for long ingests (rate and ETA), silent when stderr is not a terminal.

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::sources::{classify, SourceKind};

/// Wraps an indicatif bar; hidden unless `enabled` and stderr is a terminal.
pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    pub fn new(total: Option<u64>, enabled: bool) -> Bar {
        let show = enabled && std::io::stderr().is_terminal();
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), if show { ProgressDrawTarget::stderr_with_hz(4) } else { ProgressDrawTarget::hidden() }),
            None => ProgressBar::with_draw_target(None, if show { ProgressDrawTarget::stderr_with_hz(4) } else { ProgressDrawTarget::hidden() }),
        };
        let style = if total.is_some() {
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} articles · {per_sec} · ETA {eta} {msg}")
        } else {
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {pos} articles · {per_sec} {msg}")
        };
        if let Ok(s) = style {
            bar.set_style(s);
        }
        Bar { bar }
    }
    pub fn set_position(&self, n: u64) {
        self.bar.set_position(n);
    }
    pub fn set_message(&self, m: String) {
        self.bar.set_message(m);
    }
    /// Prints a line above the bar (or plainly when hidden).
    pub fn println(&self, line: &str) {
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.println(line);
        }
    }
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A cheap estimate of the number of articles in the sources (JSONL lines, files); None
/// when a source cannot be counted without reading it (URLs, feeds, WARC, stdin).
pub fn estimate_total(sources: &[String]) -> Option<u64> {
    let mut n = 0u64;
    for s in sources {
        if s == "-" {
            return None;
        }
        let p = Path::new(s);
        if p.is_dir() {
            let mut stack = vec![p.to_path_buf()];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).ok()?.flatten() {
                    let q = e.path();
                    if q.is_dir() {
                        stack.push(q);
                    } else {
                        n += count_file(&q.to_string_lossy(), false)?;
                    }
                }
            }
        } else {
            n += count_file(s, true)?;
        }
    }
    Some(n)
}

fn count_file(s: &str, named: bool) -> Option<u64> {
    match classify(s) {
        SourceKind::Url | SourceKind::Feed | SourceKind::Warc => None,
        SourceKind::Article => {
            let l = s.to_ascii_lowercase();
            if l.ends_with(".jsonl") || l.ends_with(".ndjson") {
                let b = std::fs::read(s).ok()?;
                Some(b.split(|&c| c == b'\n').filter(|x| x.iter().any(|c| !c.is_ascii_whitespace())).count() as u64)
            } else if l.ends_with(".json") {
                None
            } else if named || [".txt", ".html", ".htm"].iter().any(|e| l.ends_with(e)) {
                Some(1)
            } else {
                Some(0)
            }
        }
    }
}
