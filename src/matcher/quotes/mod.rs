//! The quotes engine: who said what, in English news, by rules.
//!
//! A sieve in the manner of CoreNLP's two-stage quote attribution (Muzny et al. 2017) and the
//! A7 pipeline of the research notes (`quotes-and-matchers.md`): each rule finds quotes of one
//! shape and gives them its own score and a reason the user can read, so the user sees which
//! rule fired and can trust the surer ones. The stages:
//!
//! 1. **Marks** (`marks`): quote marks are classified where they stand, without rewriting the
//!    text, and paired per paragraph with nesting; a quotation over several paragraphs is one
//!    quote with a content range per paragraph. Scare quotes and titles (short or Title Case,
//!    mid-sentence, with no cue next to them) are not quotations.
//! 2. **Cues** (`cues`): the speech, claim and belief verbs of `assets/lexicon/cues.tsv` and
//!    the document verbs of `assets/lexicon/source_cues.tsv`, outside marks.
//! 3. **Direct attribution** (`direct`): the cue and speaker right after or before the marks.
//! 4. **Reported speech** (`reported`): "X said (that) …", "…, X said.", "according to X, …",
//!    each needing a speaker; a content holding a quotation in marks is Mixed.
//! 5. **Fallbacks** for a quotation in marks that no cue attributes: the subject of the clause a
//!    colon ends ("Kane was less hopeful: “…”"); a speaker and cue elsewhere in its paragraph;
//!    else the previous quote's speaker when that quote is in the same or the previous
//!    paragraph (news style: a quotation paragraph continues its speaker) — or, when the two
//!    quotes before alternate between two speakers a paragraph each, the other side of that
//!    conversation; else the person the paragraph before is about, when it quotes nobody.
//! 6. **Speakers** (`speakers`, `resolve`): the phrase next to the cue is a name, a pronoun or a
//!    description; names join their group (surname → full name, the known mentions' entity and
//!    canonical name first) and pronouns their person.
//!
//! Overlapping candidates are settled by score (the earlier on a tie), so no two suggestions'
//! contents overlap; they come sorted by their first content offset. Every stage is one pass
//! over `text::tokenize`'s tokens with windows of bounded size, so the engine is linear in the
//! text's length (about 30–45 MB/s).
//!
//! Rules and scores (the suggestion's `rule`):
//!
//! | rule | shape | score |
//! |---|---|---|
//! | `direct-after` | `"…," SPK CUE` / `"…," CUE SPK` | 0.9 |
//! | `direct-before` | `SPK CUE: "…"`, `According to SPK, "…"` | 0.85 |
//! | `reported-that` | `SPK CUE that …` | 0.75 |
//! | `according-to` | `According to SPK, …` / `…, according to SPK.` | 0.75 |
//! | `reported-clause` | `SPK CUE …` (no "that") | 0.7 |
//! | `reported-inverted` | `…, SPK CUE.` / `…, CUE SPK.` | 0.7 |
//! | `reported-parenthetical` | `A, SPK CUE, B.` | 0.65 |
//! | `direct-colon` | `SPK was blunt: "…"` (no cue; the clause's subject) | 0.65 |
//! | `direct-paragraph` | marks; `SPK CUE` elsewhere in the paragraph | 0.65 |
//! | `direct-floating` | marks; the previous quote's speaker | 0.6 |
//! | `direct-introduced` | marks opening a paragraph; a person's name is the subject of the paragraph before, which quotes nobody | 0.55 |
//! | `direct-conversation` | marks; alternating speakers, the one before last | 0.5 |
//! | `direct-unattributed` | marks, no speaker | 0.45 |
//!
//! A belief cue ("thinks", "hopes") multiplies the score by 0.7, a claim ("argues", "alleges",
//! "the study found") by 0.85, a document or statement as the source ("the report", "court
//! documents"; `sources`) by 0.9; a quote left unclosed loses 0.15, a pronoun that resolves to
//! nobody 0.05. The reason says which: "a belief verb", "a claim", "the source is a document or
//! statement, “the report”", "the source is a group with no name, “officials”".
//!
//! The speaker: `speaker` is the mention in the text next to the cue (the name, pronoun or
//! description), `speaker_mention` its kind, `speaker_label` the known mention's label when it
//! is one (PERSON, ORG, GPE…), else PERSON or ORG from the phrase ("police", "the ministry" are
//! ORG) or, for a pronoun, from its antecedent; `speaker_entity` the entity of the resolved
//! name's known mention, else `speaker_new_entity` its full name. "I" and "we" attribute a
//! quote to nobody.
//!
//! The known mentions the engine is given are [`KnownMention`]s (the name `Mention` is the
//! model's mention *kind*; [`Mention`] here is an alias of [`KnownMention`] for callers that
//! spell it the short way).

