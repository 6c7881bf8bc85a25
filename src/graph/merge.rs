//! Cross-document merging of name variants. A person known only by a
//! surname in one document ("Beispiel") joins the one person with that
//! surname and a full name in other documents ("Vera Beispiel"), when
//! exactly one such person exists. A genitive known only by itself
//! ("Putins") joins the bare surname ("Putin") when no full name ends in
//! either. An organization named with a legal form ("Deutsche Bahn AG")
//! joins the one organization named without it ("Deutsche Bahn"). Runs once
//! over the finished node and edge tables, in sorted order, so the result
//! is deterministic.
//!
//! # Complexity
//! O((V + E) log E): one pass over the nodes to index full names by surname,
//! one pass over the edges to rewrite and merge them.

use std::collections::{BTreeMap, HashMap};

use super::{Edge, EdgeKey, Node, MAX_EVIDENCE};
use crate::recognize::EntityType;
use crate::resolve::genitive_bases;

/// Merge surname-only person nodes into the unique full-name person with
/// that surname, and organizations named with a legal form into the one
/// organization named without it ("Deutsche Bahn AG" into "Deutsche Bahn");
/// `company_name` strips the legal forms (or a group word or web domain) off
/// a name. `nodes` are sorted by id and `edges` by key on input and stay so
/// on output.
pub fn merge_variants(
    nodes: &mut Vec<Node>,
    edges: &mut Vec<(EdgeKey, Edge)>,
    company_name: impl Fn(&str) -> Option<&str>,
) {
    // surname → ids of unlinked persons with a full name ending in it
    let mut by_surname: HashMap<&str, Vec<&str>> = HashMap::new();
    for n in nodes.iter() {
        if n.etype != EntityType::Per || n.kb_id.is_some() {
            continue;
        }
        let words: Vec<&str> = n.label.split_whitespace().collect();
        if words.len() >= 2 {
            let ids = by_surname.entry(words[words.len() - 1]).or_default();
            if !ids.contains(&n.id.as_str()) {
                ids.push(&n.id);
            }
        }
    }
    let mut target: HashMap<String, String> = HashMap::new();
    for n in nodes.iter() {
        if n.etype != EntityType::Per || n.kb_id.is_some() || n.label.contains(char::is_whitespace)
        {
            continue;
        }
        let full = std::iter::once(n.label.as_str())
            .chain(genitive_bases(&n.label))
            .find_map(|k| by_surname.get(k));
        if let Some([only]) = full.map(Vec::as_slice) {
            if *only != n.id {
                target.insert(n.id.clone(), only.to_string());
            }
        }
    }
    // A genitive known only by itself ("Putins") joins the bare surname
    // ("Putin") when no full name ends in either.
    let bare: HashMap<&str, &str> = nodes
        .iter()
        .filter(|n| {
            n.etype == EntityType::Per
                && n.kb_id.is_none()
                && !n.label.contains(char::is_whitespace)
                && !target.contains_key(&n.id)
        })
        .map(|n| (n.label.as_str(), n.id.as_str()))
        .collect();
    let mut genitives: Vec<(String, String)> = Vec::new();
    for (&label, &id) in &bare {
        if let Some(&base) = genitive_bases(label).find_map(|b| bare.get(b)) {
            if base != id {
                genitives.push((id.to_string(), base.to_string()));
            }
        }
    }
    // a base is never itself a genitive that moves ("Hans" → "Han"): keep
    // only moves onto nodes that stay
    let moving: std::collections::HashSet<String> =
        genitives.iter().map(|(from, _)| from.clone()).collect();
    for (from, to) in genitives {
        if !moving.contains(&to) {
            target.insert(from, to);
        }
    }
    // organizations: the name with a legal form joins the one organization
    // labelled by the name without it, preferring a linked one
    let mut orgs: HashMap<&str, Vec<&Node>> = HashMap::new();
    for n in nodes.iter().filter(|n| n.etype == EntityType::Org) {
        orgs.entry(n.label.as_str()).or_default().push(n);
    }
    for n in nodes.iter() {
        if n.etype != EntityType::Org || n.kb_id.is_some() {
            continue;
        }
        let Some(named) = company_name(&n.label).and_then(|b| orgs.get(b)) else {
            continue;
        };
        let linked: Vec<&&Node> = named.iter().filter(|b| b.kb_id.is_some()).collect();
        let into = match (linked.as_slice(), named.as_slice()) {
            ([one], _) => one,
            ([], [one]) => one,
            _ => continue,
        };
        if into.id != n.id && company_name(&into.label).is_none() {
            target.insert(n.id.clone(), into.id.clone());
        }
    }
    if target.is_empty() {
        return;
    }

    // nodes: fold each merged node into its target
    let mut kept: BTreeMap<String, Node> = BTreeMap::new();
    let mut merged: Vec<Node> = Vec::new();
    for n in nodes.drain(..) {
        if target.contains_key(&n.id) {
            merged.push(n);
        } else {
            kept.insert(n.id.clone(), n);
        }
    }
    for m in merged {
        if let Some(t) = kept.get_mut(&target[&m.id]) {
            t.aliases.extend(m.aliases);
            t.mentions += m.mentions;
            t.documents += m.documents;
        }
    }
    nodes.extend(kept.into_values());

    // edges: rewrite ends, drop self-loops, merge edges that now coincide
    let mut out: BTreeMap<EdgeKey, Edge> = BTreeMap::new();
    for (_, mut e) in edges.drain(..) {
        if let Some(t) = target.get(&e.source) {
            e.source = t.clone();
        }
        if let Some(t) = target.get(&e.target) {
            e.target = t.clone();
        }
        if e.source == e.target {
            continue;
        }
        if !e.directed() && e.source > e.target {
            std::mem::swap(&mut e.source, &mut e.target);
        }
        let key = EdgeKey::of(&e);
        match out.get_mut(&key) {
            Some(into) => absorb(into, e),
            None => {
                out.insert(key, e);
            }
        }
    }
    edges.extend(out);
}

