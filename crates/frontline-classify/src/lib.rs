//! A small trained reranker for ACLED sub-event types, combined with the rule-based
//! classifier of `frontline-pipeline::events`.
//!
//! - [`featurize`]: hashed sparse features of an event's text (lowercased word unigrams
//!   and bigrams, digits normalised to `0`) plus the rule's decision (`rule=<sub>`) and the
//!   actors' inter codes (`i1=`, `i2=`, `i1i2=`), each the 32-bit FNV-1a hash of its name
//!   (see [`feature_id`]).
//! - [`Model`]: multinomial logistic regression over those features, sparse and pruned,
//!   trained by [`train`] (AdaGrad SGD, L2, fixed seed) and stored in a tiny binary format
//!   ([`Model::to_bytes`]/[`Model::from_bytes`]). The committed model
//!   (`data/models/subevent.bin`, trained by
//!   `crates/frontline-eval/examples/train_subevent.rs` on the dev split only) is embedded
//!   with `include_bytes!` ([`Model::embedded`]).
//! - [`rerank`]: `argmax_c p_model(c) + bonus·[c == rule_sub]`, the bonus chosen by
//!   cross-validation and stored in the model. With no model (empty file) it returns the
//!   rule's type unchanged.
//!
//! See docs/MODEL.md for data, commands and measurements.

use std::collections::HashMap;
use std::sync::OnceLock;

mod gate;
pub use gate::{gate_features, p_event, train_gate, GateModel, GateOptions};

/// ACLED's 25 sub-event types, the model's classes (order fixed by this list).
pub const SUB_EVENT_TYPES: [&str; 25] = [
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
];

/// ACLED's event type of each entry of [`SUB_EVENT_TYPES`] (same order).
const EVENT_TYPES: [&str; 25] = [
    "Battles",
    "Battles",
    "Battles",
    "Explosions/Remote violence",
    "Explosions/Remote violence",
    "Explosions/Remote violence",
    "Explosions/Remote violence",
    "Explosions/Remote violence",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Violence against civilians",
    "Violence against civilians",
    "Protests",
    "Protests",
    "Protests",
    "Riots",
    "Riots",
    "Strategic developments",
    "Strategic developments",
    "Strategic developments",
    "Strategic developments",
    "Strategic developments",
    "Strategic developments",
    "Strategic developments",
    "Strategic developments",
];

/// ACLED's event type of a sub-event type (`None` for unknown names).
pub fn event_type_of(sub: &str) -> Option<&'static str> {
    class_index(sub).map(|i| EVENT_TYPES[i])
}

/// The `'static` name of an ACLED sub-event type, if `name` is one.
pub fn class_name(name: &str) -> Option<&'static str> {
    SUB_EVENT_TYPES.iter().copied().find(|c| *c == name)
}

fn class_index(name: &str) -> Option<usize> {
    SUB_EVENT_TYPES.iter().position(|c| *c == name)
}

// ---------------------------------------------------------------------------------------
// Features

const FNV32_OFFSET: u32 = 0x811c_9dc5;
const FNV32_PRIME: u32 = 0x0100_0193;

#[inline]
fn fnv_push(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(FNV32_PRIME);
    }
    h
}

/// The id of a feature given by name: `"w=killed"`, `"b=tear gas"`, `"rule=Armed clash"`,
/// `"i1=1"`, `"i2=7"`, `"i1i2=1_7"`, `"bias"` (32-bit FNV-1a of the name).
pub fn feature_id(name: &str) -> u32 {
    fnv_push(FNV32_OFFSET, name.as_bytes())
}

