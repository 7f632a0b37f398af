//! The event gate: a binary logistic regression that reads a short news text (a snippet of
//! a few sentences) and says how likely it is to report a codable event at all. The rules
//! detect events from trigger words; a text that is *about* violence without reporting a
//! new act of it (an anniversary, a court ruling, a report on last year's killings, talks,
//! a disaster) trips them. The gate vetoes the rules' events of such a text when its
//! probability of reporting an event is below the threshold stored with the model.
//!
//! Features: the word unigrams and bigrams of [`crate::featurize`] (lowercased, digits →
//! `0`, FNV-1a hashed) and a bias. Trained by [`train_gate`] (AdaGrad SGD, L2, classes
//! weighted to balance, fixed seed) — see `crates/frontline-eval/examples/train_gate.rs`
//! and docs/MODEL.md. The committed model is `data/models/gate.bin`; with no model (empty
//! file) [`p_event`] is `None` and nothing is vetoed.

use std::sync::OnceLock;

use crate::{indices, vocabulary, write_quantised, FormatError, Reader, XorShift};

/// Hashed word unigrams (`w=`) and bigrams (`b=`) of `text` plus `bias`, sorted and
/// deduplicated (the same ids as [`crate::featurize`]'s word features).
pub fn gate_features(text: &str) -> Vec<u32> {
    let mut f = crate::word_features(text, 1);
    f.push(crate::feature_id("bias"));
    f.sort_unstable();
    f.dedup();
    f
}

/// A binary logistic regression over hashed features: `p = σ(bias + Σ w_f)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GateModel {
    /// Texts with `p < threshold` are vetoed.
    pub threshold: f32,
    bias: f32,
    keys: Vec<u32>,
    weights: Vec<f32>,
}

const GATE_MAGIC: &[u8; 8] = b"FLGATE01";

impl GateModel {
    /// The model committed in `data/models/gate.bin`, embedded at build time; empty when the
    /// file was missing, empty or unreadable.
    pub fn embedded() -> &'static GateModel {
        static M: OnceLock<GateModel> = OnceLock::new();
        M.get_or_init(|| {
            static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gate.bin"));
            GateModel::from_bytes(BYTES).unwrap_or_default()
        })
    }

    /// True when the model has no weights (no gate).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Number of features kept.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Probability that a text with these (deduplicated) features reports an event.
    pub fn p(&self, feats: &[u32]) -> f32 {
        let mut s = self.bias;
        for &f in feats {
            if let Ok(k) = self.keys.binary_search(&f) {
                s += self.weights[k];
            }
        }
        1.0 / (1.0 + (-s).exp())
    }

    /// Little-endian: magic `FLGATE01`; threshold f32; bias f32; n u32; feature ids u32 × n
    /// (sorted); scale f32; weights i16 × n (weight = q · scale).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut o = Vec::new();
        o.extend_from_slice(GATE_MAGIC);
        o.extend_from_slice(&self.threshold.to_le_bytes());
        o.extend_from_slice(&self.bias.to_le_bytes());
        o.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for k in &self.keys {
            o.extend_from_slice(&k.to_le_bytes());
        }
        write_quantised(&mut o, &self.weights);
        o
    }

    /// Reads [`GateModel::to_bytes`]' format. Empty input is the empty model.
    pub fn from_bytes(b: &[u8]) -> Result<GateModel, FormatError> {
        if b.is_empty() {
            return Ok(GateModel::default());
        }
        let mut r = Reader { b, at: 0 };
        if r.take(8)? != GATE_MAGIC {
            return Err(FormatError("wrong magic (not an event-gate model)".into()));
        }
        let threshold = r.f32()?;
        let bias = r.f32()?;
        let n = r.u32()? as usize;
        let keys = r.sorted_keys(n)?;
        let weights = r.quantised(n)?;
        if r.at != b.len() {
            return Err(FormatError("trailing bytes".into()));
        }
        if !(0.0..=1.0).contains(&threshold) {
            return Err(FormatError(format!("threshold {threshold} outside 0..1")));
        }
        Ok(GateModel { threshold, bias, keys, weights })
    }
}

/// The embedded gate's probability that `text` reports an event (`None` with no model).
pub fn p_event(text: &str) -> Option<f32> {
    let m = GateModel::embedded();
    (!m.is_empty()).then(|| m.p(&gate_features(text)))
}

/// Training settings of [`train_gate`].
#[derive(Debug, Clone)]
pub struct GateOptions {
    pub epochs: usize,
    /// AdaGrad base learning rate.
    pub lr: f32,
    /// L2 penalty per example touch.
    pub l2: f32,
    /// Features seen in fewer training examples are dropped.
    pub min_count: usize,
    /// Weights with |w| below this are dropped after training.
    pub prune: f32,
    /// Stored in the model: texts scored below it are vetoed.
    pub threshold: f32,
    pub seed: u64,
}

