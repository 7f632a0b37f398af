//! Exports of canonical events: ACLED CSV, JSONL, GeoJSON, PLOVER JSONL, Parquet.
//!
//! ACLED CSV has ACLED's current 31 columns in ACLED's order (inter1/inter2 as ACLED's
//! current names, "State forces" …; dates YYYY-MM-DD as ACLED's API writes them), then
//! frontline's columns ([`EXTRA_COLUMNS`]). Parquet and GeoJSON properties use the same
//! columns with native types.

use std::io::Write;
use std::str::FromStr;

use serde_json::{json, Map, Value as J};

use crate::query::{CanonicalEvent, Filter};
use crate::{Result, Store, StoreError};

/// ACLED's current export columns, in order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
];

/// frontline's columns after ACLED's.
pub const EXTRA_COLUMNS: [&str; 20] = [
    "iso3", "event_date_end", "fatalities_low", "fatalities_high", "fatalities_by_claimant", "n_sources", "n_articles",
    "n_reports", "n_independent", "first_reported", "last_reported", "inter1_code", "inter2_code", "plover_event",
    "plover_mode", "cameo_root", "confidence", "articles", "rules", "merged_from",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    AcledCsv,
    Jsonl,
    Geojson,
    Plover,
    Parquet,
}

impl FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "acled-csv" | "csv" | "acled" => ExportFormat::AcledCsv,
            "jsonl" => ExportFormat::Jsonl,
            "geojson" => ExportFormat::Geojson,
            "plover" | "plover-jsonl" => ExportFormat::Plover,
            "parquet" => ExportFormat::Parquet,
            _ => return Err(format!("unknown format {s:?}: acled-csv, jsonl, geojson, plover or parquet")),
        })
    }
}

/// A cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    S(String),
    I(Option<i64>),
    F(Option<f64>),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::S(s) => s.clone(),
            Cell::I(Some(v)) => v.to_string(),
            Cell::F(Some(v)) => format!("{v:.4}"),
            _ => String::new(),
        }
    }
    fn json(&self) -> J {
        match self {
            Cell::S(s) => J::String(s.clone()),
            Cell::I(v) => v.map(J::from).unwrap_or(J::Null),
            Cell::F(v) => v.map(J::from).unwrap_or(J::Null),
        }
    }
}

fn s(x: &str) -> Cell {
    Cell::S(x.to_string())
}
fn os(x: &Option<String>) -> Cell {
    Cell::S(x.clone().unwrap_or_default())
}
fn i<T: Into<i64>>(x: Option<T>) -> Cell {
    Cell::I(x.map(Into::into))
}
fn u(x: Option<u64>) -> Cell {
    Cell::I(x.map(|v| v as i64))
}

/// The row of an event: ACLED's 31 columns then [`EXTRA_COLUMNS`].
pub fn row(e: &CanonicalEvent) -> Vec<Cell> {
    let claimants = e
        .claims
        .fatalities_by_claimant
        .iter()
        .map(|f| {
            let range = if f.low != f.best || f.high != f.best { format!(" ({}–{})", f.low, f.high) } else { String::new() };
            let hedge = f.hedge.as_ref().map(|h| format!(" [{h}]")).unwrap_or_default();
            format!("{}: {}{range}{hedge}", f.claimant, f.best)
        })
        .collect::<Vec<_>>()
        .join("; ");
    let articles = e
        .members
        .as_ref()
        .map(|ms| {
            let mut v: Vec<String> = Vec::new();
            for m in ms {
                let a = m.url.clone().unwrap_or_else(|| m.article.clone());
                if !v.contains(&a) {
                    v.push(a);
                }
            }
            v.join("; ")
        })
        .unwrap_or_default();
    vec![
        s(&e.event_id_cnty),
        os(&e.event_date),
        Cell::I(e.year),
        i(Some(e.time_precision)),
        s(&e.disorder_type),
        s(&e.event_type),
        s(&e.sub_event_type),
        s(&e.actor1),
        s(&e.assoc_actor_1),
        Cell::S(e.inter1_name()),
        s(&e.actor2),
        s(&e.assoc_actor_2),
        Cell::S(e.inter2_name()),
        s(&e.interaction),
        s(&e.civilian_targeting),
        i(e.iso),
        s(&e.region),
        s(&e.country),
        s(&e.admin1),
        s(&e.admin2),
        s(&e.admin3),
        s(&e.location),
        Cell::F(e.latitude),
        Cell::F(e.longitude),
        i(Some(e.geo_precision)),
        s(&e.source),
        s(&e.source_scale),
        s(&e.notes),
        Cell::I(Some(e.fatalities as i64)),
        s(&e.tags),
        Cell::I(Some(e.timestamp)),
        // extras
        s(&e.iso3),
        os(&e.event_date_end),
        u(e.fatalities_low),
        u(e.fatalities_high),
        Cell::S(claimants),
        i(Some(e.n_sources)),
        i(Some(e.n_articles)),
        i(Some(e.n_reports)),
        i(Some(e.n_independent)),
        os(&e.first_reported),
        os(&e.last_reported),
        i(e.inter1),
        i(e.inter2),
        s(&e.plover_event),
        os(&e.plover_mode),
        os(&e.cameo_root),
        Cell::F(Some(e.confidence)),
        Cell::S(articles),
        Cell::S(serde_json::to_string(&e.rules).unwrap_or_default()),
        Cell::S(e.merged_from.join("; ")),
    ]
}

