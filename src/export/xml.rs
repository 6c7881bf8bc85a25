//! XML helpers shared by the GraphML and GEXF writers: escaping for text and
//! attribute values, dropping characters that XML 1.0 forbids.

use std::borrow::Cow;

/// Escape `s` for use in XML text or a double-quoted attribute value.
/// Control characters that XML 1.0 does not allow are dropped; tabs and line
/// breaks in attributes are written as character references so that parsers
/// keep them.
pub fn escape(s: &str) -> Cow<'_, str> {
    let plain = |c: char| {
        !matches!(c, '&' | '<' | '>' | '"' | '\'')
            && !c.is_control()
            && c != '\u{FFFE}'
            && c != '\u{FFFF}'
    };
    if s.chars().all(plain) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(escape("Müller & Söhne"), "Müller &amp; Söhne");
        assert_eq!(
            escape("<a href=\"x\">'"),
            "&lt;a href=&quot;x&quot;&gt;&apos;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\nd"), "abc&#10;d");
        assert!(matches!(escape("Kasachstan"), Cow::Borrowed(_)));
    }
}

/// The type of an attribute column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A count.
    Int,
    /// A real number.
    Double,
    /// `true` or `false`.
    Bool,
    /// Text.
    Str,
}

/// The node attributes of GraphML and GEXF, in output order (the label is
/// written separately in GEXF).
pub const NODE_ATTRIBUTES: [(&str, Kind); 11] = [
    ("label", Kind::Str),
    ("type", Kind::Str),
    ("kb_id", Kind::Str),
    ("aliases", Kind::Str),
    ("mentions", Kind::Int),
    ("documents", Kind::Int),
    ("degree", Kind::Int),
    ("weighted_degree", Kind::Int),
    ("pagerank", Kind::Double),
    ("component", Kind::Int),
    ("community", Kind::Int),
];

/// The edge attributes of GraphML and GEXF, in output order.
pub const EDGE_ATTRIBUTES: [(&str, Kind); 13] = [
    ("relation", Kind::Str),
    ("weight", Kind::Int),
    ("documents", Kind::Int),
    ("evidence", Kind::Str),
    ("evidence_doc", Kind::Str),
    ("cameo", Kind::Str),
    ("trigger", Kind::Str),
    ("role", Kind::Str),
    ("former", Kind::Bool),
    ("reported", Kind::Bool),
    ("directed", Kind::Bool),
    ("first_date", Kind::Str),
    ("last_date", Kind::Str),
];

/// The values of [`NODE_ATTRIBUTES`] for one node, as XML text; `None` for
/// a missing value.
pub fn node_values(n: &crate::graph::Node) -> Vec<Option<String>> {
    let m = &n.metrics;
    let aliases: Vec<&str> = n.aliases.iter().map(String::as_str).collect();
    vec![
        Some(n.label.clone()),
        Some(n.etype.as_str().to_string()),
        n.kb_id.clone(),
        Some(aliases.join(super::csv::ALIAS_SEPARATOR)),
        Some(n.mentions.to_string()),
        Some(n.documents.to_string()),
        Some(m.degree.to_string()),
        Some(m.weighted_degree.to_string()),
        Some(m.pagerank.to_string()),
        Some(m.component.to_string()),
        Some(m.community.to_string()),
    ]
}

/// The values of [`EDGE_ATTRIBUTES`] for one edge; `None` for a missing one.
pub fn edge_values(e: &crate::graph::Edge) -> Vec<Option<String>> {
    let first = e.evidence.first();
    vec![
        Some(e.kind.as_str().to_string()),
        Some(e.weight.to_string()),
        Some(e.documents.to_string()),
        first.map(|ev| ev.text.to_string()),
        first.map(|ev| ev.doc.to_string()),
        e.cameo.clone(),
        e.trigger.clone(),
        e.role.clone(),
        Some(e.former.to_string()),
        Some(e.reported.to_string()),
        Some(e.directed().to_string()),
        e.first_date.clone(),
        e.last_date.clone(),
    ]
}
