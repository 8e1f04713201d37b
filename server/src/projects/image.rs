//! Whether uploaded bytes are a photo the shop can print: JPEG, PNG or WebP,
//! judged by the bytes alone (never the file name or the declared type),
//! complete, and of sane dimensions. No HTTP and no paths: it reads the
//! slice or the open file it is given.

use std::io::{self, BufReader, Cursor, Read, Seek, SeekFrom};

/// Longest side accepted, in pixels.
pub const MAX_SIDE: u32 = 30_000;
/// Most pixels accepted. The largest print, a 60 × 90 cm poster at 300 dpi,
/// needs 75 MP; more is no better print, only a bigger bitmap for whoever
/// decodes it (100 MP of RGBA is 400 MB).
pub const MAX_PIXELS: u64 = 100_000_000;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
const PNG_IEND: &[u8] = b"\0\0\0\0IEND\xae\x42\x60\x82";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
    Webp,
}

impl ImageKind {
    /// The type served back; one of `shop_api::project::ACCEPTED_IMAGE_TYPES`.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
        }
    }
}

/// A checked image: its kind and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    pub kind: ImageKind,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("not an image")]
    NotAnImage,
    #[error("an image type the shop does not print (JPEG, PNG and WebP only)")]
    UnsupportedType,
    #[error("the image is truncated")]
    Truncated,
    #[error("the image's structure is broken")]
    Malformed,
    #[error(
        "{width} × {height} px: each side must be 1 to {MAX_SIDE} px, at most {MAX_PIXELS} px in all"
    )]
    Dimensions { width: u64, height: u64 },
}

/// What stopped an inspection: the image, or reading it.
#[derive(Debug, thiserror::Error)]
pub enum InspectError {
    #[error(transparent)]
    Image(#[from] ImageError),
    #[error("reading the upload: {0}")]
    Read(#[from] io::Error),
}

/// Checks that `bytes` are a whole JPEG, PNG or WebP of sane dimensions.
pub fn inspect(bytes: &[u8]) -> Result<ImageInfo, ImageError> {
    match inspect_reader(&mut Cursor::new(bytes)) {
        Ok(info) => Ok(info),
        Err(InspectError::Image(error)) => Err(error),
        // Only an end of data can stop a read of a slice.
        Err(InspectError::Read(_)) => Err(ImageError::Truncated),
    }
}

/// The same checks on an upload's file, read where they need it (its
/// start, its chunk headers, its end) rather than whole.
pub fn inspect_reader<R: Read + Seek>(reader: &mut R) -> Result<ImageInfo, InspectError> {
    let len = reader.seek(SeekFrom::End(0))?;
    let mut source = Source { reader, len };
    let head = source.read_at(0, 16)?;
    let kind = sniff(&head)?;
    match kind {
        ImageKind::Jpeg => check_jpeg(&mut source)?,
        ImageKind::Png => check_png(&mut source)?,
        ImageKind::Webp => check_webp(&head, len)?,
    }
    source.reader.seek(SeekFrom::Start(0))?;
    let size =
        imagesize::reader_size(BufReader::new(&mut *source.reader)).map_err(
            |error| match error {
                imagesize::ImageError::IoError(_) => ImageError::Truncated,
                imagesize::ImageError::CorruptedImage | imagesize::ImageError::NotSupported => {
                    ImageError::Malformed
                }
            },
        )?;
    Ok(check_dimensions(
        kind,
        size.width as u64,
        size.height as u64,
    )?)
}

fn check_dimensions(kind: ImageKind, width: u64, height: u64) -> Result<ImageInfo, ImageError> {
    let refused = ImageError::Dimensions { width, height };
    let side = |value: u64| {
        u32::try_from(value)
            .ok()
            .filter(|&side| side > 0 && side <= MAX_SIDE)
            .ok_or(refused)
    };
    let (width_px, height_px) = (side(width)?, side(height)?);
    if width * height > MAX_PIXELS {
        return Err(refused);
    }
    Ok(ImageInfo {
        kind,
        width: width_px,
        height: height_px,
    })
}

/// Random access to the bytes of an upload, of known length.
struct Source<'a, R> {
    reader: &'a mut R,
    len: u64,
}

impl<R: Read + Seek> Source<'_, R> {
    /// Up to `count` bytes from `at`: fewer at the end of the data.
    fn read_at(&mut self, at: u64, count: usize) -> io::Result<Vec<u8>> {
        let available = self.len.saturating_sub(at);
        let count = usize::try_from(available).map_or(count, |available| available.min(count));
        let mut bytes = vec![0; count];
        self.reader.seek(SeekFrom::Start(at))?;
        self.reader.read_exact(&mut bytes)?;
        Ok(bytes)
    }
}