/// Lowercased word tokens; every decimal digit becomes `0`.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            if ch.is_ascii_digit() {
                cur.push('0');
            } else if ch.is_ascii() {
                cur.push(ch.to_ascii_lowercase());
            } else {
                cur.extend(ch.to_lowercase());
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn inter_str(i: Option<u8>) -> String {
    i.map(|n| n.to_string()).unwrap_or_else(|| "-".into())
}

/// The hashed word unigrams (`w=`) and bigrams (`b=`) of `text`, unsorted, with room for
/// `extra` more features (shared by [`featurize`] and the event gate's features).
pub(crate) fn word_features(text: &str, extra: usize) -> Vec<u32> {
    let toks = tokens(text);
    let mut f = Vec::with_capacity(toks.len() * 2 + extra);
    let w = fnv_push(FNV32_OFFSET, b"w=");
    let b = fnv_push(FNV32_OFFSET, b"b=");
    for (i, t) in toks.iter().enumerate() {
        f.push(fnv_push(w, t.as_bytes()));
        if i + 1 < toks.len() {
            let h = fnv_push(fnv_push(b, t.as_bytes()), b" ");
            f.push(fnv_push(h, toks[i + 1].as_bytes()));
        }
    }
    f
}

/// Sparse binary features of one event (sorted, without duplicates): word unigrams
/// (`w=`) and bigrams (`b=`) of `text`, the rule's sub-event type (`rule=`), the inter codes
/// of actor1/actor2 (`i1=`, `i2=`, `i1i2=`; `-` when absent), the rule crossed with the
/// inter pair (`rule_i1i2=`) and a bias feature.
pub fn featurize(text: &str, rule_sub: &str, inter1: Option<u8>, inter2: Option<u8>) -> Vec<u32> {
    let mut f = word_features(text, 8);
    let (i1, i2) = (inter_str(inter1), inter_str(inter2));
    f.push(feature_id("bias"));
    f.push(feature_id(&format!("rule={rule_sub}")));
    f.push(feature_id(&format!("i1={i1}")));
    f.push(feature_id(&format!("i2={i2}")));
    f.push(feature_id(&format!("i1i2={i1}_{i2}")));
    f.push(feature_id(&format!("rule_i1i2={rule_sub}|{i1}_{i2}")));
    f.sort_unstable();
    f.dedup();
    f
}

// ---------------------------------------------------------------------------------------
// Model

/// Multinomial logistic regression over hashed sparse features, stored sparsely: for each
/// kept feature (sorted ids) the classes it has a non-negligible weight for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    /// Class names (ACLED sub-event types).
    pub classes: Vec<&'static str>,
    /// Weight added to the rule's class's probability in [`Model::rerank`].
    pub bonus: f32,
    bias: Vec<f32>,
    keys: Vec<u32>,
    /// `offs[k]..offs[k+1]` are feature `keys[k]`'s entries.
    offs: Vec<u32>,
    ent_class: Vec<u8>,
    ent_w: Vec<f32>,
}

const MAGIC: &[u8; 8] = b"FLSUBEV1";

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}
impl std::error::Error for FormatError {}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len()).ok_or_else(|| FormatError("truncated".into()))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn f32(&mut self) -> Result<f32, FormatError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    /// `n` feature ids (u32), which must be strictly increasing.
    fn sorted_keys(&mut self, n: usize) -> Result<Vec<u32>, FormatError> {
        let keys: Vec<u32> = self
            .take(n.checked_mul(4).ok_or_else(|| FormatError("size".into()))?)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap()))
            .collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(FormatError("feature ids not sorted".into()));
        }
        Ok(keys)
    }
    /// [`write_quantised`]'s format: a scale (f32), then `n` weights as i16 × scale.
    fn quantised(&mut self, n: usize) -> Result<Vec<f32>, FormatError> {
        let scale = self.f32()?;
        Ok(self
            .take(n.checked_mul(2).ok_or_else(|| FormatError("size".into()))?)?
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes(c.try_into().unwrap()) as f32 * scale)
            .collect())
    }
}

/// Writes weights as one f32 scale (the largest magnitude over 32,767) and an i16 per weight.
fn write_quantised(o: &mut Vec<u8>, weights: &[f32]) {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    o.extend_from_slice(&scale.to_le_bytes());
    for w in weights {
        let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
        o.extend_from_slice(&q.to_le_bytes());
    }
}

