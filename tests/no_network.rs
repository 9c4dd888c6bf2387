//! Gloss never talks to a network: no crate that opens network connections may be linked
//! into the app. Checked on the real dependency graph with `cargo tree`.

use std::process::Command;

/// Crates that exist to make network connections (HTTP clients and servers, TLS, async
/// sockets). Local IPC (D-Bus for file dialogs and screen readers) is not network access.
const NETWORKING: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "h3",
    "quinn",
    "rustls",
    "native-tls",
    "openssl",
    "tokio-rustls",
    "hyper-util",
    "tungstenite",
    "websocket",
    "ws",
    "mio",
    "socket2",
    "trust-dns-resolver",
    "hickory-resolver",
];

#[test]
fn no_networking_crate_is_linked() {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree", "-e", "normal", "--prefix", "none", "--target", "all",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    let crates: std::collections::BTreeSet<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        crates.contains("eframe"),
        "the tree is the app's: {crates:?}"
    );
    let linked: Vec<&&str> = NETWORKING.iter().filter(|c| crates.contains(**c)).collect();
    assert!(linked.is_empty(), "networking crates linked: {linked:?}");
}
