//! The exchange file on disk: compressed, signed by the sending installation, encrypted under
//! a passphrase shared out of band, and checksummed, with each way it can fail reported in
//! words of its own.
//!
//! Layout (all integers big-endian):
//!
//! | bytes     | content                                                    |
//! |-----------|------------------------------------------------------------|
//! | 0..8      | `BOARDAX\0`                                                |
//! | 8..10     | format version                                             |
//! | 10..22    | Argon2id memory (KiB), passes, lanes                       |
//! | 22..38    | salt                                                       |
//! | 38..62    | XChaCha20-Poly1305 nonce                                   |
//! | 62..94    | passphrase check: SHA-256 of the second half of the Argon2 output |
//! | 94..102   | length of the ciphertext                                   |
//! | 102..n-32 | ciphertext of: public key (32), signature (64), deflated JSON |
//! | n-32..n   | SHA-256 of everything before it                            |
//!
//! The header is authenticated as associated data. The signature covers the compressed body,
//! so the signer is only revealed to someone holding the passphrase.

use std::io::{Read, Write};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::error::{CoreError, ErrorKind, Result};

const MAGIC: &[u8; 8] = b"BOARDAX\0";
/// The newest format this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;
const HEADER_LEN: usize = 102;
const CHECKSUM_LEN: usize = 32;
const SIGNATURE_CONTEXT: &[u8] = b"boardassure exchange file v1\0";
/// Argon2id at the strength recommended for interactive use: 19 MiB, two passes, one lane.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;
/// Far beyond any board's records (ten years of a large trust is well under a tenth of it);
/// stops a hostile file from exhausting memory when it is inflated and read.
const MAX_BODY: u64 = 256 << 20;
/// The key-stretching costs a file may name: around what this build writes, never more than
/// a laptop can spare. A file naming 1 GiB and sixteen passes would otherwise make the app
/// spend that before it could even say the passphrase is wrong.
const MEMORY_RANGE_KIB: std::ops::RangeInclusive<u32> = 8 * 1024..=64 * 1024;
const PASSES_RANGE: std::ops::RangeInclusive<u32> = 1..=4;
const LANES_RANGE: std::ops::RangeInclusive<u32> = 1..=4;
pub const MIN_PASSPHRASE: usize = 8;

/// What a sealed file yields once opened: who signed it, and the JSON it carries.
pub struct Opened {
    pub public_key: VerifyingKey,
    pub json: Vec<u8>,
}

pub fn seal(json: &[u8], key: &SigningKey, passphrase: &str) -> Result<Vec<u8>> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(CoreError::validation(
            "passphrase",
            format!("Choose a passphrase of at least {MIN_PASSPHRASE} characters; share it with the recipient by phone or in person, never with the file."),
        ));
    }
    let mut deflate =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    deflate.write_all(json)?;
    let body = deflate.finish()?;
    let signature = key.sign(&[SIGNATURE_CONTEXT, &body].concat());
    let mut plain = Vec::with_capacity(96 + body.len());
    plain.extend_from_slice(key.verifying_key().as_bytes());
    plain.extend_from_slice(&signature.to_bytes());
    plain.extend_from_slice(&body);

    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 24];
    random(&mut salt)?;
    random(&mut nonce)?;
    let (cipher_key, check) = stretch(passphrase, &salt, MEMORY_KIB, PASSES, LANES)?;
    let mut header = Vec::with_capacity(HEADER_LEN);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
    for n in [MEMORY_KIB, PASSES, LANES] {
        header.extend_from_slice(&n.to_be_bytes());
    }
    header.extend_from_slice(&salt);
    header.extend_from_slice(&nonce);
    header.extend_from_slice(&check);
    // XChaCha20-Poly1305 adds a 16-byte tag to the plaintext.
    header.extend_from_slice(&((plain.len() + 16) as u64).to_be_bytes());
    debug_assert_eq!(header.len(), HEADER_LEN);
    let cipher = XChaCha20Poly1305::new((&cipher_key).into());
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &plain,
                aad: &header,
            },
        )
        .map_err(|_| CoreError::internal("The exchange file could not be encrypted."))?;
    let mut file = header;
    file.extend_from_slice(&sealed);
    let sum = Sha256::digest(&file);
    file.extend_from_slice(&sum);
    Ok(file)
}