impl Model {
    /// The model committed in `data/models/subevent.bin`, embedded at build time; empty
    /// (no classes) when the file was missing or empty, or unreadable.
    pub fn embedded() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/subevent.bin"));
            Model::from_bytes(BYTES).unwrap_or_default()
        })
    }

    /// True when the model has no classes (rules only).
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Number of (feature, class) weights kept.
    pub fn n_weights(&self) -> usize {
        self.ent_w.len()
    }

    /// Number of features kept.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Raw class scores (logits) for sorted or unsorted feature ids.
    fn logits(&self, feats: &[u32]) -> Vec<f32> {
        let mut s = self.bias.clone();
        for &f in feats {
            if let Ok(k) = self.keys.binary_search(&f) {
                let (a, b) = (self.offs[k] as usize, self.offs[k + 1] as usize);
                for e in a..b {
                    s[self.ent_class[e] as usize] += self.ent_w[e];
                }
            }
        }
        s
    }

    /// Class probabilities (softmax), in class order. Features should be deduplicated
    /// (as [`featurize`] returns them).
    pub fn scores(&self, feats: &[u32]) -> Vec<(&'static str, f32)> {
        if self.is_empty() {
            return Vec::new();
        }
        let p = softmax(&self.logits(feats));
        self.classes.iter().copied().zip(p).collect()
    }

    /// `argmax_c p(c) + bonus·[c == rule_sub]` with its probability p(c). With an empty
    /// model: the rule's type with probability 1 (`"Other"` if the rule's name is unknown).
    pub fn rerank(&self, feats: &[u32], rule_sub: &str) -> (&'static str, f32) {
        if self.is_empty() {
            return (class_name(rule_sub).unwrap_or("Other"), 1.0);
        }
        let sc = self.scores(feats);
        let mut best = (sc[0].0, sc[0].1, f32::NEG_INFINITY);
        for &(c, p) in &sc {
            let v = p + if c == rule_sub { self.bonus } else { 0.0 };
            if v > best.2 {
                best = (c, p, v);
            }
        }
        (best.0, best.1)
    }

    /// The binary format (little-endian): magic `FLSUBEV1`; n_classes u32, each class as
    /// u8 length + UTF-8 name; bonus f32; bias f32 × n_classes; n_features u32; feature ids
    /// u32 × n (sorted); entry counts u8 × n; n_entries u32; entry classes u8 × m; scale f32;
    /// entry weights i16 × m (weight = q · scale).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut o = Vec::new();
        o.extend_from_slice(MAGIC);
        o.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        for c in &self.classes {
            o.push(c.len() as u8);
            o.extend_from_slice(c.as_bytes());
        }
        o.extend_from_slice(&self.bonus.to_le_bytes());
        for b in &self.bias {
            o.extend_from_slice(&b.to_le_bytes());
        }
        o.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for k in &self.keys {
            o.extend_from_slice(&k.to_le_bytes());
        }
        for w in self.offs.windows(2) {
            o.push((w[1] - w[0]) as u8);
        }
        o.extend_from_slice(&(self.ent_w.len() as u32).to_le_bytes());
        o.extend_from_slice(&self.ent_class);
        write_quantised(&mut o, &self.ent_w);
        o
    }

    /// Reads [`Model::to_bytes`]' format. Empty input is the empty model.
    pub fn from_bytes(b: &[u8]) -> Result<Model, FormatError> {
        if b.is_empty() {
            return Ok(Model::default());
        }
        let mut r = Reader { b, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(FormatError("wrong magic".into()));
        }
        let nc = r.u32()? as usize;
        if nc > 255 {
            return Err(FormatError(format!("{nc} classes")));
        }
        let mut classes = Vec::with_capacity(nc);
        for _ in 0..nc {
            let n = r.take(1)?[0] as usize;
            let name = std::str::from_utf8(r.take(n)?).map_err(|_| FormatError("class name not UTF-8".into()))?;
            classes.push(class_name(name).ok_or_else(|| FormatError(format!("unknown class {name:?}")))?);
        }
        let bonus = r.f32()?;
        let bias = (0..nc).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
        let nf = r.u32()? as usize;
        let keys = r.sorted_keys(nf)?;
        let counts = r.take(nf)?;
        let mut offs = Vec::with_capacity(nf + 1);
        let mut acc = 0u32;
        offs.push(0);
        for &c in counts {
            acc += c as u32;
            offs.push(acc);
        }
        let m = r.u32()? as usize;
        if m != acc as usize {
            return Err(FormatError("entry count mismatch".into()));
        }
        let ent_class = r.take(m)?.to_vec();
        if ent_class.iter().any(|&c| c as usize >= nc) {
            return Err(FormatError("entry class out of range".into()));
        }
        let ent_w = r.quantised(m)?;
        if r.at != b.len() {
            return Err(FormatError("trailing bytes".into()));
        }
        Ok(Model { classes, bonus, bias, keys, offs, ent_class, ent_w })
    }

    /// Drops weights with |w| < `min_abs` (and features left without weights).
    pub fn prune(&mut self, min_abs: f32) {
        let mut keys = Vec::new();
        let mut offs = vec![0u32];
        let mut ec = Vec::new();
        let mut ew = Vec::new();
        for k in 0..self.keys.len() {
            let (a, b) = (self.offs[k] as usize, self.offs[k + 1] as usize);
            let before = ew.len();
            for e in a..b {
                if self.ent_w[e].abs() >= min_abs {
                    ec.push(self.ent_class[e]);
                    ew.push(self.ent_w[e]);
                }
            }
            if ew.len() > before {
                keys.push(self.keys[k]);
                offs.push(ew.len() as u32);
            }
        }
        self.keys = keys;
        self.offs = offs;
        self.ent_class = ec;
        self.ent_w = ew;
    }
}

