//! From a parsed JSON value to the typed dataset, naming the JSON path of the first thing that is
//! not of the dataset's shape (`activities[3].kind: unknown variant 'x'`). Hand-written instead
//! of serde's derive so that the wasm carries neither serde_json nor per-type visitors; a native
//! test holds it to the serde derive on the bundled file and on every broken fixture.

use super::json::Value;
use super::model::*;

/// What is wrong, and where (a JSON path, empty for the whole document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    pub path: String,
    pub message: String,
}

type R<T> = Result<T, ShapeError>;

#[inline(never)]
fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[inline(never)]
fn fail<T>(path: &str, message: String) -> R<T> {
    Err(ShapeError {
        path: path.to_string(),
        message,
    })
}

/// The members of one JSON object, taken one by one; `done` refuses any left over.
struct Fields<'v> {
    path: String,
    members: &'v [(String, Value)],
    used: Vec<bool>,
}

impl<'v> Fields<'v> {
    #[inline(never)]
    fn new(v: &'v Value, path: &str) -> R<Fields<'v>> {
        let Some(members) = v.as_object() else {
            return fail(path, format!("expected an object, found {}", v.kind()));
        };
        for (i, (k, _)) in members.iter().enumerate() {
            if members[..i].iter().any(|(p, _)| p == k) {
                return fail(path, format!("duplicate field '{k}'"));
            }
        }
        Ok(Fields {
            path: path.to_string(),
            members,
            used: vec![false; members.len()],
        })
    }

    #[inline(never)]
    fn take(&mut self, key: &str) -> Option<(&'v Value, String)> {
        let i = self.members.iter().position(|(k, _)| k == key)?;
        self.used[i] = true;
        Some((&self.members[i].1, at(&self.path, key)))
    }

    #[inline(never)]
    fn required(&mut self, key: &str) -> R<(&'v Value, String)> {
        match self.take(key) {
            Some(found) => Ok(found),
            None => fail(&self.path, format!("missing field '{key}'")),
        }
    }

    #[inline(never)]
    fn str(&mut self, key: &str) -> R<String> {
        let (v, p) = self.required(key)?;
        string(v, &p)
    }

    #[inline(never)]
    fn opt_str(&mut self, key: &str) -> R<Option<String>> {
        match self.take(key) {
            None | Some((Value::Null, _)) => Ok(None),
            Some((v, p)) => string(v, &p).map(Some),
        }
    }

    #[inline(never)]
    fn uint(&mut self, key: &str) -> R<u64> {
        let (v, p) = self.required(key)?;
        unsigned(v, &p)
    }

    /// A list, decoded item by item; missing means empty when `default` is set.
    fn list<T>(&mut self, key: &str, default: bool, item: fn(&Value, &str) -> R<T>) -> R<Vec<T>> {
        let found = if default {
            self.take(key)
        } else {
            Some(self.required(key)?)
        };
        let Some((v, p)) = found else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = v else {
            return fail(&p, format!("expected an array, found {}", v.kind()));
        };
        // A plain loop: collecting into `Result<Vec<_>, _>` costs far more wasm per type.
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            out.push(item(x, &format!("{p}[{i}]"))?);
        }
        Ok(out)
    }

    #[inline(never)]
    fn done(self) -> R<()> {
        match self.used.iter().position(|u| !u) {
            Some(i) => fail(&self.path, format!("unknown field '{}'", self.members[i].0)),
            None => Ok(()),
        }
    }
}

#[inline(never)]
fn string(v: &Value, path: &str) -> R<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        _ => fail(path, format!("expected a string, found {}", v.kind())),
    }
}

#[inline(never)]
fn unsigned(v: &Value, path: &str) -> R<u64> {
    v.as_u64().map_or_else(
        || {
            fail(
                path,
                format!("expected an unsigned integer, found {}", v.kind()),
            )
        },
        Ok,
    )
}

/// An enum written as its identifier.
fn variant<T>(v: &Value, path: &str, from_id: fn(&str) -> Option<T>) -> R<T> {
    let s = string(v, path)?;
    from_id(&s).map_or_else(|| fail(path, format!("unknown variant '{s}'")), Ok)
}

#[inline(never)]
fn date(v: &Value, path: &str) -> R<PartialDate> {
    let s = string(v, path)?;
    PartialDate::parse(&s).or_else(|e| fail(path, e))
}

