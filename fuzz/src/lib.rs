//! What the fuzz targets share: the project they import into, the checks every loader's result
//! must pass, and a scratch folder for the loaders that read files.
//!
//! The checks are the promises the README makes about bad input: never a panic, an error that
//! is one line naming the file, and a result that is a sound project (it passes
//! `model::validate`, and it saves and loads back unchanged).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use gloss::app::Command;
use gloss::app::formats::import_command;
use gloss::io::interchange::{Import, Rejected};
use gloss::io::{IoError, project_file};
use gloss::model::{
    CharRange, DocId, Document, Entity, EntityId, Project, Quote, QuoteId, QuoteKind, Span, SpanId,
    validate,
};

/// The text of the project's one document.
pub const TEXT: &str = "“We stay,” Ana Ruiz said in Léon 👋.\nRuiz left for Lima.";

/// A small project with the news labels, an entity, a document with spans and a quote: what
/// imports are read against and what the journal is replayed onto.
pub fn base_project() -> Project {
    let mut p = Project::new("fuzz");
    p.insert_entity(Entity {
        id: EntityId(1),
        name: "Ana Ruiz".into(),
        label: "PERSON".into(),
        aliases: vec!["Ruiz".into()],
        attributes: Default::default(),
    });
    let mut d = Document::new(DocId(1), "first", TEXT);
    let mut s = Span::new(SpanId(1), CharRange::new(11, 19), "PERSON");
    s.entity = Some(EntityId(1));
    d.insert_span(s);
    d.insert_span(Span::new(SpanId(2), CharRange::new(28, 32), "GPE"));
    d.quotes.push(Quote {
        id: QuoteId(1),
        content: vec![CharRange::new(1, 8)],
        speaker: Some(SpanId(1)),
        cue: Some(CharRange::new(20, 24)),
        kind: QuoteKind::Direct,
        origin: gloss::model::Origin::Manual,
        attributes: Default::default(),
    });
    p.insert_document(d);
    p
}

/// The base project, built once.
pub fn base() -> &'static Project {
    static BASE: OnceLock<Project> = OnceLock::new();
    BASE.get_or_init(base_project)
}

/// A user-facing error must be one line that names the file.
pub fn check_message(e: &IoError, file: &Path) {
    let text = e.to_string();
    assert!(!text.contains('\n'), "a message of several lines: {text:?}");
    assert!(
        text.contains(&file.display().to_string()),
        "the message does not name {}: {text:?}",
        file.display()
    );
}

/// A project that came out of a loader or a replay must be sound: valid, and unchanged by a
/// save and a load.
pub fn check_project(p: &Project, what: &str) {
    let problems = validate(p);
    assert!(problems.is_empty(), "{what}: invalid project: {problems:?}");
    let text = project_file::to_ron(p);
    // Compared as text, not with `==`: the file is what must not change (and should a NaN
    // score ever get past `validate` again, it is equal to itself only as text).
    match project_file::from_ron(&text, Path::new("saved.ron")) {
        Ok(back) => assert!(
            project_file::to_ron(&back) == text,
            "{what}: the project changed through save and load"
        ),
        Err(e) => panic!("{what}: the saved project does not load: {e}\n{text}"),
    }
}

/// An import that was accepted must apply to the project it was read against as one command,
/// and leave a sound project.
pub fn check_import(name: &str, project: &Project, import: &Import) {
    let Some(command) = import_command(
        project,
        format!("fuzz {name}"),
        &import.labels,
        (&import.schemes, &import.attributes),
        &import.new_entities,
        &import.updated_entities,
        &import.documents,
    ) else {
        return;
    };
    apply(project, command, name);
}

/// The target of an importer that reads text (`read`, as its `read_str`): `data` as UTF-8,
/// named `file`, read against the base project. Never a panic; an accepted import applies as
/// one command and leaves a sound project; every error of a rejected one is one line naming
/// the file.
pub fn read_text(
    name: &str,
    file: &str,
    data: &[u8],
    read: impl FnOnce(&Path, &str, &Project) -> Result<Import, Rejected>,
) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let file = Path::new(file);
    let project = base();
    match read(file, source, project) {
        Ok(import) => check_import(name, project, &import),
        Err(rejected) => check_rejected(&rejected, file),
    }
}

/// Apply `command` to a copy of `project` (it must apply) and check the result.
pub fn apply(project: &Project, command: Command, what: &str) {
    let mut p = project.clone();
    if let Err(e) = command.apply(&mut p) {
        panic!("{what}: an accepted import does not apply: {e}");
    }
    check_project(&p, what);
}

/// Every error of a rejected import is one line naming the file.
pub fn check_rejected(r: &Rejected, file: &Path) {
    assert!(!r.errors.is_empty(), "rejected without a reason");
    for e in &r.errors {
        check_message(e, file);
    }
}

/// A scratch folder of this process (on tmpfs when there is one, so syncs cost nothing),
/// emptied before each use.
pub fn scratch(name: &str) -> PathBuf {
    let root = if Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let dir = root.join(format!("gloss-fuzz-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}