mod cues;
mod direct;
mod doc;
mod marks;
mod reported;
mod resolve;
mod roles;
mod sources;
mod speakers;
mod taught;

use std::collections::HashMap;

use crate::matcher::rules::{Gender, Rules};
use crate::model::{EntityId, Mention as MentionKind, Proposal, QuoteKind, Suggestion};

use cues::{CueClass, Lexicon};
use direct::Attr;
use doc::{NONE, QuoteText};
use marks::Marked;
use reported::{Form, Reported, Subjects};
use resolve::People;
use sources::Source;
use speakers::Spk;
pub use taught::{Lesson, Lessons, Taught, phrase as taught_phrase};

/// The bundled cue lexicon: `assets/lexicon/cues.tsv`, then the verbs only documents take
/// (`assets/lexicon/source_cues.tsv`).
pub const CUES: &str = concat!(
    include_str!("../../../assets/lexicon/cues.tsv"),
    include_str!("../../../assets/lexicon/source_cues.tsv")
);

const ENGINE: &str = "quotes";

/// An entity mention already known in the document — a span the user made, or one the entity
/// engines suggest — for the speaker rules: names next to cues, full names for surnames,
/// people for pronouns.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownMention {
    /// Code points, end-exclusive.
    pub start: usize,
    pub end: usize,
    /// PERSON, ORG, GPE, …
    pub label: String,
    pub entity: Option<EntityId>,
    /// The canonical name, when known.
    pub name: Option<String>,
}

/// The short name of [`KnownMention`].
pub use self::KnownMention as Mention;

/// The compiled quotes engine: cue lexicon, gendered first names and the built-in tables.
#[derive(Clone, Debug)]
pub struct Quotes {
    lexicon: Lexicon,
    names: Rules,
    problems: Vec<String>,
}

/// How a quote was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    DirectAfter,
    DirectBefore,
    DirectParagraph,
    DirectColon,
    DirectFloating,
    DirectConversation,
    DirectIntroduced,
    DirectAlone,
    Reported(Form),
}

impl Rule {
    fn name(self) -> &'static str {
        match self {
            Rule::DirectAfter => "direct-after",
            Rule::DirectBefore => "direct-before",
            Rule::DirectParagraph => "direct-paragraph",
            Rule::DirectColon => "direct-colon",
            Rule::DirectFloating => "direct-floating",
            Rule::DirectConversation => "direct-conversation",
            Rule::DirectIntroduced => "direct-introduced",
            Rule::DirectAlone => "direct-unattributed",
            Rule::Reported(Form::That) => "reported-that",
            Rule::Reported(Form::Clause) => "reported-clause",
            Rule::Reported(Form::Inverted) => "reported-inverted",
            Rule::Reported(Form::Parenthetical) => "reported-parenthetical",
            Rule::Reported(Form::According) => "according-to",
        }
    }

    fn score(self) -> f32 {
        match self {
            Rule::DirectAfter => 0.9,
            Rule::DirectBefore => 0.85,
            Rule::Reported(Form::That | Form::According) => 0.75,
            Rule::Reported(Form::Clause | Form::Inverted) => 0.7,
            Rule::Reported(Form::Parenthetical) | Rule::DirectParagraph | Rule::DirectColon => 0.65,
            Rule::DirectFloating => 0.6,
            Rule::DirectIntroduced => 0.55,
            Rule::DirectConversation => 0.5,
            Rule::DirectAlone => 0.45,
        }
    }
}

/// A quote before its speaker is resolved.
#[derive(Clone, Debug)]
struct QuoteCandidate {
    /// Content token ranges, in order.
    content: Vec<(usize, usize)>,
    /// Index into the cue hits.
    cue: Option<usize>,
    spk: Option<Spk>,
    kind: QuoteKind,
    rule: Rule,
    class: CueClass,
    /// A person, a document or a group.
    source: Source,
    unclosed: bool,
    /// Attributed, though to "I" or "we": no speaker to look for elsewhere.
    first_person: bool,
}

impl QuoteCandidate {
    fn score(&self) -> f32 {
        let mut s = self.rule.score();
        match self.class {
            CueClass::Belief => s *= 0.7,
            CueClass::Claim => s *= 0.85,
            CueClass::Speech => {}
        }
        if self.source == Source::Document {
            s *= 0.9;
        }
        if self.unclosed {
            s -= 0.15;
        }
        s
    }
}

