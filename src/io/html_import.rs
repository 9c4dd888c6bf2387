//! Saved web pages (HTML): the article's text without the page around it, and its metadata.
//!
//! The page is parsed by a real HTML5 parser (`scraper`, over html5ever: broken markup is
//! repaired as a browser would, and entities such as `&ldquo;` are decoded). The article is
//! the `<article>` element with the most paragraph text, or else, readability-style, the
//! element whose paragraphs carry the most text once links are discounted. Inside it,
//! navigation, headers and footers of the page, asides, forms, scripts, styles, hidden
//! elements and boxes named like cookie notices, share bars or newsletters are left out; every
//! block (`<p>`, `<h1>`…`<h6>`, `<li>`, `<blockquote>`…) becomes one paragraph with its white
//! space collapsed, and paragraphs are separated by a blank line. A block that is mostly links
//! ("Read more: …") is dropped.
//!
//! Metadata: `title` (`og:title`, `<title>` or the first `<h1>`), `byline` (`<meta
//! name=author>`, `rel=author`, `.byline`), `date` (`article:published_time`, `<meta
//! name=date>`, `<time datetime>`), `url` (the canonical link or `og:url`) and `site`
//! (`og:site_name`). A page that is not UTF-8 but declares windows-1252 or ISO-8859-1 is
//! decoded as such ([`declares_windows_1252`], [`decode_windows_1252`]). Pure: no files, no
//! egui; no recursion over the tree, so no page nests deep enough to overflow the stack.

use std::collections::BTreeMap;

use scraper::{ElementRef, Html, Node, Selector};

/// What a page gives: the article text and its metadata (keys as in the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub meta: BTreeMap<String, String>,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
    "select", "textarea", "input", "iframe", "svg", "canvas", "object", "embed", "video", "audio",
    "menu", "dialog", "head", "title", "link", "meta",
];

/// Elements that end a paragraph where they start and where they end.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "hr",
    "address",
    "header",
    "body",
    "center",
    "details",
    "summary",
];

/// Words in a class or id that mark page furniture rather than the article.
const FURNITURE: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "paywall",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "advert",
    "promo",
    "sponsor",
    "comment",
    "breadcrumb",
    "sidebar",
    "navbar",
    "navigation",
    "menu",
    "popup",
    "modal",
    "banner",
    "byline",
    "skip-link",
    "sr-only",
    "visually-hidden",
];

/// How many `<article>` elements are weighed (a page of nested articles stays linear).
const MAX_ARTICLES: usize = 64;

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
];

/// Read a page: its article text (empty when none was found) and metadata.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let meta = metadata(&doc);
    let root = article_root(&doc);
    let mut out = Blocks::default();
    let whole_page = root.value().name() == "body" || root.value().name() == "html";
    walk(root, whole_page, &mut out);
    out.flush();
    let mut paragraphs = out.paragraphs;
    // The headline usually sits above the article element; keep it as the first paragraph.
    let has_heading = root.descendent_elements().any(|e| e.value().name() == "h1");
    if !has_heading
        && let Some(h1) = headline(&doc)
        && !h1.is_empty()
        && paragraphs.first() != Some(&h1)
    {
        paragraphs.insert(0, h1);
    }
    Page {
        text: paragraphs.join("\n\n"),
        meta,
    }
}

/// Whether the page's head declares a single-byte Western charset (windows-1252, ISO-8859-1,
/// Latin-1, ASCII): the charsets that older saved news pages not in UTF-8 nearly always use.
pub fn declares_windows_1252(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head: String = head
        .iter()
        .filter(|b| b.is_ascii())
        .map(|b| (*b as char).to_ascii_lowercase())
        .filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'')
        .collect();
    [
        "charset=windows-1252",
        "charset=iso-8859-1",
        "charset=latin1",
        "charset=latin-1",
        "charset=iso8859-1",
        "charset=us-ascii",
        "charset=cp1252",
    ]
    .iter()
    .any(|c| head.contains(c))
}