/// Add the evidence of `e` to `into`.
fn absorb(into: &mut Edge, e: Edge) {
    into.weight += e.weight;
    into.documents += e.documents;
    into.former &= e.former;
    into.reported &= e.reported;
    if let Some(d) = e.first_date {
        if into.first_date.as_ref().is_none_or(|f| &d < f) {
            into.first_date = Some(d);
        }
    }
    if let Some(d) = e.last_date {
        if into.last_date.as_ref().is_none_or(|l| &d > l) {
            into.last_date = Some(d);
        }
    }
    for ev in e.evidence {
        if into.evidence.len() >= MAX_EVIDENCE {
            break;
        }
        into.evidence.push(ev);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::graph::GraphBuilder;
    use crate::recognize::EntityType;
    use crate::resolve::{Entity, Resolved};

    fn person(label: &str) -> Entity {
        Entity {
            id: crate::resolve::local_id(EntityType::Per, label).into(),
            label: label.to_string(),
            etype: EntityType::Per,
            kb_id: None,
            aliases: BTreeSet::from([label.to_string()]),
        }
    }

    fn doc(labels: &[&str]) -> Resolved {
        Resolved {
            entities: labels.iter().map(|l| person(l)).collect(),
            mention_entity: (0..labels.len()).collect(),
        }
    }

    #[test]
    fn surname_joins_the_unique_full_name_across_documents() {
        let mut b = GraphBuilder::new();
        b.add_document("a", &doc(&["Vera Beispiel", "Otto Muster"]), &[]);
        b.add_document("b", &doc(&["Beispiel", "Muster"]), &[]);
        b.add_document("c", &doc(&["Eva Muster"]), &[]);
        b.add_document("d", &doc(&["Beispiels"]), &[]);
        let g = b.finish();
        let ids: Vec<&str> = g.nodes().map(|n| n.id.as_str()).collect();
        assert!(!ids.contains(&"per:beispiel"), "{:?}", ids);
        assert!(!ids.contains(&"per:beispiels"), "{:?}", ids);
        // two full names end in "Muster": the bare surname stays apart
        assert!(ids.contains(&"per:muster"), "{:?}", ids);
        let vera = g.nodes().find(|n| n.id == "per:vera-beispiel").unwrap();
        assert_eq!(vera.documents, 3);
        assert!(vera.aliases.contains("Beispiel") && vera.aliases.contains("Beispiels"));
    }

    #[test]
    fn a_company_with_its_legal_form_joins_the_bare_name_across_documents() {
        let org = |label: &str| Entity {
            id: crate::resolve::local_id(EntityType::Org, label).into(),
            label: label.to_string(),
            etype: EntityType::Org,
            kb_id: None,
            aliases: BTreeSet::from([label.to_string()]),
        };
        let docs = [
            vec![org("Muster Bahn AG")],
            vec![org("Muster Bahn")],
            vec![org("Beispiel GmbH & Co. KG")],
        ];
        let mut b = GraphBuilder::new();
        for (k, entities) in docs.iter().enumerate() {
            let r = Resolved {
                entities: entities.clone(),
                mention_entity: vec![0],
            };
            b.add_document(&k.to_string(), &r, &[]);
        }
        fn legal(name: &str) -> Option<&str> {
            name.strip_suffix(" AG")
                .or_else(|| name.strip_suffix(" GmbH & Co. KG"))
        }
        let g = b.finish_with(legal);
        let ids: Vec<&str> = g.nodes().map(|n| n.id.as_str()).collect();
        // no bare "Beispiel" anywhere: the long name stays
        assert_eq!(ids, ["org:beispiel-gmbh-co-kg", "org:muster-bahn"]);
        let bahn = g.nodes().find(|n| n.id == "org:muster-bahn").unwrap();
        assert_eq!(bahn.documents, 2);
        assert!(bahn.aliases.contains("Muster Bahn AG"));
    }

    #[test]
    fn a_bare_genitive_joins_the_bare_surname_across_documents() {
        let mut b = GraphBuilder::new();
        b.add_document("a", &doc(&["Tokarew"]), &[]);
        b.add_document("b", &doc(&["Tokarews"]), &[]);
        let g = b.finish();
        let ids: Vec<&str> = g.nodes().map(|n| n.id.as_str()).collect();
        assert!(!ids.contains(&"per:tokarews"), "{:?}", ids);
        let t = g.nodes().find(|n| n.id == "per:tokarew").unwrap();
        assert_eq!(t.documents, 2);
        assert!(t.aliases.contains("Tokarews"));
    }
}
