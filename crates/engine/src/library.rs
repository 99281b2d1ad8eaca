//! The interview cache: each interview is loaded once and shared by every request.

use std::collections::HashMap;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::SystemTime;

use crate::load::{load, LoadError, Sources, Warning};
use crate::model::Interview;
use crate::reference::InterviewRef;

struct Entry {
    interview: Arc<Interview>,
    warnings: Vec<Warning>,
    /// Modification times of the file and its includes when loaded.
    stamps: Vec<(InterviewRef, Option<SystemTime>)>,
}

/// A thread-safe cache of loaded interviews keyed by reference. In dev mode every `get`
/// compares the modification times of the file and its includes and reloads on change.
pub struct Library {
    sources: Arc<dyn Sources>,
    dev: bool,
    cache: RwLock<HashMap<InterviewRef, Arc<Entry>>>,
    /// Loaded interviews by the reference as requests write it, so that [`Library::cached`]
    /// needs no parsing (at most [`BY_TEXT_LIMIT`] spellings: the text comes from URLs).
    by_text: RwLock<HashMap<String, Arc<Interview>>>,
}

/// How many spellings of references [`Library::cached`] remembers.
const BY_TEXT_LIMIT: usize = 1024;

impl Library {
    /// A cache reading through `sources`; `dev` enables reloading changed files.
    pub fn new(sources: Arc<dyn Sources>, dev: bool) -> Library {
        Library {
            sources,
            dev,
            cache: RwLock::new(HashMap::new()),
            by_text: RwLock::new(HashMap::new()),
        }
    }

    /// The sources the library reads from.
    pub fn sources(&self) -> &Arc<dyn Sources> {
        &self.sources
    }

    /// The interview for `reference` ("package:path"), loading it on first use.
    pub fn get(&self, reference: &str) -> Result<Arc<Interview>, LoadError> {
        let r = InterviewRef::parse(reference)?;
        Ok(self.entry(&r)?.interview.clone())
    }

    /// The interview for `reference` if it is loaded and need not be checked for changes
    /// (not dev mode): an in-memory lookup that never reads a file, so a caller on an async
    /// thread can skip a hop to a blocking thread. `None`: call [`Library::get`].
    pub fn cached(&self, reference: &str) -> Option<Arc<Interview>> {
        if self.dev {
            return None;
        }
        if let Some(iv) = read(&self.by_text).get(reference).cloned() {
            return Some(iv);
        }
        let r = InterviewRef::parse(reference).ok()?;
        let found = read(&self.cache).get(&r).map(|e| e.interview.clone())?;
        let mut by_text = write(&self.by_text);
        if by_text.len() < BY_TEXT_LIMIT {
            by_text.insert(reference.to_string(), found.clone());
        }
        Some(found)
    }

    /// The warnings of the (last) load of `reference`.
    pub fn warnings(&self, reference: &str) -> Result<Vec<Warning>, LoadError> {
        let r = InterviewRef::parse(reference)?;
        Ok(self.entry(&r)?.warnings.clone())
    }

    /// Drops every cached interview.
    pub fn clear(&self) {
        write(&self.by_text).clear();
        write(&self.cache).clear();
    }

    fn entry(&self, r: &InterviewRef) -> Result<Arc<Entry>, LoadError> {
        let cached = read(&self.cache).get(r).cloned();
        if let Some(e) = cached {
            if !self.dev || !self.changed(&e) {
                return Ok(e);
            }
        }
        // load outside the lock: two threads may load the same file at once; the last wins
        let (interview, warnings) = load(self.sources.as_ref(), r)?;
        let stamps = interview
            .files
            .iter()
            .map(|f| (f.clone(), self.sources.modified(&f.package, &f.path)))
            .collect();
        let entry = Arc::new(Entry {
            interview: Arc::new(interview),
            warnings,
            stamps,
        });
        let mut cache = write(&self.cache);
        cache.insert(r.clone(), entry.clone());
        Ok(entry)
    }

    fn changed(&self, e: &Entry) -> bool {
        e.stamps
            .iter()
            .any(|(f, t)| self.sources.modified(&f.package, &f.path) != *t)
    }
}