fn softmax(s: &[f32]) -> Vec<f32> {
    let m = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f32> = s.iter().map(|x| (x - m).exp()).collect();
    let z: f32 = e.iter().sum();
    e.into_iter().map(|x| x / z).collect()
}

/// The embedded model's combined decision for one event: `text` is the event's text (the
/// joined sentences of the event), `rule_sub` the rule-based sub-event type, `inter1`/
/// `inter2` the event's actors' inter codes. Returns the sub-event type and the model's
/// probability for it (1.0 when falling back to the rule with no model).
pub fn rerank(text: &str, rule_sub: &str, inter1: Option<u8>, inter2: Option<u8>) -> (&'static str, f32) {
    let m = Model::embedded();
    if m.is_empty() {
        return m.rerank(&[], rule_sub);
    }
    m.rerank(&featurize(text, rule_sub, inter1, inter2), rule_sub)
}

// ---------------------------------------------------------------------------------------
// Training

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad base learning rate.
    pub lr: f32,
    /// L2 penalty per example touch (lazy: applied to the rows of active features).
    pub l2: f32,
    /// Features seen in fewer training examples are dropped.
    pub min_count: usize,
    /// Weights with |w| below this are dropped after training.
    pub prune: f32,
    /// Rule bonus stored in the model (used by [`Model::rerank`]).
    pub bonus: f32,
    /// Shuffling seed.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 15, lr: 0.2, l2: 1e-4, min_count: 2, prune: 0.01, bonus: 0.0, seed: 0x5eed_f00d }
    }
}

/// The feature ids seen in at least `min_count` examples, sorted, with each id's index.
fn vocabulary<'a>(examples: impl Iterator<Item = &'a Vec<u32>>, min_count: usize) -> (Vec<u32>, HashMap<u32, usize>) {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for f in examples {
        for &id in f {
            *counts.entry(id).or_default() += 1;
        }
    }
    let mut vocab: Vec<u32> = counts.iter().filter(|(_, &c)| c >= min_count.max(1)).map(|(&k, _)| k).collect();
    vocab.sort_unstable();
    let index = vocab.iter().enumerate().map(|(i, &k)| (k, i)).collect();
    (vocab, index)
}

/// An example's features as sorted, deduplicated vocabulary indices (unknown ids dropped).
fn indices(f: &[u32], index: &HashMap<u32, usize>) -> Vec<usize> {
    let mut xs: Vec<usize> = f.iter().filter_map(|id| index.get(id).copied()).collect();
    xs.sort_unstable();
    xs.dedup();
    xs
}

