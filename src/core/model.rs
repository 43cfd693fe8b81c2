//! The dataset: reports, their paragraphs, sectors, places, activities and events, each datum tied
//! to the exact passage it came from. The serde derives read and write the file, in the browser
//! and in the native `dataset` command; the README's "The dataset" section explains every field.

use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 2;

/// The whole bundled dataset (one JSON file).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema_version: u32,
    pub dataset: DatasetInfo,
    pub reports: Vec<Report>,
    pub sectors: Vec<Sector>,
    /// The kinds of figure that may be summed across activities.
    pub measures: Vec<MeasureDef>,
    pub places: Vec<Place>,
    pub activities: Vec<Activity>,
    pub events: Vec<Event>,
    /// What the report says came of activities, each in its own words (schema version 2).
    pub outcomes: Vec<Outcome>,
    /// Each activity's searchable text, folded, built on first use (not part of the file).
    #[serde(skip)]
    pub search: std::sync::OnceLock<Vec<String>>,
    /// Each activity's outcome (its position in `outcomes`), by the activity's position, built
    /// on first use (not part of the file).
    #[serde(skip)]
    pub outcome_at: std::sync::OnceLock<Vec<Option<u32>>>,
}

/// Who made the dataset, which version it is, and how.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetInfo {
    pub id: String,
    pub version: String,
    pub title: String,
    pub method: String,
    pub licence: String,
    /// The code list behind `Sector::dac`.
    pub dac_code_list: String,
    /// The framework behind `Sector::framework`.
    pub framework: String,
}

/// One source report, with its full text split into paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub id: String,
    pub title: String,
    pub country: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    pub year: i32,
    /// Who wrote it, as a reference manager takes a corporate author ("U.S. Department of State").
    pub author: String,
    pub publisher: String,
    /// When it was published (the report covers `year`; it came out the year after).
    pub published: PartialDate,
    pub source_url: String,
    pub licence: String,
    /// How to cite the report itself.
    pub citation: String,
    pub paragraphs: Vec<Paragraph>,
    /// Content paragraphs that no datum cites, each with the reason.
    #[serde(default)]
    pub context: Vec<ContextNote>,
    /// Numbers and dates in the text that are deliberately not data, each with the reason.
    #[serde(default)]
    pub not_data: Vec<NotData>,
}

/// A paragraph of a report, text exactly as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    pub role: ParagraphRole,
    pub text: String,
}

/// What a paragraph is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphRole {
    /// The report's prose: everything in it must be cited or explained.
    Content,
    Title,
    Byline,
    /// Seal, flag graphic, footer, "for more information" line: kept, but not content.
    Furniture,
}

impl ParagraphRole {
    /// Parses the JSON identifier.
    pub fn from_id(s: &str) -> Option<Self> {
        Some(match s {
            "content" => Self::Content,
            "title" => Self::Title,
            "byline" => Self::Byline,
            "furniture" => Self::Furniture,
            _ => return None,
        })
    }
}

/// Why a content paragraph is cited by nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextNote {
    pub paragraph: String,
    pub reason: String,
}

/// A number or date in the text that is not a datum, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotData {
    pub evidence: Evidence,
    pub reason: String,
}

/// A theme of the report, mapped to the U.S. and OECD classifications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: String,
    pub name: String,
    /// Short label for chart axes.
    pub short: String,
    pub description: String,
    /// The 2006 U.S. Foreign Assistance Framework objective and program area.
    pub framework: FrameworkArea,
    pub dac: DacCode,
    /// Colour from the shared colour-blind-safe palette, `#rrggbb`.
    pub colour: String,
}

/// An objective and program area of the U.S. Foreign Assistance Framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkArea {
    pub objective: String,
    pub program_area: String,
}

/// An OECD DAC CRS purpose code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DacCode {
    pub code: u32,
    pub name: String,
}

/// A kind of figure that is comparable across activities, so it may be summed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureDef {
    pub id: String,
    /// "People trained".
    pub label: String,
    /// Exactly what is counted.
    pub description: String,
}

/// A place the report names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
}

/// What sort of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

impl PlaceKind {
    /// Parses the JSON identifier.
    pub fn from_id(s: &str) -> Option<Self> {
        Some(match s {
            "country" => Self::Country,
            "region" => Self::Region,
            "city" => Self::City,
            _ => return None,
        })
    }
}

