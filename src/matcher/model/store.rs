//! The model as bytes: a magic line, then deflate-compressed JSON header (what it was trained
//! on, its quality, its calibration) and the weights, quantised to 16 bits and stored sparsely
//! (only the non-zero scores of each used slot). Reading never panics on bad bytes.

use std::io::{Read, Write};

use serde::{Deserialize, Serialize};

use super::calibrate::Platt;
use super::perceptron::Weights;
use super::{ModelInfo, Quality};

const MAGIC: &[u8] = b"GLOSS-MODEL 1\n";
/// The most a stored model may decompress to.
const MAX_PAYLOAD: u64 = 512 << 20;

#[derive(Serialize, Deserialize)]
struct Header {
    documents: usize,
    names: usize,
    labels: Vec<String>,
    base: Option<String>,
    quality: Option<(f32, f32, f32, usize, usize)>,
    platt: (f32, f32),
    bits: u32,
    tags: usize,
}

pub fn to_bytes(info: &ModelInfo, platt: Platt, w: &Weights) -> Vec<u8> {
    let header = Header {
        documents: info.documents,
        names: info.names,
        labels: info.labels.clone(),
        base: info.base.clone(),
        quality: info
            .quality
            .as_ref()
            .map(|q| (q.precision, q.recall, q.f1, q.folds, q.names)),
        platt: (platt.a, platt.b),
        bits: w.bits,
        tags: w.n,
    };
    let mut p = Vec::new();
    let json = serde_json::to_vec(&header).unwrap_or_default();
    p.extend((json.len() as u32).to_le_bytes());
    p.extend(json);
    for v in w.trans.iter().chain(&w.start).chain(&w.end) {
        p.extend(v.to_le_bytes());
    }
    let max = w.emit.iter().fold(0f32, |m, v| m.max(v.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    p.extend(scale.to_le_bytes());
    let n = w.n;
    let mut rows = Vec::new();
    let mut count = 0u32;
    let mut last = 0usize;
    for s in 0..1usize << w.bits {
        let row = &w.emit[s * n..(s + 1) * n];
        let q: Vec<(u8, i16)> = row
            .iter()
            .enumerate()
            .map(|(t, v)| (t as u8, (v / scale).round() as i16))
            .filter(|(_, q)| *q != 0)
            .collect();
        if q.is_empty() {
            continue;
        }
        varint(&mut rows, (s - last) as u64);
        last = s;
        rows.push(q.len() as u8);
        for (t, v) in q {
            rows.push(t);
            rows.extend(v.to_le_bytes());
        }
        count += 1;
    }
    p.extend(count.to_le_bytes());
    p.extend(rows);
    let mut enc = flate2::write::DeflateEncoder::new(MAGIC.to_vec(), flate2::Compression::best());
    if enc.write_all(&p).is_err() {
        return Vec::new();
    }
    enc.finish().unwrap_or_default()
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.i.checked_add(n).filter(|&e| e <= self.b.len());
        let end = end.ok_or("the model file is cut short")?;
        let s = &self.b[self.i..end];
        self.i = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        let v = f32::from_bits(self.u32()?);
        if v.is_finite() {
            Ok(v)
        } else {
            Err("the model file holds a number that is not finite".into())
        }
    }
    fn i16(&mut self) -> Result<i16, String> {
        let s = self.take(2)?;
        Ok(i16::from_le_bytes([s[0], s[1]]))
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for k in 0..10 {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << (7 * k);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("bad number in the model file".into())
    }
}

pub fn from_bytes(bytes: &[u8]) -> Result<(ModelInfo, Platt, Weights), String> {
    let body = bytes
        .strip_prefix(MAGIC)
        .ok_or("not a Gloss model file (or an older version)")?;
    let mut p = Vec::new();
    flate2::read::DeflateDecoder::new(body)
        .take(MAX_PAYLOAD)
        .read_to_end(&mut p)
        .map_err(|e| format!("the model file is damaged: {e}"))?;
    let mut r = Reader { b: &p, i: 0 };
    let hlen = r.u32()? as usize;
    let header: Header = serde_json::from_slice(r.take(hlen)?)
        .map_err(|e| format!("the model file's header is damaged: {e}"))?;
    let labels = header.labels.len();
    if !(14..=24).contains(&header.bits)
        || labels > 63
        || header.tags != super::tags::n_tags(labels)
    {
        return Err("the model file's sizes do not fit together".into());
    }
    let n = header.tags;
    let mut w = Weights::zeros(n, header.bits);
    for v in w
        .trans
        .iter_mut()
        .chain(w.start.iter_mut())
        .chain(w.end.iter_mut())
    {
        *v = r.f32()?;
    }
    let scale = r.f32()?;
    let count = r.u32()? as usize;
    let mut s = 0usize;
    let slots = 1usize << header.bits;
    for k in 0..count {
        let d = r.varint()? as usize;
        s = s
            .checked_add(d)
            .filter(|&s| s < slots && (k == 0 || d > 0))
            .ok_or("bad slot in the model file")?;
        let m = r.u8()? as usize;
        for _ in 0..m {
            let t = r.u8()? as usize;
            let v = r.i16()?;
            if t >= n {
                return Err("bad tag in the model file".into());
            }
            w.emit[s * n + t] = v as f32 * scale;
        }
    }
    if r.i != p.len() {
        return Err("the model file has trailing data".into());
    }
    let info = ModelInfo {
        documents: header.documents,
        names: header.names,
        labels: header.labels,
        base: header.base,
        quality: header
            .quality
            .map(|(precision, recall, f1, folds, names)| Quality {
                precision,
                recall,
                f1,
                folds,
                names,
            }),
    };
    let (a, b) = header.platt;
    if !a.is_finite() || !b.is_finite() {
        return Err("the model file's calibration is damaged".into());
    }
    Ok((info, Platt { a, b }, w))
}
