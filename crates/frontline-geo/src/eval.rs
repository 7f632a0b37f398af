//! Geoparsing evaluation against the LGL and GeoVirus corpora (read from files given at run
//! time; no evaluation data lives in the repository).
//!
//! - LGL (`<article><text>…<toponyms><toponym><start><end><phrase><gaztag geonameid><lat><lon>`):
//!   offsets are character offsets; toponyms without a `gaztag` (no coordinates) are skipped.
//! - GeoVirus (`<article><text>…<locations><location><name><start><end><lat><lon>`):
//!   offsets are character offsets shifted by one (`start - 1` is where the name begins);
//!   the loader checks the phrase and falls back to the nearest exact occurrence.
//!
//! Gold spans are converted to UTF-8 byte offsets (the model's convention).

use frontline_model::{PlaceMention, Span};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::fmt;
use std::path::Path;

use crate::haversine_km;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corpus {
    Lgl,
    GeoVirus,
}

impl std::str::FromStr for Corpus {
    type Err = GeoEvalError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "lgl" => Ok(Corpus::Lgl),
            "geovirus" => Ok(Corpus::GeoVirus),
            _ => Err(GeoEvalError::UnknownCorpus(s.to_string())),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GeoEvalError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("XML error in {path} at byte {pos}: {msg}")]
    Xml { path: String, pos: u64, msg: String },
    #[error("bad value {value:?} for <{field}> in {path}")]
    Field { path: String, field: String, value: String },
    #[error("unknown corpus {0:?} (expected lgl or geovirus)")]
    UnknownCorpus(String),
}

#[derive(Clone, Debug)]
pub struct GoldToponym {
    /// Byte span in the article text.
    pub span: Span,
    pub phrase: String,
    pub latitude: f64,
    pub longitude: f64,
    pub geonameid: Option<u32>,
}

#[derive(Clone, Debug)]
pub struct GoldArticle {
    pub id: String,
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
    /// Gold toponyms skipped because they carry no coordinates.
    pub skipped: usize,
}

#[derive(Default)]
struct Partial {
    start: Option<usize>,
    end: Option<usize>,
    phrase: String,
    lat: Option<f64>,
    lon: Option<f64>,
    gid: Option<u32>,
}

/// Read a corpus file.
pub fn load(corpus: Corpus, path: &Path) -> Result<Vec<GoldArticle>, GeoEvalError> {
    let p = path.display().to_string();
    let xml = std::fs::read_to_string(path).map_err(|source| GeoEvalError::Io { path: p.clone(), source })?;
    let mut rd = Reader::from_str(&xml);
    let mut stack: Vec<String> = Vec::new();
    let mut arts = Vec::new();
    let mut text = String::new();
    let mut id = String::new();
    let mut raw: Vec<Partial> = Vec::new();
    let mut cur: Option<Partial> = None;
    let item = if corpus == Corpus::Lgl { "toponym" } else { "location" };
    let name_tag = if corpus == Corpus::Lgl { "phrase" } else { "name" };
    let parse_err = |field: &str, value: &str| GeoEvalError::Field { path: p.clone(), field: field.into(), value: value.into() };
    loop {
        let ev = rd
            .read_event()
            .map_err(|e| GeoEvalError::Xml { path: p.clone(), pos: rd.buffer_position() as u64, msg: e.to_string() })?;
        match ev {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "article" {
                    text.clear();
                    raw.clear();
                    id = e
                        .try_get_attribute("docid")
                        .ok()
                        .flatten()
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                        .unwrap_or_else(|| format!("{}", arts.len() + 1));
                } else if name == item {
                    cur = Some(Partial::default());
                } else if name == "gaztag" {
                    if let (Some(c), Ok(Some(a))) = (cur.as_mut(), e.try_get_attribute("geonameid")) {
                        c.gid = String::from_utf8_lossy(&a.value).parse().ok();
                    }
                }
                stack.push(name);
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                stack.pop();
                if name == item {
                    if let Some(c) = cur.take() {
                        raw.push(c);
                    }
                } else if name == "article" {
                    arts.push(finish(corpus, &id, &text, std::mem::take(&mut raw)));
                }
            }
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| GeoEvalError::Xml { path: p.clone(), pos: 0, msg: e.to_string() })?;
                handle_text(&stack, &s, &mut text, cur.as_mut(), name_tag, &parse_err)?;
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t.into_inner()).into_owned();
                handle_text(&stack, &s, &mut text, cur.as_mut(), name_tag, &parse_err)?;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(arts)
}

