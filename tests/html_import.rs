//! Saved web pages through `gloss import` (issue 14, item 9): the article's text without the
//! page around it, entities decoded, paragraphs as blank-line-separated text, and the page's
//! title, byline and date as the document's metadata — by extension, with `--format html`, and
//! from folders.

mod common;
use common::{gloss, scratch};

/// The page of `checks/11-data-in-out.sh`, part 4, exactly.
const PAGE: &str = r#"<!doctype html><html><head><title>Floods close the Rhine - Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> Subscribe now</nav>
<article><h1>Floods close the Rhine</h1><p class="byline">By Ana Lopez</p>
<p>Shipping on the Rhine stopped on Tuesday after heavy rain, officials in Cologne said.</p>
<p>&ldquo;We have never seen the river rise this fast,&rdquo; said harbour master Jan Vogel.</p></article>
<footer>Copyright Example News. Cookie settings. Privacy policy.</footer></body></html>
"#;

fn exported_texts(dir: &std::path::Path, project: &str) -> Vec<serde_json::Value> {
    let run = gloss(
        dir,
        &["export", project, "--format", "jsonl", "-o", "out.jsonl"],
    );
    assert_eq!(run.code, 0, "export: {run:?}");
    std::fs::read_to_string(dir.join("out.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_saved_news_page_imports_as_its_article() {
    let dir = scratch();
    std::fs::write(dir.path().join("page.html"), PAGE).unwrap();
    let run = gloss(dir.path(), &["import", "h.ron", "page.html"]);
    assert_eq!(run.code, 0, "{run:?}");
    let docs = exported_texts(dir.path(), "h.ron");
    assert_eq!(docs.len(), 1);
    let t = docs[0]["text"].as_str().unwrap();
    assert!(
        t.contains("Shipping on the Rhine stopped on Tuesday"),
        "{t}"
    );
    assert!(t.contains("\u{201c}We have never seen"), "{t}");
    assert!(
        !t.contains("Subscribe") && !t.contains("Cookie") && !t.contains("<p"),
        "{t}"
    );
    assert_eq!(
        t,
        "Floods close the Rhine\n\n\
         Shipping on the Rhine stopped on Tuesday after heavy rain, officials in Cologne said.\n\n\
         \u{201c}We have never seen the river rise this fast,\u{201d} said harbour master Jan Vogel."
    );
    let project = gloss::io::project_file::load(&dir.path().join("h.ron")).unwrap();
    let doc = &project.documents[0];
    assert_eq!(doc.name, "page");
    assert_eq!(doc.meta["title"], "Floods close the Rhine - Example News");
    assert_eq!(doc.meta["byline"], "Ana Lopez");
}

#[test]
fn format_html_reads_any_file_as_a_page_and_folders_for_html() {
    let dir = scratch();
    let d = dir.path();
    std::fs::create_dir_all(d.join("saved/sub")).unwrap();
    std::fs::write(d.join("saved/a.htm"), PAGE).unwrap();
    std::fs::write(
        d.join("saved/sub/b.html"),
        "<html><head><meta name=\"date\" content=\"2025-05-01\"></head><body><main>\
         <p>Second story, long enough to be the article of its page.</p></main></body></html>",
    )
    .unwrap();
    std::fs::write(d.join("saved/notes.txt"), "not a web page").unwrap();
    std::fs::write(d.join("page.saved"), PAGE).unwrap();
    let run = gloss(
        d,
        &["import", "p.ron", "saved", "page.saved", "--format", "html"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let project = gloss::io::project_file::load(&d.join("p.ron")).unwrap();
    let names: Vec<&str> = project.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "page"]);
    assert_eq!(
        &*project.documents[1].text,
        "Second story, long enough to be the article of its page."
    );
    assert_eq!(project.documents[1].meta["date"], "2025-05-01");
    assert!(
        project.documents[2]
            .text
            .starts_with("Floods close the Rhine\n\nShipping")
    );

    // Without --format, a folder brings its text files and its pages, each read as what it is.
    let run = gloss(d, &["import", "q.ron", "saved"]);
    assert_eq!(run.code, 0, "{run:?}");
    let project = gloss::io::project_file::load(&d.join("q.ron")).unwrap();
    let names: Vec<&str> = project.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["a", "notes", "b"]);
    assert!(project.documents[1].meta.is_empty());
}

#[test]
fn a_page_without_article_text_is_skipped_by_name() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("empty.html"),
        "<html><body><nav><a href=\"/\">Home</a></nav><script>x()</script></body></html>",
    )
    .unwrap();
    let run = gloss(dir.path(), &["import", "e.ron", "empty.html"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("empty.html") && run.stderr.contains("no article text"),
        "{run:?}"
    );
}

#[test]
fn import_help_names_html() {
    let dir = scratch();
    let run = gloss(dir.path(), &["import", "--help"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("html"), "{}", run.stdout);
}

#[test]
fn a_latin1_page_is_decoded_by_its_declared_charset() {
    let dir = scratch();
    let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><article>".to_vec();
    page.extend(b"<p>\x93Ol\xe9,\x94 said the mayor of M\xe1laga on Friday morning.</p>");
    page.extend(b"</article></body></html>");
    std::fs::write(dir.path().join("old.htm"), page).unwrap();
    let run = gloss(dir.path(), &["import", "l.ron", "old.htm"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("windows-1252"), "{run:?}");
    let project = gloss::io::project_file::load(&dir.path().join("l.ron")).unwrap();
    assert_eq!(
        &*project.documents[0].text,
        "\u{201c}Olé,\u{201d} said the mayor of Málaga on Friday morning."
    );
}
