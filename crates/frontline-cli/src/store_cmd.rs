//! `frontline ingest`, `frontline events`, `frontline export`: the event database.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use frontline_store::ingest::IngestUpdate;
use frontline_store::progress::{estimate_total, Bar};
use frontline_store::{export, ExportFormat, Filter, IngestOptions, Store};

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files, directories, JSONL, RSS/Atom feed files (.rss/.atom/.xml), feed URLs
    /// (http/https), WARC files (.warc/.warc.gz), or `-` for stdin.
    pub sources: Vec<String>,
    /// The database (SQLite; created if missing).
    #[arg(long, default_value = frontline_store::DEFAULT_DB)]
    pub db: PathBuf,
    /// Publication date for articles that carry none (YYYY-MM-DD).
    #[arg(long)]
    pub published: Option<String>,
    /// Extraction threads (default: all cores).
    #[arg(long, default_value_t = 0)]
    pub workers: usize,
    /// Articles per transaction (a transaction is also committed every 2 s).
    #[arg(long, default_value_t = 2000)]
    pub batch: usize,
    /// HTTP timeout for feed URLs, seconds.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// HTTP retries for feed URLs.
    #[arg(long, default_value_t = 3)]
    pub retries: u32,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the run report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Shared event filters.
#[derive(clap::Args, Clone)]
pub struct FilterArgs {
    /// First day (YYYY-MM-DD), inclusive.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD), inclusive.
    #[arg(long)]
    pub to: Option<String>,
    /// Country: ACLED name, ISO alpha-2 or alpha-3.
    #[arg(long)]
    pub country: Option<String>,
    /// Actor name substring (actor1, actor2, associated actors).
    #[arg(long)]
    pub actor: Option<String>,
    /// Event type, sub-event type or disorder type.
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// min_lon,min_lat,max_lon,max_lat
    #[arg(long, allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// At least N distinct sources.
    #[arg(long)]
    pub min_sources: Option<u32>,
    /// At most N events.
    #[arg(long)]
    pub limit: Option<usize>,
}

impl FilterArgs {
    fn filter(&self) -> Result<Filter> {
        let date = |s: &Option<String>, what: &str| -> Result<Option<jiff::civil::Date>> {
            s.as_deref().map(|d| d.parse().with_context(|| format!("--{what} {d:?}: expected YYYY-MM-DD"))).transpose()
        };
        Ok(Filter {
            from: date(&self.from, "from")?,
            to: date(&self.to, "to")?,
            country: self.country.clone(),
            actor: self.actor.clone(),
            event_type: self.event_type.clone(),
            bbox: self.bbox.as_deref().map(Filter::parse_bbox).transpose()?,
            min_sources: self.min_sources,
            limit: self.limit,
        })
    }
}

