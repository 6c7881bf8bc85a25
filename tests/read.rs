//! Reading real files: encodings, line ends, date headers, JSONL errors,
//! directory order, binary and missing inputs, stdin, and arbitrary bytes.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use nergraph::read::{decode_bytes, split_date_header, Document, Input, Inputs};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read_all(inputs: &[&Path]) -> Vec<Result<Document, nergraph::Error>> {
    Inputs::new(inputs.iter().map(|p| Input::Path(p.to_path_buf()))).collect()
}

fn read_one(path: &Path) -> Document {
    let mut all = read_all(&[path]);
    assert_eq!(all.len(), 1);
    all.remove(0).unwrap()
}

#[test]
fn utf8_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.txt",
        b"\xEF\xBB\xBFErste Zeile.\r\nZweite Zeile.\r\n",
    );
    let doc = read_one(&path);
    assert_eq!(doc.text, "Erste Zeile.\nZweite Zeile.\n");
    assert!(doc.warnings.is_empty());
    assert_eq!(doc.id, path.display().to_string());
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "alt.txt",
        b"Gr\xFC\xDFe aus K\xF6ln: Die B\xFCrgermeisterin \xE4u\xDFerte sich \x84zufrieden\x93.\r\n",
    );
    let doc = read_one(&path);
    assert_eq!(
        doc.text,
        "Grüße aus Köln: Die Bürgermeisterin äußerte sich „zufrieden“.\n"
    );
    assert_eq!(doc.warnings.len(), 1);
    assert!(
        doc.warnings[0].contains("windows-1252"),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn binary_file_is_an_error_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"\x00\x01\x02\x03binary\x00\xFF\xFE");
    write(dir.path(), "b.txt", b"Ein Text.");
    let all = read_all(&[dir.path()]);
    assert_eq!(all.len(), 2);
    let err = all[0].as_ref().unwrap_err();
    assert!(err.to_string().contains("a.txt"), "{}", err);
    assert!(err.to_string().contains("binary"), "{}", err);
    assert_eq!(all[1].as_ref().unwrap().text, "Ein Text.");
}

#[test]
fn missing_file_is_an_error_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("fehlt.txt");
    let good = write(dir.path(), "da.txt", b"Da.");
    let all = read_all(&[&missing, &good]);
    assert_eq!(all.len(), 2);
    let err = all[0].as_ref().unwrap_err();
    assert_eq!(err.path(), Some(missing.as_path()));
    assert_eq!(all[1].as_ref().unwrap().text, "Da.");
}

#[test]
fn date_header_inline_and_on_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let inline = write(
        dir.path(),
        "a.txt",
        b" date 2022-01 Tokajew habe Putin gedankt.",
    );
    let own_line = write(dir.path(), "b.txt", b"date 2022-01-07\r\n\r\nErster Satz.");
    let none = write(dir.path(), "c.txt", b"Kein date 2022-01 am Anfang.");
    let doc = read_one(&inline);
    assert_eq!(doc.date.as_deref(), Some("2022-01"));
    assert_eq!(doc.text, "Tokajew habe Putin gedankt.");
    let doc = read_one(&own_line);
    assert_eq!(doc.date.as_deref(), Some("2022-01-07"));
    assert_eq!(doc.text, "Erster Satz.");
    let doc = read_one(&none);
    assert_eq!(doc.date, None);
    assert_eq!(doc.text, "Kein date 2022-01 am Anfang.");
}

#[test]
fn sample_article_header_is_removed() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/kasachstan-2022-01.txt");
    let doc = read_one(&path);
    assert_eq!(doc.date.as_deref(), Some("2022-01"));
    assert!(doc.text.starts_with("Tokajew habe Putin"));
}