/// Who a speaker turned out to be.
#[derive(Clone, Debug)]
struct Who {
    range: (usize, usize),
    kind: MentionKind,
    label: &'static str,
    entity: Option<EntityId>,
    new_entity: Option<String>,
    /// Group in `People`, for salience.
    key: Option<u32>,
    /// How a pronoun was resolved, for the reason.
    note: Option<String>,
    unresolved_pronoun: bool,
}

impl Quotes {
    /// `cues_tsv`: assets/lexicon/cues.tsv ([`CUES`]); `first_names_tsv`:
    /// assets/names/first_names.tsv (name\tgender(f|m|u)\tflags). Lines that cannot be read
    /// are skipped (see [`Quotes::problems`]).
    pub fn new(cues_tsv: &str, first_names_tsv: &str) -> Self {
        let (lexicon, problems) = Lexicon::parse(cues_tsv);
        Self {
            lexicon,
            names: Rules::from_tsv(first_names_tsv),
            problems,
        }
    }

    /// Lines of the cue lexicon that were skipped, as "line N: why".
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// How many cue forms the lexicon holds.
    pub fn cue_count(&self) -> usize {
        self.lexicon.len()
    }

    /// Quote suggestions for `text`. `mentions`: entity mentions known in this document — the
    /// user's spans and the entity engines' suggestions — sorted by start.
    pub fn suggest(&self, text: &str, mentions: &[KnownMention]) -> Vec<Suggestion> {
        self.suggest_taught(text, mentions, Lessons::default())
    }

    /// [`Quotes::suggest`] with what the user's links in other documents teach: a description
    /// speaker ("the mayor") linked to an entity elsewhere in the project resolves to that
    /// entity when this document mentions it (see [`Taught`]).
    pub fn suggest_taught(
        &self,
        text: &str,
        mentions: &[KnownMention],
        lessons: Lessons,
    ) -> Vec<Suggestion> {
        let mut doc = QuoteText::new(text, mentions);
        let marked = marks::pair(&doc);
        for (qi, q) in marked.iter().enumerate() {
            for p in &q.parts {
                let end = p.close.map_or(p.b, |c| c + 1);
                for slot in &mut doc.quote_of[p.open..end] {
                    *slot = qi as u32 + 1;
                }
            }
        }
        let doc = doc;
        let lex = &self.lexicon;
        let hits = lex.find(&doc);
        let mut hit_at = vec![NONE; doc.len()];
        for (h, hit) in hits.iter().enumerate() {
            hit_at[hit.a] = h as u32;
        }

        let mut directs = direct::attribute(&doc, lex, &marked, &hits, &hit_at);
        let mut used = vec![false; hits.len()];
        let mut subjects = Subjects {
            list: Vec::new(),
            added: Vec::new(),
        };
        for d in &directs {
            if let Some(c) = d.cue {
                used[c] = true;
                if let Some(s) = d.spk.as_ref().filter(|s| !s.is_first_person()) {
                    subjects.list.push((hits[c].a, s.clone()));
                }
            }
        }
        subjects.list.sort_by_key(|(at, _)| *at);
        let mut found = reported::find(&doc, lex, &hits, &mut used, &mut subjects);
        found.extend(reported::inverted_verb_first(&doc, lex, &hits, &mut used));
        subjects.merge();

        let mut cands: Vec<QuoteCandidate> = Vec::new();
        for r in found {
            if let Some(c) = absorb(&doc, &marked, &mut directs, r) {
                cands.push(c);
            }
        }
        for d in &directs {
            if d.absorbed {
                continue;
            }
            let q = &marked[d.quote];
            if d.attr == Attr::None && !is_quotation(&doc, q) {
                continue;
            }
            let mut content: Vec<(usize, usize)> = q.parts.iter().map(|p| (p.a, p.b)).collect();
            let mut unclosed = !q.closed;
            for &m in &d.merged {
                let mq = &marked[directs[m].quote];
                content.extend(mq.parts.iter().map(|p| (p.a, p.b)));
                unclosed = !mq.closed;
            }
            let class = d
                .cue
                .map_or(CueClass::Speech, |c| lex.cue(hits[c].cue).class);
            let spk = d.spk.clone().filter(|s| !s.is_first_person());
            cands.push(QuoteCandidate {
                content,
                cue: d.cue,
                source: spk
                    .as_ref()
                    .map_or(Source::Speaker, |s| sources::classify(&doc, s)),
                spk,
                kind: QuoteKind::Direct,
                rule: match d.attr {
                    Attr::After => Rule::DirectAfter,
                    Attr::Before => Rule::DirectBefore,
                    Attr::None => Rule::DirectAlone,
                },
                class,
                unclosed,
                first_person: d.spk.as_ref().is_some_and(Spk::is_first_person),
            });
        }
        let kept = without_overlaps(cands);

        let mut people = People::build(&doc, &self.names);
        for c in &kept {
            let Some(s) = c.spk.as_ref().filter(|s| s.kind == MentionKind::Name) else {
                continue;
            };
            let (a, b) = s
                .mention
                .and_then(|m| doc.mention_toks[m])
                .unwrap_or((s.a, s.b));
            let Some(key) = people.key_of(&doc, a, b) else {
                continue;
            };
            // Whoever speaks is a person (unless an organisation), of the gender a title says
            // or, in "Obama said he was willing", the pronoun opening the reported speech.
            people.mark_speaker(key);
            if let Some(g) = s.gender {
                people.vote(key, g);
            }
            if matches!(c.kind, QuoteKind::Indirect | QuoteKind::Mixed) {
                match speakers::pronoun(doc.w(c.content[0].0)) {
                    Some(speakers::Pron::He) => people.vote(key, Gender::Male),
                    Some(speakers::Pron::She) => people.vote(key, Gender::Female),
                    _ => {}
                }
            }
        }

        people.attach_roles(&doc);
        self.finish(&doc, &hits, &subjects, &people, kept, lessons)
    }