pub fn columns() -> Vec<&'static str> {
    ACLED_COLUMNS.iter().chain(EXTRA_COLUMNS.iter()).copied().collect()
}

/// Writes the events matching `filter` in `format`; returns how many.
pub fn export(store: &Store, filter: &Filter, format: ExportFormat, out: &mut (dyn Write + Send)) -> Result<usize> {
    match format {
        ExportFormat::AcledCsv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(columns())?;
            let n = store.for_each_event(filter, true, &mut |e| {
                w.write_record(row(&e).iter().map(Cell::csv))?;
                Ok(())
            })?;
            w.flush()?;
            Ok(n)
        }
        ExportFormat::Jsonl => store.for_each_event(filter, true, &mut |e| {
            serde_json::to_writer(&mut *out, &e)?;
            out.write_all(b"\n")?;
            Ok(())
        }),
        ExportFormat::Geojson => {
            out.write_all(b"{\"type\":\"FeatureCollection\",\"name\":\"frontline_events\",\"features\":[\n")?;
            let cols = columns();
            let mut first = true;
            let n = store.for_each_event(filter, true, &mut |e| {
                let mut props = Map::new();
                for (c, v) in cols.iter().zip(row(&e)) {
                    props.insert(c.to_string(), v.json());
                }
                let geometry = match (e.latitude, e.longitude) {
                    (Some(lat), Some(lon)) => json!({"type": "Point", "coordinates": [lon, lat]}),
                    _ => J::Null,
                };
                let f = json!({"type": "Feature", "id": e.event_id_cnty, "geometry": geometry, "properties": props});
                if !first {
                    out.write_all(b",\n")?;
                }
                first = false;
                serde_json::to_writer(&mut *out, &f)?;
                Ok(())
            })?;
            out.write_all(b"\n]}\n")?;
            Ok(n)
        }
        ExportFormat::Plover => store.for_each_event(filter, true, &mut |e| {
            serde_json::to_writer(&mut *out, &plover(&e))?;
            out.write_all(b"\n")?;
            Ok(())
        }),
        ExportFormat::Parquet => {
            #[cfg(feature = "parquet")]
            {
                parquet_out::write(store, filter, out)
            }
            #[cfg(not(feature = "parquet"))]
            {
                let _ = out;
                Err(StoreError::Parquet("this build has no Parquet support (feature `parquet`)".into()))
            }
        }
    }
}

