//! Drawing filters on the fixture graph: entity types, minimum weight, top N
//! by weighted degree, ego networks by id or label, no co-occurrence; the
//! kept nodes keep the metrics of the whole graph.

use std::collections::BTreeSet;

use nergraph::graph::{Filter, KnowledgeGraph};
use nergraph::EntityType;

use crate::graph_fixture;

fn ids(g: &KnowledgeGraph) -> BTreeSet<&str> {
    g.nodes().map(|n| n.id.as_str()).collect()
}

fn view(filter: Filter) -> (KnowledgeGraph, KnowledgeGraph) {
    let full = graph_fixture::graph();
    let part = full.filtered(&filter).expect("filter");
    (full, part)
}

#[test]
fn identity_filter_keeps_everything() {
    let (full, part) = view(Filter::default());
    assert!(Filter::default().is_identity());
    assert_eq!(ids(&full), ids(&part));
    assert_eq!(full.graph.edge_count(), part.graph.edge_count());
}

#[test]
fn types_keep_only_those_entities_and_their_edges() {
    let (_, part) = view(Filter {
        types: vec![EntityType::Per],
        ..Default::default()
    });
    assert_eq!(
        ids(&part),
        BTreeSet::from(["per:anna-schmidt", "per:juergen-mueller"])
    );
    // co_occurs and the event between the two persons.
    assert_eq!(part.graph.edge_count(), 2);
}

#[test]
fn min_weight_drops_light_edges_and_the_entities_left_alone() {
    let (_, part) = view(Filter {
        min_weight: 3,
        ..Default::default()
    });
    assert_eq!(
        ids(&part),
        BTreeSet::from(["Q49762", "geonames:2950159", "per:anna-schmidt"])
    );
    assert!(part.edges().all(|e| e.weight >= 3));
    assert_eq!(part.graph.edge_count(), 3);
}

#[test]
fn top_n_by_weighted_degree_ties_by_id() {
    let (full, part) = view(Filter {
        top: Some(2),
        ..Default::default()
    });
    // Anna Schmidt has weighted degree 9; the CDU and Berlin both have 8,
    // and "Q49762" sorts before "geonames:2950159".
    assert_eq!(ids(&part), BTreeSet::from(["Q49762", "per:anna-schmidt"]));
    let anna = |g: &KnowledgeGraph| {
        g.nodes()
            .find(|n| n.id == "per:anna-schmidt")
            .unwrap()
            .metrics
    };
    assert_eq!(anna(&part), anna(&full));
    assert_eq!(anna(&full).weighted_degree, 9);
}

#[test]
fn ego_network_by_label_or_id_any_case() {
    let (_, part) = view(Filter {
        ego: Some("ANNA schmidt".into()),
        depth: 1,
        ..Default::default()
    });
    assert_eq!(
        ids(&part),
        BTreeSet::from([
            "Q49762",
            "geonames:2950159",
            "per:anna-schmidt",
            "per:juergen-mueller"
        ])
    );
    let (_, part) = view(Filter {
        ego: Some("-gruppe".into()),
        depth: 2,
        ..Default::default()
    });
    assert_eq!(
        ids(&part),
        BTreeSet::from([
            "geonames:2950159",
            "org:gruppe",
            "org:hyperlink",
            "org:soehne"
        ])
    );
    let (_, part) = view(Filter {
        ego: Some("q49762".into()),
        depth: 0,
        ..Default::default()
    });
    assert_eq!(ids(&part), BTreeSet::from(["Q49762"]));
    // By alias when no id or label matches: "Schmidt" is an alias of Anna
    // Schmidt, "cdu" one of the CDU.
    let (_, part) = view(Filter {
        ego: Some("cdu".into()),
        depth: 0,
        ..Default::default()
    });
    assert_eq!(ids(&part), BTreeSet::from(["Q49762"]));
    let (_, part) = view(Filter {
        ego: Some("Ödland".into()),
        depth: 3,
        ..Default::default()
    });
    assert_eq!(ids(&part), BTreeSet::from(["loc:oedland"]));
}

#[test]
fn unknown_ego_is_an_error_with_suggestions() {
    let full = graph_fixture::graph();
    let err = full
        .filtered(&Filter {
            ego: Some("Anna Schmitt".into()),
            depth: 1,
            ..Default::default()
        })
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("no entity with id, label or alias \"Anna Schmitt\""),
        "{}",
        err
    );
    let err = full
        .filtered(&Filter {
            ego: Some("Gruppe".into()),
            depth: 1,
            ..Default::default()
        })
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("did you mean \"-Gruppe\" (org:gruppe)"),
        "{}",
        err
    );
}

#[test]
fn no_cooccurrence_keeps_typed_relations_only() {
    let (_, part) = view(Filter {
        no_cooccurrence: true,
        ..Default::default()
    });
    let kinds: BTreeSet<&str> = part.edges().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, BTreeSet::from(["event", "located_in", "member_of"]));
    assert_eq!(
        ids(&part),
        BTreeSet::from([
            "Q49762",
            "geonames:2950159",
            "org:hyperlink",
            "per:anna-schmidt",
            "per:juergen-mueller"
        ])
    );
}

#[test]
fn filters_combine() {
    let (_, part) = view(Filter {
        types: vec![EntityType::Org, EntityType::Loc],
        ego: Some("Berlin".into()),
        depth: 1,
        top: Some(3),
        ..Default::default()
    });
    // Berlin's ORG/LOC neighbours are the CDU and =HYPERLINK (weighted
    // degrees 8, 8 and 2); Ödland is not linked.
    assert_eq!(
        ids(&part),
        BTreeSet::from(["Q49762", "geonames:2950159", "org:hyperlink"])
    );
}