    /// Fallbacks, speaker resolution and the suggestions, in text order.
    fn finish(
        &self,
        doc: &QuoteText,
        hits: &[cues::CueHit],
        subjects: &Subjects,
        people: &People,
        kept: Vec<QuoteCandidate>,
        lessons: Lessons,
    ) -> Vec<Suggestion> {
        let mut quoted: HashMap<u32, u32> = HashMap::new();
        let mut out: Vec<Suggestion> = Vec::with_capacity(kept.len());
        // The last two quotes, for floating quotes and conversations.
        let mut turns: Vec<Turn> = Vec::new();
        // Each quote's successor when a name attributes it right after or before: a floating
        // quote whose previous speaker has no name may be the next quote's speaker's.
        let ahead: Vec<Option<(u32, bool, Spk)>> = (0..kept.len())
            .map(|i| {
                let n = kept.get(i + 1)?;
                let s = n.spk.as_ref().filter(|s| s.kind == MentionKind::Name)?;
                if !matches!(n.rule, Rule::DirectAfter | Rule::DirectBefore) {
                    return None;
                }
                let first = n.content[0].0;
                let p = doc.para_of[first];
                Some((p, doc.paras[p as usize].0 + 1 >= first, s.clone()))
            })
            .collect();
        for (i, mut c) in kept.into_iter().enumerate() {
            let first_tok = c.content[0].0;
            let last_tok = c.content[c.content.len() - 1].1 - 1;
            let (para, last_para) = (doc.para_of[first_tok], doc.para_of[last_tok]);
            let opens_para =
                c.kind == QuoteKind::Direct && doc.paras[para as usize].0 + 1 >= first_tok;
            let mut inherited: Option<Turn> = None;
            let attributed = matches!(c.rule, Rule::DirectAfter | Rule::DirectBefore);
            if c.spk.is_none() && attributed && !c.first_person {
                // A cue with no subject of its own (", adding: “…”").
                c.spk = nearest_subject(doc, subjects, first_tok, last_tok).map(|(_, s)| s);
            }
            if c.spk.is_none() && c.rule == Rule::DirectAlone && !c.first_person {
                let open = first_tok.saturating_sub(1);
                let colon = open > 0 && doc.w(open - 1) == ":";
                let introduced = colon
                    .then(|| {
                        let sa = doc.sents[doc.sent_of[open - 1] as usize].0;
                        speakers::clause_subject(doc, sa, open - 1)
                    })
                    .flatten()
                    .filter(|s| !s.is_first_person());
                if let Some(s) = introduced {
                    c.spk = Some(s);
                    c.rule = Rule::DirectColon;
                } else if let Some((at, s)) = nearest_subject(doc, subjects, first_tok, last_tok) {
                    c.spk = Some(s);
                    c.cue = hits.binary_search_by_key(&at, |h| h.a).ok();
                    c.rule = Rule::DirectParagraph;
                } else if let Some((rule, turn)) = inherit(&turns, para, opens_para) {
                    c.rule = rule;
                    inherited = Some(turn);
                } else if let Some(s) = opens_para
                    .then(|| paragraph_subject(doc, &self.names, para))
                    .flatten()
                {
                    c.spk = Some(s);
                    c.rule = Rule::DirectIntroduced;
                }
            }
            let nameless = |t: &Turn| {
                t.who.as_ref().is_some_and(|w| {
                    w.kind == MentionKind::Nominal && w.entity.is_none() && w.new_entity.is_none()
                })
            };
            let whole_para = opens_para && doc.paras[last_para as usize].1 <= last_tok + 3;
            let mut from_next = false;
            if c.rule == Rule::DirectFloating
                && whole_para
                && inherited.as_ref().is_some_and(nameless)
                && let Some((p, true, s)) = &ahead[i]
                && *p == last_para + 1
            {
                // A quotation paragraph after an unnamed source, before a named speaker's
                // quote: the named speaker's words, introduced a paragraph early.
                c.spk = Some(s.clone());
                inherited = None;
                from_next = true;
            }
            let who = match &inherited {
                Some(t) => t.who.clone(),
                None => c
                    .spk
                    .as_ref()
                    .map(|s| self.who(doc, people, s, &quoted, &c.content, lessons)),
            };
            let who = who.map(|mut w| {
                if from_next {
                    w.note = Some(
                        "rather the next quote's speaker: the previous one is not named".into(),
                    );
                }
                w
            });
            let mut score = c.score();
            if who.as_ref().is_some_and(|w| w.unresolved_pronoun) {
                score -= 0.05;
            }
            if let Some(k) = who.as_ref().and_then(|w| w.key) {
                quoted.insert(k, last_para);
            }
            let narrator = match &inherited {
                Some(t) => t.narrator,
                None => c.first_person,
            };
            if who.is_some() || narrator {
                turns.push(Turn {
                    who: who.clone(),
                    narrator,
                    first_para: para,
                    last_para,
                    opens_para,
                });
            } else {
                turns.clear();
            }
            if turns.len() > 2 {
                turns.remove(0);
            }
            out.push(self.suggestion(doc, hits, &c, who.as_ref(), score, inherited.is_some()));
        }
        out
    }