/// A PLOVER record (field names of the PLOVER data interchange specification: `id`,
/// `date`, `event`, `mode`, `context`, `actor`, `recipient`, `dead`, `injured`, `size`,
/// GeoNames-style `location`), with the ACLED coding kept under `acled`.
pub fn plover(e: &CanonicalEvent) -> J {
    let injured: Option<u64> = {
        let mut v: Vec<u64> = Vec::new();
        for c in &e.claims.claims {
            for f in &c.figures {
                if f.kind == "wounded" || f.kind == "injured" {
                    v.push(f.best);
                }
            }
        }
        v.into_iter().min()
    };
    let iso2 = frontline_actors::countries().all().iter().find(|c| c.iso3 == e.iso3).map(|c| c.iso2.clone());
    let urls: Vec<String> = e
        .members
        .as_ref()
        .map(|ms| {
            let mut v: Vec<String> = ms.iter().filter_map(|m| m.url.clone()).collect();
            v.dedup();
            v
        })
        .unwrap_or_default();
    let ids: Vec<String> = e.members.as_ref().map(|ms| ms.iter().map(|m| m.article.clone()).collect()).unwrap_or_default();
    let actor_list = |a: &str, assoc: &str| -> Vec<String> {
        std::iter::once(a).chain(assoc.split("; ")).filter(|x| !x.is_empty()).map(String::from).collect()
    };
    let mut context: Vec<&str> = Vec::new();
    if e.civilian_targeting == "Civilian targeting" {
        context.push("human_rights");
    }
    let mut v = json!({
        "id": e.event_id_cnty,
        "date": e.event_date,
        "date_end": e.event_date_end,
        "date_precision": match e.time_precision { 1 => "day", 2 => "week", _ => "month" },
        "event": e.plover_event,
        "mode": e.plover_mode,
        "context": context,
        "actor": actor_list(&e.actor1, &e.assoc_actor_1),
        "actor_country": if e.inter1 == Some(8) { J::Null } else { iso2.clone().map(J::from).unwrap_or(J::Null) },
        "recipient": actor_list(&e.actor2, &e.assoc_actor_2),
        "dead": e.fatalities,
        "dead_range": [e.fatalities_low, e.fatalities_high],
        "injured": injured,
        "location": {
            "name": e.location,
            "countryCode": iso2,
            "countryName": e.country,
            "adminName1": e.admin1,
            "adminName2": e.admin2,
            "lat": e.latitude,
            "lon": e.longitude,
            "geo_precision": e.geo_precision,
        },
        "text": e.notes,
        "sources": e.source.split("; ").filter(|x| !x.is_empty()).collect::<Vec<_>>(),
        "urls": urls,
        "story_ids": ids,
        "first_reported": e.first_reported,
        "cameo": e.cameo_root,
        "acled": {
            "event_id_cnty": e.event_id_cnty,
            "disorder_type": e.disorder_type,
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "interaction": e.interaction,
        },
        "confidence": e.confidence,
    });
    if !e.merged_from.is_empty() {
        // Ids of events merged into this one (a later report bridged them).
        v["merged_ids"] = json!(e.merged_from);
    }
    v
}

#[cfg(feature = "parquet")]
mod parquet_out {
    use super::*;
    use parquet::basic::{Compression, ConvertedType, LogicalType, Repetition, Type as PhysicalType};
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::types::Type;
    use std::sync::Arc;

    const ROW_GROUP: usize = 50_000;

    fn perr(e: parquet::errors::ParquetError) -> StoreError {
        StoreError::Parquet(e.to_string())
    }