#[test]
fn jsonl_documents_and_errors_with_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "news.jsonl",
        concat!(
            "{\"id\": \"n1\", \"text\": \"Erster Text.\", \"date\": \"2016-05-14T23:06:43Z\", \"title\": \"Titel\", \"entities\": []}\n",
            "{\"id\": \"n2\", \"text\": \"kaputt\n",
            "\n",
            "   \n",
            "[1, 2]\n",
            "{\"id\": \"n3\", \"text\": \"Dritter Text.\"}\n",
        )
        .as_bytes(),
    );
    let all = read_all(&[&path]);
    assert_eq!(all.len(), 4);
    let d = all[0].as_ref().unwrap();
    assert_eq!((d.id.as_str(), d.text.as_str()), ("n1", "Erster Text."));
    assert_eq!(d.date.as_deref(), Some("2016-05-14"));
    assert_eq!(d.title.as_deref(), Some("Titel"));
    let e = all[1].as_ref().unwrap_err();
    assert_eq!((e.path(), e.line()), (Some(path.as_path()), Some(2)));
    assert!(e.to_string().contains("news.jsonl:2:"), "{}", e);
    let e = all[2].as_ref().unwrap_err();
    assert_eq!(e.line(), Some(5));
    assert_eq!(all[3].as_ref().unwrap().id, "n3");
}

#[test]
fn directories_are_walked_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.txt", b"B.");
    write(root, "a/c.txt", b"C.");
    write(root, "a/b/d.jsonl", b"{\"id\": \"d\", \"text\": \"D.\"}\n");
    write(root, "a/a.TXT", b"A.");
    write(root, "z.md", b"nicht gelesen");
    write(root, ".versteckt.txt", b"nicht gelesen");
    write(root, ".git/x.txt", b"nicht gelesen");
    let texts: Vec<String> = read_all(&[root])
        .into_iter()
        .map(|d| d.unwrap().text)
        .collect();
    assert_eq!(texts, ["A.", "D.", "C.", "B."]);
}

/// Runs `nergraph entities -` with `input` on stdin; returns success and stderr.
fn entities_from_stdin(input: &[u8]) -> (bool, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_nergraph"))
        .args(["entities", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn stdin_plain_text_and_jsonl() {
    let (ok, stderr) = entities_from_stdin(b"Die Regierung in Frankreich tagte.");
    assert!(ok && stderr.is_empty(), "{}", stderr);
    let (ok, stderr) = entities_from_stdin(b"Die Stadt K\xF6ln.");
    assert!(
        ok && stderr.contains("<stdin>") && stderr.contains("windows-1252"),
        "{}",
        stderr
    );
    let (ok, stderr) = entities_from_stdin(b"\x00\x01binary");
    assert!(!ok && stderr.contains("<stdin>"), "{}", stderr);
    let (ok, stderr) =
        entities_from_stdin(b"\n{\"id\": \"s1\", \"text\": \"Ein Text.\"}\n{\"id\": \"s2\"}\n");
    assert!(!ok && stderr.contains("<stdin>:3:"), "{}", stderr);
}

#[test]
fn cli_names_the_file_in_warnings_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "alt.txt",
        b"Die Stadt K\xF6ln liegt in Deutschland.",
    );
    write(dir.path(), "kaputt.jsonl", b"{\"id\": 1}\n{nope\n");
    let out = Command::new(env!("CARGO_BIN_EXE_nergraph"))
        .args(["entities", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("alt.txt") && stderr.contains("windows-1252"),
        "{}",
        stderr
    );
    assert!(stderr.contains("kaputt.jsonl:1:"), "{}", stderr);
    assert!(stderr.contains("kaputt.jsonl:2:"), "{}", stderr);
}

/// xorshift64*: deterministic pseudo-random bytes.
fn random_bytes(state: &mut u64, len: usize, alphabet: &[u8]) -> Vec<u8> {
    (0..len)
        .map(|_| {
            *state ^= *state >> 12;
            *state ^= *state << 25;
            *state ^= *state >> 27;
            let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
            alphabet[(r >> 32) as usize % alphabet.len()]
        })
        .collect()
}

#[test]
fn arbitrary_bytes_never_panic() {
    let all: Vec<u8> = (0..=255).collect();
    let texty: Vec<u8> =
        b"date 2022-01-3 \r\n{}\":,.[]\xEF\xBB\xBF\xC3\xA4\xFC\xFF\xFEidtext\\u00".to_vec();
    let mut state = 0x1234_5678_9ABC_DEF1u64;
    for i in 0..2000 {
        let alphabet = if i % 2 == 0 { &all } else { &texty };
        let len = (i * 7) % 300;
        let bytes = random_bytes(&mut state, len, alphabet);
        if let Ok((text, _)) = decode_bytes(&bytes) {
            let (_, body) = split_date_header(&text);
            nergraph::segment::segment(&body);
        }
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let _ = nergraph::read::normalize_date(s);
        }
    }
    // JSONL files made of random lines.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        let bytes = random_bytes(&mut state, 400, &texty);
        write(dir.path(), &format!("r{}.jsonl", i), &bytes);
        write(dir.path(), &format!("r{}.txt", i), &bytes);
    }
    let n = read_all(&[dir.path()]).len();
    assert!(n >= 20);
}

