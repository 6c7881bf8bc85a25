//! The tagger's weights and their file format: a dense table of 16-bit
//! weights, one row of [`LABELS`] per feature bucket, stored sparsely in a
//! small versioned binary format with a checksum.
//!
//! File layout (little-endian): magic `NGTAGGER`, format version (u32),
//! feature-set version (u32), bucket bits (u32), labels (u32), scale (f32),
//! row count (u32); per non-zero row the gap to the previous row's bucket
//! (LEB128) and `labels` i16 weights; the word-class table size (u32) and
//! its slots (u32 each, see [`WordClasses`]); the name prior's size (u32)
//! and its i8 weights; the name memory's size (u32) and its slots (u32
//! each, see [`NameMemory`]); then a 64-bit hash
//! ([`hash_bytes`]) of all preceding bytes as checksum.

use super::features::{hash_bytes, WordClasses, LABELS};
use super::memory::NameMemory;
use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"NGTAGGER";
const FORMAT_VERSION: u32 = 5;
/// Bumped whenever feature extraction changes meaning, so stale models are
/// rejected instead of silently scoring garbage.
pub const FEATURE_VERSION: u32 = 5;
/// Row stride in the in-memory table (labels padded to 8).
pub const STRIDE: usize = 8;

/// Trained weights, quantized to i16.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    bits: u32,
    /// `(1 << bits) * STRIDE` weights.
    weights: Vec<i16>,
    /// Real weight = stored / scale.
    scale: f32,
    /// The word-class lexicon the weights were trained with.
    classes: WordClasses,
}