fn handle_text(
    stack: &[String],
    s: &str,
    text: &mut String,
    cur: Option<&mut Partial>,
    name_tag: &str,
    err: &dyn Fn(&str, &str) -> GeoEvalError,
) -> Result<(), GeoEvalError> {
    let Some(top) = stack.last() else { return Ok(()) };
    if top == "text" && stack.len() >= 2 && stack[stack.len() - 2] == "article" {
        text.push_str(s);
        return Ok(());
    }
    let Some(c) = cur else { return Ok(()) };
    let v = s.trim();
    match top.as_str() {
        "start" => c.start = Some(v.parse().map_err(|_| err("start", v))?),
        "end" => c.end = Some(v.parse().map_err(|_| err("end", v))?),
        "lat" => c.lat = Some(v.parse().map_err(|_| err("lat", v))?),
        "lon" => c.lon = Some(v.parse().map_err(|_| err("lon", v))?),
        t if t == name_tag => c.phrase.push_str(s),
        _ => {}
    }
    Ok(())
}

fn finish(corpus: Corpus, id: &str, text: &str, raw: Vec<Partial>) -> GoldArticle {
    // char offset -> byte offset
    let mut c2b: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    c2b.push(text.len());
    let nchars = c2b.len() - 1;
    let mut toponyms = Vec::new();
    let mut skipped = 0;
    for r in raw {
        let (Some(s), Some(e), Some(lat), Some(lon)) = (r.start, r.end, r.lat, r.lon) else {
            skipped += 1;
            continue;
        };
        let shift = if corpus == Corpus::GeoVirus { 1 } else { 0 };
        let (s, e) = (s.saturating_sub(shift).min(nchars), e.saturating_sub(shift).min(nchars));
        let mut span = Span::new(c2b[s], c2b[e.max(s)]);
        if span.text(text) != r.phrase && !r.phrase.is_empty() {
            // fall back to the nearest exact occurrence of the phrase
            if let Some(b) = text
                .match_indices(r.phrase.as_str())
                .map(|(b, _)| b)
                .min_by_key(|b| (*b as i64 - span.start as i64).abs())
            {
                span = Span::new(b, b + r.phrase.len());
            }
        }
        toponyms.push(GoldToponym { span, phrase: r.phrase, latitude: lat, longitude: lon, geonameid: r.gid });
    }
    GoldArticle { id: id.to_string(), text: text.to_string(), toponyms, skipped }
}

/// One toponym placed more than 161 km from its gold point.
#[derive(Clone, Debug)]
pub struct ErrorCase {
    pub article: String,
    pub phrase: String,
    /// Predicted name, country and feature code ("London GB PPLC").
    pub predicted: String,
    pub km: f64,
    pub gold: (f64, f64),
    pub point: (f64, f64),
}

/// Evaluation figures.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub gold: usize,
    pub skipped_no_coords: usize,
    pub found: usize,
    pub within_161: usize,
    pub within_25: usize,
    pub median_km: f64,
    pub mean_km: f64,
    pub predicted: usize,
    pub predicted_matching: usize,
    pub seconds: f64,
    /// Errors over 161 km, worst first, for inspection.
    pub worst: Vec<ErrorCase>,
    /// Gold toponyms not found (phrase, count), most frequent first.
    pub missed: Vec<(String, usize)>,
    /// Predicted places matching no gold toponym (text, count), most frequent first.
    pub spurious: Vec<(String, usize)>,
}

