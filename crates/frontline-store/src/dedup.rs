//! Exact and near-duplicate article detection.
//!
//! * Exact: SHA-256 of the text with whitespace collapsed and trimmed ([`content_hash`]).
//! * Near (syndicated wire copies with another headline, a dateline or a trimmed last
//!   paragraph): MinHash over lower-cased word 4-shingles, 64 hashes in 16 LSH bands of 4
//!   ([`Signature`]); candidates from shared buckets are confirmed when the estimated
//!   Jaccard similarity is at least [`NEAR_DUP_THRESHOLD`].

use sha2::{Digest, Sha256};

pub const NUM_HASHES: usize = 64;
pub const BANDS: usize = 16;
pub const ROWS: usize = NUM_HASHES / BANDS;
/// Estimated Jaccard similarity of word 4-shingles above which two articles are copies of
/// one story.
pub const NEAR_DUP_THRESHOLD: f64 = 0.6;
const SHINGLE: usize = 4;

/// Hex SHA-256 of the whitespace-normalised text.
pub fn content_hash(text: &str) -> String {
    let mut h = Sha256::new();
    let mut first = true;
    for w in text.split_whitespace() {
        if !first {
            h.update(b" ");
        }
        first = false;
        h.update(w.as_bytes());
    }
    let d = h.finalize();
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn fnv_ascii_lower(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; NUM_HASHES]);

impl Signature {
    pub fn of(text: &str) -> Signature {
        // Each lower-cased word hashed once (ASCII words without allocating; the bytes
        // hashed are those of `to_lowercase`).
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| if w.is_ascii() { fnv_ascii_lower(w) } else { fnv(&w.to_lowercase()) })
            .collect();
        let mut sig = [u32::MAX; NUM_HASHES];
        let mut add = |h: u64| {
            for (i, s) in sig.iter_mut().enumerate() {
                let v = (mix(h ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407)) >> 32) as u32;
                if v < *s {
                    *s = v;
                }
            }
        };
        if words.len() < SHINGLE {
            // (short texts: the hash of the lower-cased words joined by spaces)
            let joined: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
            add(fnv(&joined.join(" ")));
        } else {
            for w in words.windows(SHINGLE) {
                let mut h = 0u64;
                for x in w {
                    h = mix(h ^ x);
                }
                add(h);
            }
        }
        Signature(sig)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != NUM_HASHES * 4 {
            return None;
        }
        let mut s = [0u32; NUM_HASHES];
        for (i, c) in b.chunks_exact(4).enumerate() {
            s[i] = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        Some(Signature(s))
    }

    /// Estimated Jaccard similarity.
    pub fn similarity(&self, other: &Signature) -> f64 {
        self.0.iter().zip(other.0.iter()).filter(|(a, b)| a == b).count() as f64 / NUM_HASHES as f64
    }

    /// The LSH bucket keys (one per band), as SQLite integers.
    pub fn buckets(&self) -> [i64; BANDS] {
        let mut out = [0i64; BANDS];
        for (b, o) in out.iter_mut().enumerate() {
            let mut h = mix(b as u64 + 1);
            for r in 0..ROWS {
                h = mix(h ^ self.0[b * ROWS + r] as u64);
            }
            *o = h as i64;
        }
        out
    }
}

/// Articles a new article is compared with: those among the [`LSH_WINDOW`] latest article ids.
/// Syndicated copies of a story arrive close together; bounding the window bounds the
/// writer's memory and keeps its cost independent of the database size.
pub const LSH_WINDOW: i64 = 50_000;
/// Of the window, the latest articles of each bucket compared (bounded work per article
/// however formulaic the corpus).
pub const LSH_PER_BUCKET: usize = 32;

/// An in-memory MinHash LSH index over a sliding window of article ids (the latest
/// [`LSH_WINDOW`]): nothing is written to the database but the signature (`article_sig`,
/// appended in id order), from which the index is rebuilt when a writer starts.
///
/// Candidates of article `id` = for each of its bands, the [`LSH_PER_BUCKET`] latest
/// articles of that bucket with ids in `(id - LSH_WINDOW, id)` — a function of the stored
/// signatures only, so an interrupted and resumed ingest finds what an uninterrupted one finds.
#[derive(Default)]
pub struct LshIndex {
    /// Window articles, oldest first: (id, signature, story root).
    arts: std::collections::VecDeque<(i64, Option<Signature>, i64)>,
    /// bucket → newest entry of its chain in `chain`.
    heads: std::collections::HashMap<i64, u32, IdBuild>,
    /// (article id, next older entry of the same bucket or u32::MAX).
    chain: Vec<(i64, u32)>,
    /// The newest article id added.
    pub last_id: i64,
}

impl LshIndex {
    /// Adds article `id` (ids must increase). `sig` None: an unreadable stored signature
    /// (never a candidate).
    pub fn push(&mut self, id: i64, sig: Option<Signature>, root: i64) {
        debug_assert!(id > self.last_id);
        self.last_id = id;
        while self.arts.front().is_some_and(|a| a.0 <= id - LSH_WINDOW) {
            self.arts.pop_front();
        }
        if let Some(s) = &sig {
            for b in s.buckets() {
                self.link(b, id);
            }
        }
        self.arts.push_back((id, sig, root));
        // Entries of articles that left the window are dropped by rebuilding the chains
        // (amortised O(1) per article).
        if self.chain.len() > 2 * BANDS * LSH_WINDOW as usize {
            self.heads.clear();
            self.chain.clear();
            let arts = std::mem::take(&mut self.arts);
            for (aid, s, _) in &arts {
                if let Some(s) = s {
                    for b in s.buckets() {
                        self.link(b, *aid);
                    }
                }
            }
            self.arts = arts;
        }
    }