    /// Resolve a speaker phrase.
    fn who(
        &self,
        doc: &QuoteText,
        people: &People,
        s: &Spk,
        quoted: &HashMap<u32, u32>,
        content: &[(usize, usize)],
        lessons: Lessons,
    ) -> Who {
        let range = doc.chars(s.a, s.b);
        let mut w = Who {
            range,
            kind: s.kind,
            label: s.label,
            entity: None,
            new_entity: None,
            key: None,
            note: None,
            unresolved_pronoun: false,
        };
        match s.kind {
            MentionKind::Name => {
                let toks = s.mention.and_then(|m| doc.mention_toks[m]);
                let (a, b) = toks.unwrap_or((s.a, s.b));
                let key = people.key_of(doc, a, b);
                w.key = key;
                let known = s.mention.map(|m| &doc.mentions[m]);
                w.entity = known.and_then(|m| m.entity);
                if w.entity.is_none() {
                    w.new_entity = known.and_then(|m| m.name.clone());
                }
                // A surname the entity engines named after itself ("Keller") is the full name
                // its group has ("Rob Keller"), as a surname with no known mention would be.
                if w.entity.is_none()
                    && let (Some(n), Some(k)) = (&w.new_entity, key)
                {
                    let c = &people.canon[k as usize];
                    if c.name.len() > n.len() && c.name.split(' ').any(|p| p == n) {
                        w.entity = c.entity;
                        w.new_entity = c.entity.is_none().then(|| c.name.clone());
                    }
                }
                if w.entity.is_none() && w.new_entity.is_none() {
                    match key {
                        Some(k) => {
                            let c = &people.canon[k as usize];
                            w.entity = c.entity;
                            if c.entity.is_none() {
                                w.new_entity = Some(c.name.clone());
                            }
                        }
                        // A name seen only here ("Reuters reported"): its own canonical name.
                        None => w.new_entity = Some(one_line(doc.slice(a, b))),
                    }
                }
            }
            MentionKind::Pronoun => match people.antecedent(doc, s, quoted, content) {
                Some((k, label)) => {
                    let c = &people.canon[k as usize];
                    w.key = Some(k);
                    w.label = label;
                    w.entity = c.entity;
                    if c.entity.is_none() {
                        w.new_entity = Some(c.name.clone());
                    }
                    w.note = Some(format!("{} = {}", one_line(doc.slice(s.a, s.b)), c.name));
                }
                // No organisation: a document ("the report … it said") or a group ("officials
                // … they said") the subject of a recent sentence. The proposal links a speaker
                // to an entity, not to another mention, so the reason names it.
                None => match s
                    .pron
                    .and_then(|p| sources::pronoun_antecedent(doc, s.a, p))
                {
                    Some((a, b, source, back)) => {
                        let what = if source == Source::Document {
                            w.label = "ORG";
                            "a document"
                        } else {
                            w.label = "PERSON";
                            "a group"
                        };
                        let when = match back {
                            0 => "in the same sentence".to_string(),
                            1 => "1 sentence earlier".to_string(),
                            n => format!("{n} sentences earlier"),
                        };
                        w.note = Some(format!(
                            "{} = {} ({what}, {when})",
                            one_line(doc.slice(s.a, s.b)),
                            one_line(doc.slice(a, b)).to_lowercase()
                        ));
                    }
                    None => w.unresolved_pronoun = true,
                },
            },
            MentionKind::Nominal => {
                // A description: the entity the article introduced with that role or type.
                if let Some((k, note)) = people.describe(doc, s, quoted, lessons) {
                    let c = &people.canon[k as usize];
                    w.key = Some(k);
                    w.entity = c.entity;
                    if c.entity.is_none() {
                        w.new_entity = Some(c.name.clone());
                    }
                    w.note = Some(note);
                }
            }
        }
        w
    }

