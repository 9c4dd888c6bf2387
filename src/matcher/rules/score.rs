//! The rules' scores, in one place so they can be read and tuned together. Rules for wire news
//! (datelines, clubs, companies, the press) keep their scores where they are used.

pub const TITLE: f32 = 0.9;
pub const FIRST_NAME: f32 = 0.8;
/// A first name that is also a word ("Mark"), capitalised mid-sentence.
pub const FIRST_NAME_AMBIGUOUS: f32 = 0.65;
/// The same at a sentence start, where the capital says less.
pub const FIRST_NAME_AMBIGUOUS_INITIAL: f32 = 0.5;
pub const PARTICLE_NAME: f32 = 0.65;
/// A name with an age set off by commas ("Jan Kowalski, 45, who").
pub const AGE: f32 = 0.8;
/// A name set off by commas next to a role ("the chairman, Jan Kowalski, said").
pub const APPOSITION: f32 = 0.75;
pub const EAST_ASIAN_NAME: f32 = 0.7;
pub const SPEECH_MULTI: f32 = 0.7;
pub const SPEECH_SINGLE: f32 = 0.55;
pub const ORG_OF: f32 = 0.85;
pub const ORG_SINGLE: f32 = 0.6;
pub const LOC_HEAD: f32 = 0.6;
pub const EVENT_HEAD: f32 = 0.6;
pub const MISC_HEAD: f32 = 0.6;
pub const GPE_CUE: f32 = 0.6;
/// An explicit definition ("… (IMF)") is as good as a list entry.
pub const ACRONYM_LONG_FORM: f32 = 0.9;
pub const ACRONYM: f32 = 0.85;
/// An acronym no one defines that spells an organisation named elsewhere in the document.
pub const ACRONYM_ELSEWHERE: f32 = 0.75;
pub const ALIAS: f32 = 0.7;
pub const SURNAME: f32 = 0.8;
/// A multi-word name repeated verbatim keeps its source's score, up to this.
pub const REPEAT: f32 = 0.9;
/// Taken off when a sequence starts at an ambiguous position without evidence.
pub const UNSURE_START: f32 = 0.1;
