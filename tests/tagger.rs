//! The learned tagger: training is deterministic, a saved model predicts
//! exactly what the trained one does, and the model beats lists and patterns
//! alone on a small synthetic corpus whose test names never occur in training.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use nergraph::eval::training::{parse_training_set, WeightedDoc, TRAINING_SET};
use nergraph::eval::{self, training, GoldDoc};
use nergraph::pipeline::{Pipeline, PipelineOptions};
use nergraph::recognize::tagger::features::WordClasses;
use nergraph::recognize::tagger::train::{train, TrainOptions};
use nergraph::recognize::tagger::{Model, Tagger};
use nergraph::recognize::{EntityType, RecognizerOptions};
use nergraph::segment::segment;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/tagger")
        .join(name)
}

fn pipeline(no_model: bool, model_path: Option<PathBuf>) -> Pipeline {
    Pipeline::new(&PipelineOptions {
        recognizer: RecognizerOptions {
            no_model,
            model_path,
            // as the command line sets it
            listed_first_names: no_model,
        },
        ..Default::default()
    })
    .unwrap()
}

/// Lists and patterns alone (building a pipeline is slow in debug builds).
fn lists() -> &'static Pipeline {
    static LISTS: OnceLock<Pipeline> = OnceLock::new();
    LISTS.get_or_init(|| pipeline(true, None))
}

/// The model trained on the fixture, trained once per test run.
fn trained() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(small_model)
}

/// The training fixture, with the given types skipped.
fn fixture_docs(skip: &[EntityType]) -> Vec<WeightedDoc> {
    eval::read_corpus(&fixture("train.conll"), None)
        .unwrap()
        .into_iter()
        .map(|doc| WeightedDoc {
            doc,
            weight: 1,
            skip: skip.to_vec(),
        })
        .collect()
}

fn small_model() -> Model {
    model_skipping(&[])
}

fn model_skipping(skip: &[EntityType]) -> Model {
    let lists = lists();
    let docs = training::to_train_docs(lists, &fixture_docs(skip));
    let classes = WordClasses::parse("Vorstand\tnoun\nSprecher\tnoun\n", "classes.tsv").unwrap();
    let options = TrainOptions {
        bits: 16,
        epochs: 6,
        seed: 7,
        runs: 2,
    };
    train(&docs, &classes, options, |_, _| {})
}

#[test]
fn training_is_deterministic_and_save_load_keeps_predictions() {
    let model = trained().clone();
    assert_eq!(model.to_bytes(), small_model().to_bytes());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tagger.bin");
    training::write_model(&model, &path).unwrap();
    let loaded = Tagger::load(&path).unwrap();
    let trained = Tagger::from_model(model);
    assert_eq!(&loaded, &trained);

    let lists = lists();
    let test = eval::read_corpus(&fixture("test.conll"), None).unwrap();
    let mut found = 0;
    for doc in &test {
        let sentences = segment(&doc.text);
        let (gaz, pat) = lists.recognizer().find_lists(&doc.text, &sentences);
        let a = trained.tag(&doc.text, &sentences, &gaz, &pat.mentions);
        let b = loaded.tag(&doc.text, &sentences, &gaz, &pat.mentions);
        assert_eq!(a, b);
        found += a.len();
    }
    assert!(found > 0, "the trained model finds nothing");
}

#[test]
fn model_improves_f1_over_lists_and_patterns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tagger.bin");
    training::write_model(trained(), &path).unwrap();
    let test = eval::read_corpus(&fixture("test.conll"), None).unwrap();
    let without = eval::evaluate(lists(), &test).micro().scores();
    let with = eval::evaluate(&pipeline(false, Some(path)), &test)
        .micro()
        .scores();
    assert!(
        with.f1 > without.f1 + 0.01,
        "model F1 {:.3} vs lists {:.3}",
        with.f1,
        without.f1
    );
}

#[test]
fn corrupt_model_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.bin");
    let mut bytes = trained().to_bytes();
    let n = bytes.len();
    bytes[n / 2] ^= 0x40;
    std::fs::write(&path, &bytes).unwrap();
    let err = Tagger::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("broken.bin") && err.contains("checksum"),
        "{}",
        err
    );
    std::fs::write(&path, b"not a model").unwrap();
    let err = Tagger::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("broken.bin") && err.contains("header"),
        "{}",
        err
    );
}

#[test]
fn builtin_model_loads() {
    assert!(Tagger::builtin().unwrap().is_some());
}

/// The tagger's own spans on `doc`.
fn tag(tagger: &Tagger, doc: &GoldDoc) -> Vec<(usize, usize, EntityType)> {
    let sentences = segment(&doc.text);
    let (gaz, pat) = lists().recognizer().find_lists(&doc.text, &sentences);
    tagger
        .tag(&doc.text, &sentences, &gaz, &pat.mentions)
        .iter()
        .map(|m| (m.start, m.end, m.etype))
        .collect()
}

#[test]
fn a_skipped_type_is_never_learned() {
    let test = eval::read_corpus(&fixture("test.conll"), None).unwrap();
    let skipping = Tagger::from_model(model_skipping(&[EntityType::Per]));
    let full = Tagger::from_model(trained().clone());
    let types = |tagger: &Tagger| -> Vec<EntityType> {
        test.iter()
            .flat_map(|d| tag(tagger, d))
            .map(|(_, _, t)| t)
            .collect()
    };
    assert!(
        types(&full).contains(&EntityType::Per),
        "the fixture teaches PER"
    );
    let skipped = types(&skipping);
    assert!(!skipped.contains(&EntityType::Per), "{:?}", skipped);
    assert!(skipped.contains(&EntityType::Org), "{:?}", skipped);
}