fn small<T: TryFrom<u64>>(v: &Value, path: &str) -> R<T> {
    let n = unsigned(v, path)?;
    T::try_from(n).or_else(|_| fail(path, format!("{n} is out of range")))
}

/// The dataset in a parsed document (the schema version is checked before this).
pub fn dataset(v: &Value) -> R<Dataset> {
    let mut f = Fields::new(v, "")?;
    let (sv, p) = f.required("schema_version")?;
    let d = Dataset {
        schema_version: small(sv, &p)?,
        dataset: {
            let (v, p) = f.required("dataset")?;
            info(v, &p)?
        },
        reports: f.list("reports", false, report)?,
        sectors: f.list("sectors", false, sector)?,
        measures: f.list("measures", false, measure)?,
        places: f.list("places", false, place)?,
        activities: f.list("activities", false, activity)?,
        events: f.list("events", false, event)?,
        search: Default::default(),
    };
    f.done()?;
    Ok(d)
}

fn info(v: &Value, path: &str) -> R<DatasetInfo> {
    let mut f = Fields::new(v, path)?;
    let d = DatasetInfo {
        id: f.str("id")?,
        version: f.str("version")?,
        title: f.str("title")?,
        method: f.str("method")?,
        licence: f.str("licence")?,
        dac_code_list: f.str("dac_code_list")?,
        framework: f.str("framework")?,
    };
    f.done()?;
    Ok(d)
}

fn report(v: &Value, path: &str) -> R<Report> {
    let mut f = Fields::new(v, path)?;
    let r = Report {
        id: f.str("id")?,
        title: f.str("title")?,
        country: f.str("country")?,
        country_code: f.str("country_code")?,
        year: {
            let (v, p) = f.required("year")?;
            // serde_json reads `-0` as a float, which the derive refuses for an i32.
            let negative_zero = matches!(v, Value::Number(n) if n == "-0");
            match v
                .as_i64()
                .filter(|_| !negative_zero)
                .and_then(|y| i32::try_from(y).ok())
            {
                Some(y) => y,
                None => return fail(&p, format!("expected a year, found {}", v.kind())),
            }
        },
        publisher: f.str("publisher")?,
        source_url: f.str("source_url")?,
        licence: f.str("licence")?,
        citation: f.str("citation")?,
        paragraphs: f.list("paragraphs", false, paragraph)?,
        context: f.list("context", true, context_note)?,
        not_data: f.list("not_data", true, not_data)?,
    };
    f.done()?;
    Ok(r)
}

fn paragraph(v: &Value, path: &str) -> R<Paragraph> {
    let mut f = Fields::new(v, path)?;
    let p = Paragraph {
        id: f.str("id")?,
        role: {
            let (v, p) = f.required("role")?;
            variant(v, &p, ParagraphRole::from_id)?
        },
        text: f.str("text")?,
    };
    f.done()?;
    Ok(p)
}

fn context_note(v: &Value, path: &str) -> R<ContextNote> {
    let mut f = Fields::new(v, path)?;
    let c = ContextNote {
        paragraph: f.str("paragraph")?,
        reason: f.str("reason")?,
    };
    f.done()?;
    Ok(c)
}

fn not_data(v: &Value, path: &str) -> R<NotData> {
    let mut f = Fields::new(v, path)?;
    let n = NotData {
        evidence: {
            let (v, p) = f.required("evidence")?;
            evidence(v, &p)?
        },
        reason: f.str("reason")?,
    };
    f.done()?;
    Ok(n)
}

fn sector(v: &Value, path: &str) -> R<Sector> {
    let mut f = Fields::new(v, path)?;
    let s = Sector {
        id: f.str("id")?,
        name: f.str("name")?,
        short: f.str("short")?,
        description: f.str("description")?,
        framework: {
            let (v, p) = f.required("framework")?;
            let mut g = Fields::new(v, &p)?;
            let a = FrameworkArea {
                objective: g.str("objective")?,
                program_area: g.str("program_area")?,
            };
            g.done()?;
            a
        },
        dac: {
            let (v, p) = f.required("dac")?;
            let mut g = Fields::new(v, &p)?;
            let (c, cp) = g.required("code")?;
            let code = DacCode {
                code: small(c, &cp)?,
                name: g.str("name")?,
            };
            g.done()?;
            code
        },
        colour: f.str("colour")?,
    };
    f.done()?;
    Ok(s)
}

