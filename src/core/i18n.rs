//! The interface's words in English, Russian and Kazakh (Cyrillic), and the locale's ways with
//! numbers, months and plurals. The report, its quotes and its title are English evidence and
//! are never translated here; everything around them is.
//!
//! English is compiled in (the `texts!` table below, one key a text). Another language's texts
//! come from its own file (`data/ui.ru.json`, a list in the keys' order, made at build time from
//! the keyed authoring file `data/i18n/ui.ru.json`), fetched only when that language is chosen,
//! so an English reader downloads no other language. The painters ask `t(T::Key)` of the
//! current catalogue: a thread-local the app sets when the language changes (the core stays
//! free of the DOM; the wasm is single-threaded).

use super::model::{ActivityKind, OutcomeActor, PartialDate, Qualifier, ResultClass, Status};
use std::cell::Cell;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Kk,
}

impl Lang {
    /// Every language, in the switch's order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    /// The BCP 47 code (URL parameter, `<html lang>`, file names).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Kk => "Қазақша",
        }
    }

    /// The language's name in English, for the citation.
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Russian",
            Lang::Kk => "Kazakh",
        }
    }

    /// Parses a code ("ru", "kk-KZ", "ru-RU").
    pub fn from_code(s: &str) -> Option<Lang> {
        let base = s.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == base)
    }
}

macro_rules! texts {
    ($($key:ident = $en:expr;)*) => {
        /// A text of the interface (its English is in `EN`, in the same order).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u16)]
        pub enum T { $($key),* }
        /// The English texts, in the keys' order.
        pub const EN: &[&str] = &[$($en),*];
        /// The keys' names, for the catalogue files (used natively, by the build and its tests).
        pub const KEYS: &[&str] = &[$(stringify!($key)),*];
    };
}