impl Default for GateOptions {
    fn default() -> Self {
        GateOptions { epochs: 10, lr: 0.05, l2: 1e-3, min_count: 2, prune: 0.005, threshold: 0.1, seed: 0x6a7e_5eed }
    }
}

/// Trains the gate on `(features, reports an event)` examples; each class's examples are
/// weighted so that both classes weigh the same in total. Deterministic for a seed.
pub fn train_gate(examples: &[(Vec<u32>, bool)], opts: &GateOptions) -> GateModel {
    let (vocab, index) = vocabulary(examples.iter().map(|e| &e.0), opts.min_count);
    let data: Vec<(Vec<usize>, bool)> = examples.iter().map(|(f, y)| (indices(f, &index), *y)).collect();
    let npos = data.iter().filter(|d| d.1).count().max(1) as f32;
    let nneg = data.iter().filter(|d| !d.1).count().max(1) as f32;
    let n = data.len() as f32;
    let (wpos, wneg) = (n / (2.0 * npos), n / (2.0 * nneg));
    let mut w = vec![0f32; vocab.len()];
    let mut g2 = vec![0f32; vocab.len()];
    let (mut bias, mut bg2) = (0f32, 0f32);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = XorShift(opts.seed | 1);
    for _ in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (xs, y) = &data[k];
            let s = bias + xs.iter().map(|&x| w[x]).sum::<f32>();
            let p = 1.0 / (1.0 + (-s).exp());
            let g = (p - if *y { 1.0 } else { 0.0 }) * if *y { wpos } else { wneg };
            bg2 += g * g;
            bias -= opts.lr * g / (bg2.sqrt() + 1e-8);
            for &x in xs {
                let gi = g + opts.l2 * w[x];
                if gi != 0.0 {
                    g2[x] += gi * gi;
                    w[x] -= opts.lr * gi / (g2[x].sqrt() + 1e-8);
                }
            }
        }
    }
    let (keys, weights): (Vec<u32>, Vec<f32>) = vocab.into_iter().zip(w).filter(|(_, w)| w.abs() >= opts.prune.max(f32::MIN_POSITIVE)).unzip();
    GateModel { threshold: opts.threshold, bias, keys, weights }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<(Vec<u32>, bool)> {
        let mut v = Vec::new();
        for i in 0..30 {
            v.push((gate_features(&format!("Gunmen killed {i} villagers on Monday, police said.")), true));
            v.push((gate_features(&format!("Troops clashed with rebels near the town {i}.")), true));
            v.push((gate_features(&format!("Mourners marked the anniversary of the massacre {i} years on.")), false));
            v.push((gate_features(&format!("An earthquake killed {i} people, officials said.")), false));
        }
        v
    }

    #[test]
    fn separates_a_toy_set_and_round_trips() {
        let data = toy();
        let m = train_gate(&data, &GateOptions { min_count: 1, ..Default::default() });
        for (f, y) in &data {
            assert_eq!(m.p(f) >= 0.5, *y, "p = {}", m.p(f));
        }
        let b = m.to_bytes();
        let m2 = GateModel::from_bytes(&b).unwrap();
        assert_eq!(m2.threshold, m.threshold);
        assert_eq!(m2.n_features(), m.n_features());
        for (f, _) in &data {
            assert!((m.p(f) - m2.p(f)).abs() < 1e-3);
        }
        assert_eq!(m2.to_bytes(), b, "stable");
        assert!(GateModel::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(GateModel::from_bytes(b"FLSUBEV1xxxxxxxx").is_err());
    }

    #[test]
    fn balanced_classes_are_weighted_alike() {
        // One negative among many positives still pulls its own words below 0.5.
        let mut data: Vec<(Vec<u32>, bool)> = (0..200).map(|i| (gate_features(&format!("rebels attacked post {i}")), true)).collect();
        data.push((gate_features("the anniversary ceremony"), false));
        data.push((gate_features("the anniversary ceremony"), false));
        let m = train_gate(&data, &GateOptions { min_count: 1, epochs: 30, ..Default::default() });
        assert!(m.p(&gate_features("the anniversary ceremony")) < 0.5);
    }

    #[test]
    fn empty_model_vetoes_nothing() {
        assert!(GateModel::from_bytes(&[]).unwrap().is_empty());
        let f = gate_features("Gunmen killed 3 people.");
        assert!(f.contains(&crate::feature_id("w=gunmen")) && f.contains(&crate::feature_id("b=killed 0")));
    }
}