#[derive(clap::Args)]
pub struct EventsArgs {
    #[arg(long, default_value = frontline_store::DEFAULT_DB)]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// table (default on a terminal) or jsonl (with member reports and claims).
    #[arg(long)]
    pub format: Option<String>,
    /// One event by its event_id_cnty; an event merged into another (bridged) gives the
    /// surviving event. Filters are ignored.
    #[arg(long)]
    pub id: Option<String>,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[arg(long, default_value = frontline_store::DEFAULT_DB)]
    pub db: PathBuf,
    /// acled-csv, jsonl, geojson, plover or parquet.
    #[arg(long, default_value = "acled-csv")]
    pub format: String,
    /// Output file (default stdout; required for parquet on a terminal).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run_ingest(a: IngestArgs) -> Result<ExitCode> {
    let mut store = Store::open(&a.db).with_context(|| format!("opening {}", a.db.display()))?;
    let published = a
        .published
        .as_deref()
        .map(|d| frontline_io::parse_published(d).with_context(|| format!("--published {d:?}: expected YYYY-MM-DD")))
        .transpose()?;
    let mut opts = IngestOptions { workers: a.workers, batch_size: a.batch.max(1), ..Default::default() };
    opts.read.published = published;
    opts.http.timeout = std::time::Duration::from_secs(a.timeout);
    opts.http.retries = a.retries;
    let bar = Bar::new(if a.quiet { None } else { estimate_total(&a.sources) }, !a.quiet);
    let report = store.ingest_paths(&a.sources, &opts, &mut |u| match u {
        IngestUpdate::Record(r) => {
            bar.set_position(r.read);
            if r.read % 64 == 0 {
                bar.set_message(format!("{} new, {} events", r.stored, r.new_events));
            }
        }
        IngestUpdate::Error(e) => bar.println(&format!("frontline: {e}")),
        IngestUpdate::Committed(_) => {}
    })?;
    bar.finish();
    let stats = store.stats()?;
    if a.json {
        println!("{}", serde_json::json!({"run": report, "database": stats}));
    } else {
        eprintln!(
            "{}: read {} · stored {} · unchanged {} · copies {} · near-duplicates {} · reports {} (new events {}, joined {}, events merged {}) · errors {} · {:.1} s ({:.0} articles/s)",
            a.db.display(),
            report.read,
            report.stored,
            report.unchanged,
            report.copies,
            report.near_duplicates,
            report.reports,
            report.new_events,
            report.joined_events,
            report.merged_events,
            report.errors.len(),
            report.seconds,
            report.read as f64 / report.seconds.max(1e-9),
        );
        eprintln!(
            "database: {} articles, {} events from {} reports, {} with several sources",
            stats.articles, stats.events, stats.reports, stats.multi_source_events
        );
    }
    Ok(if report.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn run_events(a: EventsArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&a.db)?;
    let filter = a.filter.filter()?;
    let stdout = std::io::stdout();
    let table = match a.format.as_deref() {
        Some("table") => true,
        Some("jsonl") => false,
        Some(f) => anyhow::bail!("--format {f:?}: table or jsonl"),
        None => stdout.is_terminal(),
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
    if table {
        writeln!(out, "{:<12} {:<10} {:<34} {:<28} {:<20} {:>5} {:>4}  {}", "event_id", "date", "sub_event_type", "actor1", "location", "fat.", "src", "sources")?;
    }
    let mut print = |e: frontline_store::CanonicalEvent| -> frontline_store::Result<()> {
        let r = if table {
            let cut = |s: &str, n: usize| -> String {
                if s.chars().count() > n { format!("{}…", s.chars().take(n - 1).collect::<String>()) } else { s.to_string() }
            };
            writeln!(
                out,
                "{:<12} {:<10} {:<34} {:<28} {:<20} {:>5} {:>4}  {}",
                e.event_id_cnty,
                e.event_date.as_deref().unwrap_or(""),
                cut(&e.sub_event_type, 34),
                cut(&e.actor1, 28),
                cut(&e.location, 20),
                e.fatalities,
                e.n_sources,
                e.source
            )
        } else {
            serde_json::to_writer(&mut out, &e).map_err(std::io::Error::from).and_then(|_| writeln!(out))
        };
        r.map_err(frontline_store::StoreError::from)
    };
    let n = match &a.id {
        Some(id) => match store.event(id, !table)? {
            Some(e) => {
                print(e)?;
                1
            }
            None => anyhow::bail!("no event {id:?} in {}", a.db.display()),
        },
        None => store.for_each_event(&filter, !table, &mut print)?,
    };
    out.flush()?;
    if table {
        eprintln!("{n} events");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_export(a: ExportArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&a.db)?;
    let filter = a.filter.filter()?;
    let format: ExportFormat = a.format.parse().map_err(anyhow::Error::msg)?;
    let n = match &a.output {
        Some(p) => {
            // Write to a temporary file, then rename: no half-written exports.
            let tmp = p.with_extension("partial");
            let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?);
            let n = export(&store, &filter, format, &mut f)?;
            f.flush()?;
            drop(f);
            std::fs::rename(&tmp, p)?;
            n
        }
        None => {
            if format == ExportFormat::Parquet && std::io::stdout().is_terminal() {
                anyhow::bail!("Parquet is binary: use --output FILE.parquet or redirect stdout");
            }
            let mut out = std::io::BufWriter::new(std::io::stdout());
            let n = export(&store, &filter, format, &mut out)?;
            out.flush()?;
            n
        }
    };
    eprintln!("exported {n} events");
    Ok(ExitCode::SUCCESS)
}