fn sniff(bytes: &[u8]) -> Result<ImageKind, ImageError> {
    if bytes.starts_with(b"\xff\xd8\xff") {
        return Ok(ImageKind::Jpeg);
    }
    if bytes.starts_with(PNG_SIGNATURE) {
        return Ok(ImageKind::Png);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Ok(ImageKind::Webp);
    }
    // Images the shop recognises but does not print, so that the shopper
    // hears "convert it" rather than "this is not a photo".
    let other_images: [&[u8]; 5] = [b"GIF87a", b"GIF89a", b"BM", b"II*\0", b"MM\0*"];
    let iso_media = bytes.get(4..8) == Some(b"ftyp"); // HEIC, AVIF
    let jpeg_xl = bytes.starts_with(b"\xff\x0a") || bytes.starts_with(b"\0\0\0\x0cJXL ");
    if other_images.iter().any(|magic| bytes.starts_with(magic)) || iso_media || jpeg_xl {
        return Err(ImageError::UnsupportedType);
    }
    Err(ImageError::NotAnImage)
}

/// Ends with the EOI marker, maybe followed by the zero padding some
/// cameras add: a JPEG cut short in transfer does not.
fn check_jpeg<R: Read + Seek>(source: &mut Source<'_, R>) -> Result<(), InspectError> {
    const BLOCK: u64 = 64 * 1024;
    // The end of the data once the padding is skipped, read backwards.
    let mut end = source.len;
    let last = loop {
        let from = end.saturating_sub(BLOCK);
        let block = source.read_at(from, usize::try_from(end - from).unwrap_or(0))?;
        if let Some(at) = block.iter().rposition(|&b| b != 0) {
            break Some((from, block, at));
        }
        if from == 0 {
            break None;
        }
        end = from;
    };
    let Some((from, block, at)) = last else {
        return Err(ImageError::Truncated.into());
    };
    let end = from + at as u64 + 1;
    let marker = if at >= 1 {
        [block[at - 1], block[at]]
    } else {
        let before = source.read_at(end.saturating_sub(2), 1)?;
        [before.first().copied().unwrap_or(0), block[at]]
    };
    if end < 4 || marker != [0xff, 0xd9] {
        return Err(ImageError::Truncated.into());
    }
    Ok(())
}

/// IHDR first, then chunks end to end up to the IEND chunk that ends the
/// file: a PNG cut short never lands exactly on one.
fn check_png<R: Read + Seek>(source: &mut Source<'_, R>) -> Result<(), InspectError> {
    let signature = PNG_SIGNATURE.len() as u64;
    let first = source.read_at(signature, 8)?;
    if first.get(4..8) != Some(b"IHDR") {
        return Err(if first.len() < 8 {
            ImageError::Truncated
        } else {
            ImageError::Malformed
        }
        .into());
    }
    let mut at = signature;
    loop {
        let header = source.read_at(at, 8)?;
        if header.len() < 8 {
            return Err(ImageError::Truncated.into());
        }
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
        let kind = &header[4..8];
        if !kind.iter().all(u8::is_ascii_alphabetic) || length > i32::MAX as u32 {
            return Err(ImageError::Malformed.into());
        }
        // Length, type, data, CRC.
        let next = at + 12 + u64::from(length);
        if next > source.len {
            return Err(ImageError::Truncated.into());
        }
        if kind == b"IEND" {
            let chunk = source.read_at(at, 12)?;
            return if chunk == PNG_IEND && next == source.len {
                Ok(())
            } else {
                Err(ImageError::Malformed.into())
            };
        }
        at = next;
    }
}