/// Opens a file, checking in turn that it is one of ours, that this build can read it, that it
/// is whole and unaltered, that the passphrase is right, and that the signature holds.
pub fn open(file: &[u8], passphrase: &str) -> Result<Opened> {
    if file.len() < MAGIC.len() || &file[..MAGIC.len()] != MAGIC {
        return Err(not_exchange());
    }
    if file.len() < 10 {
        return Err(truncated());
    }
    let version = u16::from_be_bytes([file[8], file[9]]);
    if version > FORMAT_VERSION {
        return Err(CoreError::new(
            ErrorKind::TooNew,
            format!("This exchange file was made by a newer version of Safeguarding Board Assurance (file format {version}; this version reads up to {FORMAT_VERSION}). Update the app, then import it again. Nothing was changed."),
        ));
    }
    if version == 0 {
        return Err(not_exchange());
    }
    if file.len() < HEADER_LEN {
        return Err(truncated());
    }
    let declared = u64::from_be_bytes(file[94..102].try_into().expect("8 bytes"));
    let expected = (HEADER_LEN as u64)
        .checked_add(declared)
        .and_then(|n| n.checked_add(CHECKSUM_LEN as u64));
    match expected {
        Some(n) if (file.len() as u64) < n => return Err(truncated()),
        Some(n) if (file.len() as u64) == n => {}
        _ => return Err(altered()),
    }
    let (content, sum) = file.split_at(file.len() - CHECKSUM_LEN);
    if Sha256::digest(content).as_slice() != sum {
        return Err(altered());
    }
    let word = |at: usize| u32::from_be_bytes(file[at..at + 4].try_into().expect("4 bytes"));
    let (memory, passes, lanes) = (word(10), word(14), word(18));
    // A file can name its own key-stretching cost; refuse costs no honest build would choose.
    if !MEMORY_RANGE_KIB.contains(&memory)
        || !PASSES_RANGE.contains(&passes)
        || !LANES_RANGE.contains(&lanes)
    {
        return Err(altered());
    }
    let (cipher_key, check) = stretch(passphrase, &file[22..38], memory, passes, lanes)?;
    if check.as_slice() != &file[62..94] {
        return Err(CoreError::validation(
            "passphrase",
            "That passphrase does not open this exchange file. Check it with the sender (it travels separately from the file) and try again. Nothing was changed.",
        ));
    }
    let header = &file[..HEADER_LEN];
    let cipher = XChaCha20Poly1305::new((&cipher_key).into());
    let plain = cipher
        .decrypt(
            XNonce::from_slice(&file[38..62]),
            Payload {
                msg: &content[HEADER_LEN..],
                aad: header,
            },
        )
        .map_err(|_| altered())?;
    if plain.len() < 96 {
        return Err(altered());
    }
    let public_key = VerifyingKey::from_bytes(plain[..32].try_into().expect("32 bytes"))
        .map_err(|_| forged())?;
    let signature = Signature::from_bytes(plain[32..96].try_into().expect("64 bytes"));
    let body = &plain[96..];
    public_key
        .verify(&[SIGNATURE_CONTEXT, body].concat(), &signature)
        .map_err(|_| forged())?;
    let json = inflate(body, MAX_BODY).ok_or_else(altered)?;
    Ok(Opened { public_key, json })
}

/// The inflated body, or `None` when it is not valid deflate or inflates beyond `limit`. Its
/// size is counted first without keeping it, so a small file that inflates to gigabytes is
/// refused without the memory ever being taken.
fn inflate(body: &[u8], limit: u64) -> Option<Vec<u8>> {
    let size = std::io::copy(
        &mut flate2::read::DeflateDecoder::new(body).take(limit + 1),
        &mut std::io::sink(),
    )
    .ok()?;
    if size > limit {
        return None;
    }
    let mut json = Vec::with_capacity(size as usize);
    flate2::read::DeflateDecoder::new(body)
        .read_to_end(&mut json)
        .ok()?;
    Some(json)
}

/// Argon2id output split in two: the cipher key, and a check value that tells a wrong
/// passphrase apart from a damaged file without revealing the key.
fn stretch(
    passphrase: &str,
    salt: &[u8],
    memory: u32,
    passes: u32,
    lanes: u32,
) -> Result<([u8; 32], [u8; 32])> {
    let params = argon2::Params::new(memory, passes, lanes, Some(64)).map_err(|_| altered())?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = [0u8; 64];
    argon
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|_| altered())?;
    let key: [u8; 32] = out[..32].try_into().expect("32 bytes");
    let check: [u8; 32] = Sha256::digest(&out[32..]).into();
    Ok((key, check))
}

pub fn random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf)
        .map_err(|e| CoreError::internal(format!("The system's random number source failed: {e}")))
}

fn not_exchange() -> CoreError {
    CoreError::new(
        ErrorKind::Damaged,
        "This is not an exchange file from Safeguarding Board Assurance. Choose the file the sender exported (it ends in .boardx). Nothing was changed.",
    )
}

fn truncated() -> CoreError {
    CoreError::new(
        ErrorKind::Damaged,
        "The exchange file is incomplete: it stops before its end, probably cut off while being copied or sent. Ask the sender for it again. Nothing was changed.",
    )
}

fn altered() -> CoreError {
    CoreError::new(
        ErrorKind::Damaged,
        "The exchange file was damaged or altered after it was made: its contents no longer match its checksum. Ask the sender for it again. Nothing was changed.",
    )
}

fn forged() -> CoreError {
    CoreError::new(
        ErrorKind::Damaged,
        "The exchange file's signature does not match its contents, so it was changed after it was signed. Do not use it; ask the sender for it again. Nothing was changed.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_that_inflates_beyond_the_limit_is_refused_before_it_is_kept() {
        let mut deflate =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        deflate.write_all(&vec![b' '; 2 << 20]).unwrap();
        let bomb = deflate.finish().unwrap();
        assert!(bomb.len() < 10_000, "two megabytes of spaces pack small");
        assert_eq!(inflate(&bomb, 1 << 20), None);
        assert_eq!(inflate(&bomb, 4 << 20).map(|j| j.len()), Some(2 << 20));
        assert_eq!(inflate(b"not deflate at all", 1 << 20), None);
    }

    #[test]
    fn a_file_naming_a_key_stretching_cost_beyond_a_laptops_is_refused_before_stretching() {
        let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
        let sealed = seal(br#"{"format":1}"#, &key, "amber kettle lighthouse").unwrap();
        for (at, value) in [(10, 512 * 1024), (14, 16), (18, 8)] {
            let mut costly = sealed.clone();
            costly[at..at + 4].copy_from_slice(&(value as u32).to_be_bytes());
            let n = costly.len();
            let sum = Sha256::digest(&costly[..n - CHECKSUM_LEN]);
            costly[n - CHECKSUM_LEN..].copy_from_slice(&sum);
            let err = open(&costly, "amber kettle lighthouse").err().unwrap();
            assert!(
                err.message.contains("damaged or altered"),
                "{at}: {}",
                err.message
            );
        }
    }
}