    fn suggestion(
        &self,
        doc: &QuoteText,
        hits: &[cues::CueHit],
        c: &QuoteCandidate,
        who: Option<&Who>,
        score: f32,
        inherited: bool,
    ) -> Suggestion {
        let content: Vec<(usize, usize)> =
            c.content.iter().map(|&(a, b)| doc.chars(a, b)).collect();
        let cue = c.cue.map(|h| doc.chars(hits[h].a, hits[h].b));
        let attribution = c.cue.map(|h| {
            let hit = hits[h];
            let (mut a, mut b) = (hit.a, hit.b);
            if let Some(s) = &c.spk
                && !inherited
                && s.np_a.abs_diff(hit.a) < 12
            {
                a = a.min(s.np_a);
                b = b.max(s.np_b);
            }
            one_line(doc.slice(a, b))
        });
        let mut reason = match (c.rule, attribution) {
            (Rule::DirectAfter, Some(at)) => format!("in quote marks, followed by “{at}”"),
            (Rule::DirectBefore, Some(at)) => format!("in quote marks, introduced by “{at}”"),
            (Rule::DirectParagraph, Some(at)) => {
                format!("in quote marks; “{at}” in the same paragraph")
            }
            (Rule::DirectColon, _) => match &c.spk {
                Some(s) => format!(
                    "in quote marks after a colon; “{}” is the clause's subject",
                    one_line(doc.slice(s.a, s.b))
                ),
                None => "in quote marks after a colon".to_string(),
            },
            (Rule::DirectFloating, _) => {
                "in quote marks with no attribution; the previous quote's speaker".to_string()
            }
            (Rule::DirectIntroduced, _) => match &c.spk {
                Some(s) => format!(
                    "in quote marks with no attribution; “{}” is the subject of the paragraph \
                     before",
                    one_line(doc.slice(s.a, s.b))
                ),
                None => "in quote marks with no attribution".to_string(),
            },
            (Rule::DirectConversation, _) => {
                "in quote marks with no attribution; the other side of a conversation".to_string()
            }
            (Rule::Reported(Form::Inverted | Form::Parenthetical), Some(at)) => {
                format!("reported speech attributed by “{at}”")
            }
            (Rule::Reported(Form::According), Some(at)) => format!("reported speech, “{at}”"),
            (Rule::Reported(_), Some(at)) => format!("reported speech after “{at}”"),
            _ => "in quote marks with no attribution".to_string(),
        };
        if c.kind == QuoteKind::Mixed {
            reason.push_str("; holds a verbatim quotation");
        }
        match c.class {
            CueClass::Belief => reason.push_str("; a belief verb, weaker than speech"),
            CueClass::Claim => reason.push_str("; a claim, weaker than plain speech"),
            CueClass::Speech => {}
        }
        match (c.source, &c.spk) {
            (Source::Document, Some(s)) => reason.push_str(&format!(
                "; the source is a document or statement, “{}”",
                one_line(doc.slice(s.a, s.b))
            )),
            (Source::Group, Some(s)) => reason.push_str(&format!(
                "; the source is a group with no name, “{}”",
                one_line(doc.slice(s.a, s.b))
            )),
            _ => {}
        }
        if c.unclosed {
            reason.push_str("; the closing mark is missing");
        }
        if let Some(note) = who.and_then(|w| w.note.as_ref()) {
            reason.push_str("; ");
            reason.push_str(note);
        }
        Suggestion {
            proposal: Proposal::Quote {
                content,
                cue,
                speaker: who.map(|w| w.range),
                speaker_label: who.map(|w| w.label.to_string()),
                speaker_mention: who.map_or(MentionKind::Name, |w| w.kind),
                speaker_entity: who.and_then(|w| w.entity),
                speaker_new_entity: who.and_then(|w| w.new_entity.clone()),
                kind: c.kind,
            },
            score: score.clamp(0.05, 0.99),
            engine: ENGINE.into(),
            rule: c.rule.name().to_string(),
            reason,
        }
    }
}