struct XorShift(u64);
impl XorShift {
    /// A Fisher-Yates shuffle of `order`.
    fn shuffle(&mut self, order: &mut [usize]) {
        for i in (1..order.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Trains a model on `(features, gold sub-event type)` examples (labels outside
/// [`SUB_EVENT_TYPES`] are skipped). Deterministic for a given seed.
pub fn train(examples: &[(Vec<u32>, &str)], opts: &TrainOptions) -> Model {
    let nc = SUB_EVENT_TYPES.len();
    // Feature vocabulary: ids seen in at least min_count examples.
    let (vocab, index) = vocabulary(examples.iter().map(|e| &e.0), opts.min_count);
    let data: Vec<(Vec<usize>, usize)> = examples.iter().filter_map(|(f, y)| Some((indices(f, &index), class_index(y)?))).collect();
    let nf = vocab.len();
    let mut w = vec![0f32; nf * nc];
    let mut g2 = vec![0f32; nf * nc];
    let mut bias = vec![0f32; nc];
    let mut bg2 = vec![0f32; nc];
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = XorShift(opts.seed | 1);
    let mut s = vec![0f32; nc];
    for _ in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (xs, y) = &data[k];
            s.copy_from_slice(&bias);
            for &x in xs {
                let row = &w[x * nc..(x + 1) * nc];
                for c in 0..nc {
                    s[c] += row[c];
                }
            }
            let p = softmax(&s);
            for c in 0..nc {
                let g = p[c] - if c == *y { 1.0 } else { 0.0 };
                bg2[c] += g * g;
                bias[c] -= opts.lr * g / (bg2[c].sqrt() + 1e-8);
                for &x in xs {
                    let i = x * nc + c;
                    let gi = g + opts.l2 * w[i];
                    if gi != 0.0 {
                        g2[i] += gi * gi;
                        w[i] -= opts.lr * gi / (g2[i].sqrt() + 1e-8);
                    }
                }
            }
        }
    }
    let mut m = Model {
        classes: SUB_EVENT_TYPES.to_vec(),
        bonus: opts.bonus,
        bias,
        keys: vocab,
        offs: (0..=nf).map(|k| (k * nc) as u32).collect(),
        ent_class: (0..nf).flat_map(|_| 0..nc as u8).collect(),
        ent_w: w,
    };
    m.prune(opts.prune.max(f32::MIN_POSITIVE));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn featurize_words_bigrams_rule_inters() {
        let f = featurize("Police fired tear gas at 200 protesters.", "Peaceful protest", Some(1), None);
        for name in ["w=police", "w=tear", "b=tear gas", "w=000", "b=at 000", "rule=Peaceful protest", "i1=1", "i2=-", "i1i2=1_-", "bias"] {
            assert!(f.contains(&feature_id(name)), "{name}");
        }
        assert!(!f.contains(&feature_id("w=Police")), "lowercased");
        assert!(f.windows(2).all(|w| w[0] < w[1]), "sorted, deduplicated");
        assert_eq!(tokens("Al-Shabaab's 3rd"), vec!["al", "shabaab", "s", "0rd"]);
    }

    fn toy() -> Vec<(Vec<u32>, &'static str)> {
        let mut v = Vec::new();
        for i in 0..20 {
            v.push((featurize(&format!("troops clashed with rebels {i}"), "Attack", Some(1), Some(2)), "Armed clash"));
            v.push((featurize(&format!("demonstrators marched peacefully {i}"), "Attack", None, None), "Peaceful protest"));
            v.push((featurize(&format!("a drone strike hit a house {i}"), "Attack", None, None), "Air/drone strike"));
            v.push((featurize(&format!("gunmen killed a farmer {i}"), "Attack", Some(3), Some(7)), "Attack"));
        }
        v
    }

    #[test]
    fn trains_to_full_accuracy_on_a_separable_toy_set() {
        let data = toy();
        let m = train(&data, &TrainOptions { epochs: 10, ..Default::default() });
        let ok = data.iter().filter(|(f, y)| m.rerank(f, "Attack").0 == *y).count();
        assert_eq!(ok, data.len());
        // The probabilities sum to one.
        let s: f32 = m.scores(&data[0].0).iter().map(|x| x.1).sum();
        assert!((s - 1.0).abs() < 1e-4);
    }

    #[test]
    fn rule_bonus_decides_when_large() {
        let data = toy();
        let mut m = train(&data, &TrainOptions::default());
        m.bonus = 2.0;
        assert_eq!(m.rerank(&data[0].0, "Grenade").0, "Grenade");
    }

    #[test]
    fn serialisation_round_trip() {
        let data = toy();
        let mut m = train(&data, &TrainOptions { bonus: 0.25, ..Default::default() });
        let b = m.to_bytes();
        let m2 = Model::from_bytes(&b).unwrap();
        assert_eq!(m2.classes, m.classes);
        assert_eq!(m2.bonus, 0.25);
        assert_eq!(m2.n_weights(), m.n_weights());
        for (f, _) in &data {
            let (a, b) = (m.scores(f), m2.scores(f));
            for (x, y) in a.iter().zip(&b) {
                assert_eq!(x.0, y.0);
                assert!((x.1 - y.1).abs() < 1e-3);
            }
            assert_eq!(m.rerank(f, "Attack").0, m2.rerank(f, "Attack").0);
        }
        // Stable: writing the read model gives the same bytes.
        assert_eq!(m2.to_bytes(), b);
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(Model::from_bytes(b"NOTAMODELATALL").is_err());
        m.prune(1e9);
        assert_eq!(m.n_weights(), 0);
        assert_eq!(Model::from_bytes(&m.to_bytes()).unwrap().n_features(), 0);
    }

    #[test]
    fn classes_and_event_types_match_the_ontology() {
        let onto = frontline_ontology::sub_event_types();
        assert_eq!(onto.len(), SUB_EVENT_TYPES.len());
        for s in onto {
            assert_eq!(event_type_of(&s.sub_event_type), Some(s.event_type.as_str()), "{}", s.sub_event_type);
        }
    }

    #[test]
    fn empty_model_falls_back_to_the_rule() {
        let m = Model::from_bytes(&[]).unwrap();
        assert!(m.is_empty());
        assert_eq!(m.rerank(&featurize("anything", "Grenade", None, None), "Grenade"), ("Grenade", 1.0));
        assert!(m.scores(&[1, 2, 3]).is_empty());
        // The embedded model, empty or not, always answers with an ACLED type.
        let (c, p) = rerank("Rebels clashed with the army.", "Armed clash", Some(2), Some(1));
        assert!(class_name(c).is_some() && (0.0..=1.0).contains(&p));
    }
}
