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

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; NUM_HASHES]);

impl Signature {
    pub fn of(text: &str) -> Signature {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
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
            add(fnv(&words.join(" ")));
        } else {
            for w in words.windows(SHINGLE) {
                let mut h = 0u64;
                for x in w {
                    h = mix(h ^ fnv(x));
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
}
