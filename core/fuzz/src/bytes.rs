//! The byte-level targets: plan text, ballot files in every format, tables in CSV and
//! `.xlsx`. Each reads arbitrary bytes; whatever it reads successfully is written back
//! and read again, which must succeed and give the same text.

use huaide::formats::{self, BallotFormat, BallotInput, NamedText, ReadOptions, WriteOptions};
use huaide::plan::Plan;
use huaide::tables::{self, TableSource};

/// A plan as TOML (first byte even) or JSON (odd). A plan that reads is validated, written
/// as iCalendar, and written as JSON and TOML, each of which reads back to the same plan.
pub fn plan(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let read = if pick % 2 == 0 {
        Plan::from_toml(text)
    } else {
        Plan::from_json(text)
    };
    let Ok(plan) = read else {
        return;
    };
    let _ = plan.validate();
    if let Ok(options) =
        huaide::plan::read_ics_options(serde_json::json!({"stamp": "2006-01-01T00:00:00+08:00"}))
    {
        let _ = plan.to_ics(&options);
    }
    if let Ok(json) = plan.to_json() {
        let back = Plan::from_json(&json);
        assert_eq!(back.as_ref().ok(), Some(&plan), "JSON round trip: {back:?}");
    }
    if let Ok(toml) = plan.to_toml() {
        let back = Plan::from_toml(&toml);
        assert_eq!(back.as_ref().ok(), Some(&plan), "TOML round trip: {back:?}");
    }
}

/// The formats a ballot target reads, picked by the input's first byte.
pub const TEXT_FORMATS: &[BallotFormat] = &[
    BallotFormat::Blt,
    BallotFormat::Preflib,
    BallotFormat::Csv,
    BallotFormat::RctabCsv,
    BallotFormat::ClearBallot,
];
/// The cast vote record formats of one file.
pub const CDF_FORMATS: &[BallotFormat] = &[BallotFormat::CdfJson, BallotFormat::CdfXml];
/// The multi-file exports.
pub const EXPORT_FORMATS: &[BallotFormat] = &[BallotFormat::Dominion, BallotFormat::Hart];
/// The form exports (CSV or workbook bytes).
pub const FORM_FORMATS: &[BallotFormat] = &[
    BallotFormat::GoogleForms,
    BallotFormat::MicrosoftForms,
    BallotFormat::Wjx,
    BallotFormat::TencentForms,
];

/// Splits a ballot target's input: format pick, options (the first line, as JSON; the
/// defaults when it is not valid options), body.
fn framed<'a>(
    formats: &[BallotFormat],
    data: &'a [u8],
) -> Option<(BallotFormat, ReadOptions, &'a [u8])> {
    let (&pick, rest) = data.split_first()?;
    let format = *formats.get(usize::from(pick) % formats.len())?;
    let (line, body) = match rest.iter().position(|&b| b == b'\n') {
        Some(at) => (rest.get(..at)?, rest.get(at.checked_add(1)?..)?),
        None => (rest, &[][..]),
    };
    let options = serde_json::from_slice(line).unwrap_or_default();
    Some((format, options, body))
}

/// The input of a ballot target for `format`, `options` and `body` (the corpus seeds).
pub fn frame(
    formats: &[BallotFormat],
    format: BallotFormat,
    options: &serde_json::Value,
    body: &[u8],
) -> Option<Vec<u8>> {
    let at = formats.iter().position(|f| *f == format)?;
    let mut out = vec![u8::try_from(at).ok()?];
    out.extend(serde_json::to_vec(options).ok()?);
    out.push(b'\n');
    out.extend_from_slice(body);
    Some(out)
}

/// A one-file ballot format (BLT, PrefLib, CSV, RCTab CSV, Clear Ballot, CDF JSON/XML, the
/// form exports): read from bytes, then written back.
pub fn ballot_bytes(formats: &[BallotFormat], data: &[u8]) {
    let Some((format, options, body)) = framed(formats, data) else {
        return;
    };
    let name = if body.starts_with(b"PK") {
        "ballots.xlsx"
    } else {
        "ballots.csv"
    };
    let source = TableSource::new(name, body);
    if let Ok(file) = formats::read_ballot_bytes(&source, format, &options) {
        write_back(&file);
    }
}

/// A multi-file export (Dominion, Hart): the body is files separated by NUL bytes, each its
/// name, a newline and its text.
pub fn ballot_export(data: &[u8]) {
    let Some((format, options, body)) = framed(EXPORT_FORMATS, data) else {
        return;
    };
    let files: Vec<NamedText> = body
        .split(|&b| b == 0)
        .map(|file| {
            let text = String::from_utf8_lossy(file);
            let (name, text) = text.split_once('\n').unwrap_or(("", &text));
            NamedText::new(name, text)
        })
        .collect();
    if let Ok(file) = formats::read_ballot_file(&BallotInput::Files(files), format, &options) {
        write_back(&file);
    }
}

/// The body of an export target for `files` (the corpus seeds).
pub fn export_body(files: &[(String, String)]) -> Vec<u8> {
    let parts: Vec<String> = files.iter().map(|(n, t)| format!("{n}\n{t}")).collect();
    parts.join("\0").into_bytes()
}

/// Writes a ballot file in each writable format: what is written must read back, and one
/// more write and read must give the same text (a format keeps what it can hold: PrefLib
/// has no seats, CSV no names, so the first round trip may drop some).
fn write_back(file: &formats::BallotFile) {
    for format in [BallotFormat::Blt, BallotFormat::Preflib, BallotFormat::Csv] {
        let Ok(text) = formats::write_ballot_file(file, format, &WriteOptions::default()) else {
            continue;
        };
        let Some(second) = reread(&text, format) else {
            continue;
        };
        let third = reread(&second, format);
        assert_eq!(
            third.as_ref(),
            Some(&second),
            "{format:?}: not a fixed point"
        );
    }
}

/// Reads `text` written as `format` (which must succeed) and writes it again.
fn reread(text: &str, format: BallotFormat) -> Option<String> {
    let input = BallotInput::Text(text.to_owned());
    let back = formats::read_ballot_file(&input, format, &ReadOptions::default());
    assert!(
        back.is_ok(),
        "{format:?}: the written file does not read back: {back:?}\n{text}"
    );
    formats::write_ballot_file(&back.ok()?, format, &WriteOptions::default()).ok()
}

/// A people table (first byte 0), an applications table (1, read against no plan), or
/// a form export (2..): CSV in any encoding, or a workbook (bytes starting `PK`).
pub fn table(data: &[u8]) {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let name = if body.starts_with(b"PK") {
        "t.xlsx"
    } else {
        "t.csv"
    };
    let source = TableSource::new(name, body);
    match pick % 6 {
        0 => {
            let _ = tables::read_people(&source, &tables::PeopleOptions::default());
        }
        1 => {
            let _ =
                tables::read_applications(&source, &tables::ApplicationOptions::default(), None);
        }
        n => {
            let format = FORM_FORMATS.get(usize::from(n - 2)).copied();
            if let Some(format) = format {
                if let Ok(file) =
                    formats::read_ballot_bytes(&source, format, &ReadOptions::default())
                {
                    write_back(&file);
                }
            }
        }
    }
}