/// Reads a lock; a panic elsewhere while it was held leaves a usable map (entries are
/// replaced whole), so poisoning is ignored.
fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Writes a lock, ignoring poisoning (see [`read`]).
fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Mem {
        files: Mutex<HashMap<String, (String, u64)>>,
        reads: Mutex<usize>,
    }

    impl Mem {
        fn put(&self, path: &str, text: &str) {
            let mut f = self.files.lock().unwrap();
            let v = f.get(path).map(|x| x.1 + 1).unwrap_or(1);
            f.insert(path.to_string(), (text.to_string(), v));
        }
    }

    impl Sources for Mem {
        fn read(&self, _package: &str, path: &str) -> std::io::Result<String> {
            *self.reads.lock().unwrap() += 1;
            self.files
                .lock()
                .unwrap()
                .get(path)
                .map(|x| x.0.clone())
                .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
        }
        fn modified(&self, _package: &str, path: &str) -> Option<SystemTime> {
            let v = self.files.lock().unwrap().get(path)?.1;
            Some(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(v))
        }
        fn list(&self) -> Vec<(String, String)> {
            Vec::new()
        }
    }

    #[test]
    fn caches_and_reloads_in_dev_mode() {
        let mem = Arc::new(Mem::default());
        mem.put(
            "data/questions/a.yml",
            "include:\n  - b.yml\n---\nquestion: A\nmandatory: True\n",
        );
        mem.put("data/questions/b.yml", "question: B\nfield: b\n");
        let lib = Library::new(mem.clone(), true);
        let a = lib.get("pkg:a.yml").unwrap();
        assert_eq!(a.blocks.len(), 2);
        let again = lib.get("pkg:data/questions/a.yml").unwrap();
        assert!(Arc::ptr_eq(&a, &again));
        // changing an included file reloads
        mem.put(
            "data/questions/b.yml",
            "question: B\nfield: b\n---\nquestion: C\nfield: c\n",
        );
        let reloaded = lib.get("pkg:a.yml").unwrap();
        assert_eq!(reloaded.blocks.len(), 3);

        let prod = Library::new(mem.clone(), false);
        let p1 = prod.get("pkg:a.yml").unwrap();
        mem.put(
            "data/questions/a.yml",
            "question: changed\nmandatory: True\n",
        );
        let p2 = prod.get("pkg:a.yml").unwrap();
        assert!(Arc::ptr_eq(&p1, &p2));
    }

    #[test]
    fn errors_are_not_cached_forever() {
        let mem = Arc::new(Mem::default());
        let lib = Library::new(mem.clone(), false);
        assert!(lib.get("pkg:x.yml").is_err());
        mem.put("data/questions/x.yml", "question: X\nmandatory: True\n");
        assert!(lib.get("pkg:x.yml").is_ok());
        assert!(lib.get("not a reference").is_err());
    }

    #[test]
    fn cached_knows_every_spelling_of_a_loaded_reference_and_forgets_on_clear() {
        let mem = Arc::new(Mem::default());
        mem.put("data/questions/a.yml", "question: A\nmandatory: True\n");
        let lib = Library::new(mem.clone(), false);
        assert!(lib.cached("pkg:a.yml").is_none(), "not loaded yet");
        let a = lib.get("pkg:a.yml").unwrap();
        for spelling in ["pkg:a.yml", "pkg:data/questions/a.yml", "pkg:a.yml"] {
            let c = lib.cached(spelling).unwrap();
            assert!(Arc::ptr_eq(&a, &c), "{spelling}");
        }
        assert!(lib.cached("pkg:b.yml").is_none());
        assert!(lib.cached("not a reference").is_none());
        lib.clear();
        assert!(lib.cached("pkg:a.yml").is_none(), "clear forgets the spellings too");
        assert!(lib.cached("pkg:data/questions/a.yml").is_none());
        // dev mode never answers from memory (files are checked for changes)
        let dev = Library::new(mem, true);
        dev.get("pkg:a.yml").unwrap();
        assert!(dev.cached("pkg:a.yml").is_none());
    }
}