/// Bytes in windows-1252 (which browsers use for ISO-8859-1 too) as text; the five bytes it
/// leaves undefined become U+FFFD.
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// The first `<h1>` outside page furniture and outside the site's own header (a `<header>`
/// right inside `<body>`, where a logo often is an `<h1>`), as text.
fn headline(doc: &Html) -> Option<String> {
    let sel = selector("h1")?;
    doc.select(&sel)
        .find(|h| {
            !h.ancestors()
                .take(MAX_ANCESTORS)
                .filter_map(ElementRef::wrap)
                .any(|a| {
                    is_furniture(&a, false)
                        || (a.value().name() == "header"
                            && a.parent()
                                .and_then(ElementRef::wrap)
                                .is_some_and(|p| p.value().name() == "body"))
                })
        })
        .map(|h| collapse(&h.text().collect::<String>()))
}

/// Collapse runs of white space (non-breaking spaces included) into one space, and trim.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    doc.select(&selector(css)?).next()
}

/// The first non-empty value among `(selector, attribute)` pairs; attribute `None` takes the
/// element's text.
fn lookup(doc: &Html, tries: &[(&str, Option<&str>)]) -> Option<String> {
    tries.iter().find_map(|(css, attr)| {
        let sel = selector(css)?;
        doc.select(&sel).find_map(|e| {
            let v = match attr {
                Some(a) => collapse(e.attr(a)?),
                None => collapse(&e.text().collect::<String>()),
            };
            (!v.is_empty()).then_some(v)
        })
    })
}

fn metadata(doc: &Html) -> BTreeMap<String, String> {
    let mut meta = BTreeMap::new();
    let content = Some("content");
    /// A metadata key and where to look for it, in order.
    type Field<'a> = (&'a str, Vec<(&'a str, Option<&'a str>)>);
    let fields: [Field<'_>; 5] = [
        (
            "title",
            vec![
                ("meta[property='og:title']", content),
                ("meta[name='twitter:title']", content),
                ("head title", None),
            ],
        ),
        (
            "byline",
            vec![
                ("meta[name='author']", content),
                ("meta[property='article:author']", content),
                ("[rel='author']", None),
                (".byline", None),
                ("[itemprop='author']", None),
            ],
        ),
        (
            "date",
            vec![
                ("meta[property='article:published_time']", content),
                ("meta[name='date']", content),
                ("meta[name='pubdate']", content),
                ("meta[itemprop='datePublished']", content),
                ("time[datetime]", Some("datetime")),
            ],
        ),
        (
            "url",
            vec![
                ("link[rel='canonical']", Some("href")),
                ("meta[property='og:url']", content),
            ],
        ),
        ("site", vec![("meta[property='og:site_name']", content)]),
    ];
    for (key, tries) in fields {
        if let Some(v) = lookup(doc, &tries) {
            let v = if key == "byline" { strip_by(&v) } else { v };
            if !v.is_empty() {
                meta.insert(key.to_string(), v);
            }
        }
    }
    if !meta.contains_key("title")
        && let Some(h1) = headline(doc).filter(|h| !h.is_empty())
    {
        meta.insert("title".to_string(), h1);
    }
    meta
}

/// "By Ana Lopez" → "Ana Lopez".
fn strip_by(s: &str) -> String {
    let lower = s.to_lowercase();
    if lower.starts_with("by ") {
        s.get(3..).unwrap_or(s).trim().to_string()
    } else {
        s.to_string()
    }
}