/// Text from the document for a reason, which is one line: line breaks become spaces.
fn one_line(s: &str) -> String {
    if s.contains(['\n', '\r']) {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.to_string()
    }
}

/// A quote's speaker, remembered for the quotes after it.
#[derive(Clone, Debug)]
struct Turn {
    who: Option<Who>,
    /// Attributed to "I": the narrator, a speaker with no name.
    narrator: bool,
    first_para: u32,
    last_para: u32,
    /// The quote opens its paragraph.
    opens_para: bool,
}

impl Turn {
    fn same_speaker(&self, other: &Turn) -> bool {
        match (&self.who, &other.who) {
            (Some(a), Some(b)) => match (a.key, b.key) {
                (Some(x), Some(y)) => x == y,
                _ => a.range == b.range,
            },
            (None, None) => self.narrator == other.narrator,
            _ => false,
        }
    }
}

/// The speaker of a quote nobody is attributed to, from the quotes before it: the previous
/// quote's in the same or the next paragraph (news: a quotation paragraph continues its
/// speaker) — unless the two quotes before alternate between two speakers, a paragraph each,
/// and this one opens the next paragraph: then it is the other side of the conversation
/// (CoreNLP's `conv` sieve).
fn inherit(turns: &[Turn], para: u32, opens_para: bool) -> Option<(Rule, Turn)> {
    let p1 = turns.last()?;
    if p1.last_para == para {
        return Some((Rule::DirectFloating, p1.clone()));
    }
    if p1.last_para + 1 != para {
        return None;
    }
    if let [p2, _] = turns
        && opens_para
        && p1.opens_para
        && p2.opens_para
        && p2.last_para + 1 == p1.first_para
        && !p2.same_speaker(p1)
    {
        return Some((Rule::DirectConversation, p2.clone()));
    }
    p1.who.is_some().then(|| (Rule::DirectFloating, p1.clone()))
}

/// The person a run of quotation paragraphs is about, when the paragraph before the quote at
/// paragraph `para` has no quote marks and one of its sentences opens with a person's name as
/// its subject ("Marguerite Osei, who has worked in intensive care for 14 years, stood at the
/// front of the picket line." then “…” paragraphs).
fn paragraph_subject(doc: &QuoteText, names: &Rules, para: u32) -> Option<Spk> {
    let prev = para.checked_sub(1)? as usize;
    let (pa, pb) = doc.paras[prev];
    if (pa..pb).any(|i| doc.in_quote(i)) {
        return None;
    }
    let first = doc.sent_of[pa] as usize;
    let last = doc.sent_of[pb - 1] as usize;
    (first..=last).take(4).find_map(|k| {
        let (sa, sb) = doc.sents[k];
        let (sa, sb) = (sa.max(pa), sb.min(pb));
        let mut a = sa;
        while a < sb && matches!(doc.w(a), "But" | "And" | "Then" | "Still" | "Yet") {
            a += 1;
        }
        // A known name, a full name or a first name: a capitalised word opening a sentence
        // ("Tickets sold out") is no one.
        let s = speakers::after_head(doc, a).filter(|s| {
            s.kind == MentionKind::Name
                && s.label == "PERSON"
                && s.np_a == a
                && (s.mention.is_some() || s.b - s.a >= 2 || names.gender(doc.w(s.a)).is_some())
        })?;
        let mut k = s.np_b;
        // Past an apposition or relative clause: "Osei, who has worked there for 14 years,".
        if k < sb && doc.w(k) == "," {
            k = (k + 1..sb.min(k + 26)).find(|&i| doc.w(i) == ",")? + 1;
        }
        let verb = k < sb && doc.is_lower(k) && !matches!(doc.w(k), "and" | "or" | "of" | "who");
        verb.then_some(s)
    })
}

