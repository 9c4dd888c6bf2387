//! A real crash test: edits acknowledged by `Session::execute` survive a SIGKILL.
//!
//! The test binary runs itself again as a child process (`GLOSS_CRASH_CHILD=<project path>`,
//! only the `crash_child` test). The child opens the project with `Session::open` and obeys
//! one line at a time on stdin: `GO` executes one edit (a one-character PERSON span at the
//! next free offset, so edit k of the whole run is the span `k..k+1`) and prints `ACK <n>`
//! once `execute` has returned; `SAVE` saves and prints `SAVED`. The parent kills the child with
//! SIGKILL at random moments: before it has even opened the project, right after an ACK, in
//! the middle of an edit (after sending `GO` without waiting for its ACK) or in the middle of a
//! save. It then reopens the project with `Session::open` and checks that every acknowledged
//! span is there, that at most the one edit in flight is there besides, and that nothing else
//! changed. Each round continues from the state the previous one recovered.
//!
//! The seed is printed in the assertion message; `GLOSS_CRASH_SEED=<n>` replays a run.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{ChildStdin, Command as Process, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use gloss::app::{Command, Session};
use gloss::io::project_file;
use gloss::model::{CharRange, DocId, Document, Project, Span, validate};

const CHILD_ENV: &str = "GLOSS_CRASH_CHILD";
const SEED_ENV: &str = "GLOSS_CRASH_SEED";
const CHILD_TEST: &str = "crash_child";
/// Rounds in a normal test run; `GLOSS_CRASH_ROUNDS=1000` (scripts/crash_test.sh) runs more.
const ROUNDS: usize = 30;
const ROUNDS_ENV: &str = "GLOSS_CRASH_ROUNDS";
const MAX_EDITS_PER_ROUND: u64 = 12;
const DOC: DocId = DocId(1);
/// SIGKILL's number on every Unix (what `Child::kill` sends), without a libc dependency.
const SIGKILL: i32 = 9;
/// How long the parent waits for any one line from the child before calling it hung.
const LINE_TIMEOUT: Duration = Duration::from_secs(30);

/// The text the spans are laid on: long enough for every edit of `rounds` rounds even if each
/// made the most edits (one code point each, plus the one in flight), and mixing scripts and
/// line ends so offsets are code points, not bytes.
fn wire_text(rounds: usize) -> String {
    const LINE: &str = "Ana Ruiz 👩‍👩‍👧 said “no” in 東京 à Léon.\r\n";
    let most_edits = rounds * (MAX_EDITS_PER_ROUND as usize + 1);
    LINE.repeat(most_edits / LINE.chars().count() + 1)
}

