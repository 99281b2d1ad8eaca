//! Random bytes that must be unpredictable but are not keys: AEAD nonces, session ids, link
//! epochs, CSP nonces, request ids. A request draws about ten of them, and each `getrandom`
//! system call cost more than the value needs: they come from a ChaCha generator per thread
//! (rand's `StdRng`, ChaCha with 12 rounds), seeded from the operating system and seeded
//! again after every [`RESEED_AFTER`] bytes. Keys (a session's data key, a cookie secret, the
//! server key) are still drawn from the operating system each time
//! ([`super::fill_random`]).

use std::cell::RefCell;

use rand::rngs::{StdRng, SysRng};
use rand::{Rng, SeedableRng};

use super::CryptoError;

/// Bytes a thread's generator gives before it is seeded again from the operating system.
pub const RESEED_AFTER: usize = 64 * 1024;

/// A thread's generator and the bytes it gave since it was seeded.
struct Generator {
    rng: StdRng,
    given: usize,
}

thread_local! {
    static GENERATOR: RefCell<Option<Generator>> = const { RefCell::new(None) };
}

/// Fills `buf` with unpredictable bytes from this thread's generator (seeded from the
/// operating system on first use and after every [`RESEED_AFTER`] bytes).
pub fn fill_unpredictable(buf: &mut [u8]) -> Result<(), CryptoError> {
    GENERATOR.with(|cell| {
        let mut slot = cell.try_borrow_mut().map_err(|_| CryptoError::Random)?;
        let generator = match slot.as_mut() {
            Some(g) if g.given.saturating_add(buf.len()) <= RESEED_AFTER => g,
            _ => slot.insert(Generator { rng: StdRng::try_from_rng(&mut SysRng).map_err(|_| CryptoError::Random)?, given: 0 }),
        };
        generator.rng.fill_bytes(buf);
        generator.given += buf.len();
        Ok(())
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn draws_differ_and_the_generator_is_seeded_again_past_its_budget() {
        let mut a = [0u8; 32];
        let mut b = [0u8; 32];
        fill_unpredictable(&mut a).unwrap();
        fill_unpredictable(&mut b).unwrap();
        assert_ne!(a, b);
        assert_ne!(a, [0u8; 32]);
        // past the budget a new generator takes over, with its count from zero
        let mut big = vec![0u8; RESEED_AFTER];
        fill_unpredictable(&mut big).unwrap();
        let given = GENERATOR.with(|c| c.borrow().as_ref().map(|g| g.given)).unwrap();
        assert_eq!(given, RESEED_AFTER, "seeded again for a draw that would pass the budget");
        fill_unpredictable(&mut a).unwrap();
        assert_eq!(GENERATOR.with(|c| c.borrow().as_ref().map(|g| g.given)).unwrap(), 32);
        // another thread has a generator of its own
        let other = std::thread::spawn(|| {
            let mut x = [0u8; 32];
            fill_unpredictable(&mut x).unwrap();
            x
        })
        .join()
        .unwrap();
        assert_ne!(other, a);
    }
}
