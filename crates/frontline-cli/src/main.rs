//! The `frontline` binary: a thin command-line layer over the library crates.

mod bench;
mod serve_cmd;
mod store_cmd;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use frontline_io::{read_inputs, InputKind, ReadOptions};
use frontline_model::output::{ArticleOut, ErrorLine, ErrorOut};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "frontline", version, about = "News articles in; geocoded, source-attributed conflict events out. Offline.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events, places, actors, claims and framing from articles.
    Extract(ExtractArgs),
    /// Evaluate against development data.
    Eval {
        #[command(subcommand)]
        what: EvalCmd,
    },
    /// Measure extraction throughput, memory and start-up on a corpus.
    Bench(bench::BenchArgs),
    /// Store articles and their events in the event database, resolving reports of one event across articles.
    Ingest(store_cmd::IngestArgs),
    /// List canonical events from the event database.
    Events(store_cmd::EventsArgs),
    /// Export canonical events: acled-csv, jsonl, geojson, plover, parquet.
    Export(store_cmd::ExportArgs),
    /// Serve the JSON API and the map page over the event database.
    Serve(serve_cmd::ServeArgs),
}

#[derive(Subcommand)]
enum EvalCmd {
    /// Geoparsing against a gold toponym corpus (LGL or GeoVirus XML).
    Geo {
        #[arg(long, value_enum)]
        corpus: GeoCorpus,
        file: PathBuf,
        /// Also print the N worst errors (> 161 km), the N most missed gold toponyms and the
        /// N most frequent spurious predictions.
        #[arg(long, default_value_t = 0)]
        errors: usize,
    },
    /// Event coding against an ACLED export: runs `extract` on each row's notes (coder
    /// give-aways stripped, no publication date) and compares events[0] with the row.
    Acled {
        file: PathBuf,
        /// dev: the part to tune on; test: the held-out 20 % (hash of event_id_cnty).
        #[arg(long, default_value = "test")]
        split: frontline_eval::acled::Split,
        /// Also strip the "(District, Region)" parentheticals coders add.
        #[arg(long)]
        strip_admin: bool,
        /// Score at most N rows.
        #[arg(long)]
        limit: Option<usize>,
        /// Print N error examples per field.
        #[arg(long, default_value_t = 0)]
        show_errors: usize,
        /// Move every row's dates (notes and gold) N months: checks that nothing depends on
        /// the sample's weeks (month names that are also words, periods of actor names).
        #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
        shift_months: i32,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum GeoCorpus {
    Lgl,
    Geovirus,
}

#[derive(Clone, Copy, ValueEnum)]
enum Input {
    Text,
    Html,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    Json,
    Jsonl,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files (.txt, .html, .htm, .json, .jsonl), directories (recursed), or - for stdin.
    #[arg(default_value = "-")]
    paths: Vec<PathBuf>,
    /// Read inputs as this kind, whatever their extension.
    #[arg(long, value_enum)]
    input: Option<Input>,
    /// Publication date (YYYY-MM-DD) for inputs that carry none.
    #[arg(long, value_parser = parse_date)]
    published: Option<jiff::civil::Date>,
    /// json: pretty (default on a terminal); jsonl: one line per article (default otherwise).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Include the article text the offsets refer to.
    #[arg(long)]
    with_text: bool,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>().map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Eval { what: EvalCmd::Geo { corpus, file, errors } } => eval_geo(corpus, &file, errors),
        Command::Eval { what: EvalCmd::Acled { file, split, strip_admin, limit, show_errors, shift_months } } => {
            eval_acled(&file, frontline_eval::acled::Options { split, strip_admin, limit, show_errors, shift_months })
        }
        Command::Bench(a) => bench::run(a),
        Command::Ingest(a) => store_cmd::run_ingest(a),
        Command::Events(a) => store_cmd::run_events(a),
        Command::Export(a) => store_cmd::run_export(a),
        Command::Serve(a) => serve_cmd::run_serve(a),
    };
    match r {
        Ok(code) => code,
        // `frontline extract ... | head`: the reader left; that is not an error.
        Err(e) if e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>().map(|io| io.kind())
                .or_else(|| c.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind()))
                == Some(std::io::ErrorKind::BrokenPipe)
        }) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn extract(a: ExtractArgs) -> Result<ExitCode> {
    let opts = ReadOptions {
        kind: a.input.map(|i| match i {
            Input::Text => InputKind::Text,
            Input::Html => InputKind::Html,
            Input::Jsonl => InputKind::Jsonl,
        }),
        published: a.published,
    };
    let stdout = std::io::stdout();
    let format = a.format.unwrap_or(if stdout.is_terminal() { Format::Json } else { Format::Jsonl });
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut pretty: Vec<serde_json::Value> = Vec::new();
    for item in read_inputs(&a.paths, &opts) {
        let value = match item {
            Ok(raw) => {
                let doc = frontline_pipeline::process(raw);
                serde_json::to_value(ArticleOut::from_document(&doc, a.with_text))?
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
                let line = ErrorLine {
                    id: e.id.clone().unwrap_or_else(|| e.origin.to_string()),
                    error: ErrorOut { record: e.origin.to_string(), message: e.kind.to_string() },
                };
                serde_json::to_value(line)?
            }
        };
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &value)?;
                out.write_all(b"\n")?;
            }
            Format::Json => pretty.push(value),
        }
    }
    if format == Format::Json {
        // One article: the object itself; several: an array of them.
        if pretty.len() == 1 {
            serde_json::to_writer_pretty(&mut out, &pretty[0])?;
        } else {
            serde_json::to_writer_pretty(&mut out, &pretty)?;
        }
        out.write_all(b"\n")?;
    }
    out.flush().context("writing output")?;
    if failed > 0 {
        eprintln!("{failed} record(s) failed; the rest were processed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The same pipeline as `extract`, scored on its `places`.
fn eval_geo(corpus: GeoCorpus, file: &std::path::Path, errors: usize) -> Result<ExitCode> {
    let c = match corpus {
        GeoCorpus::Lgl => frontline_geo::eval::Corpus::Lgl,
        GeoCorpus::Geovirus => frontline_geo::eval::Corpus::GeoVirus,
    };
    let articles = frontline_geo::eval::load(c, file).with_context(|| format!("reading {}", file.display()))?;
    let report = frontline_geo::eval::evaluate(&articles, &|text: &str| {
        let raw = frontline_model::RawArticle { id: "eval".into(), text: text.to_string(), ..Default::default() };
        frontline_pipeline::process(raw).places
    });
    println!("{report}");
    if errors > 0 {
        print!("{}", report.errors(errors));
    }
    Ok(ExitCode::SUCCESS)
}

/// The same pipeline as `extract`, scored against ACLED's coding of each note.
fn eval_acled(file: &std::path::Path, opts: frontline_eval::acled::Options) -> Result<ExitCode> {
    let rows = frontline_eval::acled::load(file).with_context(|| format!("reading {}", file.display()))?;
    let report = frontline_eval::acled::evaluate(&rows, &opts, &|note: &str| {
        frontline_pipeline::process(frontline_model::RawArticle {
            id: "acled".into(),
            text: note.to_string(),
            ..Default::default()
        })
    });
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}