impl Report {
    pub fn span_recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn acc161(&self) -> f64 {
        ratio(self.within_161, self.found)
    }
    pub fn acc25(&self) -> f64 {
        ratio(self.within_25, self.found)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_matching, self.predicted)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "articles                 {}", self.articles)?;
        writeln!(f, "gold toponyms            {} (skipped without coordinates: {})", self.gold, self.skipped_no_coords)?;
        writeln!(f, "found (span overlap)     {} ({:.1} %)", self.found, 100.0 * self.span_recall())?;
        writeln!(f, "acc@161km (of found)     {:.1} %", 100.0 * self.acc161())?;
        writeln!(f, "acc@25km (of found)      {:.1} %", 100.0 * self.acc25())?;
        writeln!(f, "acc@161km (of all gold)  {:.1} %", 100.0 * ratio(self.within_161, self.gold))?;
        writeln!(f, "median error km (found)  {:.1}", self.median_km)?;
        writeln!(f, "mean error km (found)    {:.1}", self.mean_km)?;
        writeln!(
            f,
            "predicted places         {} ({:.1} % overlap a gold toponym)",
            self.predicted,
            100.0 * self.precision()
        )?;
        if self.articles > 0 {
            writeln!(f, "time                     {:.3} s ({:.0} µs/article)", self.seconds, 1e6 * self.seconds / self.articles as f64)?;
        }
        Ok(())
    }
}

impl Report {
    /// The `n` worst errors (over 161 km), the `n` most often missed gold toponyms and the `n`
    /// most frequent predictions that overlap no gold toponym.
    pub fn errors(&self, n: usize) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(s, "worst errors (> 161 km: {}; article, gold phrase, prediction, km, gold point, predicted point):", self.worst.len());
        for e in self.worst.iter().take(n) {
            let _ = writeln!(
                s,
                "  {}\t{}\t-> {}\t{:.0} km\tgold ({:.3},{:.3})\tpred ({:.3},{:.3})",
                e.article, e.phrase, e.predicted, e.km, e.gold.0, e.gold.1, e.point.0, e.point.1
            );
        }
        let missed: usize = self.missed.iter().map(|m| m.1).sum();
        let _ = writeln!(s, "most missed gold toponyms ({missed} in all; count, phrase):");
        for (p, c) in self.missed.iter().take(n) {
            let _ = writeln!(s, "  {c}\t{p}");
        }
        let spurious: usize = self.spurious.iter().map(|m| m.1).sum();
        let _ = writeln!(s, "most frequent spurious predictions ({spurious} in all; count, text):");
        for (p, c) in self.spurious.iter().take(n) {
            let _ = writeln!(s, "  {c}\t{p}");
        }
        s
    }
}

/// The prediction scored against a gold toponym: the one overlapping its span the most.
pub fn best_match(pred: &[PlaceMention], gold: Span) -> Option<&PlaceMention> {
    pred.iter()
        .filter(|p| p.span.overlaps(gold))
        .max_by_key(|p| p.span.end.min(gold.end) - p.span.start.max(gold.start))
}

