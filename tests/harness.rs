//! A small harness to run the `nergraph` binary on inputs and read its outputs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Path of the repository root (where `data/` lives).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample article.
pub fn sample_article() -> PathBuf {
    repo_root().join("data/articles/kasachstan-2022-01.txt")
}

/// Run `nergraph` with `args` from the repository root.
pub fn nergraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nergraph"))
        .args(args)
        .current_dir(repo_root())
        .output()
        .expect("nergraph runs")
}

/// Run `nergraph` and assert it succeeded; returns stdout.
pub fn nergraph_ok(args: &[&str]) -> String {
    let out = nergraph(args);
    assert!(
        out.status.success(),
        "nergraph {:?} failed: {}",
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Rows of a CSV file as maps from header to value.
pub fn read_csv(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).expect("CSV opens");
    let headers = r.headers().expect("header row").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("valid CSV record");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The `[[case]]` tables of `tests/data/NAME.toml`, as `C`.
pub fn cases<C: serde::de::DeserializeOwned>(name: &str) -> Vec<C> {
    #[derive(serde::Deserialize)]
    struct Cases<C> {
        case: Vec<C>,
    }
    let path = repo_root()
        .join("tests/data")
        .join(format!("{}.toml", name));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
    let cases: Cases<C> =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
    assert!(!cases.case.is_empty(), "{}: no [[case]]", path.display());
    cases.case
}