impl Model {
    /// Quantize real-valued weights (`(1 << bits) * STRIDE` of them).
    pub fn quantize(bits: u32, weights: &[f32], classes: WordClasses) -> Model {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        let q = weights
            .iter()
            .map(|w| (w * scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Model {
            bits,
            weights: q,
            scale,
            classes,
        }
    }

    /// Number of bucket bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The word-class lexicon.
    pub fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// Add the weights of `features` into `scores` (scaled integers).
    #[inline]
    pub fn score(&self, features: &[u32], scores: &mut [i32; STRIDE]) {
        for &f in features {
            let row = &self.weights[f as usize * STRIDE..f as usize * STRIDE + STRIDE];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += *w as i32;
            }
        }
    }

    /// Ask the processor to start loading the rows of `features` into the
    /// cache, so that a following [`Model::score`] waits less.
    #[inline]
    pub fn prefetch(&self, features: &[u32]) {
        for &f in features {
            if let Some(row) = self.weights.get(f as usize * STRIDE) {
                super::features::prefetch(row);
            }
        }
    }

    /// Serialize to the file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for v in [FORMAT_VERSION, FEATURE_VERSION, self.bits, LABELS as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        let rows: Vec<usize> = (0..1usize << self.bits)
            .filter(|&r| self.row(r).iter().any(|&w| w != 0))
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0usize;
        for (k, &r) in rows.iter().enumerate() {
            let mut gap = if k == 0 { r } else { r - prev - 1 } as u64;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            for w in &self.row(r)[..LABELS] {
                out.extend_from_slice(&w.to_le_bytes());
            }
            prev = r;
        }
        let slots = self.classes.slots();
        out.extend_from_slice(&(slots.len() as u32).to_le_bytes());
        for e in slots {
            out.extend_from_slice(&e.to_le_bytes());
        }
        let prior = self.classes.prior();
        out.extend_from_slice(&(prior.len() as u32).to_le_bytes());
        out.extend(prior.iter().map(|&w| w as u8));
        let memory = self.classes.memory().slots();
        out.extend_from_slice(&(memory.len() as u32).to_le_bytes());
        for e in memory {
            out.extend_from_slice(&e.to_le_bytes());
        }
        let sum = hash_bytes(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    fn row(&self, r: usize) -> &[i16] {
        &self.weights[r * STRIDE..r * STRIDE + STRIDE]
    }

    /// Parse the file format; `name` names the file in errors.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Model> {
        let bad = |msg: &str| Error::data(format!("tagger model: {}", msg)).at_path(name);
        if bytes.len() < 8 + 4 * 6 + 8 || &bytes[..8] != MAGIC {
            return Err(bad("not a nergraph tagger model (bad header)"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if hash_bytes(body) != u64::from_le_bytes(sum.try_into().unwrap_or_default()) {
            return Err(bad("checksum mismatch (file truncated or corrupt)"));
        }
        let u32_at = |o: usize| u32::from_le_bytes(body[o..o + 4].try_into().unwrap_or_default());
        let (format, features, bits, labels) = (u32_at(8), u32_at(12), u32_at(16), u32_at(20));
        if format != FORMAT_VERSION {
            return Err(bad(&format!(
                "format version {} (this build reads {})",
                format, FORMAT_VERSION
            )));
        }
        if features != FEATURE_VERSION {
            return Err(bad(&format!(
                "trained for feature set {} (this build uses {}); retrain with `nergraph train`",
                features, FEATURE_VERSION
            )));
        }
        if !(8..=24).contains(&bits) || labels as usize != LABELS {
            return Err(bad("unsupported table size or label count"));
        }
        let scale = f32::from_le_bytes(body[24..28].try_into().unwrap_or_default());
        if !(scale.is_finite() && scale > 0.0) {
            return Err(bad("invalid scale"));
        }
        let nrows = u32_at(28) as usize;
        let size = 1usize << bits;
        let mut weights = vec![0i16; size * STRIDE];
        let mut pos = 32;
        let mut next = 0usize;
        for _ in 0..nrows {
            let mut gap = 0u64;
            let mut shift = 0;
            loop {
                let byte = *body.get(pos).ok_or_else(|| bad("truncated rows"))?;
                pos += 1;
                if shift > 56 {
                    return Err(bad("invalid row index"));
                }
                gap |= ((byte & 0x7f) as u64) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            let r = next
                .checked_add(gap as usize)
                .filter(|&r| r < size)
                .ok_or_else(|| bad("row index out of range"))?;
            let raw = body
                .get(pos..pos + 2 * LABELS)
                .ok_or_else(|| bad("truncated rows"))?;
            for (l, w) in raw.chunks_exact(2).enumerate() {
                weights[r * STRIDE + l] = i16::from_le_bytes([w[0], w[1]]);
            }
            pos += 2 * LABELS;
            next = r + 1;
        }
        let u32s = |b: &[u8]| -> Vec<u32> {
            b.chunks_exact(4)
                .map(|e| u32::from_le_bytes([e[0], e[1], e[2], e[3]]))
                .collect()
        };
        let slots = section(body, &mut pos, 4)
            .map(u32s)
            .ok_or_else(|| bad("word-class table truncated"))?;
        let prior: Vec<i8> = section(body, &mut pos, 1)
            .ok_or_else(|| bad("name prior truncated"))?
            .iter()
            .map(|&b| b as i8)
            .collect();
        let memory = section(body, &mut pos, 4)
            .map(u32s)
            .ok_or_else(|| bad("name memory truncated"))?;
        if pos != body.len() {
            return Err(bad("unexpected bytes after the name memory"));
        }
        let memory = NameMemory::from_slots(memory).ok_or_else(|| bad("invalid name memory"))?;
        let classes = WordClasses::from_slots(slots, prior)
            .ok_or_else(|| bad("invalid word-class table"))?
            .with_memory(memory);
        Ok(Model {
            bits,
            weights,
            scale,
            classes,
        })
    }
}

/// A section of the model file at `*pos`: a u32 count, then `count` items
/// of `width` bytes; moves `*pos` past it. `None` if the file is too short.
fn section<'b>(body: &'b [u8], pos: &mut usize, width: usize) -> Option<&'b [u8]> {
    let count = body.get(*pos..pos.checked_add(4)?)?;
    let count = u32::from_le_bytes([count[0], count[1], count[2], count[3]]) as usize;
    let start = *pos + 4;
    let end = start.checked_add(count.checked_mul(width)?)?;
    let items = body.get(start..end)?;
    *pos = end;
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        let mut w = vec![0f32; (1 << 8) * STRIDE];
        w[3 * STRIDE + 1] = 2.5;
        w[3 * STRIDE + 6] = -1.0;
        w[200 * STRIDE] = 0.25;
        let classes = WordClasses::parse("Berlin\ttoponym,surname\n", "wc.tsv").unwrap();
        Model::quantize(8, &w, classes)
    }

    #[test]
    fn round_trip() {
        let m = sample();
        let back = Model::from_bytes(&m.to_bytes(), "m.bin").unwrap();
        assert_eq!(m, back);
        assert_eq!(back.classes().get(hash_bytes(b"Berlin")), 2 | 8);
        let mut s = [0i32; STRIDE];
        back.score(&[3, 200], &mut s);
        assert_eq!(s[1], 32767);
        assert!(s[0] > 0 && s[6] < 0);
    }

    #[test]
    fn corrupt_files_are_errors() {
        let bytes = sample().to_bytes();
        let mut flipped = bytes.clone();
        flipped[40] ^= 1;
        let e = Model::from_bytes(&flipped, "m.bin").unwrap_err();
        assert!(e.to_string().contains("checksum"), "{}", e);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 3], "m.bin").is_err());
        assert!(Model::from_bytes(b"hello world", "m.bin").is_err());
        assert!(Model::from_bytes(&[], "m.bin").is_err());
    }
}