    fn link(&mut self, bucket: i64, id: i64) {
        let next = self.heads.get(&bucket).copied().unwrap_or(u32::MAX);
        self.heads.insert(bucket, self.chain.len() as u32);
        self.chain.push((id, next));
    }

    /// The best near-duplicate of a new article `id` with signature `sig`: (similarity,
    /// article, story root) with similarity ≥ [`NEAR_DUP_THRESHOLD`], ties → the lowest
    /// article id. Call before [`LshIndex::push`]ing it.
    pub fn best_match(&self, id: i64, sig: &Signature) -> Option<(f64, i64, i64)> {
        let mut cands: Vec<i64> = Vec::new();
        for b in sig.buckets() {
            let mut e = self.heads.get(&b).copied().unwrap_or(u32::MAX);
            let mut n = 0;
            while e != u32::MAX && n < LSH_PER_BUCKET {
                let (aid, next) = self.chain[e as usize];
                if aid <= id - LSH_WINDOW {
                    break;
                }
                cands.push(aid);
                n += 1;
                e = next;
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<(f64, i64, i64)> = None;
        for c in cands {
            let Some((_, Some(s), root)) = self.get(c) else { continue };
            let sim = sig.similarity(s);
            if sim >= NEAR_DUP_THRESHOLD && !matches!(best, Some((bs, _, _)) if sim <= bs) {
                best = Some((sim, c, *root));
            }
        }
        best
    }

    fn get(&self, id: i64) -> Option<&(i64, Option<Signature>, i64)> {
        // Ids are dense in practice (SQLite rowids); fall back to a binary search.
        let first = self.arts.front()?.0;
        let guess = (id - first) as usize;
        match self.arts.get(guess) {
            Some(a) if a.0 == id => Some(a),
            _ => self.arts.binary_search_by_key(&id, |a| a.0).ok().map(|i| &self.arts[i]),
        }
    }

    /// Articles in the window.
    pub fn len(&self) -> usize {
        self.arts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.arts.is_empty()
    }
}

/// A hasher for integer keys (article ids, LSH bucket hashes): one multiply, no SipHash.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_i64(&mut self, n: i64) {
        self.0 = (n as u64 ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
}

pub type IdBuild = std::hash::BuildHasherDefault<IdHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "At least 17 civilians were killed and dozens wounded when the paramilitary Rapid Support Forces shelled residential neighbourhoods of El Fasher on Friday, according to the Sudan Doctors Network, as fighting for the last army stronghold in Darfur edged closer to the city's main hospital. The Sudanese army said its troops had repelled an attack.";

    #[test]
    fn hash_ignores_whitespace_only() {
        assert_eq!(content_hash("a  b\n c "), content_hash("a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }

    #[test]
    fn syndicated_copy_is_near_duplicate_and_other_story_is_not() {
        let copy = format!("KHARTOUM (Reuters) - {A} Reporting by staff; editing by desk.");
        let other = "Protesters gathered in Omdurman on Saturday to demand an end to the war, chanting slogans against both the army and the paramilitary forces, witnesses said.";
        let a = Signature::of(A);
        assert!(a.similarity(&Signature::of(&copy)) >= NEAR_DUP_THRESHOLD);
        assert!(a.similarity(&Signature::of(other)) < 0.2);
        let ba = a.buckets();
        let bc = Signature::of(&copy).buckets();
        assert!(ba.iter().zip(bc.iter()).any(|(x, y)| x == y));
        assert_eq!(Signature::from_bytes(&a.to_bytes()).unwrap(), a);
    }

    #[test]
    fn lsh_window_finds_recent_copies_only() {
        let copy = format!("KHARTOUM (Reuters) - {A} Reporting by staff; editing by desk.");
        let mut ix = LshIndex::default();
        ix.push(1, Some(Signature::of(A)), 1);
        let s = Signature::of(&copy);
        let (sim, id, root) = ix.best_match(2, &s).unwrap();
        assert!(sim >= NEAR_DUP_THRESHOLD && id == 1 && root == 1);
        // unrelated articles fill the window: the copy is no longer found
        for i in 2..(2 + LSH_WINDOW) {
            ix.push(i, Some(Signature::of(&format!("unrelated story number {i} about the harvest in region {}", i * 7))), i);
        }
        assert!(ix.best_match(2 + LSH_WINDOW, &s).is_none());
        assert!(ix.len() <= LSH_WINDOW as usize);
        // …but a copy of a recent one is
        let recent = format!("unrelated story number {} about the harvest in region {}", LSH_WINDOW, LSH_WINDOW * 7);
        let (_, id, _) = ix.best_match(2 + LSH_WINDOW, &Signature::of(&format!("{recent} (AFP)"))).unwrap();
        assert_eq!(id, LSH_WINDOW);
    }

    #[test]
    fn signature_values_are_stable() {
        // The reference implementation (allocating lower-cased words): stored signatures
        // must keep their meaning.
        fn reference(text: &str) -> Signature {
            let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
            let mut sig = [u32::MAX; NUM_HASHES];
            for w in words.windows(SHINGLE) {
                let mut h = 0u64;
                for x in w {
                    h = mix(h ^ fnv(x));
                }
                for (i, s) in sig.iter_mut().enumerate() {
                    let v = (mix(h ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407)) >> 32) as u32;
                    *s = (*s).min(v);
                }
            }
            Signature(sig)
        }
        for t in [A, "ΣΟΦΙΑ ΚΑΙ ΟΔΟΣ Athens Police SAID ΝΙΚΟΣ ΑΘΗΝΑΣ today", "Ünïcödé Wörds AND ascii Words mixed İstanbul here"] {
            assert_eq!(Signature::of(t), reference(t), "{t}");
        }
    }
}
