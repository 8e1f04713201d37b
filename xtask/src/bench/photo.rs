//! A photo as big as the shop takes: a PNG of random pixels, so that no
//! compression shrinks it on the way, written by hand with stored
//! (uncompressed) deflate blocks — a whole, valid PNG that any decoder
//! reads — of [`WIDTH`] × [`HEIGHT`] px, just under `MAX_PHOTO_BYTES`.

use flate2::Crc;

/// 8.7 MP in RGB: 26,105,058 bytes, 24.9 MiB (the limit is 25 MiB), well
/// under the server's pixel limit.
pub const WIDTH: u32 = 2900;
pub const HEIGHT: u32 = 3000;
/// The most a stored deflate block holds.
const STORED_BLOCK: usize = 65_535;

/// The photo's bytes; the same for a given `seed`.
pub fn png(seed: u64) -> Vec<u8> {
    noise_png(seed, WIDTH, HEIGHT)
}

/// A PNG of random pixels of `width` × `height` px: 3 bytes a pixel and a
/// little more, whatever compresses it.
pub fn noise_png(seed: u64, width: u32, height: u32) -> Vec<u8> {
    let row = 1 + 3 * width as usize;
    let mut raw = vec![0u8; row * height as usize];
    let mut state = seed | 1;
    for line in raw.chunks_mut(row) {
        // Filter byte 0 (none), then noise.
        for chunk in line[1..].chunks_mut(8) {
            // xorshift64: fast noise, which is all this needs.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            chunk.copy_from_slice(&state.to_le_bytes()[..chunk.len()]);
        }
    }
    let mut zlib = Vec::with_capacity(raw.len() + raw.len() / STORED_BLOCK * 5 + 16);
    // Deflate, 32 KiB window, no dictionary, "fastest" (a multiple of 31).
    zlib.extend_from_slice(&[0x78, 0x01]);
    let blocks = raw.chunks(STORED_BLOCK);
    let count = blocks.len();
    for (index, block) in blocks.enumerate() {
        let last = u8::from(index + 1 == count);
        let length = u16::try_from(block.len()).unwrap_or(u16::MAX);
        zlib.push(last);
        zlib.extend_from_slice(&length.to_le_bytes());
        zlib.extend_from_slice(&(!length).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    zlib.extend_from_slice(&adler32(&raw).to_be_bytes());

    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    // 8 bits, RGB, deflate, adaptive filtering, not interlaced.
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = Vec::with_capacity(zlib.len() + 64);
    png.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    chunk(&mut png, b"IHDR", &header);
    chunk(&mut png, b"IDAT", &zlib);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let length = u32::try_from(data.len()).unwrap_or(u32::MAX);
    png.extend_from_slice(&length.to_be_bytes());
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let mut crc = Crc::new();
    crc.update(kind);
    crc.update(data);
    png.extend_from_slice(&crc.sum().to_be_bytes());
}

fn adler32(bytes: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    // 5552 bytes is the most that cannot overflow before the modulo.
    let (mut a, mut b) = (1u32, 0u32);
    for block in bytes.chunks(5552) {
        for &byte in block {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler32_of_a_known_text() {
        // From RFC 1950's reference code.
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn the_photo_is_a_whole_png_just_under_25_mib() {
        let bytes = png(7);
        assert!(bytes.len() as u64 <= shop_api::project::MAX_PHOTO_BYTES);
        assert!(bytes.len() > 24 * 1024 * 1024);
        // Inflated, it is the rows: a filter byte and 3 bytes a pixel each.
        let zlib = &bytes[8 + 25 + 8..bytes.len() - 12 - 4];
        let mut raw = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(zlib), &mut raw).unwrap();
        assert_eq!(raw.len(), (1 + 3 * WIDTH as usize) * HEIGHT as usize);
        assert!(bytes.ends_with(b"\0\0\0\0IEND\xae\x42\x60\x82"));
    }
}