/// One U.S. program, grant, training, exchange, advocacy step or diplomatic action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: String,
    pub report: String,
    pub title: String,
    /// One sentence, in our words.
    pub summary: String,
    /// Exactly one, so totals never double count.
    pub sector: String,
    /// Secondary sectors.
    #[serde(default)]
    pub tags: Vec<String>,
    pub kind: ActivityKind,
    /// Only where the text says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    pub time: Time,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// Place ids.
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// At least one passage; the first is the main one.
    pub evidence: Vec<Evidence>,
}

/// What sort of thing the United States did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Diplomacy,
    Advocacy,
    PublicDiplomacy,
    AssistanceProgram,
    Grant,
    Training,
    Exchange,
    TechnicalAssistance,
    PublicEvent,
}

impl ActivityKind {
    /// Every kind, in display order.
    pub const ALL: [ActivityKind; 9] = [
        ActivityKind::Diplomacy,
        ActivityKind::Advocacy,
        ActivityKind::PublicDiplomacy,
        ActivityKind::AssistanceProgram,
        ActivityKind::Grant,
        ActivityKind::Training,
        ActivityKind::Exchange,
        ActivityKind::TechnicalAssistance,
        ActivityKind::PublicEvent,
    ];

    /// The identifier used in JSON and URLs.
    pub fn id(self) -> &'static str {
        match self {
            ActivityKind::Diplomacy => "diplomacy",
            ActivityKind::Advocacy => "advocacy",
            ActivityKind::PublicDiplomacy => "public_diplomacy",
            ActivityKind::AssistanceProgram => "assistance_program",
            ActivityKind::Grant => "grant",
            ActivityKind::Training => "training",
            ActivityKind::Exchange => "exchange",
            ActivityKind::TechnicalAssistance => "technical_assistance",
            ActivityKind::PublicEvent => "public_event",
        }
    }

    /// Parses the JSON/URL identifier.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// Where an activity stood, as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ongoing,
    Completed,
    Suspended,
    Launched,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 4] = [
        Status::Ongoing,
        Status::Launched,
        Status::Completed,
        Status::Suspended,
    ];

    /// The identifier used in JSON and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Status::Ongoing => "ongoing",
            Status::Completed => "completed",
            Status::Suspended => "suspended",
            Status::Launched => "launched",
        }
    }

    /// Parses the JSON/URL identifier.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// When an activity happened, with its honest precision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Time {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the string's form is its precision.
    pub start: PartialDate,
    /// For periods only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub basis: TimeBasis,
    /// For `basis: derived`: how the date was worked out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<String>,
    /// The passages that give the time; empty only for `basis: report_scope`.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// Where a time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeBasis {
    /// The text gives it ("in June", "during the year").
    Stated,
    /// Computed from what the text gives; see `reasoning`.
    Derived,
    /// The text gives no time; the report covers its year only.
    ReportScope,
}

impl TimeBasis {
    /// The identifier used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Derived => "derived",
            Self::ReportScope => "report_scope",
        }
    }

    /// Parses the JSON identifier.
    pub fn from_id(s: &str) -> Option<Self> {
        [Self::Stated, Self::Derived, Self::ReportScope]
            .into_iter()
            .find(|b| b.id() == s)
    }
}

/// A date known to a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            Precision::Year => "year only",
            Precision::Month => "month",
            Precision::Day => "exact day",
        }
    }
}

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month `m` (1-based).
pub fn month_name(m: u8) -> &'static str {
    MONTHS[usize::from(m.clamp(1, 12)) - 1]
}

impl PartialDate {
    /// A year-only date.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("'{s}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = num(parts.first().ok_or_else(bad)?, 4)? as i32;
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, 2)?;
                if !(1..=12).contains(&m) {
                    return Err(format!("'{s}' has no month {m}"));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => {
                let d = num(p, 2)?;
                let max = days_in_month(year, month.unwrap_or(1));
                if d == 0 || d > u32::from(max) {
                    return Err(format!("'{s}' has no day {d}"));
                }
                Some(d as u8)
            }
            None => None,
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(PartialDate { year, month, day })
    }

    /// The first day this date can mean, as (year, month, day).
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean, as (year, month, day).
    pub fn last_day(&self) -> (i32, u8, u8) {
        let m = self.month.unwrap_or(12);
        (
            self.year,
            m,
            self.day.unwrap_or(days_in_month(self.year, m)),
        )
    }

    /// "29 September 2006", "June 2006" or "2006", in English whatever the interface's
    /// language: how the report writes dates, and what the search reads.
    pub fn english(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Days in month `m` of `year` (Gregorian).
pub fn days_in_month(year: i32, m: u8) -> u8 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// A figure the report gives, with the qualifier it uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: String,
    pub value: u64,
    pub qualifier: Qualifier,
    /// The unit counted: people, organizations, events, …
    pub unit: String,
    /// What was counted, in words ("political party members trained").
    pub counted: String,
    /// Our note on how the figure is read, where its words leave room ("over" that may apply
    /// to it too): shown apart from what was counted (schema version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A measure key that comparable metrics share, for the sector chart ("people_trained").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    pub evidence: Evidence,
}