texts! {
    // The page.
    Kicker = "Report explorer";
    SkipChart = "Skip to the sector chart";
    SkipTimeline = "Skip to the timeline";
    SkipActivities = "Skip to the activities";
    SkipReport = "Skip to the report text";
    SkipLinks = "Skip links";
    Language = "Language";
    SearchLabel = "Search activities, figures, quotes and dates";
    SearchHint = "e.g. jury, hot line, 29 September";
    // The results line.
    CountOne = "{0} of {1} activity";
    CountFew = "{0} of {1} activities";
    CountMany = "{0} of {1} activities";
    ActiveFilters = "Active filters";
    RemoveFilter = "Remove filter: {0}";
    Removes = "Removes: {0}";
    ClearFilter = "Clear the filter";
    ClearFilters = "Clear all {0} filters";
    SectorOnly = "{0} only";
    And = "{0} and {1}";
    AndSerial = "{0}, and {1}";
    Or = " or ";
    InPlace = "in {0}";
    FromMonth = "from {0}";
    UntilMonth = "until {0}";
    WithLoose = "with loosely dated activities";
    WithFigure = "with a figure for {0}";
    Matching = "matching “{0}”";
    LooseYear = "+ {0} dated only to {1}";
    LoosePeriods = "+ {0} over longer periods that may include it";
    IncludeThem = "Include them";
    // Actions.
    DownloadCsv = "Download CSV";
    DownloadJson = "Download JSON";
    CiteShort = "Cite";
    CiteThisView = "Cite this view";
    EmbedShort = "Embed";
    EmbedThisView = "Embed this view";
    EmbedOnYourSite = "Embed this view on your site";
    // The sector chart.
    Activities = "Activities";
    BySector = "{0} by sector";
    Measure = "Measure";
    NumberOfActivities = "Number of activities";
    ShowTable = "Show table";
    ShowChart = "Show chart";
    ChartNoteCount = "Each activity counts once, in its primary sector. Select a bar to filter.";
    ChartNoteMeasure = "{0} of the {1} activities in view give no figure for this measure and are not in the totals. Select a bar to filter.";
    Sectors = "Sectors";
    TableCaption = "Sector chart data";
    Sector = "Sector";
    Value = "Value";
    WithoutFigure = "Without a figure";
    NoFigure = "no figure";
    // The timeline.
    Timeline = "Timeline";
    TimelineNote = "● a day · ▬ a month · faint band: dated to the year only · hollow: context. Drag across months to filter; arrow keys move between marks.";
    ClearDates = "Clear dates";
    EventsAsList = "Dated events as a list";
    TimelineMarks = "Timeline marks";
    NothingMatches = "No activity matches these filters.";
    TimelineTitle = "Timeline of U.S. activities";
    YearOnlyBand = "{0}: {1} dated to {2} only";
    MonthOnly = "{0} (month only)";
    PeriodTo = "{0} to {1}";
    StartDerived = "{0} (start derived)";
    YearOnlyWhen = "{0} (year only)";
    ClusterZoom = "{0} dated events; select to zoom into the month";
    ClusterList = "{0} dated events; select to list them";
    ClusterOutcomes = "{0} dated outcomes; select to zoom into the month";
    // Figures and summary.
    Figures = "Figures";
    UsActivities = "U.S. activities";
    UsActivitiesDetail = "distinct programs, grants, trainings, exchanges and diplomatic actions the report describes";
    SectorsDetail = "themes with at least one activity";
    SummedOver = "{0}; summed over the {1} activities that give a figure";
    SummedOverOne = "{0}; the one activity that gives a figure";
    SelectToList = "Select to list these activities";
    SelectedSelectAgain = "Selected; select again to remove the filter";
    SummaryNone = "No activity matches the current filters.";
    SummaryOneActivity = "The report describes 1 U.S. activity, in {0}.";
    SummaryActivities = "The report describes {0} U.S. activities in {1} sectors, most of them in {2}.";
    SummaryOneSector = "The report describes {0} U.S. activities, all in {1}.";
    SummaryOneEvent = "1 dated event, in {0}.";
    SummaryEvents = "{0} dated events run from {1} to {2}.";
    SummaryYearOnly = "{0} are dated to the year only.";
    // Refine.
    Refine = "Refine";
    Kind = "Kind";
    AnyKind = "Any kind";
    Status = "Status";
    AnyStatus = "Any status";
    Place = "Place";
    AnyPlace = "Any place";
    From = "From";
    Start = "Start";
    To = "To";
    End = "End";
    NeedsJs = "The activity browser and the report’s text need JavaScript. The data:";
    Loading = "Loading…";
    // The list.
    Sort = "Sort";
    SortReport = "Order in the report";
    SortDate = "Date";
    SortTitle = "Title (A–Z)";
    SortSector = "Sector";
    ListNote = "Where the report gives no date, an activity is shown as {0}, the year the report covers.";
    MatchingActivities = "Matching activities";
    ShowMore = "Show {0} more of {1}";
    // The report.
    TheReport = "The report";
    ReportNote = "The full text as published. Highlighted passages are the evidence for the activities; select one to open its activity.";
    // The activity.
    Activity = "Activity";
    Close = "× Close";
    CloseActivity = "Close the activity";
    Also = "Also";
    When = "When";
    Places = "Places";
    Who = "Who";
    Outcome = "Outcome";
    FiguresGiven = "Figures the report gives";
    Figure = "Figure";
    WhatCounted = "What was counted";
    SourceWords = "Source words";
    Evidence = "Evidence";
    FromParagraph = "From paragraph {0} of the report";
    ShowInReport = "Show in report";
    ShowInTheReport = "Show in the report";
    BackToActivity = "Back to the activity";
    WorkedOut = "{0} (worked out from the text)";
    NoDateGiven = "{0} (the report gives no date; it covers {1})";
    FrameworkTip = "U.S. Foreign Assistance Framework (2006): {0} — {1}. OECD DAC purpose code {2}: {3}.";
    NoActivityEmbed = "This embed names no activity in the dataset.";
    // Kinds, statuses, places.
    KindDiplomacy = "Diplomacy";
    KindAdvocacy = "Advocacy";
    KindPublicDiplomacy = "Public diplomacy";
    KindAssistanceProgram = "Assistance program";
    KindGrant = "Grant";
    KindTraining = "Training";
    KindExchange = "Exchange";
    KindTechnicalAssistance = "Technical assistance";
    KindPublicEvent = "Public event";
    StatusOngoing = "Ongoing";
    StatusLaunched = "Launched";
    StatusCompleted = "Completed";
    StatusSuspended = "Suspended";
    // The foot, the dialogs, the embeds.
    Source = "Source: {0}, {1}.";
    AboutData = "About the data:";
    DataFiles = "Data files:";
    TranslationsNote = "The translations of this page and of the data’s descriptions are ours, not the U.S. Department of State’s; the report and every quote are in English, as published.";
    CiteBodyLabel = "Citation, with the address of this exact view";
    CopyCitation = "Copy citation";
    CloseDialog = "Close";
    Copied = "Copied";
    CopyByHand = "Select the text and copy it";
    EmbedTitle = "Embed this view";
    EmbedView = "View";
    Colours = "Colours";
    Light = "Light";
    Dark = "Dark";
    FollowSystem = "Follow the reader’s system";
    PreviewAt = "Preview at";
    FullWidth = "Full width";
    Snippet = "Snippet";
    CopySnippet = "Copy snippet";
    EmbedNote = "The iframe resizes itself with the script; pages already set up for Datawrapper embeds resize it too. Embeds are light unless you choose otherwise.";
    OpenActivityFirst = " (open an activity first)";
    EmbedPreview = "Embed preview";
    EmbedChart = "Sector chart";
    EmbedTimeline = "Timeline";
    EmbedOverview = "Headline figures";
    EmbedActivity = "One activity";
    EmbedSource = "Source: {0}.";
    OpenFull = "Open the full explorer at this view";
    // Loading and errors.
    LoadFailedTitle = "The data could not be loaded";
    LoadFailedStatic = "The charts are the report’s overview as published with this page; filtering and the activity browser need the data.";
    Retry = "Retry";
    ErrNetwork = "The data could not be downloaded: the network request failed ({0}). Check your connection and try again.";
    ErrNotFound = "The data file was not found on the server (HTTP 404). The site may be partly deployed.";
    ErrServer = "The server failed while sending the data (HTTP {0} {1}). Try again in a moment.";
    ErrRefused = "The server refused the data request (HTTP {0} {1}).";
    ErrVersion = "The data file is from a different version: {0}. Reload the page to get the matching explorer.";
    ErrDamaged = "The data file is damaged: {0}.";
    ErrTooLarge = "The data file is too large to read: {0} MB, where the explorer reads up to {1} MB. The site may be serving the wrong file.";
    ErrTranslation = "The {0} version could not be loaded, so the page is shown in English. Try again when you are online.";
    Panic = "Something went wrong inside the explorer and it stopped. Reloading the page usually fixes it; if not, please report the address you were on.";
    Reload = "Reload";
    // Dates: months in full (after a day, and alone with a year), and short (axis ticks).
    M1 = "January"; M2 = "February"; M3 = "March"; M4 = "April"; M5 = "May"; M6 = "June";
    M7 = "July"; M8 = "August"; M9 = "September"; M10 = "October"; M11 = "November"; M12 = "December";
    N1 = "January"; N2 = "February"; N3 = "March"; N4 = "April"; N5 = "May"; N6 = "June";
    N7 = "July"; N8 = "August"; N9 = "September"; N10 = "October"; N11 = "November"; N12 = "December";
    S1 = "Jan"; S2 = "Feb"; S3 = "Mar"; S4 = "Apr"; S5 = "May"; S6 = "Jun";
    S7 = "Jul"; S8 = "Aug"; S9 = "Sep"; S10 = "Oct"; S11 = "Nov"; S12 = "Dec";
    DayMonthYear = "{0} {1} {2}";
    MonthYear = "{0} {1}";
    Year = "{0}";
    MoreThan = "more than {0}";
    AtLeast = "at least {0}";
    Approximately = "approximately {0}";
    // Chart images (issue 17).
    DownloadImage = "Download image";
    ImageChart = "Chart";
    ImageFormat = "Format";
    ImageSize = "Size";
    ImageOnScreen = "As on screen";
    ImageSocial = "Social card (1200 × 630)";
    ImagePrint = "For print: A4 landscape (2339 × 1654)";
    ImageDownload = "Download";
    ImageMaking = "Making the image…";
    ImageFailed = "The image could not be made ({0}).";
    ImageNoFilter = "All activities in the report, no filter";
    ImageSource = "Source: {0}, {1}";
    LegendDay = "a day";
    LegendMonth = "a month";
    LegendPeriod = "a period";
    LegendYearOnly = "dated to the year only";
    LegendContext = "hollow: context";
    LegendCluster = "several events (see the list)";
    LegendOutcome = "an outcome, on the date the report gives it";
    ImageCluster = "dated events: {0}";
    ImageOutcomeCluster = "dated outcomes: {0}";
    PrintView = "Print this view";
    PrintShort = "Print";
    ImageShort = "Image";
    // Outcomes and citations (issue 19).
    WhatCameOfIt = "What came of it";
    OutcomesNote = "What the report says came of each U.S. activity, in its own words. Select a result to list its activities.";
    OutcomesGiven = "Activities in view: {1}. The report states an outcome for {0} of them.";
    ResultClasses = "Results";
    ResultAchieved = "Achieved";
    ResultPartly = "Partly achieved";
    ResultUnderWay = "Under way";
    ResultNotAchieved = "Not achieved";
    ResultReversed = "Reversed";
    ResultNotReported = "No outcome reported";
    ChipResult = "outcome: {0}";
    WhoActed = "Who acted: {0}";
    ActorGovernment = "the government";
    ActorParliament = "the parliament";
    ActorCourts = "a court or the judiciary";
    ActorParticipants = "the people it served (users, participants)";
    ActorNotStated = "not stated in the report";
    OutcomesNone = "The report states no outcome for the activities in view.";
    OutcomeMark = "Outcome: {0}";
    TimelineOutcomeNote = "◆ an outcome, where the report dates it.";
    CopyFormat = "Copy";
    CiteView = "This view of the data";
    CiteReport = "The report itself";
    CiteFormat = "Format";
    CiteFormatsNote = "For Zotero, EndNote, Mendeley and other reference managers; a view’s citation carries its address and the day you opened it.";
    DownloadFormat = "Download";
    OutcomesFirst = "The first {0} are listed; choose a result or a sector to see the others.";
    // Reader flows (issue 18).
    Intro = "What the United States did for human rights and democracy in Kazakhstan in 2006, by sector and date, in the State Department report’s own words.";
    InThisView = "in this view";
    InTheReport = "{0} in the report";
    HowSummed = "Summed from:";
    HowSummedTitle = "How these figures were summed";
    ShareDownload = "Share & download";
    ShowListOne = "Show {0} activity ↓";
    ShowListFew = "Show {0} activities ↓";
    ShowListMany = "Show {0} activities ↓";
    GoToList = "Go to the list of activities";
    OpenInExplorer = "Open in the full explorer";
}

