//! This installation's signing key and the installations it trusts. A key is made the first
//! time it is needed and never leaves the database; only its public half travels, inside the
//! encrypted file, and people compare its fingerprint by phone.

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::exchange::repo as exchange;
use crate::store::entity::Entity;
use crate::store::{history, Store};

/// An installation whose files this one accepts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrustedSigner {
    pub public_key: String,
    pub fingerprint: String,
    /// Who the sender said they were when they were trusted.
    pub name: String,
    pub trusted_at: String,
}

/// The key this installation signs with, made now if it has none yet.
pub fn signing_key(store: &mut Store) -> Result<SigningKey> {
    if let Some(secret) = exchange::secret_key(store.conn())? {
        return Ok(SigningKey::from_bytes(&secret));
    }
    let mut secret = [0u8; 32];
    super::envelope::random(&mut secret)?;
    store.write(|tx| {
        // Another process may have made one meanwhile; the first one made is kept.
        match exchange::secret_key(tx)? {
            Some(existing) => Ok(SigningKey::from_bytes(&existing)),
            None => {
                exchange::save_secret_key(tx, &secret)?;
                tracing::info!("installation signing key made");
                Ok(SigningKey::from_bytes(&secret))
            }
        }
    })
}

/// This installation's fingerprint, to read out to the people it exchanges files with.
pub fn own_fingerprint(store: &mut Store) -> Result<String> {
    Ok(fingerprint(&signing_key(store)?.verifying_key()))
}

/// The first 160 bits of SHA-256 of the public key, in ten groups of four hex digits: short
/// enough to read over the phone, long enough that no forger can match it.
pub fn fingerprint(key: &VerifyingKey) -> String {
    let digest = Sha256::digest(key.as_bytes());
    digest[..20]
        .chunks(2)
        .map(|pair| format!("{:02X}{:02X}", pair[0], pair[1]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `typed` is `fingerprint`, ignoring spaces and case as people read it out.
pub fn same_fingerprint(typed: &str, fingerprint: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != ':')
            .collect::<String>()
            .to_ascii_uppercase()
    };
    !typed.trim().is_empty() && norm(typed) == norm(fingerprint)
}

pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn key_from_hex(text: &str) -> Result<VerifyingKey> {
    let bad = || CoreError::validation("publicKey", "That is not an installation's public key.");
    if text.len() != 64 || !text.is_ascii() {
        return Err(bad());
    }
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
    }
    VerifyingKey::from_bytes(&bytes).map_err(|_| bad())
}

pub fn trusted_signers(store: &Store) -> Result<Vec<TrustedSigner>> {
    exchange::signers(store.conn())?
        .into_iter()
        .map(|(public_key, name, trusted_at)| {
            Ok(TrustedSigner {
                fingerprint: fingerprint(&key_from_hex(&public_key)?),
                public_key,
                name,
                trusted_at,
            })
        })
        .collect()
}

/// Accepts files signed with `public_key` from now on; the choice is kept in the audit trail.
pub fn trust_signer(store: &mut Store, public_key: &str, name: &str) -> Result<TrustedSigner> {
    let key = key_from_hex(public_key)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(CoreError::validation(
            "name",
            "Give the name of the person or laptop the files come from (up to 200 characters).",
        ));
    }
    let signer = TrustedSigner {
        public_key: to_hex(key.as_bytes()),
        fingerprint: fingerprint(&key),
        name: name.to_string(),
        trusted_at: crate::dates::now_utc(),
    };
    store.write(|tx| {
        exchange::trust(tx, &signer.public_key, &signer.name)?;
        history::record(
            tx,
            Entity::TrustedSigner,
            &signer.public_key,
            "trusted",
            &signer,
        )
    })?;
    tracing::info!(fingerprint = %signer.fingerprint, "signer trusted");
    Ok(signer)
}

/// Stops accepting files from an installation; its records already merged stay.
pub fn forget_signer(store: &mut Store, public_key: &str) -> Result<()> {
    store.write(|tx| {
        if !exchange::untrust(tx, public_key)? {
            return Err(CoreError::not_found(
                "That installation is not in the trusted list.",
            ));
        }
        history::record(
            tx,
            Entity::TrustedSigner,
            public_key,
            "no longer trusted",
            &public_key,
        )
    })
}

pub(super) fn is_trusted(store: &Store, key: &VerifyingKey) -> Result<bool> {
    exchange::is_trusted(store.conn(), &to_hex(key.as_bytes()))
}