fn measure(v: &Value, path: &str) -> R<MeasureDef> {
    let mut f = Fields::new(v, path)?;
    let m = MeasureDef {
        id: f.str("id")?,
        label: f.str("label")?,
        description: f.str("description")?,
    };
    f.done()?;
    Ok(m)
}

fn place(v: &Value, path: &str) -> R<Place> {
    let mut f = Fields::new(v, path)?;
    let p = Place {
        id: f.str("id")?,
        name: f.str("name")?,
        kind: {
            let (v, p) = f.required("kind")?;
            variant(v, &p, PlaceKind::from_id)?
        },
        country_code: f.str("country_code")?,
    };
    f.done()?;
    Ok(p)
}

fn text_item(v: &Value, path: &str) -> R<String> {
    string(v, path)
}

fn activity(v: &Value, path: &str) -> R<Activity> {
    let mut f = Fields::new(v, path)?;
    let a = Activity {
        id: f.str("id")?,
        report: f.str("report")?,
        title: f.str("title")?,
        summary: f.str("summary")?,
        sector: f.str("sector")?,
        tags: f.list("tags", true, text_item)?,
        kind: {
            let (v, p) = f.required("kind")?;
            variant(v, &p, ActivityKind::from_id)?
        },
        status: match f.take("status") {
            None | Some((Value::Null, _)) => None,
            Some((v, p)) => Some(variant(v, &p, Status::from_id)?),
        },
        outcome: f.opt_str("outcome")?,
        time: {
            let (v, p) = f.required("time")?;
            time(v, &p)?
        },
        metrics: f.list("metrics", true, metric)?,
        places: f.list("places", true, text_item)?,
        actors: f.list("actors", true, actor)?,
        evidence: f.list("evidence", false, evidence)?,
    };
    f.done()?;
    Ok(a)
}

fn time(v: &Value, path: &str) -> R<Time> {
    let mut f = Fields::new(v, path)?;
    let t = Time {
        start: {
            let (v, p) = f.required("start")?;
            date(v, &p)?
        },
        end: match f.take("end") {
            None | Some((Value::Null, _)) => None,
            Some((v, p)) => Some(date(v, &p)?),
        },
        basis: {
            let (v, p) = f.required("basis")?;
            variant(v, &p, TimeBasis::from_id)?
        },
        reasoning: f.opt_str("reasoning")?,
        evidence: f.list("evidence", true, evidence)?,
    };
    f.done()?;
    Ok(t)
}

fn metric(v: &Value, path: &str) -> R<Metric> {
    let mut f = Fields::new(v, path)?;
    let m = Metric {
        id: f.str("id")?,
        value: f.uint("value")?,
        qualifier: {
            let (v, p) = f.required("qualifier")?;
            variant(v, &p, Qualifier::from_id)?
        },
        unit: f.str("unit")?,
        counted: f.str("counted")?,
        measure: f.opt_str("measure")?,
        evidence: {
            let (v, p) = f.required("evidence")?;
            evidence(v, &p)?
        },
    };
    f.done()?;
    Ok(m)
}

fn actor(v: &Value, path: &str) -> R<Actor> {
    let mut f = Fields::new(v, path)?;
    let a = Actor {
        name: f.str("name")?,
        role: f.str("role")?,
    };
    f.done()?;
    Ok(a)
}

fn event(v: &Value, path: &str) -> R<Event> {
    let mut f = Fields::new(v, path)?;
    let e = Event {
        id: f.str("id")?,
        activity: f.str("activity")?,
        date: {
            let (v, p) = f.required("date")?;
            date(v, &p)?
        },
        label: f.str("label")?,
        role: {
            let (v, p) = f.required("role")?;
            variant(v, &p, EventRole::from_id)?
        },
        evidence: f.list("evidence", false, evidence)?,
    };
    f.done()?;
    Ok(e)
}

fn evidence(v: &Value, path: &str) -> R<Evidence> {
    let mut f = Fields::new(v, path)?;
    let offset = |f: &mut Fields, key: &str| -> R<usize> {
        match f.take(key) {
            None => Ok(0),
            Some((v, p)) => small(v, &p),
        }
    };
    let e = Evidence {
        paragraph: match f.take("paragraph") {
            None => String::new(),
            Some((v, p)) => string(v, &p)?,
        },
        start: offset(&mut f, "start")?,
        end: offset(&mut f, "end")?,
        quote: f.str("quote")?,
    };
    f.done()?;
    Ok(e)
}