/// The interface's texts in one language.
#[derive(Debug, Clone, Copy, Default)]
pub struct Catalogue {
    pub lang: Lang,
    /// The texts in the keys' order; `None` for English (the compiled-in `EN`). A loaded
    /// catalogue lives as long as the page (a language switch loads the page again), so its
    /// texts are leaked once and lent out as `&'static str`: no copy at each use.
    texts: Option<&'static [&'static str]>,
}

impl Catalogue {
    /// English.
    pub fn en() -> Catalogue {
        Catalogue::default()
    }

    /// A language's catalogue from its served file: a JSON list of texts in the keys' order.
    pub fn from_list(lang: Lang, json: &str) -> Result<Catalogue, String> {
        let items: Vec<String> = serde_json::from_str(json).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => format!("not a list of texts ({e})"),
            _ => e.to_string(),
        })?;
        if items.len() != EN.len() {
            return Err(format!(
                "{} texts where {} are needed",
                items.len(),
                EN.len()
            ));
        }
        if items.iter().any(String::is_empty) {
            return Err("a text is missing".into());
        }
        let texts: Vec<&'static str> = items
            .into_iter()
            .map(|s| &*Box::leak(s.into_boxed_str()))
            .collect();
        Ok(Catalogue {
            lang,
            texts: Some(Box::leak(texts.into_boxed_slice())),
        })
    }

    fn get(&self, k: T) -> &'static str {
        let i = k as usize;
        match self.texts {
            Some(t) => t.get(i).copied().unwrap_or(EN[i]),
            None => EN[i],
        }
    }
}