#[test]
fn empty_file_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "leer.txt", b"\xEF\xBB\xBF \r\n");
    let doc = read_one(&path);
    assert_eq!(doc.warnings, ["no text"]);
    assert!(nergraph::segment::segment(&doc.text).is_empty());
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_directory_are_reported_and_the_rest_is_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = write(dir.path(), "a.txt", b"Geheim.");
    write(dir.path(), "b/c.txt", b"Versteckt.");
    write(dir.path(), "d.txt", b"Offen.");
    let locked_dir = dir.path().join("b");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&locked_dir, std::fs::Permissions::from_mode(0o000)).unwrap();
    let denied = std::fs::read(&locked).is_err() && std::fs::read_dir(&locked_dir).is_err();
    let all = read_all(&[dir.path()]);
    std::fs::set_permissions(&locked_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    if !denied {
        // Running with privileges that ignore permissions: nothing to test.
        return;
    }
    let errors: Vec<String> = all
        .iter()
        .filter_map(|r| r.as_ref().err().map(|e| e.to_string()))
        .collect();
    assert_eq!(errors.len(), 2, "{:?}", errors);
    assert!(errors.iter().any(|e| e.contains("a.txt")), "{:?}", errors);
    assert!(errors.iter().any(|e| e.contains("b")), "{:?}", errors);
    let texts: Vec<&str> = all
        .iter()
        .filter_map(|r| r.as_ref().ok().map(|d| d.text.as_str()))
        .collect();
    assert_eq!(texts, ["Offen."]);
}

#[test]
fn an_archive_in_one_file_is_read_in_parts_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let article = "Die Bank in Frankfurt meldete Gewinne.\nMehr dazu morgen.\n\n";
    let copies = nergraph::read::PART_BYTES * 5 / 2 / article.len();
    let big = write(dir.path(), "a.txt", article.repeat(copies).as_bytes());
    let small = write(dir.path(), "b.txt", b"Kurz.");
    let docs: Vec<Document> = read_all(&[&big, &small])
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        docs.len(),
        4,
        "{:?}",
        docs.iter().map(|d| &d.id).collect::<Vec<_>>()
    );
    let prefix = format!("{}#L", big.display());
    assert_eq!(docs[0].id, format!("{prefix}1"));
    let mut line = 1;
    for d in &docs[..3] {
        assert_eq!(d.id, format!("{prefix}{line}"));
        assert!(d.text.len() <= nergraph::read::PART_BYTES);
        line += d.text.matches('\n').count();
    }
    assert_eq!(docs[3].id, small.display().to_string());
    let joined: String = docs[..3].iter().map(|d| d.text.as_str()).collect();
    assert_eq!(joined, article.repeat(copies));
}