/// Run `extract` over every article and score it against the gold toponyms.
pub fn evaluate(articles: &[GoldArticle], extract: &dyn Fn(&str) -> Vec<PlaceMention>) -> Report {
    let mut r = Report { articles: articles.len(), ..Default::default() };
    let mut errs: Vec<f64> = Vec::new();
    let mut worst = Vec::new();
    let mut missed = std::collections::HashMap::<String, usize>::new();
    let mut spurious = std::collections::HashMap::<String, usize>::new();
    let mut elapsed = 0.0;
    for a in articles {
        let t0 = std::time::Instant::now();
        let pred = extract(&a.text);
        elapsed += t0.elapsed().as_secs_f64();
        r.skipped_no_coords += a.skipped;
        r.gold += a.toponyms.len();
        r.predicted += pred.len();
        for p in &pred {
            if a.toponyms.iter().any(|g| g.span.overlaps(p.span)) {
                r.predicted_matching += 1;
            } else {
                *spurious.entry(p.span.text(&a.text).to_string()).or_default() += 1;
            }
        }
        for g in &a.toponyms {
            match best_match(&pred, g.span) {
                Some(p) => {
                    r.found += 1;
                    let d = haversine_km((p.latitude, p.longitude), (g.latitude, g.longitude));
                    errs.push(d);
                    if d <= 161.0 {
                        r.within_161 += 1;
                    }
                    if d <= 25.0 {
                        r.within_25 += 1;
                    }
                    if d > 161.0 {
                        worst.push(ErrorCase {
                            article: a.id.clone(),
                            phrase: g.phrase.clone(),
                            predicted: format!("{} {} {}", p.name, p.country_code, p.feature_code),
                            km: d,
                            gold: (g.latitude, g.longitude),
                            point: (p.latitude, p.longitude),
                        });
                    }
                }
                None => *missed.entry(g.phrase.clone()).or_default() += 1,
            }
        }
    }
    r.seconds = elapsed;
    errs.sort_by(|a, b| a.total_cmp(b));
    if !errs.is_empty() {
        r.median_km = if errs.len() % 2 == 1 {
            errs[errs.len() / 2]
        } else {
            (errs[errs.len() / 2 - 1] + errs[errs.len() / 2]) / 2.0
        };
        r.mean_km = errs.iter().sum::<f64>() / errs.len() as f64;
    }
    worst.sort_by(|a, b| b.km.total_cmp(&a.km));
    r.worst = worst;
    let mut m: Vec<_> = missed.into_iter().collect();
    m.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    r.missed = m;
    let mut s: Vec<_> = spurious.into_iter().collect();
    s.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    r.spurious = s;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_lgl_style_char_offsets_as_bytes() {
        let dir = std::env::temp_dir().join(format!("fl-geo-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("lgl.xml");
        std::fs::write(
            &p,
            r#"<?xml version="1.0" encoding="utf-8"?><articles><article docid="7"><text><![CDATA[Café in Aleppo.]]></text>
<toponyms><toponym><start>8</start><end>14</end><phrase>Aleppo</phrase><gaztag geonameid="170063"><name>Aleppo</name><lat>36.2</lat><lon>37.16</lon></gaztag></toponym>
<toponym><start>0</start><end>4</end><phrase>Café</phrase></toponym></toponyms></article></articles>"#,
        )
        .unwrap();
        let arts = load(Corpus::Lgl, &p).unwrap();
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].skipped, 1);
        let t = &arts[0].toponyms[0];
        assert_eq!(t.span, Span::new(9, 15)); // "é" is two bytes
        assert_eq!(t.span.text(&arts[0].text), "Aleppo");
        assert_eq!(t.geonameid, Some(170063));
        let rep = evaluate(&arts, &|s| crate::geoparse(s, &Default::default()));
        assert_eq!(rep.gold, 1);
        assert_eq!(rep.found, 1);
        assert_eq!(rep.within_25, 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn loads_geovirus_shifted_offsets() {
        let dir = std::env::temp_dir().join(format!("fl-geo-evalgv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("gv.xml");
        std::fs::write(
            &p,
            "<articles><article><source>x</source><text>Cases in Pandi, Bulacan rose.</text><locations><location><name>Pandi</name><start>10</start><end>15</end><lat>14.87</lat><lon>120.95</lon></location></locations></article></articles>",
        )
        .unwrap();
        let arts = load(Corpus::GeoVirus, &p).unwrap();
        assert_eq!(arts[0].toponyms[0].span.text(&arts[0].text), "Pandi");
        std::fs::remove_dir_all(&dir).ok();
    }
}