/// Turn reported speech into a candidate, taking in the quotations in marks it holds (Mixed),
/// or becoming the quotation itself when it is nothing else ("said that “…”"). Reported speech
/// that runs into a quotation attributed by another cue is dropped.
fn absorb(
    doc: &QuoteText,
    marked: &[Marked],
    directs: &mut [direct::Direct],
    r: Reported,
) -> Option<QuoteCandidate> {
    let mut inside: Vec<usize> = Vec::new();
    for &(a, b) in &r.content {
        for t in a..b {
            let q = doc.quote_of[t];
            if q != 0 && inside.last() != Some(&(q as usize - 1)) {
                inside.push(q as usize - 1);
            }
        }
    }
    // Quote indices equal direct indices: `attribute` makes one per marked quote, in order.
    if inside
        .iter()
        .any(|&q| directs[q].attr != Attr::None && directs[q].cue != Some(r.cue))
    {
        return None;
    }
    let mut kind = QuoteKind::Indirect;
    let mut content = r.content;
    if let [q] = inside[..] {
        let m = &marked[q];
        if content.len() == 1 && content[0].0 == m.open() && content[0].1 >= m.after() {
            kind = QuoteKind::Direct;
            content = m.parts.iter().map(|p| (p.a, p.b)).collect();
        }
    }
    if !inside.is_empty() && kind == QuoteKind::Indirect {
        kind = QuoteKind::Mixed;
    }
    for &q in &inside {
        directs[q].absorbed = true;
    }
    let unclosed = inside.iter().any(|&q| !marked[q].closed) && kind == QuoteKind::Direct;
    Some(QuoteCandidate {
        content,
        cue: Some(r.cue),
        source: r
            .spk
            .as_ref()
            .map_or(Source::Speaker, |s| sources::classify(doc, s)),
        spk: r.spk,
        kind,
        rule: Rule::Reported(r.form),
        class: r.class,
        unclosed,
        first_person: false,
    })
}

/// A quotation, not a scare quote or a title: a sentence of its own, or ending in punctuation,
/// or over several paragraphs, or long; never a short Title Case phrase mid-sentence.
fn is_quotation(doc: &QuoteText, q: &Marked) -> bool {
    let words = q.words(doc);
    if words == 0 {
        return false;
    }
    let last = q.last_token() - 1;
    let punct_end = matches!(
        doc.w(last),
        "." | "!" | "?" | "," | "…" | "..." | ";" | ":" | "—" | "?!" | "!?" | "--"
    );
    let open = q.open();
    let opens_sentence = open == doc.sents[doc.sent_of[open] as usize].0
        || doc.line_break_before(open)
        || (open > 0
            && (matches!(doc.w(open - 1), "—" | "--" | "–" | "(" | ":")
                || doc.is_stop(open - 1)
                || doc.quote_of[open - 1] != 0));
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the"
                | "and"
                | "a"
                | "an"
                | "in"
                | "on"
                | "for"
                | "to"
                | "at"
                | "with"
                | "from"
                | "by"
                | "or"
                | "&"
        )
    };
    let title_case = words >= 2
        && q.parts.iter().all(|p| {
            (p.a..p.b)
                .filter(|&i| doc.is_word(i))
                .all(|i| doc.is_cap(i) || small(doc.w(i)))
        });
    let exclaims = matches!(doc.w(last), "!" | "?" | "?!" | "!?");
    if title_case && !exclaims {
        return false;
    }
    // Mid-sentence, a short phrase is a scare quote or a word under discussion, even with
    // punctuation inside the marks ("called it “the house,” and").
    q.parts.len() > 1 || opens_sentence || words >= 7 || (punct_end && words >= 4)
}

/// Keep the highest-scoring of overlapping candidates (the earlier on a tie), in text order.
fn without_overlaps(mut cands: Vec<QuoteCandidate>) -> Vec<QuoteCandidate> {
    cands.sort_by(|a, b| {
        b.score()
            .total_cmp(&a.score())
            .then(a.content[0].0.cmp(&b.content[0].0))
    });
    let mut kept: Vec<QuoteCandidate> = Vec::with_capacity(cands.len());
    // Content ranges taken so far, sorted, for an overlap test in log time.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for c in cands {
        let clash = c.content.iter().any(|&(a, b)| {
            taken
                .range(..b)
                .next_back()
                .is_some_and(|(_, &end)| end > a)
        });
        if clash {
            continue;
        }
        for &(a, b) in &c.content {
            taken.insert(a, b);
        }
        kept.push(c);
    }
    kept.sort_by_key(|c| c.content[0].0);
    kept
}

/// The speaker of the nearest `SPK CUE` in the paragraph of a quote at tokens
/// `first..=last`, outside it.
fn nearest_subject(
    doc: &QuoteText,
    subjects: &Subjects,
    first: usize,
    last: usize,
) -> Option<(usize, Spk)> {
    // Only the subjects inside the paragraphs the quote spans: a slice of the sorted list.
    let from = doc.paras[doc.para_of[first] as usize].0;
    let to = doc.paras[doc.para_of[last] as usize].1;
    let a = subjects.list.partition_point(|(at, _)| *at < from);
    let b = subjects.list.partition_point(|(at, _)| *at < to);
    subjects.list[a..b]
        .iter()
        .filter(|(at, s)| !s.is_first_person() && (*at < first || *at > last))
        .min_by_key(|(at, _)| if *at < first { first - at } else { at - last })
        .cloned()
}

#[cfg(test)]
mod tests;