/// The RIFF size says how long the file is: it must say exactly so.
fn check_webp(head: &[u8], len: u64) -> Result<(), ImageError> {
    let size = head
        .get(4..8)
        .map(|b| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
        .ok_or(ImageError::Truncated)?;
    let declared = size + 8;
    if declared > len {
        return Err(ImageError::Truncated);
    }
    if declared < len || len < 20 {
        return Err(ImageError::Malformed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_image_data(&vec![200; (width * height * 3) as usize])
            .unwrap();
        writer.finish().unwrap();
        bytes
    }

    fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut bytes = Vec::new();
        jpeg_encoder::Encoder::new(&mut bytes, 80)
            .encode(
                &vec![90; usize::from(width) * usize::from(height) * 3],
                width,
                height,
                jpeg_encoder::ColorType::Rgb,
            )
            .unwrap();
        bytes
    }

    fn webp(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        image_webp::WebPEncoder::new(&mut bytes)
            .encode(
                &vec![30; (width * height * 3) as usize],
                width,
                height,
                image_webp::ColorType::Rgb8,
            )
            .unwrap();
        bytes
    }

    /// A PNG header claiming any size: enough to test the dimension rule
    /// without allocating a giant image.
    fn png_claiming(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = png(1, 1);
        bytes[16..20].copy_from_slice(&width.to_be_bytes());
        bytes[20..24].copy_from_slice(&height.to_be_bytes());
        bytes
    }

    #[test]
    fn real_images_pass_with_their_size_and_type() {
        let cases = [
            (png(1, 1), ImageKind::Png, 1, 1),
            (png(7, 3), ImageKind::Png, 7, 3),
            (jpeg(1, 1), ImageKind::Jpeg, 1, 1),
            (jpeg(33, 17), ImageKind::Jpeg, 33, 17),
            (webp(1, 1), ImageKind::Webp, 1, 1),
            (webp(5, 9), ImageKind::Webp, 5, 9),
        ];
        for (bytes, kind, width, height) in cases {
            assert_eq!(
                inspect(&bytes),
                Ok(ImageInfo {
                    kind,
                    width,
                    height
                }),
                "{kind:?} {width}×{height}"
            );
        }
        assert_eq!(ImageKind::Webp.content_type(), "image/webp");
        for kind in [ImageKind::Jpeg, ImageKind::Png, ImageKind::Webp] {
            assert!(shop_api::project::ACCEPTED_IMAGE_TYPES.contains(&kind.content_type()));
        }
    }

    #[test]
    fn jpeg_padding_after_the_end_marker_is_accepted() {
        let mut padded = jpeg(2, 2);
        padded.extend_from_slice(&[0; 16]);
        assert_eq!(inspect(&padded).map(|info| info.kind), Ok(ImageKind::Jpeg));
    }

    #[test]
    fn text_and_other_formats_are_refused_with_a_reason() {
        assert_eq!(inspect(b"hello, I am a .jpg"), Err(ImageError::NotAnImage));
        assert_eq!(inspect(b""), Err(ImageError::NotAnImage));
        assert_eq!(
            inspect(b"GIF89a\x01\0\x01\0\0\0\0;"),
            Err(ImageError::UnsupportedType)
        );
        assert_eq!(
            inspect(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Err(ImageError::UnsupportedType)
        );
    }

    #[test]
    fn a_png_signature_followed_by_garbage_is_refused() {
        let mut fake = PNG_SIGNATURE.to_vec();
        fake.extend_from_slice(b"this is not a chunk at all, just some text");
        assert_eq!(inspect(&fake), Err(ImageError::Malformed));
        assert_eq!(inspect(PNG_SIGNATURE), Err(ImageError::Truncated));
        // IHDR then no IEND.
        let whole = png(4, 4);
        let without_end = &whole[..whole.len() - PNG_IEND.len()];
        assert_eq!(inspect(without_end), Err(ImageError::Truncated));
        let mut trailing = whole.clone();
        trailing.extend_from_slice(b"junk");
        assert_eq!(inspect(&trailing), Err(ImageError::Malformed));
    }

    #[test]
    fn truncated_images_are_refused() {
        let whole = jpeg(16, 16);
        assert_eq!(
            inspect(&whole[..whole.len() / 2]),
            Err(ImageError::Truncated)
        );
        assert_eq!(inspect(&whole[..3]), Err(ImageError::Truncated));
        // Start and end markers around a comment do not make a JPEG: there
        // is no frame header.
        assert_eq!(
            inspect(b"\xff\xd8\xff\xfe\0\x0acomments\xff\xd9"),
            Err(ImageError::Malformed)
        );
        let png = png(8, 8);
        assert_eq!(inspect(&png[..png.len() - 1]), Err(ImageError::Truncated));
        let webp = webp(8, 8);
        assert_eq!(inspect(&webp[..webp.len() - 2]), Err(ImageError::Truncated));
        let mut longer = webp.clone();
        longer.extend_from_slice(b"more");
        assert_eq!(inspect(&longer), Err(ImageError::Malformed));
    }

    #[test]
    fn zero_and_absurd_dimensions_are_refused() {
        assert!(inspect(&png_claiming(1, 1)).is_ok());
        assert!(inspect(&png_claiming(MAX_SIDE, 3_000)).is_ok());
        assert!(inspect(&png_claiming(12_500, 8_000)).is_ok());
        for (width, height) in [
            (0, 10),
            (10, 0),
            (MAX_SIDE + 1, 10),
            (12_500, 8_001),
            (MAX_SIDE, 8_000),
            (20_000, 20_000),
            (u32::MAX, 1),
        ] {
            assert_eq!(
                inspect(&png_claiming(width, height)),
                Err(ImageError::Dimensions {
                    width: u64::from(width),
                    height: u64::from(height)
                }),
                "{width}×{height}"
            );
        }
    }

    /// Bytes an upload could carry: noise, a known signature then noise,
    /// or a real image cut short, lengthened or with bytes changed.
    fn upload_bytes() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::collection::vec;
        use proptest::prelude::*;
        let signatures: Vec<Vec<u8>> = [
            &b"\xff\xd8\xff"[..],
            PNG_SIGNATURE,
            b"RIFF\0\0\0\0WEBPVP8 ",
            b"GIF89a",
            b"BM",
            b"\0\0\0\x18ftypheic",
            b"\xff\x0a",
        ]
        .iter()
        .map(|magic| magic.to_vec())
        .collect();
        let real = vec![png(3, 2), png_claiming(40_000, 2), jpeg(4, 4), webp(2, 3)];
        prop_oneof![
            vec(any::<u8>(), 0..300),
            (
                proptest::sample::select(signatures),
                vec(any::<u8>(), 0..300)
            )
                .prop_map(|(mut bytes, tail)| {
                    bytes.extend(tail);
                    bytes
                }),
            (
                proptest::sample::select(real),
                vec((any::<proptest::sample::Index>(), any::<u8>()), 0..6),
                any::<proptest::sample::Index>(),
                vec(any::<u8>(), 0..16),
            )
                .prop_map(|(mut bytes, changes, cut, tail)| {
                    for (at, byte) in changes {
                        let at = at.index(bytes.len());
                        bytes[at] = byte;
                    }
                    bytes.truncate(cut.index(bytes.len() + 1));
                    bytes.extend(tail);
                    bytes
                }),
        ]
    }

    /// Whatever arrives, the answer is a verdict, never a panic, and an
    /// accepted image is of the kind its first bytes say and of sane size.
    #[test]
    fn fuzz_image_inspect() {
        crate::fuzz::run(
            "image sniffer (projects::image::inspect)",
            upload_bytes(),
            |bytes| {
                if let Ok(info) = inspect(&bytes) {
                    proptest::prop_assert_eq!(sniff(&bytes), Ok(info.kind));
                    proptest::prop_assert!((1..=MAX_SIDE).contains(&info.width));
                    proptest::prop_assert!((1..=MAX_SIDE).contains(&info.height));
                    proptest::prop_assert!(
                        u64::from(info.width) * u64::from(info.height) <= MAX_PIXELS
                    );
                }
                Ok(())
            },
        );
    }
}
