//! The MessagePack that the spaCy export writes (`io::spacy::export`, `io::spacy::codes`): the few
//! types a DocBin and its `user_data` hold, packed as srsly packs them.

/// The MessagePack that srsly writes (`use_bin_type=True`), for the few types a DocBin holds.
#[derive(Default)]
pub(crate) struct MsgPackWriter(pub(crate) Vec<u8>);

impl MsgPackWriter {
    pub(crate) fn len_header(&mut self, n: usize, fix: u8, fix_max: usize, m16: u8, m32: u8) {
        if n <= fix_max {
            self.0.push(fix | n as u8);
        } else if n <= u16::MAX as usize {
            self.0.push(m16);
            self.0.extend_from_slice(&(n as u16).to_be_bytes());
        } else {
            self.0.push(m32);
            self.0.extend_from_slice(&(n as u32).to_be_bytes());
        }
    }

    pub(crate) fn map(&mut self, n: usize) {
        self.len_header(n, 0x80, 15, 0xde, 0xdf);
    }

    pub(crate) fn array(&mut self, n: usize) {
        self.len_header(n, 0x90, 15, 0xdc, 0xdd);
    }

    pub(crate) fn str(&mut self, s: &str) {
        let n = s.len();
        if n <= 31 {
            self.0.push(0xa0 | n as u8);
        } else if n <= u8::MAX as usize {
            self.0.push(0xd9);
            self.0.push(n as u8);
        } else if n <= u16::MAX as usize {
            self.0.push(0xda);
            self.0.extend_from_slice(&(n as u16).to_be_bytes());
        } else {
            self.0.push(0xdb);
            self.0.extend_from_slice(&(n as u32).to_be_bytes());
        }
        self.0.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn bin(&mut self, b: &[u8]) {
        let n = b.len();
        if n <= u8::MAX as usize {
            self.0.push(0xc4);
            self.0.push(n as u8);
        } else if n <= u16::MAX as usize {
            self.0.push(0xc5);
            self.0.extend_from_slice(&(n as u16).to_be_bytes());
        } else {
            self.0.push(0xc6);
            self.0.extend_from_slice(&(n as u32).to_be_bytes());
        }
        self.0.extend_from_slice(b);
    }

    pub(crate) fn uint(&mut self, v: u64) {
        if v < 0x80 {
            self.0.push(v as u8);
        } else if v <= u8::MAX as u64 {
            self.0.push(0xcc);
            self.0.push(v as u8);
        } else if v <= u16::MAX as u64 {
            self.0.push(0xcd);
            self.0.extend_from_slice(&(v as u16).to_be_bytes());
        } else if v <= u32::MAX as u64 {
            self.0.push(0xce);
            self.0.extend_from_slice(&(v as u32).to_be_bytes());
        } else {
            self.0.push(0xcf);
            self.0.extend_from_slice(&v.to_be_bytes());
        }
    }

    pub(crate) fn bool(&mut self, v: bool) {
        self.0.push(if v { 0xc3 } else { 0xc2 });
    }

    pub(crate) fn float(&mut self, v: f64) {
        self.0.push(0xcb);
        self.0.extend_from_slice(&v.to_be_bytes());
    }
}
