//! Threads that work behind the window (the matcher, the model's learner) run at a lower
//! priority than the window's own thread, so that on a machine whose cores they keep busy the
//! window still gets a core the moment it has a frame to draw.

/// Lower the calling thread's priority (and that of threads it starts, which inherit it) by a
/// few nice steps. Linux only (there a nice value belongs to a thread); elsewhere nothing.
/// Failing (a sandbox that forbids it) only leaves the priority as it was.
pub fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: gettid and setpriority take and return plain integers; no memory is shared.
        unsafe {
            let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
            let _ = libc::setpriority(libc::PRIO_PROCESS, tid, 10);
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn only_the_calling_thread_is_lowered() {
        // SAFETY: as above, integers only.
        let nice = || unsafe {
            let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
            libc::getpriority(libc::PRIO_PROCESS, tid)
        };
        let before = nice();
        let lowered = std::thread::spawn(move || {
            super::lower_priority();
            nice()
        })
        .join()
        .unwrap();
        assert!(lowered > before, "{lowered} > {before}");
        assert_eq!(nice(), before, "the test's own thread keeps its priority");
    }
}
