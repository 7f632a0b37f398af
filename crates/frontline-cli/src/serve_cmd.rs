//! `frontline serve`: the JSON API, the ingest endpoint and the map page (crate frontline-serve).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The database (SQLite; created if missing).
    #[arg(long, default_value = frontline_store::DEFAULT_DB)]
    pub db: PathBuf,
    /// Address to listen on (port 0: any free port; the address is printed on stderr).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Bearer token that enables `POST /api/articles` (default: $FRONTLINE_TOKEN). Without a
    /// token the server is read-only.
    #[arg(long)]
    pub token: Option<String>,
    /// Largest request body, MiB.
    #[arg(long, default_value_t = 16)]
    pub max_body_mb: usize,
    /// Request timeout, seconds (an export streams past it).
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
    /// Extraction threads for ingest requests (default: all cores).
    #[arg(long, default_value_t = 0)]
    pub workers: usize,
}

pub fn run_serve(a: ServeArgs) -> Result<ExitCode> {
    let token = a
        .token
        .or_else(|| std::env::var("FRONTLINE_TOKEN").ok())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    if a.max_body_mb == 0 || a.timeout == 0 {
        anyhow::bail!("--max-body-mb and --timeout must be at least 1");
    }
    let mut cfg = frontline_serve::ServeConfig::new(&a.db);
    cfg.token = token;
    cfg.max_body = a.max_body_mb << 20;
    cfg.timeout = Duration::from_secs(a.timeout);
    cfg.ingest_workers = a.workers;
    frontline_serve::run_blocking(cfg, a.addr).with_context(|| format!("serving {}", a.db.display()))?;
    Ok(ExitCode::SUCCESS)
}
