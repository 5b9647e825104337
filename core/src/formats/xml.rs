//! Small helpers over `roxmltree` shared by the XML readers (CDF XML, Hart): parsing with
//! limits, element lookup by local name (namespaces and prefixes vary between vendors), and
//! `file: line N` error paths.

use roxmltree::{Document, Node, ParsingOptions};

use super::{check_size, FormatError};

/// Most XML nodes one document may hold (elements, attributes aside, and text runs).
pub const MAX_XML_NODES: u32 = 20_000_000;

/// `file: line N`, or `line N` for an unnamed text.
pub(crate) fn place(file: &str, line: u32) -> String {
    if file.is_empty() {
        format!("line {line}")
    } else {
        format!("{file}: line {line}")
    }
}

/// Parses an XML document (a leading BOM is allowed; DTDs are refused).
pub(crate) fn parse<'t>(text: &'t str, file: &str) -> Result<Document<'t>, FormatError> {
    check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(|err| match err {
        roxmltree::Error::NodesLimitReached => FormatError::TooLarge {
            path: place(file, 1),
            what: "number of XML nodes",
            limit: u64::from(MAX_XML_NODES),
        },
        other => FormatError::Syntax {
            path: place(file, other.pos().row),
            message: format!("invalid XML: {other}"),
        },
    })
}

/// The line of a node.
pub(crate) fn line_of(node: Node<'_, '_>) -> u32 {
    node.document().text_pos_at(node.range().start).row
}

/// A syntax error at a node.
pub(crate) fn bad_at(file: &str, node: Node<'_, '_>, message: impl Into<String>) -> FormatError {
    FormatError::Syntax {
        path: place(file, line_of(node)),
        message: message.into(),
    }
}

/// The child elements with this local name.
pub(crate) fn children<'a, 'i>(
    node: Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The first child element with this local name.
pub(crate) fn child<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    children(node, name).next()
}

/// The trimmed text of the first child element with this local name.
pub(crate) fn child_text<'a>(node: Node<'a, '_>, name: &'static str) -> Option<&'a str> {
    child(node, name).map(|c| c.text().unwrap_or_default().trim())
}
