//! The key files next to the database: the server key (`multi_user` sessions) and the
//! MAC secret, both created with mode 0600 and refused when group or others may read them.

use std::io::{Read, Write};
use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use zeroize::Zeroizing;

use super::{decode_key_b64, fill_random, CryptoError, ServerKey, KEY_FILE_MAGIC, KEY_LEN};

impl ServerKey {
    /// Loads the server key from `path`, or creates it there (mode 0600, parent directories
    /// 0700) if the file does not exist. Keep the file outside the database and its backups.
    pub fn load_or_create(path: &Path) -> Result<ServerKey, CryptoError> {
        match ServerKey::load(path) {
            Err(CryptoError::KeyFileIo { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound => {}
            other => return other,
        }
        let key = ServerKey::generate()?;
        match key.create_file(path) {
            Ok(()) => Ok(key),
            // Another process created it first: use theirs.
            Err(CryptoError::KeyFileIo { source, .. })
                if source.kind() == std::io::ErrorKind::AlreadyExists =>
            {
                ServerKey::load(path)
            }
            Err(e) => Err(e),
        }
    }

    /// Loads the server key from an existing key file; refuses a file that group or others
    /// may access.
    pub fn load(path: &Path) -> Result<ServerKey, CryptoError> {
        let text = read_private_file(path)?;
        let bad = || CryptoError::KeyFileFormat {
            path: path.display().to_string(),
        };
        let mut words = text.split_whitespace();
        if words.next() != Some(KEY_FILE_MAGIC) {
            return Err(bad());
        }
        let key = decode_key_b64(words.next().ok_or_else(bad)?).map_err(|_| bad())?;
        if words.next().is_some() {
            return Err(bad());
        }
        Ok(ServerKey::from_array(&key))
    }

    /// Writes this key to a new file at `path` with mode 0600 (fails if the file exists).
    fn create_file(&self, path: &Path) -> Result<(), CryptoError> {
        let encoded = Zeroizing::new(URL_SAFE_NO_PAD.encode(self.0));
        let text = Zeroizing::new(format!("{KEY_FILE_MAGIC} {}\n", encoded.as_str()));
        write_private_file(path, text.as_bytes())
    }
}

/// Reads a small key file, refusing one that group or others may access.
fn read_private_file(path: &Path) -> Result<Zeroizing<String>, CryptoError> {
    let io = |source| CryptoError::KeyFileIo {
        path: path.display().to_string(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file.metadata().map_err(io)?.permissions().mode() & 0o7777;
        if mode & 0o077 != 0 {
            return Err(CryptoError::KeyFilePermissions {
                path: path.display().to_string(),
                mode,
            });
        }
    }
    let mut text = Zeroizing::new(String::new());
    // A key file is ~70 bytes; refuse to read a huge file.
    (&mut file)
        .take(4096)
        .read_to_string(&mut text)
        .map_err(io)?;
    Ok(text)
}

/// Writes `text` to a new key file at `path` with mode 0600 (parent directories 0700);
/// fails if the file exists.
fn write_private_file(path: &Path, text: &[u8]) -> Result<(), CryptoError> {
    let io = |source| CryptoError::KeyFileIo {
        path: path.display().to_string(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir).map_err(io)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(io)?;
    file.write_all(text).map_err(io)?;
    file.sync_all().map_err(io)?;
    Ok(())
}

/// Loads the server's MAC secret (the key of CSRF tokens and action-link signatures: 32
/// bytes as 64 hex digits) from `path`, or creates it there (mode 0600) if the file does
/// not exist. Like [`ServerKey::load`], refuses a file that group or others may access.
pub fn load_or_create_mac_secret(path: &Path) -> Result<Zeroizing<[u8; KEY_LEN]>, CryptoError> {
    let text = match read_private_file(path) {
        Ok(text) => text,
        Err(CryptoError::KeyFileIo { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            let mut key = Zeroizing::new([0u8; KEY_LEN]);
            fill_random(&mut key[..])?;
            let text = Zeroizing::new(format!("{}\n", hex::encode(&key[..])));
            match write_private_file(path, text.as_bytes()) {
                Ok(()) => return Ok(key),
                // Another process created it first: use theirs.
                Err(CryptoError::KeyFileIo { source, .. })
                    if source.kind() == std::io::ErrorKind::AlreadyExists =>
                {
                    read_private_file(path)?
                }
                Err(e) => return Err(e),
            }
        }
        Err(e) => return Err(e),
    };
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    hex::decode_to_slice(text.trim(), &mut key[..]).map_err(|_| CryptoError::KeyFileFormat {
        path: path.display().to_string(),
    })?;
    Ok(key)
}
