//! `colloquy serve` as a process: one server per data directory. The SQLite store holds its
//! file exclusively (`unix-excl`), so a second server on the same directory stops with a
//! clear error instead of sharing it, and the directory is free again once the first exits.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Starts `colloquy serve` on `dir` (its log in `dir/<name>.log`), on a port of the system's
/// choosing.
fn serve(dir: &Path, name: &str) -> Child {
    let log = std::fs::File::create(dir.join(format!("{name}.log"))).unwrap();
    Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.join("data"))
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap()
}

fn log_of(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{name}.log"))).unwrap_or_default()
}

/// Waits until the server's log says it listens (or it exited, or 30 s passed).
fn listening(child: &mut Child, dir: &Path, name: &str) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if log_of(dir, name).contains("listening on") {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// Waits for `child` to exit (at most 30 s, then kills it); its exit status if it exited.
fn exit_of(child: &mut Child) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn a_second_server_on_the_same_data_directory_stops_with_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("colloquy-serve-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    let mut first = serve(&dir, "first");
    assert!(listening(&mut first, &dir, "first"), "the first server did not start:\n{}", log_of(&dir, "first"));

    let mut second = serve(&dir, "second");
    let status = exit_of(&mut second);
    let log = log_of(&dir, "second");
    let _ = first.kill();
    let _ = first.wait();
    assert!(status.is_some_and(|s| !s.success()), "the second server did not stop ({status:?}):\n{log}");
    assert!(log.contains("in use by another process"), "{log}");
    assert!(!log.contains("listening on"), "{log}");

    // Once the first has exited, the directory (and its sessions) can be opened again.
    let mut third = serve(&dir, "third");
    let started = listening(&mut third, &dir, "third");
    let _ = third.kill();
    let _ = third.wait();
    assert!(started, "a server did not start after the first exited:\n{}", log_of(&dir, "third"));
    let _ = std::fs::remove_dir_all(&dir);
}