/// How the text qualifies a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "42", "ten".
    Exact,
    /// "more than 44,000", "over 20": strictly more.
    MoreThan,
    /// Safe reading where the text is ambiguous: the figure or more.
    AtLeast,
    /// "approximately 6,500".
    Approximately,
}

impl Qualifier {
    /// The identifier used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::Approximately => "approximately",
        }
    }

    /// Parses the JSON identifier.
    pub fn from_id(s: &str) -> Option<Self> {
        [
            Self::Exact,
            Self::MoreThan,
            Self::AtLeast,
            Self::Approximately,
        ]
        .into_iter()
        .find(|q| q.id() == s)
    }

    /// The words put before the figure.
    pub fn prefix(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::MoreThan => "more than ",
            Qualifier::AtLeast => "at least ",
            Qualifier::Approximately => "approximately ",
        }
    }
}

/// What the report says came of one U.S. effort (or of several that asked the same thing): the
/// change in our words, its result class, who made it, when, and the sentence that says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    /// The activities it answers (the ask, the program); an activity has at most one outcome.
    pub activities: Vec<String>,
    /// What happened, in our words (translated; the quote is not).
    pub text: String,
    /// Only where the quote's words support it (`validate` holds the cue words of each class).
    pub result: ResultClass,
    /// Who made the change, as the quote names them (`not_stated` where it does not).
    pub actor: OutcomeActor,
    /// When, with its precision; `report_scope` where the text gives no time.
    pub time: Time,
    /// The exact words that state the outcome.
    pub evidence: Evidence,
}

/// How an effort turned out, as the report's words put it. Every activity without an outcome
/// counts as `NotReported`: never a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultClass {
    /// What was asked or aimed at happened.
    Achieved,
    /// Some of it happened, or it happened in most cases but not all.
    Partly,
    /// The change is going on, not finished.
    UnderWay,
    /// It did not happen: the ask was refused, refuted or went unheeded.
    NotAchieved,
    /// What the effort had set going was stopped or undone.
    Reversed,
    /// The report says nothing of what came of it (the default of every activity).
    NotReported,
}

impl ResultClass {
    /// Every class, in display order (their `Ord`; the URL writes them in this order).
    pub const ALL: [ResultClass; 6] = [
        ResultClass::Achieved,
        ResultClass::Partly,
        ResultClass::UnderWay,
        ResultClass::NotAchieved,
        ResultClass::Reversed,
        ResultClass::NotReported,
    ];

    /// The identifier used in JSON and URLs.
    pub fn id(self) -> &'static str {
        match self {
            ResultClass::Achieved => "achieved",
            ResultClass::Partly => "partly",
            ResultClass::NotAchieved => "not_achieved",
            ResultClass::Reversed => "reversed",
            ResultClass::UnderWay => "under_way",
            ResultClass::NotReported => "not_reported",
        }
    }

    /// Parses the JSON/URL identifier.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// Who made the change an outcome reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeActor {
    /// The government of Kazakhstan, its officials, "the country".
    Government,
    Parliament,
    /// A court or the judiciary.
    Courts,
    /// The people or institutions the effort served: its users, participants, students.
    Participants,
    /// The text does not say who (a passive: "the ban was removed").
    NotStated,
}

impl OutcomeActor {
    /// Every actor, in display order.
    pub const ALL: [OutcomeActor; 5] = [
        OutcomeActor::Government,
        OutcomeActor::Parliament,
        OutcomeActor::Courts,
        OutcomeActor::Participants,
        OutcomeActor::NotStated,
    ];

    /// The identifier used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            OutcomeActor::Government => "government",
            OutcomeActor::Parliament => "parliament",
            OutcomeActor::Courts => "courts",
            OutcomeActor::Participants => "participants",
            OutcomeActor::NotStated => "not_stated",
        }
    }
}