/// Whether an element is page furniture, never article text.
fn is_furniture(e: &ElementRef<'_>, whole_page: bool) -> bool {
    let el = e.value();
    let name = el.name();
    if SKIPPED.contains(&name) || (whole_page && name == "header") {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        let style = style.to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = el.attr("role")
        && FURNITURE_ROLES.contains(&role.to_ascii_lowercase().as_str())
    {
        return true;
    }
    let named = |s: &str| {
        let s = s.to_ascii_lowercase();
        s.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .any(|word| {
                FURNITURE.iter().any(|f| {
                    word == *f
                        || word.starts_with(&format!("{f}-"))
                        || word.ends_with(&format!("-{f}"))
                })
            })
    };
    el.attr("class").is_some_and(named) || el.attr("id").is_some_and(named)
}

/// Whether `e` or one of its nearer ancestors is furniture (`<body>` excepted).
fn inside_furniture(e: &ElementRef<'_>) -> bool {
    std::iter::once(**e)
        .chain(e.ancestors())
        .take(MAX_ANCESTORS)
        .filter_map(ElementRef::wrap)
        .any(|a| is_furniture(&a, true) && a.value().name() != "body")
}

/// How far up [`inside_furniture`] looks: bounds the work on pathologically deep pages.
const MAX_ANCESTORS: usize = 64;

/// What a walk over an element meets, in document order.
enum Event<'a> {
    Open(&'a str),
    Close(&'a str),
    Text(&'a str),
}

/// Walk the element and everything in it that `skip` does not rule out, without recursion (a
/// page nested a hundred thousand deep must not overflow the stack).
fn visit<'a>(
    root: ElementRef<'a>,
    skip: impl Fn(&ElementRef<'a>) -> bool,
    mut on: impl FnMut(Event<'a>),
) {
    enum Step<'a> {
        Enter(ElementRef<'a>),
        Leave(&'a str),
        Text(&'a str),
    }
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Text(t) => on(Event::Text(t)),
            Step::Leave(name) => on(Event::Close(name)),
            Step::Enter(e) => {
                let name = e.value().name();
                on(Event::Open(name));
                stack.push(Step::Leave(name));
                for child in e.children().rev() {
                    match child.value() {
                        Node::Text(t) => stack.push(Step::Text(t)),
                        Node::Element(_) => {
                            if let Some(c) = ElementRef::wrap(child)
                                && !skip(&c)
                            {
                                stack.push(Step::Enter(c));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// Text length of an element outside furniture, and how much of it is link text.
fn text_and_links(e: ElementRef<'_>) -> (usize, usize) {
    let mut total = 0;
    let mut links = 0;
    let mut in_links = 0usize;
    visit(
        e,
        |c| is_furniture(c, false),
        |event| match event {
            Event::Open("a") => in_links += 1,
            Event::Close("a") => in_links = in_links.saturating_sub(1),
            Event::Text(t) => {
                let n = t.chars().filter(|c| !c.is_whitespace()).count();
                total += n;
                if in_links > 0 {
                    links += n;
                }
            }
            _ => {}
        },
    );
    (total, links)
}

/// The element holding the article: the `<article>` with the most text, else the element
/// whose paragraphs score highest (text length less link text, half credited to the
/// grandparent), else `<body>`.
fn article_root(doc: &Html) -> ElementRef<'_> {
    let body = first(doc, "body").unwrap_or_else(|| doc.root_element());
    if let Some(sel) = selector("article")
        && let Some((best, _)) = doc
            .select(&sel)
            .take(MAX_ARTICLES)
            .filter(|a| !inside_furniture(a))
            .map(|a| {
                let (t, l) = text_and_links(a);
                (a, t.saturating_sub(l))
            })
            .filter(|(_, n)| *n >= 25)
            .max_by_key(|(_, n)| *n)
    {
        return best;
    }
    // Paragraphs only: they never hold one another, so scoring them all is linear.
    let Some(psel) = selector("p, pre") else {
        return body;
    };
    // Keyed by node id (parse order), so the choice among equal scores is always the same.
    let mut scores: std::collections::BTreeMap<_, (ElementRef<'_>, f64)> =
        std::collections::BTreeMap::new();
    for p in doc.select(&psel) {
        if inside_furniture(&p) {
            continue;
        }
        let (t, l) = text_and_links(p);
        if t < 25 {
            continue;
        }
        let density = l as f64 / t as f64;
        let score =
            (1.0 + (t as f64 / 100.0).min(3.0) + t.min(2000) as f64 / 200.0) * (1.0 - density);
        let mut up = p.parent().and_then(ElementRef::wrap);
        if let Some(parent) = up {
            scores.entry(parent.id()).or_insert((parent, 0.0)).1 += score;
            up = parent.parent().and_then(ElementRef::wrap);
        }
        if let Some(grand) = up {
            scores.entry(grand.id()).or_insert((grand, 0.0)).1 += score / 2.0;
        }
    }
    scores
        .into_values()
        .filter(|(e, _)| e.value().name() != "html")
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(e, _)| e)
        .unwrap_or(body)
}

/// Paragraphs gathered while walking, with the current one's text and link text.
#[derive(Default)]
struct Blocks {
    paragraphs: Vec<String>,
    current: String,
    link_chars: usize,
}

impl Blocks {
    fn flush(&mut self) {
        let text = collapse(&self.current);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        // Mostly links: a "read more" line or a list of related stories.
        let linky = chars > 0 && self.link_chars * 10 > chars * 6;
        if !text.is_empty() && !linky {
            self.paragraphs.push(text);
        }
        self.current.clear();
        self.link_chars = 0;
    }
}

fn walk(e: ElementRef<'_>, whole_page: bool, out: &mut Blocks) {
    let mut in_links = 0usize;
    visit(
        e,
        |c| is_furniture(c, whole_page),
        |event| match event {
            Event::Open(name) => {
                if name == "a" {
                    in_links += 1;
                } else if name == "br" {
                    out.current.push(' ');
                } else if BLOCKS.contains(&name) {
                    out.flush();
                }
            }
            Event::Close(name) => {
                if name == "a" {
                    in_links = in_links.saturating_sub(1);
                } else if BLOCKS.contains(&name) {
                    out.flush();
                } else if is_spaced_inline(name) && !out.current.ends_with(char::is_whitespace) {
                    out.current.push(' ');
                }
            }
            Event::Text(t) => {
                out.current.push_str(t);
                if in_links > 0 {
                    out.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                }
            }
        },
    );
}

/// Inline elements that browsers show apart from their neighbours (cells, images' captions).
fn is_spaced_inline(name: &str) -> bool {
    matches!(name, "img" | "label" | "option")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = r#"<!doctype html><html><head><title>Floods close the Rhine - Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> Subscribe now</nav>
<article><h1>Floods close the Rhine</h1><p class="byline">By Ana Lopez</p>
<p>Shipping on the Rhine stopped on Tuesday after heavy rain, officials in Cologne said.</p>
<p>&ldquo;We have never seen the river rise this fast,&rdquo; said harbour master Jan Vogel.</p></article>
<footer>Copyright Example News. Cookie settings. Privacy policy.</footer></body></html>"#;

    #[test]
    fn the_article_without_navigation_or_footer() {
        let page = extract(NEWS);
        assert_eq!(
            page.text,
            "Floods close the Rhine\n\n\
             Shipping on the Rhine stopped on Tuesday after heavy rain, officials in Cologne said.\n\n\
             \u{201c}We have never seen the river rise this fast,\u{201d} said harbour master Jan Vogel."
        );
        assert_eq!(page.meta["title"], "Floods close the Rhine - Example News");
        assert_eq!(page.meta["byline"], "Ana Lopez");
    }

    #[test]
    fn without_article_the_densest_text_wins_and_furniture_goes() {
        let html = r#"<html><head>
<meta property="og:title" content="Minister resigns">
<meta property="og:site_name" content="The Daily Planet">
<meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2025-03-01T09:00:00Z">
<link rel="canonical" href="https://example.org/news/1">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script>
</head><body>
<header><div class="logo">The Daily Planet</div><ul class="menu"><li><a href="/">Home</a></li></ul></header>
<div id="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p><button>OK</button></div>
<div class="layout">
  <div class="sidebar"><ul><li><a href="/a">Most read story number one today</a></li><li><a href="/b">Another most read story for you</a></li></ul></div>
  <div class="story-body">
    <h2>Minister   resigns&nbsp;after&nbsp;vote</h2>
    <p>The minister resigned on Monday &amp; left the chamber after a vote of no confidence, aides said.</p>
    <p>&ldquo;It is over,&rdquo; she told reporters <a href="/x">outside parliament</a> in the rain.</p>
    <ul><li>First point of the story, in a list item that is long enough.</li></ul>
    <blockquote><p>A quoted passage that stands apart from the rest of the story text.</p></blockquote>
    <p style="display: none">Hidden text</p>
    <p><a href="/more">Read more: the vote, explained in a long link</a></p>
    <script>document.write("ads")</script>
    <form><p>Sign up to our newsletter, enter your email address here</p></form>
  </div>
</div>
<footer><p>Copyright 2025 The Daily Planet, all rights reserved, privacy policy.</p></footer>
</body></html>"#;
        let page = extract(html);
        assert_eq!(
            page.text,
            "Minister resigns after vote\n\n\
             The minister resigned on Monday & left the chamber after a vote of no confidence, aides said.\n\n\
             \u{201c}It is over,\u{201d} she told reporters outside parliament in the rain.\n\n\
             First point of the story, in a list item that is long enough.\n\n\
             A quoted passage that stands apart from the rest of the story text."
        );
        let meta: Vec<(&str, &str)> = page
            .meta
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            meta,
            [
                ("byline", "Lois Lane"),
                ("date", "2025-03-01T09:00:00Z"),
                ("site", "The Daily Planet"),
                ("title", "Minister resigns"),
                ("url", "https://example.org/news/1"),
            ]
        );
    }

    #[test]
    fn headline_outside_the_article_and_time_and_rel_author() {
        let html = r#"<html><head><meta property="og:url" content="https://e.org/2"></head><body>
<h1>Storm hits the coast</h1>
<div class="meta">By <a rel="author" href="/p/jo">Jo Bloggs</a>, <time datetime="2025-04-02">2 April</time></div>
<main><div><p>The storm reached the coast at dawn and cut power to thousands of homes.</p>
<p>Crews worked through the day to bring the lines back.<br>Schools stayed shut.</p></div></main>
</body></html>"#;
        let page = extract(html);
        assert_eq!(
            page.text,
            "Storm hits the coast\n\n\
             The storm reached the coast at dawn and cut power to thousands of homes.\n\n\
             Crews worked through the day to bring the lines back. Schools stayed shut."
        );
        assert_eq!(page.meta["title"], "Storm hits the coast");
        assert_eq!(page.meta["byline"], "Jo Bloggs");
        assert_eq!(page.meta["date"], "2025-04-02");
        assert_eq!(page.meta["url"], "https://e.org/2");
    }

    #[test]
    fn windows_1252_pages_are_recognised_and_decoded() {
        let bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>\x93Caf\xe9\x94 \x80</p></body></html>";
        assert!(declares_windows_1252(bytes));
        assert!(!declares_windows_1252(b"<meta charset=\"utf-8\"><p>x</p>"));
        assert_eq!(
            extract(&decode_windows_1252(bytes)).text,
            "\u{201c}Caf\u{e9}\u{201d} \u{20ac}"
        );
    }

    #[test]
    fn the_sites_logo_is_not_the_headline() {
        let html = r#"<body><header><h1><a href="/">Daily Planet</a></h1></header>
<div class="story"><header class="story-head"><h1>Bridge reopens</h1></header>
<div class="text"><p>The bridge reopened on Sunday after two years of repairs, the city said.</p></div></div>
</body>"#;
        assert_eq!(
            extract(html).text,
            "Bridge reopens\n\nThe bridge reopened on Sunday after two years of repairs, the city said."
        );
    }

    #[test]
    fn broken_markup_and_empty_pages_do_not_panic() {
        for html in [
            "",
            "<p>unclosed <b>bold <i>both",
            "<html><body><nav>only nav</nav></body></html>",
            "<<<>>>&&&;;;&#xFFFFFFFF;&#0;",
            "<article></article><article><p>x</p></article>",
        ] {
            let _ = extract(html);
        }
        assert_eq!(
            extract("<p>unclosed <b>bold <i>both").text,
            "unclosed bold both"
        );
        assert_eq!(
            extract("<html><body><nav>only nav</nav></body></html>").text,
            ""
        );
    }
}