thread_local! {
    static CURRENT: Cell<Catalogue> = const { Cell::new(Catalogue { lang: Lang::En, texts: None }) };
}

/// Makes `c` the catalogue the painters speak from.
pub fn set(c: Catalogue) {
    CURRENT.with(|cur| cur.set(c));
}

/// The current language.
pub fn lang() -> Lang {
    CURRENT.with(|cur| cur.get().lang)
}

/// A text in the current language.
pub fn t(k: T) -> &'static str {
    CURRENT.with(|cur| cur.get().get(k))
}

/// A text with its `{0}`, `{1}`… filled in.
pub fn f(k: T, args: &[&str]) -> String {
    let mut out = t(k).to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// Which plural form a count takes: 0 one, 1 few, 2 many (CLDR's categories; English and
/// Kazakh use "one" and the rest alike).
pub fn plural_form(lang: Lang, n: u64) -> usize {
    match lang {
        Lang::Ru => {
            let (d, h) = (n % 10, n % 100);
            if d == 1 && h != 11 {
                0
            } else if (2..=4).contains(&d) && !(12..=14).contains(&h) {
                1
            } else {
                2
            }
        }
        Lang::En | Lang::Kk => usize::from(n != 1) * 2,
    }
}

/// The form of `[one, few, many]` a count takes, filled in with `args`.
pub fn plural(forms: [T; 3], n: u64, args: &[&str]) -> String {
    f(forms[plural_form(lang(), n)], args)
}

/// A whole number as the locale writes it: "44,000"; "44 000" (no-break spaces) in Russian and
/// Kazakh, where four-digit numbers are not grouped.
pub fn num(n: u64) -> String {
    let s = n.to_string();
    let (sep, min) = match lang() {
        Lang::En => (",", 4),
        Lang::Ru | Lang::Kk => ("\u{a0}", 5),
    };
    if s.len() < min {
        return s;
    }
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// The Kazakh ablative suffix a number takes ("310-нан", "44 000-нан", "20-дан"): it follows
/// the sound of the number's last word, so it is read off the last non-zero part.
pub fn kk_ablative(n: u64) -> &'static str {
    // The words of the last non-zero unit, ten, hundred or power of a thousand, and their
    // suffixes (vowel harmony and the final sound).
    if n == 0 {
        return "ден"; // нөл
    }
    let ones = n % 10;
    if ones != 0 {
        return match ones {
            1 | 2 | 7 | 8 => "ден", // бір, екі, жеті, сегіз
            3..=5 => "тен",         // үш, төрт, бес
            _ => "дан",             // алты, тоғыз
        };
    }
    let tens = (n / 10) % 10;
    if tens != 0 {
        return match tens {
            1 | 9 => "нан", // он, тоқсан
            2 | 3 => "дан", // жиырма, отыз
            4 | 6 => "тан", // қырық, алпыс
            5 => "ден",     // елу
            7 => "тен",     // жетпіс
            _ => "нен",     // сексен
        };
    }
    if !(n / 100).is_multiple_of(10) {
        return "ден"; // жүз
    }
    if !(n / 1000).is_multiple_of(1000) {
        return "нан"; // мың
    }
    "нан" // миллион, миллиард
}

/// A figure with the report's qualifier, as the locale says it: "more than 44,000",
/// "более 44 000", "44 000-нан астам".
pub fn qualified(q: Qualifier, n: u64) -> String {
    let (before, number, after) = qualified_parts(q, n);
    before + &number + &after
}

/// `qualified` in three parts, the qualifier's words before and after the number, so a
/// headline can set them smaller than it.
pub fn qualified_parts(q: Qualifier, n: u64) -> (String, String, String) {
    let number = num(n);
    let template = match (q, lang()) {
        (Qualifier::Exact, _) => return (String::new(), number, String::new()),
        (Qualifier::MoreThan, Lang::Kk) => {
            return (String::new(), number, format!("-{} астам", kk_ablative(n)));
        }
        (Qualifier::MoreThan, _) => t(T::MoreThan),
        (Qualifier::AtLeast, _) => t(T::AtLeast),
        (Qualifier::Approximately, _) => t(T::Approximately),
    };
    match template.split_once("{0}") {
        Some((a, b)) => (a.to_string(), number, b.to_string()),
        None => (template.to_string(), number, String::new()),
    }
}

const MONTHS_FULL: [T; 12] = [
    T::M1,
    T::M2,
    T::M3,
    T::M4,
    T::M5,
    T::M6,
    T::M7,
    T::M8,
    T::M9,
    T::M10,
    T::M11,
    T::M12,
];
const MONTHS_ALONE: [T; 12] = [
    T::N1,
    T::N2,
    T::N3,
    T::N4,
    T::N5,
    T::N6,
    T::N7,
    T::N8,
    T::N9,
    T::N10,
    T::N11,
    T::N12,
];
const MONTHS_SHORT: [T; 12] = [
    T::S1,
    T::S2,
    T::S3,
    T::S4,
    T::S5,
    T::S6,
    T::S7,
    T::S8,
    T::S9,
    T::S10,
    T::S11,
    T::S12,
];

fn month_index(m: u8) -> usize {
    usize::from(m.clamp(1, 12)) - 1
}

/// The month a (folded) word names in the interface's language, in any of its forms
/// ("сентября", "сентябрь", "сен", "қыркүйек"), so a date can be searched as the page writes it.
pub fn month_of_word(w: &str) -> Option<u8> {
    if lang() == Lang::En || w.is_empty() {
        return None;
    }
    (0..12).find_map(|i| {
        let hit = [MONTHS_FULL[i], MONTHS_ALONE[i], MONTHS_SHORT[i]]
            .iter()
            .any(|k| fold(t(*k)) == w);
        hit.then_some(i as u8 + 1)
    })
}

/// True for the locale's word after a year ("г." in Russian, "ж." in Kazakh).
pub fn is_year_word(w: &str) -> bool {
    match lang() {
        Lang::En => false,
        Lang::Ru => w == "г",
        Lang::Kk => w == "ж",
    }
}

/// A month's short name, for axis ticks.
pub fn month_short(m: u8) -> &'static str {
    t(MONTHS_SHORT[month_index(m)])
}