/// A named actor or partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub name: String,
    /// "U.S. actor", "partner", "counterpart", "participants", …
    pub role: String,
}

/// A dated occurrence (a day or a month), linked to its activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub activity: String,
    pub date: PartialDate,
    pub label: String,
    /// `milestone`: something the activity did; `context`: what it responded to or prepared for.
    pub role: EventRole,
    /// The passages that give the date (a "same day" needs the sentence naming the day too).
    pub evidence: Vec<Evidence>,
}

/// Whether an event is part of the activity or its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventRole {
    Milestone,
    Context,
}

impl EventRole {
    /// The identifier used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::Milestone => "milestone",
            Self::Context => "context",
        }
    }

    /// Parses the JSON identifier.
    pub fn from_id(s: &str) -> Option<Self> {
        [Self::Milestone, Self::Context]
            .into_iter()
            .find(|r| r.id() == s)
    }
}

/// An exact passage: `quote` equals the paragraph's text from `start` to `end`, counted in
/// Unicode code points (so `text[start:end]` in Python, and in JavaScript for this report's text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    #[serde(default)]
    pub paragraph: String,
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
    pub quote: String,
}

impl Dataset {
    /// The position of an activity of this dataset in `activities`.
    pub fn index_of(&self, a: &Activity) -> Option<usize> {
        let size = std::mem::size_of::<Activity>().max(1);
        let i =
            (a as *const Activity as usize).wrapping_sub(self.activities.as_ptr() as usize) / size;
        self.activities
            .get(i)
            .filter(|b| std::ptr::eq(a, *b))
            .map(|_| i)
    }

    /// The sector with this id.
    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The activity with this id.
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    /// The outcome the report gives for the activity with this id, if it gives one.
    pub fn outcome_of(&self, activity: &str) -> Option<&Outcome> {
        self.outcomes
            .iter()
            .find(|o| o.activities.iter().any(|a| a == activity))
    }

    /// How the activity with this id turned out, as the report says (`NotReported` if it does
    /// not say).
    pub fn result_of(&self, activity: &str) -> ResultClass {
        self.outcome_of(activity)
            .map_or(ResultClass::NotReported, |o| o.result)
    }

    /// The report with this id.
    pub fn report(&self, id: &str) -> Option<&Report> {
        self.reports.iter().find(|r| r.id == id)
    }

    /// The paragraph with this id, and its report.
    pub fn paragraph(&self, id: &str) -> Option<(&Report, &Paragraph)> {
        self.reports
            .iter()
            .find_map(|r| r.paragraphs.iter().find(|p| p.id == id).map(|p| (r, p)))
    }
}

/// The slice of `text` from code point `start` to `end`, if those are in range.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut idx = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let s = idx.nth(start)?;
    let e = if end == start {
        s
    } else {
        idx.nth(end - start - 1)?
    };
    Some(&text[s..e])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_with_their_precision() {
        assert_eq!(
            PartialDate::parse("2006").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2006-06").unwrap().precision(),
            Precision::Month
        );
        let d = PartialDate::parse("2006-09-29").unwrap();
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(d.to_string(), "2006-09-29");
        assert_eq!(d.display(), "29 September 2006");
        for bad in [
            "06",
            "2006-13",
            "2006-02-29",
            "2006-9",
            "2006-09-31",
            "x",
            "",
            "2006-01-01-01",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
        assert!(PartialDate::parse("2008-02-29").is_ok());
    }

    #[test]
    fn a_month_spans_all_its_days() {
        let m = PartialDate::parse("2006-02").unwrap();
        assert_eq!(m.first_day(), (2006, 2, 1));
        assert_eq!(m.last_day(), (2006, 2, 28));
        assert_eq!(PartialDate::year(2006).last_day(), (2006, 12, 31));
    }

    #[test]
    fn slices_by_code_points() {
        let t = "government’s record";
        assert_eq!(slice_chars(t, 0, 12), Some("government’s"));
        assert_eq!(slice_chars(t, 11, 12), Some("s"));
        assert_eq!(slice_chars(t, 13, 19), Some("record"));
        assert_eq!(slice_chars(t, 19, 19), Some(""));
        assert_eq!(slice_chars(t, 13, 20), None);
        assert_eq!(slice_chars(t, 5, 4), None);
    }
}
