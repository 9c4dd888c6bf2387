//! Running an engine outside Gloss: a child process that is fed documents on its standard input
//! while its standard output and standard error are read — each pipe on its own thread, so an
//! engine that answers before it has read everything (or a 10 MB document that fills every pipe
//! buffer) can never deadlock against Gloss.
//!
//! What this promises:
//! - a program that cannot be started is one line naming it ("not found", "not executable");
//! - the engine is stopped — killed with every process it started, and waited for, so no
//!   zombie is left — when the caller cancels, or when it goes longer than its timeout without
//!   reading a document or writing a line (so a slow engine making progress on a thousand
//!   documents is never cut short, and a hung one always is);
//! - an engine that exits with an error is reported with its exit status and the end of what
//!   it wrote on standard error;
//! - output lines reach the caller as they come, numbered from 1; a line longer than
//!   [`MAX_LINE`] is cut there (it is garbage, and the caller reports it).
//!
//! What the lines mean is `matcher::external`'s business.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest output line kept whole.
pub const MAX_LINE: usize = 64 * 1024 * 1024;

/// How much of the end of standard error is kept for the report.
const STDERR_TAIL: usize = 16 * 1024;

/// How often the waiting thread looks at the cancel flag and the clock.
const TICK: Duration = Duration::from_millis(25);

/// How to start one engine.
#[derive(Clone, Debug)]
pub struct Spec<'a> {
    /// Its name, for messages.
    pub name: &'a str,
    pub command: &'a str,
    pub args: &'a [String],
    /// The folder it runs in (relative paths in its arguments are read from there).
    pub dir: Option<&'a Path>,
    /// How long it may go without reading a document or writing a line.
    pub timeout: Duration,
}

/// How far a run is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Input items written whole to the engine.
    pub written: usize,
    /// Output lines read.
    pub lines: usize,
}

/// A run that ended well: the engine exited with status 0.
#[derive(Clone, Debug, Default)]
pub struct Finished {
    /// The end of what it wrote on standard error (warnings, progress).
    pub stderr: String,
    pub lines: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(
        "engine {name}: cannot start “{command}”: no such program (install it, or give its full path)"
    )]
    NotFound { name: String, command: String },
    #[error("engine {name}: cannot start “{command}”: {source}")]
    Start {
        name: String,
        command: String,
        source: std::io::Error,
    },
    #[error(
        "engine {name}: stopped after {secs} s without reading a document or writing a line (its timeout)"
    )]
    Timeout {
        name: String,
        secs: u64,
        stderr: String,
    },
    #[error("engine {name}: cancelled")]
    Cancelled { name: String },
    #[error("engine {name} failed ({status}){}", last_line(stderr))]
    Failed {
        name: String,
        status: String,
        stderr: String,
    },
}

impl EngineError {
    /// What the engine wrote on standard error before it failed (its end), if anything.
    pub fn stderr(&self) -> &str {
        match self {
            EngineError::Timeout { stderr, .. } | EngineError::Failed { stderr, .. } => stderr,
            _ => "",
        }
    }
}

/// ": the last line of stderr", or nothing.
fn last_line(stderr: &str) -> String {
    stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| format!(": {}", l.trim()))
        .unwrap_or_default()
}

/// The child, killed and waited for if the run ends any other way than by its exit.
struct Guard {
    child: Child,
    done: bool,
}