/// A month and year: "September 2006", "сентябрь 2006 г.", "2006 ж. қыркүйек".
pub fn month_year(year: i32, m: u8) -> String {
    f(
        T::MonthYear,
        &[t(MONTHS_ALONE[month_index(m)]), &year.to_string()],
    )
}

/// A date at its precision: "29 September 2006", "29 сентября 2006 г.", "2006 ж. 29 қыркүйек".
pub fn date(d: &PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => f(
            T::DayMonthYear,
            &[
                &day.to_string(),
                t(MONTHS_FULL[month_index(m)]),
                &d.year.to_string(),
            ],
        ),
        (Some(m), None) => month_year(d.year, m),
        _ => f(T::Year, &[&d.year.to_string()]),
    }
}

/// Turns a keyed authoring catalogue (`{"Kicker": "…", …}`) into the served list, in the keys'
/// order; every key present, none extra, none empty, every `{n}` of the English kept.
#[cfg(not(target_arch = "wasm32"))]
pub fn list_from_keyed(json: &str) -> Result<String, String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let members = v.as_object().ok_or("not an object of texts")?;
    let mut problems = Vec::new();
    for k in members.keys() {
        if !KEYS.contains(&k.as_str()) {
            problems.push(format!("unknown key '{k}'"));
        }
    }
    let mut list = Vec::new();
    for (i, key) in KEYS.iter().enumerate() {
        match members.get(*key).and_then(|t| t.as_str()) {
            None => problems.push(format!("missing key '{key}'")),
            Some("") => problems.push(format!("'{key}' is empty")),
            Some(text) => {
                for p in 0..4 {
                    let ph = format!("{{{p}}}");
                    if EN[i].contains(&ph) != text.contains(&ph) {
                        problems.push(format!(
                            "'{key}' must keep the placeholders of \"{}\"",
                            EN[i]
                        ));
                        break;
                    }
                }
                list.push(text);
            }
        }
    }
    if problems.is_empty() {
        serde_json::to_string_pretty(&list).map_err(|e| e.to_string())
    } else {
        Err(problems.join("; "))
    }
}

