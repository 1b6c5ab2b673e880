//! Near-valid input for the proptest twins of the fuzz targets: a seed with a slice cut
//! out and a few characters put in its place, which is where parsers hide their bugs.

use proptest::prelude::*;

pub fn mutated(base: String, max_cut: usize) -> impl Strategy<Value = String> {
    let len = base.len();
    (0..len, 0..max_cut, "\\PC{0,8}").prop_map(move |(at, cut, insert)| {
        let bytes = base.as_bytes();
        let end = (at + cut).min(len);
        let mut out = bytes[..at].to_vec();
        out.extend_from_slice(insert.as_bytes());
        out.extend_from_slice(&bytes[end..]);
        String::from_utf8_lossy(&out).into_owned()
    })
}