impl Guard {
    /// Kill the child and every process it started (its process group), then reap it.
    fn kill(&mut self) {
        if self.done {
            return;
        }
        #[cfg(unix)]
        if let Ok(pid) = i32::try_from(self.child.id()) {
            // SAFETY: kill(2) touches no memory of ours. The child leads its own process group
            // (`process_group(0)` at spawn) and is not reaped yet, so the group id is still
            // its own and cannot name another process.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.done = true;
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The time of the last sign of life, in milliseconds since the run began.
#[derive(Clone)]
struct Activity {
    start: Instant,
    last: Arc<AtomicU64>,
}

impl Activity {
    fn touch(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last.fetch_max(ms, Ordering::Relaxed);
    }

    fn idle(&self) -> Duration {
        let now = self.start.elapsed();
        now.saturating_sub(Duration::from_millis(self.last.load(Ordering::Relaxed)))
    }
}

/// Run the engine: write every `input` item to its standard input (then close it), hand each
/// output line to `on_line` with its number, and report `progress` as it changes. Returns when
/// the engine has exited and its output is read.
pub fn run<I>(
    spec: &Spec,
    input: I,
    cancel: &AtomicBool,
    mut on_line: impl FnMut(usize, &[u8]),
    mut progress: impl FnMut(Progress),
) -> Result<Finished, EngineError>
where
    I: IntoIterator<Item = Vec<u8>>,
    I::IntoIter: Send + 'static,
{
    let mut command = Command::new(spec.command);
    command
        .args(spec.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = spec.dir {
        command.current_dir(dir);
    }
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let child = command.spawn().map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => EngineError::NotFound {
            name: spec.name.to_string(),
            command: spec.command.to_string(),
        },
        _ => EngineError::Start {
            name: spec.name.to_string(),
            command: spec.command.to_string(),
            source,
        },
    })?;
    let mut guard = Guard { child, done: false };
    let activity = Activity {
        start: Instant::now(),
        last: Arc::new(AtomicU64::new(0)),
    };
    let written = Arc::new(AtomicUsize::new(0));

    // The pipes' threads are not joined: should a process the engine started escape the kill
    // and hold a pipe open, its thread waits for that process, not Gloss.
    if let Some(stdin) = guard.child.stdin.take() {
        let (written, activity) = (written.clone(), activity.clone());
        let input = input.into_iter();
        spawn("engine stdin", move || {
            write_all(stdin, input, &written, &activity)
        });
    }
    let (tx, lines) = sync_channel::<Vec<u8>>(256);
    if let Some(stdout) = guard.child.stdout.take() {
        let activity = activity.clone();
        spawn("engine stdout", move || {
            read_lines(stdout, |line| {
                activity.touch();
                tx.send(line).is_ok()
            })
        });
    }
    let tail = Arc::new(Mutex::new(Vec::<u8>::new()));
    let stderr_done = Arc::new(AtomicBool::new(false));
    if let Some(mut stderr) = guard.child.stderr.take() {
        let (tail, done, activity) = (tail.clone(), stderr_done.clone(), activity.clone());
        spawn("engine stderr", move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                activity.touch();
                let mut t = tail.lock().unwrap_or_else(|e| e.into_inner());
                t.extend_from_slice(&buf[..n]);
                if t.len() > 2 * STDERR_TAIL {
                    let cut = t.len() - STDERR_TAIL;
                    t.drain(..cut);
                }
            }
            done.store(true, Ordering::Release);
        });
    } else {
        stderr_done.store(true, Ordering::Release);
    }
    let stderr_text = || {
        let t = tail.lock().unwrap_or_else(|e| e.into_inner());
        let from = t.len().saturating_sub(STDERR_TAIL);
        let text = String::from_utf8_lossy(&t[from..]).into_owned();
        if from > 0 { format!("…{text}") } else { text }
    };

    let mut count = 0usize;
    let mut shown = Progress::default();
    let watch = |guard: &mut Guard, count: usize, shown: &mut Progress| {
        let now = Progress {
            written: written.load(Ordering::Relaxed),
            lines: count,
        };
        if now != *shown {
            *shown = now;
            progress(now);
        }
        if cancel.load(Ordering::Relaxed) {
            guard.kill();
            return Err(EngineError::Cancelled {
                name: spec.name.to_string(),
            });
        }
        if activity.idle() > spec.timeout {
            guard.kill();
            return Err(EngineError::Timeout {
                name: spec.name.to_string(),
                secs: spec.timeout.as_secs(),
                stderr: stderr_text(),
            });
        }
        Ok(())
    };
    let mut watch = watch;
    loop {
        match next_line(&lines) {
            Ok(line) => {
                count += 1;
                on_line(count, &line);
                // Lines already waiting are taken before the clock is looked at again.
                if !count.is_multiple_of(64) {
                    continue;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        watch(&mut guard, count, &mut shown)?;
    }
    let status = loop {
        match guard.child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {
                watch(&mut guard, count, &mut shown)?;
                std::thread::sleep(TICK);
            }
            Err(_) => {
                guard.kill();
                break guard.child.wait().unwrap_or_default();
            }
        }
    };
    guard.done = true;
    watch(&mut guard, count, &mut shown).or_else(|e| match e {
        // It had finished already: what it wrote stands.
        EngineError::Cancelled { .. } | EngineError::Timeout { .. } => Ok(()),
        other => Err(other),
    })?;
    // Standard error closes when the engine (and whatever it started) is gone: wait a moment
    // for its last words.
    let until = Instant::now() + Duration::from_secs(2);
    while !stderr_done.load(Ordering::Acquire) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(5));
    }
    let stderr = stderr_text();
    if status.success() {
        Ok(Finished {
            stderr,
            lines: count,
        })
    } else {
        Err(EngineError::Failed {
            name: spec.name.to_string(),
            status: describe(status),
            stderr,
        })
    }
}

fn next_line(lines: &Receiver<Vec<u8>>) -> Result<Vec<u8>, RecvTimeoutError> {
    lines.recv_timeout(TICK)
}