impl ActivityKind {
    /// Words for people.
    pub fn label(self) -> &'static str {
        t(match self {
            ActivityKind::Diplomacy => T::KindDiplomacy,
            ActivityKind::Advocacy => T::KindAdvocacy,
            ActivityKind::PublicDiplomacy => T::KindPublicDiplomacy,
            ActivityKind::AssistanceProgram => T::KindAssistanceProgram,
            ActivityKind::Grant => T::KindGrant,
            ActivityKind::Training => T::KindTraining,
            ActivityKind::Exchange => T::KindExchange,
            ActivityKind::TechnicalAssistance => T::KindTechnicalAssistance,
            ActivityKind::PublicEvent => T::KindPublicEvent,
        })
    }
}

impl Status {
    /// Words for people.
    pub fn label(self) -> &'static str {
        t(match self {
            Status::Ongoing => T::StatusOngoing,
            Status::Completed => T::StatusCompleted,
            Status::Suspended => T::StatusSuspended,
            Status::Launched => T::StatusLaunched,
        })
    }
}

impl ResultClass {
    /// Words for people.
    pub fn label(self) -> &'static str {
        t(match self {
            ResultClass::Achieved => T::ResultAchieved,
            ResultClass::Partly => T::ResultPartly,
            ResultClass::UnderWay => T::ResultUnderWay,
            ResultClass::NotAchieved => T::ResultNotAchieved,
            ResultClass::Reversed => T::ResultReversed,
            ResultClass::NotReported => T::ResultNotReported,
        })
    }
}

