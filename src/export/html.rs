//! Self-contained interactive HTML page: the graph as a JSON block plus a
//! viewer of our own (force layout on a canvas, pan and zoom, search, filters,
//! node and edge details with evidence), inlined so the file works offline.

use std::io::{self, Write};

use serde::Serialize;

use super::ExportOptions;
use crate::graph::{Edge, KnowledgeGraph, Node};
use crate::relate::RelationKind;

/// The page skeleton with `{{title}}`, `{{css}}`, `{{data}}` and `{{js}}` slots.
const PAGE: &str = include_str!("html/page.html");
/// The viewer's style sheet.
const CSS: &str = include_str!("html/viewer.css");
/// The viewer script.
const JS: &str = include_str!("html/viewer.js");

/// What the page embeds: every node and the edges to draw.
#[derive(Serialize)]
struct PageData<'a> {
    title: &'a str,
    documents: usize,
    nodes: Vec<&'a Node>,
    edges: Vec<&'a Edge>,
}

/// Write `graph` as one HTML file that needs no network.
///
/// With [`ExportOptions::no_cooccurrence`], `co_occurs` edges are left out.
pub fn write(graph: &KnowledgeGraph, options: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    let title = format!(
        "nergraph: {} entities, {} relations from {} documents",
        graph.graph.node_count(),
        graph.graph.edge_count(),
        graph.documents()
    );
    let data = PageData {
        title: &title,
        documents: graph.documents(),
        nodes: graph.nodes().collect(),
        edges: graph
            .edges()
            .filter(|e| !(options.no_cooccurrence && e.kind == RelationKind::CoOccurs))
            .collect(),
    };
    let json = serde_json::to_string(&data).map_err(io::Error::other)?;
    let json = script_safe_json(&json);
    let title = escape_html(&title);
    fill(
        PAGE,
        &[("title", &title), ("css", CSS), ("data", &json), ("js", JS)],
        w,
    )
}

/// Make serialized JSON safe inside a `<script>` element: `<`, `>` and `&`
/// become `\u003c`, `\u003e` and `\u0026` (JSON only has them inside strings,
/// where the escapes mean the same), so no label can close the element or
/// open a comment; U+2028/U+2029 are escaped for old parsers.
pub fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Escape text for HTML element content and attribute values.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Write `template` with each `{{name}}` slot replaced by its value. One pass
/// over the template: values are never searched for slots themselves.
fn fill(template: &str, values: &[(&str, &str)], w: &mut dyn Write) -> io::Result<()> {
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        let name = &rest[start + 2..start + 2 + len];
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                w.write_all(&rest.as_bytes()[..start])?;
                w.write_all(value.as_bytes())?;
            }
            None => w.write_all(&rest.as_bytes()[..start + 2 + len + 2])?,
        }
        rest = &rest[start + 2 + len + 2..];
    }
    w.write_all(rest.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_keeps_the_value() {
        let value = serde_json::json!({"label": "</script><!-- \"x\" & y \u{2028}"});
        let safe = script_safe_json(&value.to_string());
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn fill_replaces_slots_once() {
        let mut out = Vec::new();
        fill(
            "a{{x}}b{{y}}c{{unknown}}",
            &[("x", "{{y}}"), ("y", "Y")],
            &mut out,
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a{{y}}bYc{{unknown}}");
    }

    #[test]
    fn templates_cannot_close_their_elements() {
        assert!(!JS.to_ascii_lowercase().contains("</script"));
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
        assert_eq!(PAGE.matches("{{title}}").count(), 2);
        for slot in ["{{css}}", "{{data}}", "{{js}}"] {
            assert_eq!(PAGE.matches(slot).count(), 1, "{slot}");
        }
    }

    #[test]
    fn escape_html_escapes_markup() {
        assert_eq!(
            escape_html("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
        );
    }
}