fn spawn(name: &str, f: impl FnOnce() + Send + 'static) {
    // Without the thread the engine's pipe stays unread or unfed, and its timeout reports it.
    let _ = std::thread::Builder::new().name(name.into()).spawn(f);
}

/// Feed the engine; a closed pipe (the engine stopped reading, or exited) ends it quietly:
/// the exit status tells what happened.
fn write_all(
    stdin: std::process::ChildStdin,
    input: impl Iterator<Item = Vec<u8>>,
    written: &AtomicUsize,
    activity: &Activity,
) {
    let mut stdin = std::io::BufWriter::with_capacity(64 * 1024, stdin);
    for item in input {
        if stdin.write_all(&item).is_err() {
            return;
        }
        // A document counts as given once the engine could read all of it.
        if stdin.flush().is_err() {
            return;
        }
        written.fetch_add(1, Ordering::Relaxed);
        activity.touch();
    }
    let _ = stdin.flush();
}

/// Read lines (without their ending) until the pipe closes or `send` says stop; a line longer
/// than [`MAX_LINE`] is cut there and the rest of it skipped.
fn read_lines(stdout: ChildStdout, mut send: impl FnMut(Vec<u8>) -> bool) {
    let mut reader = BufReader::with_capacity(64 * 1024, stdout);
    let mut line = Vec::new();
    let mut cut = false;
    loop {
        let (done, used) = match reader.fill_buf() {
            Ok([]) => break,
            Ok(buf) => match memchr::memchr(b'\n', buf) {
                Some(i) => {
                    if !cut {
                        let room = MAX_LINE.saturating_sub(line.len());
                        line.extend_from_slice(&buf[..i.min(room)]);
                    }
                    (true, i + 1)
                }
                None => {
                    let room = MAX_LINE.saturating_sub(line.len());
                    if !cut {
                        line.extend_from_slice(&buf[..buf.len().min(room)]);
                        cut = buf.len() > room;
                    }
                    (false, buf.len())
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        reader.consume(used);
        if done {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            if !send(std::mem::take(&mut line)) {
                return;
            }
            cut = false;
        }
    }
    if !line.is_empty() {
        send(line);
    }
}

/// "exit status 3", "killed by signal 9".
fn describe(status: ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("killed by signal {sig}");
        }
    }
    match status.code() {
        Some(c) => format!("exit status {c}"),
        None => status.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec<'a>(command: &'a str, args: &'a [String]) -> Spec<'a> {
        Spec {
            name: "t",
            command,
            args,
            dir: None,
            timeout: Duration::from_secs(20),
        }
    }

    fn sh(script: &str) -> Vec<String> {
        vec!["-c".into(), script.into()]
    }

    fn lines_of(
        command: &str,
        args: &[String],
        input: Vec<Vec<u8>>,
    ) -> (Vec<String>, Result<Finished, EngineError>) {
        let mut got = Vec::new();
        let r = run(
            &spec(command, args),
            input,
            &AtomicBool::new(false),
            |n, l| got.push(format!("{n}:{}", String::from_utf8_lossy(l))),
            |_| {},
        );
        (got, r)
    }

    #[test]
    fn lines_come_back_numbered_while_input_is_written() {
        let input = vec![b"a\n".to_vec(), b"b\r\n".to_vec(), b"c".to_vec()];
        let (got, r) = lines_of("cat", &[], input);
        assert_eq!(got, ["1:a", "2:b", "3:c"]);
        assert_eq!(r.unwrap().lines, 3);
    }

    #[test]
    fn a_missing_program_is_named() {
        let (_, r) = lines_of("gloss-no-such-engine", &[], Vec::new());
        let e = r.unwrap_err();
        assert!(matches!(e, EngineError::NotFound { .. }), "{e:?}");
        assert!(
            e.to_string()
                .contains("“gloss-no-such-engine”: no such program"),
            "{e}"
        );
    }

    #[test]
    fn a_failure_carries_its_status_and_stderr() {
        let (_, r) = lines_of(
            "sh",
            &sh("echo starting >&2; echo 'bad model' >&2; exit 3"),
            Vec::new(),
        );
        let e = r.unwrap_err();
        assert_eq!(e.to_string(), "engine t failed (exit status 3): bad model");
        assert_eq!(e.stderr(), "starting\nbad model\n");
    }

    #[test]
    fn cancelling_kills_the_engine() {
        let cancel = AtomicBool::new(false);
        let started = Instant::now();
        let r = std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(Duration::from_millis(200));
                cancel.store(true, Ordering::Relaxed);
            });
            run(
                &spec("sh", &sh("sleep 30")),
                Vec::new(),
                &cancel,
                |_, _| {},
                |_| {},
            )
        });
        assert!(matches!(r, Err(EngineError::Cancelled { .. })), "{r:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