impl OutcomeActor {
    /// Words for people.
    pub fn label(self) -> &'static str {
        t(match self {
            OutcomeActor::Government => T::ActorGovernment,
            OutcomeActor::Parliament => T::ActorParliament,
            OutcomeActor::Courts => T::ActorCourts,
            OutcomeActor::Participants => T::ActorParticipants,
            OutcomeActor::NotStated => T::ActorNotStated,
        })
    }
}

impl PartialDate {
    /// "29 September 2006", "June 2006" or "2006", in the interface's language.
    pub fn display(&self) -> String {
        date(self)
    }
}

/// Lower-cases and straightens apostrophes, so "government's" finds "government’s".
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Lower case for the scripts the explorer's texts use (Latin, Greek, Cyrillic including
/// Kazakh's letters), by their code point layout: the standard library's full Unicode tables
/// would add 11 KB to the wasm for letters no text here contains.
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            u + 32
        }
        0x400..=0x40F => u + 80,
        // Pairs, capital at the even code point: Latin Extended-A, Cyrillic's additions.
        0x100..=0x12F
        | 0x132..=0x137
        | 0x14A..=0x177
        | 0x460..=0x481
        | 0x48A..=0x4BF
        | 0x4D0..=0x52F
            if u.is_multiple_of(2) =>
        {
            u + 1
        }
        // Pairs, capital at the odd code point.
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if !u.is_multiple_of(2) => u + 1,
        0x4C0 => 0x4CF,
        0x2018 | 0x2019 => u32::from(b'\''),
        0x201C | 0x201D => u32::from(b'"'),
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<R>(lang: Lang, body: impl FnOnce() -> R) -> R {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("data/i18n/ui.{}.json", lang.code()));
        let c = if lang == Lang::En {
            Catalogue::en()
        } else {
            let keyed = std::fs::read_to_string(path).unwrap();
            Catalogue::from_list(lang, &list_from_keyed(&keyed).unwrap()).unwrap()
        };
        set(c);
        let r = body();
        set(Catalogue::en());
        r
    }

    #[test]
    fn dates_are_searched_as_the_page_writes_them() {
        use crate::core::query::parse_date_query;
        let ru = with(Lang::Ru, || {
            (
                parse_date_query("29 сентября 2006 г."),
                parse_date_query("сентябрь 2006"),
                parse_date_query("слово"),
            )
        });
        assert_eq!(
            ru.0.map(|q| (q.day, q.month, q.year)),
            Some((Some(29), 9, Some(2006)))
        );
        assert_eq!(ru.1.map(|q| (q.day, q.month)), Some((None, 9)));
        assert!(ru.2.is_none());
        let kk = with(Lang::Kk, || parse_date_query("2006 ж. 29 қыркүйек"));
        assert_eq!(kk.map(|q| (q.day, q.month)), Some((Some(29), 9)));
        // English month names are read in every language (the report's quotes are English).
        let en = with(Lang::Ru, || parse_date_query("29 September"));
        assert_eq!(en.map(|q| q.month), Some(9));
    }

    #[test]
    fn every_catalogue_is_complete_and_keeps_the_placeholders() {
        for lang in [Lang::Ru, Lang::Kk] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("data/i18n/ui.{}.json", lang.code()));
            let list = list_from_keyed(&std::fs::read_to_string(path).unwrap());
            assert!(list.is_ok(), "{lang:?}: {list:?}");
            let c = Catalogue::from_list(lang, &list.unwrap()).unwrap();
            // Translated, not copied (short Latin names like "CSV" aside).
            let same: Vec<&str> = KEYS
                .iter()
                .enumerate()
                .filter(|(i, _)| c.texts.as_ref().unwrap()[*i] == EN[*i] && EN[*i].len() > 4)
                .map(|(_, k)| *k)
                .collect();
            assert!(same.is_empty(), "{lang:?} leaves in English: {same:?}");
        }
        // A damaged catalogue is refused with what is wrong.
        assert!(
            list_from_keyed("{\"Kicker\": \"x\"}")
                .unwrap_err()
                .contains("missing key")
        );
        assert!(
            list_from_keyed(
                &std::fs::read_to_string(
                    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/i18n/ui.ru.json")
                )
                .unwrap()
                .replacen("{0}", "", 1)
            )
            .unwrap_err()
            .contains("placeholders")
        );
        assert!(Catalogue::from_list(Lang::Ru, "[\"a\"]").is_err());
    }

    #[test]
    fn a_served_list_is_refused_with_what_is_wrong() {
        let err = |json: &str| Catalogue::from_list(Lang::Ru, json).unwrap_err();
        let texts = |n: usize, last: &str| {
            let mut v = vec!["\"x\""; n - 1];
            v.push(last);
            format!("[{}]", v.join(","))
        };
        assert!(err("{}").starts_with("not a list of texts (invalid type: map"));
        assert!(
            err(&texts(EN.len(), "1")).starts_with("not a list of texts (invalid type: integer")
        );
        assert_eq!(
            err("[\"a\"]"),
            format!("1 texts where {} are needed", EN.len())
        );
        assert_eq!(err(&texts(EN.len(), "\"\"")), "a text is missing");
        assert!(err("[\"a\", ").starts_with("EOF while parsing"));
        let c = Catalogue::from_list(Lang::Ru, &texts(EN.len(), "\"y\"")).unwrap();
        assert_eq!(c.texts.unwrap().last(), Some(&"y"), "the last text");
        assert_eq!(c.get(T::Kicker), "x");
    }

    #[test]
    fn the_translators_english_file_is_the_compiled_english() {
        // `data/i18n/ui.en.json` is what translators work from: it must say what the app says.
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/i18n/ui.en.json");
        let list = list_from_keyed(&std::fs::read_to_string(path).unwrap()).unwrap();
        let texts: Vec<String> = serde_json::from_str(&list).unwrap();
        assert_eq!(texts, EN);
    }

    #[test]
    fn russian_plurals_follow_the_cldr_rules() {
        let forms: Vec<usize> = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]
            .iter()
            .map(|n| plural_form(Lang::Ru, *n))
            .collect();
        assert_eq!(forms, [0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 0, 2]);
        assert_eq!(plural_form(Lang::En, 1), 0);
        assert_eq!(plural_form(Lang::En, 2), 2);
        assert_eq!(plural_form(Lang::Kk, 5), 2);
    }

    #[test]
    fn kazakh_ablative_follows_the_last_word() {
        for (n, s) in [
            (310, "нан"),
            (44_000, "нан"),
            (20, "дан"),
            (100, "ден"),
            (6_500, "ден"),
            (3, "тен"),
            (40, "тан"),
            (80, "нен"),
            (9, "дан"),
        ] {
            assert_eq!(kk_ablative(n), s, "{n}");
        }
    }

    #[test]
    fn numbers_and_dates_follow_the_locale() {
        let d = PartialDate::parse("2006-09-29").unwrap();
        let m = PartialDate::parse("2006-09").unwrap();
        assert_eq!(
            with(Lang::En, || (num(44_000), date(&d), date(&m))),
            (
                "44,000".to_string(),
                "29 September 2006".to_string(),
                "September 2006".to_string()
            )
        );
        let (n, small, dd, mm, more) = with(Lang::Ru, || {
            (
                num(44_000),
                num(6500),
                date(&d),
                date(&m),
                qualified(Qualifier::MoreThan, 310),
            )
        });
        assert_eq!(n, "44\u{a0}000");
        assert_eq!(small, "6500");
        assert_eq!(dd, "29 сентября 2006 г.");
        assert_eq!(mm, "сентябрь 2006 г.");
        assert_eq!(more, "более 310");
        let kk = with(Lang::Kk, || {
            (date(&d), qualified(Qualifier::MoreThan, 44_000))
        });
        assert_eq!(kk.0, "2006 ж. 29 қыркүйек");
        assert_eq!(kk.1, "44\u{a0}000-нан астам");
    }
}