#[test]
fn training_set_file_parses_and_rejects_bad_lines() {
    let set = parse_training_set(TRAINING_SET, "training.tsv").unwrap();
    assert!(set.iter().any(|f| f.path.starts_with("smartdata/")));
    assert!(set.iter().all(|f| !f.path.starts_with("germeval2014/")));
    let set = parse_training_set("# c\nler/a.conll\t2\t25\tPER,LOC\n", "t.tsv").unwrap();
    assert_eq!(set[0].weight, 2);
    assert_eq!(set[0].keep_empty_one_in, 25);
    assert_eq!(set[0].skip, vec![EntityType::Per, EntityType::Loc]);
    for bad in ["a\t0\t1\t-", "a\t1\t1\tXYZ", "a\t1\t1", "a\tx\t1\t-"] {
        let err = parse_training_set(&format!("# h\n{}\n", bad), "t.tsv").unwrap_err();
        assert!(err.to_string().contains("t.tsv:2"), "{}", err);
    }
}

#[test]
fn frequent_words_never_in_a_name_are_marked_in_the_model() {
    use nergraph::recognize::tagger::features::{hash_bytes, NEVER_NAME};
    let classes = trained().classes();
    let never = |w: &str| classes.get(hash_bytes(w.as_bytes())) & NEVER_NAME != 0;
    // capitalized, frequent and always O in the fixture
    assert!(never("Montag") && never("Lage"));
    // inside names there ("Werke" ends company names), or never seen
    assert!(!never("Werke") && !never("GmbH") && !never("Zeppelin"));
    // the lexicon's own classes are kept apart from the mark
    assert_eq!(classes.get(hash_bytes(b"Vorstand")) & 1, 1);
}

#[test]
fn the_model_remembers_the_names_of_its_training_data() {
    use nergraph::recognize::tagger::features::hash_bytes;
    let memory = trained().classes().memory();
    let code = |w: &str| memory.get(hash_bytes(w.as_bytes()));
    // code = 1 + 4 * type (PER 0, ORG 1, LOC 2) + share bin; keyed lowercase
    let (per, org) = (code("oberhuber"), code("brandhorst"));
    assert_eq!((per - 1) / 4, 0, "Oberhuber is a person: code {}", per);
    assert_eq!(
        (org - 1) / 4,
        1,
        "Brandhorst is an organization: code {}",
        org
    );
    // always a name in the fixture: the top share bin
    assert_eq!((per - 1) % 4, 3);
    // capitalized but never a name, or never seen: not remembered
    assert_eq!(code("montag"), 0);
    assert_eq!(code("zeppelin"), 0);
    assert_eq!(
        code("Oberhuber"),
        0,
        "the memory is keyed by lowercase form"
    );
}

#[test]
fn streets_are_places_with_the_model_only() {
    // streets no list holds, in the words of a police report
    let text = "Ein Radfahrer stürzte am Montag in der Gubener Straße. \
                Der Wagen fuhr danach über die Karl-Liebknecht-Straße und hielt \
                an einer Einbahnstraße.";
    let sentences = segment(text);
    let found = |p: &Pipeline| -> Vec<(String, EntityType)> {
        p.recognizer()
            .recognize(text, &sentences)
            .mentions
            .iter()
            .map(|m| (text[m.start..m.end].to_string(), m.etype))
            .collect()
    };
    let with_model = found(&pipeline(false, None));
    for street in ["Gubener Straße", "Karl-Liebknecht-Straße"] {
        assert!(
            with_model.contains(&(street.to_string(), EntityType::Loc)),
            "{street} in {with_model:?}"
        );
    }
    // a common noun the word classes list is no street
    assert!(!with_model.iter().any(|(w, _)| w == "Einbahnstraße"));
    // the rule needs the model's word classes
    assert!(!found(lists()).iter().any(|(w, _)| w.ends_with("Straße")));
}

#[test]
fn names_with_particles_are_one_person_with_the_model() {
    let text = "Ursula von der Leyen reiste am Montag nach Kiew. Dort traf sie \
                Karl-Theodor zu Guttenberg. Später sagte von der Leyen, man stehe \
                fest zusammen.";
    let doc = nergraph::read::Document::new("doc".to_string(), text.to_string());
    let pipeline = pipeline(false, None);
    let a = pipeline.analyze_to(doc, nergraph::pipeline::Depth::Entities);
    let persons: Vec<(&str, &str)> = a
        .recognized
        .mentions
        .iter()
        .zip(&a.resolved.mention_entity)
        .filter(|(m, _)| m.etype == EntityType::Per)
        .map(|(m, &e)| (&text[m.start..m.end], &*a.resolved.entities[e].id))
        .collect();
    assert_eq!(
        persons,
        [
            ("Ursula von der Leyen", "per:ursula-von-der-leyen"),
            (
                "Karl-Theodor zu Guttenberg",
                "per:karl-theodor-zu-guttenberg"
            ),
            ("von der Leyen", "per:ursula-von-der-leyen"),
        ]
    );
}

#[test]
fn a_name_part_of_two_letters_is_no_common_noun_to_cut() {
    // "Xi" is listed as a noun (the Greek letter); the tagger's person
    // keeps it
    let text = "Xi Jinping empfing Li Qiang in Peking.";
    let sentences = segment(text);
    let mentions = pipeline(false, None)
        .recognizer()
        .recognize(text, &sentences)
        .mentions;
    let persons: Vec<&str> = mentions
        .iter()
        .filter(|m| m.etype == EntityType::Per)
        .map(|m| &text[m.start..m.end])
        .collect();
    assert_eq!(persons, ["Xi Jinping", "Li Qiang"]);
}