    pub(super) fn write(store: &Store, filter: &Filter, out: &mut (dyn Write + Send)) -> Result<usize> {
        // Column kinds come from a sample row shape (fixed by `row`).
        let cols = columns();
        let kinds: Vec<u8> = row(&sample()).iter().map(|c| match c {
            Cell::S(_) => 0u8,
            Cell::I(_) => 1,
            Cell::F(_) => 2,
        }).collect();
        let fields = cols
            .iter()
            .zip(&kinds)
            .map(|(name, k)| {
                let b = match k {
                    0 => Type::primitive_type_builder(name, PhysicalType::BYTE_ARRAY)
                        .with_logical_type(Some(LogicalType::String))
                        .with_converted_type(ConvertedType::UTF8),
                    1 => Type::primitive_type_builder(name, PhysicalType::INT64),
                    _ => Type::primitive_type_builder(name, PhysicalType::DOUBLE),
                };
                b.with_repetition(Repetition::OPTIONAL).build().map(Arc::new)
            })
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(perr)?;
        let schema = Arc::new(Type::group_type_builder("frontline_events").with_fields(fields).build().map_err(perr)?);
        let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
        let mut w = SerializedFileWriter::new(out, schema, props).map_err(perr)?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let flush = |w: &mut SerializedFileWriter<&mut (dyn Write + Send)>, rows: &mut Vec<Vec<Cell>>| -> Result<()> {
            if rows.is_empty() {
                return Ok(());
            }
            let mut rg = w.next_row_group().map_err(perr)?;
            let mut ci = 0;
            while let Some(mut col) = rg.next_column().map_err(perr)? {
                let mut defs: Vec<i16> = Vec::with_capacity(rows.len());
                match kinds[ci] {
                    0 => {
                        let mut vals = Vec::new();
                        for r in rows.iter() {
                            if let Cell::S(s) = &r[ci] {
                                vals.push(ByteArray::from(s.as_str()));
                                defs.push(1);
                            } else {
                                defs.push(0);
                            }
                        }
                        col.typed::<ByteArrayType>().write_batch(&vals, Some(&defs), None).map_err(perr)?;
                    }
                    1 => {
                        let mut vals = Vec::new();
                        for r in rows.iter() {
                            match &r[ci] {
                                Cell::I(Some(v)) => {
                                    vals.push(*v);
                                    defs.push(1);
                                }
                                _ => defs.push(0),
                            }
                        }
                        col.typed::<Int64Type>().write_batch(&vals, Some(&defs), None).map_err(perr)?;
                    }
                    _ => {
                        let mut vals = Vec::new();
                        for r in rows.iter() {
                            match &r[ci] {
                                Cell::F(Some(v)) => {
                                    vals.push(*v);
                                    defs.push(1);
                                }
                                _ => defs.push(0),
                            }
                        }
                        col.typed::<DoubleType>().write_batch(&vals, Some(&defs), None).map_err(perr)?;
                    }
                }
                col.close().map_err(perr)?;
                ci += 1;
            }
            rg.close().map_err(perr)?;
            rows.clear();
            Ok(())
        };
        let mut n = 0;
        store.for_each_event(filter, true, &mut |e| {
            rows.push(row(&e));
            n += 1;
            if rows.len() >= ROW_GROUP {
                flush(&mut w, &mut rows)?;
            }
            Ok(())
        })?;
        flush(&mut w, &mut rows)?;
        w.close().map_err(perr)?;
        Ok(n)
    }

    fn sample() -> CanonicalEvent {
        CanonicalEvent {
            event_id_cnty: String::new(),
            event_date: None,
            year: None,
            time_precision: 1,
            disorder_type: String::new(),
            event_type: String::new(),
            sub_event_type: String::new(),
            actor1: String::new(),
            assoc_actor_1: String::new(),
            inter1: None,
            actor2: String::new(),
            assoc_actor_2: String::new(),
            inter2: None,
            interaction: String::new(),
            civilian_targeting: String::new(),
            iso: None,
            region: String::new(),
            country: String::new(),
            admin1: String::new(),
            admin2: String::new(),
            admin3: String::new(),
            location: String::new(),
            latitude: None,
            longitude: None,
            geo_precision: 1,
            source: String::new(),
            source_scale: String::new(),
            notes: String::new(),
            fatalities: 0,
            tags: String::new(),
            timestamp: 0,
            iso3: String::new(),
            event_date_end: None,
            fatalities_low: None,
            fatalities_high: None,
            n_sources: 0,
            n_articles: 0,
            n_reports: 0,
            n_independent: 0,
            first_reported: None,
            last_reported: None,
            plover_event: String::new(),
            plover_mode: None,
            cameo_root: None,
            confidence: 0.0,
            rules: Default::default(),
            claims: Default::default(),
            merged_from: Vec::new(),
            members: None,
            cluster_id: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_columns_are_the_31_in_order() {
        assert_eq!(ACLED_COLUMNS.len(), 31);
        assert_eq!(ACLED_COLUMNS[0], "event_id_cnty");
        assert_eq!(ACLED_COLUMNS[30], "timestamp");
        assert_eq!(columns().len(), 31 + EXTRA_COLUMNS.len());
    }

    #[test]
    fn formats_parse() {
        assert_eq!("acled-csv".parse::<ExportFormat>().unwrap(), ExportFormat::AcledCsv);
        assert!("xml".parse::<ExportFormat>().is_err());
    }
}