/// The offset the next edit tags: one past the last span.
fn next_offset(p: &Project) -> usize {
    p.document(DOC)
        .and_then(|d| d.spans.iter().map(|s| s.end).max())
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// The child
// ---------------------------------------------------------------------------------------------

/// Does nothing unless run as the child of `acknowledged_edits_survive_sigkill`.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = Path::new(&path);
    // A command's role: it waits for a lock another command holds (the parent, sometimes).
    gloss::io::lock::set_role("crash child");
    let mut session = Session::open(path).expect("child: open the project");
    // What opening says (edits recovered, …) is checked by the parent when it reopens.
    session.take_notices();
    let mut out = std::io::stdout().lock();
    let mut next = next_offset(&session.project);
    writeln!(out, "READY {next}").unwrap();
    out.flush().unwrap();
    let mut acked = 0;
    for line in std::io::stdin().lines() {
        match line.expect("child: read stdin").trim() {
            "GO" => {
                let doc = session.project.document(DOC).expect("child: the document");
                let span = Span::new(doc.next_span_id(), CharRange::new(next, next + 1), "PERSON");
                session
                    .execute(Command::AddSpans {
                        doc: DOC,
                        spans: vec![span],
                    })
                    .expect("child: execute");
                next += 1;
                acked += 1;
                writeln!(out, "ACK {acked}").unwrap();
            }
            "SAVE" => {
                session.save().expect("child: save");
                writeln!(out, "SAVED").unwrap();
            }
            _ => break,
        }
        out.flush().unwrap();
        // A journal that cannot be written must not go unnoticed.
        let notices = session.take_notices();
        assert!(notices.is_empty(), "child: {notices:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The parent
// ---------------------------------------------------------------------------------------------

/// xorshift64*: enough randomness for timing and choices, and replayable from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

fn seed() -> u64 {
    if let Some(s) = std::env::var(SEED_ENV).ok().and_then(|s| s.parse().ok()) {
        return s;
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    (nanos ^ u64::from(std::process::id())) | 1
}

/// When in the round the child is killed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kill {
    /// Soon after it starts, probably while it opens (and replays) the project.
    BeforeReady,
    /// Right after reading the last ACK.
    AfterAck,
    /// After sending `GO` and not waiting for its ACK: the edit may or may not have happened.
    MidEdit,
    /// After sending `SAVE` and not waiting for `SAVED`.
    MidSave,
    /// While it waits for the lock, which the parent holds.
    WhileWaiting,
}

#[derive(Debug, Default)]
struct Stats {
    acks: usize,
    saves: usize,
    mid_edit: usize,
    /// Mid-edit kills after which the edit in flight was found in the project.
    in_flight_kept: usize,
    mid_save: usize,
    before_ready: usize,
    while_waiting: usize,
    torn_tails: usize,
    set_aside: usize,
    temp_cleaned: usize,
}

/// What one round did before the kill.
struct Round {
    kill: Kill,
    acked: usize,
    saves: usize,
    in_flight: bool,
}

fn send(stdin: &mut ChildStdin, line: &str) -> Result<(), String> {
    writeln!(stdin, "{line}")
        .and_then(|()| stdin.flush())
        .map_err(|e| format!("cannot send {line} to the child: {e}"))
}

/// The next protocol line (`READY`, `ACK`, `SAVED`), skipping the test harness's own output.
fn expect(lines: &Receiver<String>, word: &str) -> Result<String, String> {
    let deadline = Instant::now() + LINE_TIMEOUT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => {
                let line = line.trim().to_string();
                if line.starts_with("READY") || line.starts_with("ACK") || line == "SAVED" {
                    return if line.starts_with(word) {
                        Ok(line)
                    } else {
                        Err(format!("expected {word}, the child said {line:?}"))
                    };
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                return Err(format!("no {word} within {LINE_TIMEOUT:?}"));
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(format!("the child's output ended before {word}"));
            }
        }
    }
}

fn sleep_micros(us: u64) {
    std::thread::sleep(Duration::from_micros(us));
}

/// Run one child on `path` and kill it. `present` spans are in the project when it starts.
fn run_child(path: &Path, rng: &mut Rng, present: usize) -> Result<Round, String> {
    let kill = match rng.below(11) {
        0 => Kill::BeforeReady,
        1..=4 => Kill::AfterAck,
        5..=7 => Kill::MidEdit,
        8 | 9 => Kill::MidSave,
        _ => Kill::WhileWaiting,
    };
    // Held by the parent for the whole round, so the child can only wait.
    let held = if kill == Kill::WhileWaiting {
        Some(Session::open(path).map_err(|e| format!("the parent cannot open: {e}"))?)
    } else {
        None
    };
    let edits = rng.below(MAX_EDITS_PER_ROUND + 1) as usize;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = Process::new(exe)
        .args([
            CHILD_TEST,
            "--exact",
            "--nocapture",
            "--test-threads=1",
            "-q",
        ])
        .env(CHILD_ENV, path)
        .env("GLOSS_LOCK_WAIT", "60")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the child: {e}"))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let (tx, lines) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });

    let mut round = Round {
        kill,
        acked: 0,
        saves: 0,
        in_flight: false,
    };
    let mut talk = || -> Result<(), String> {
        if kill == Kill::BeforeReady {
            sleep_micros(rng.below(30_000));
            return Ok(());
        }
        if kill == Kill::WhileWaiting {
            // The test harness's own lines may come; READY must not.
            let until = Instant::now() + Duration::from_micros(rng.below(60_000) + 1);
            while let Some(left) = until.checked_duration_since(Instant::now()) {
                match lines.recv_timeout(left) {
                    Ok(line) if line.starts_with("READY") => {
                        return Err(format!(
                            "the child opened the project ({line}) while the parent held its lock"
                        ));
                    }
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
            return Ok(());
        }
        let ready = expect(&lines, "READY")?;
        if ready != format!("READY {present}") {
            return Err(format!(
                "the child opened the project at {ready:?}, expected {present} spans"
            ));
        }
        for i in 1..=edits {
            if rng.below(6) == 0 {
                send(&mut stdin, "SAVE")?;
                expect(&lines, "SAVED")?;
                round.saves += 1;
            }
            send(&mut stdin, "GO")?;
            let ack = expect(&lines, "ACK")?;
            if ack != format!("ACK {i}") {
                return Err(format!("expected ACK {i}, got {ack:?}"));
            }
            round.acked = i;
        }
        match kill {
            Kill::MidEdit => {
                send(&mut stdin, "GO")?;
                round.in_flight = true;
                // An edit takes well under a millisecond here (append + fsync): kill at once
                // half the time, else within a few hundred microseconds.
                if rng.below(2) == 0 {
                    sleep_micros(rng.below(600));
                }
            }
            Kill::MidSave => {
                send(&mut stdin, "SAVE")?;
                if rng.below(2) == 0 {
                    sleep_micros(rng.below(2_000));
                }
            }
            Kill::BeforeReady | Kill::AfterAck | Kill::WhileWaiting => {}
        }
        Ok(())
    };
    let talked = talk();
    // SIGKILL on Unix. Harmless if the child has already died.
    let _ = child.kill();
    let status = child
        .wait()
        .map_err(|e| format!("cannot wait for the child: {e}"))?;
    drop(stdin);
    let _ = reader.join();
    let errors = errors.join().unwrap_or_default();
    drop(held);
    let died_on_its_own = status.signal() != Some(SIGKILL);
    match talked {
        Err(e) => Err(format!("{e} (child {status}; stderr: {errors})")),
        Ok(()) if died_on_its_own => Err(format!(
            "the child was not killed but ended with {status}; stderr: {errors}"
        )),
        Ok(()) => Ok(round),
    }
}

/// Reopen after a kill and check the spans. Returns how many spans the project now has.
fn check_recovery(
    path: &Path,
    text: &str,
    present: usize,
    round: &Round,
    stats: &mut Stats,
) -> Result<usize, String> {
    let mut s = Session::open(path).map_err(|e| format!("cannot reopen: {e}"))?;
    let notices = s.take_notices();
    for n in &notices {
        let expected = n.starts_with("Recovered ")
            || (n.contains("only half written") && round.in_flight)
            || (n.contains("belongs to another version") && round.kill == Kill::MidSave)
            // A child killed while opening may be writing its fresh journal (atomically, so
            // through a temporary file) before it says READY.
            || (n.contains("left by an interrupted save")
                && matches!(round.kill, Kill::MidSave | Kill::BeforeReady));
        if !expected {
            return Err(format!(
                "unexpected notice after a {:?} kill: {n}",
                round.kill
            ));
        }
        stats.torn_tails += usize::from(n.contains("only half written"));
        stats.set_aside += usize::from(n.contains("belongs to another version"));
        stats.temp_cleaned += usize::from(n.contains("left by an interrupted save"));
    }
    let problems = validate(&s.project);
    if !problems.is_empty() {
        return Err(format!("the recovered project is invalid: {problems:?}"));
    }
    let doc = s.project.document(DOC).ok_or("the document is gone")?;
    if *doc.text != *text || s.project.documents.len() != 1 {
        return Err("the document's text or the document list changed".into());
    }
    let ranges: Vec<(usize, usize)> = doc.spans.iter().map(|s| (s.start, s.end)).collect();
    let acked = present + round.acked;
    let allowed = acked + usize::from(round.in_flight);
    let contiguous = ranges.iter().enumerate().all(|(i, &r)| r == (i, i + 1));
    if !contiguous || ranges.len() < acked || ranges.len() > allowed {
        let shown: Vec<_> = ranges
            .iter()
            .take(5)
            .chain(ranges.iter().rev().take(5).rev())
            .collect();
        return Err(format!(
            "after a {:?} kill with {} acknowledged edits ({acked} spans expected{}), the project has {} spans: {shown:?}…; notices: {notices:?}",
            round.kill,
            round.acked,
            if round.in_flight {
                ", one more allowed"
            } else {
                ""
            },
            ranges.len(),
        ));
    }
    if round.in_flight && ranges.len() == allowed {
        stats.in_flight_kept += 1;
    }
    // Dropped without saving: the journal stays for the next child to replay.
    drop(s);
    Ok(ranges.len())
}

#[test]
fn acknowledged_edits_survive_sigkill() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return; // the child runs `crash_child` only, but be safe
    }
    let started = Instant::now();
    // The parent sometimes holds the project while a child starts: as a command, so the
    // child waits for it instead of refusing at once.
    gloss::io::lock::set_role("crash parent");
    let seed = seed();
    let mut rng = Rng(seed);
    let rounds: usize = std::env::var(ROUNDS_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(ROUNDS);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.ron");
    let text = wire_text(rounds);
    let mut project = Project::new("crash");
    project.insert_document(Document::new(DOC, "wire", text.as_str()));
    project_file::save(&path, &project).unwrap();

    let mut present = 0;
    let mut stats = Stats::default();
    let mut failures = Vec::new();
    for round_no in 0..rounds {
        let outcome = run_child(&path, &mut rng, present).and_then(|round| {
            stats.acks += round.acked;
            stats.saves += round.saves;
            match round.kill {
                Kill::BeforeReady => stats.before_ready += 1,
                Kill::MidEdit => stats.mid_edit += 1,
                Kill::MidSave => stats.mid_save += 1,
                Kill::WhileWaiting => stats.while_waiting += 1,
                Kill::AfterAck => {}
            }
            check_recovery(&path, &text, present, &round, &mut stats)
        });
        match outcome {
            Ok(now) => present = now,
            Err(e) => {
                failures.push(format!("round {round_no}: {e}"));
                // Carry on from whatever is on disk now.
                match Session::open(&path) {
                    Ok(s) => present = next_offset(&s.project),
                    Err(e) => {
                        failures.push(format!("round {round_no}: cannot reopen at all: {e}"));
                        break;
                    }
                }
            }
        }
    }
    let summary = format!(
        "{rounds} rounds, {} failed (seed {seed}; rerun with {SEED_ENV}={seed}); {present} spans at the end, {} ACKs, {} saves; kills: {} before ready, {} while waiting for the lock, {} mid-edit ({} kept the edit in flight), {} mid-save; {} torn journal tails, {} journals set aside, {} interrupted saves' temporary files removed; {:.1?}",
        failures.len(),
        stats.acks,
        stats.saves,
        stats.before_ready,
        stats.while_waiting,
        stats.mid_edit,
        stats.in_flight_kept,
        stats.mid_save,
        stats.torn_tails,
        stats.set_aside,
        stats.temp_cleaned,
        started.elapsed(),
    );
    eprintln!("{summary}");
    assert!(failures.is_empty(), "{summary}\n{}", failures.join("\n"));
    assert!(stats.acks > 0, "no edit was ever acknowledged: {summary}");
}
