//! People and applications from Python objects, read straight into the core's types.
//!
//! As for ballots (`ballots_in`): lists, tuples or any iterable (streamed) of dicts read with
//! exact-type checks and no intermediate document; an entry the fast path does not
//! recognise is read again by the generic document reader with its own path, so errors are
//! exactly those of the wire documents (`people[12].birth_date`), and unusual but valid
//! entries (a `Mapping` that is not a dict) are still read.

use chrono::{DateTime, FixedOffset, NaiveDate};
use huaide::enrol::{Application, Person};
use huaide::plan::audience::Residency;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PyString, PyTuple};
use serde::de::DeserializeOwned;

use crate::ballots_in::is_document_like;
use crate::convert::from_py;
use crate::items::{for_each_item, sequence_len};

/// Reads a list of documents of type `T` under `root`, each by `fast` when it can.
fn read_all<'py, T: DeserializeOwned>(
    items: &Bound<'py, PyAny>,
    root: &str,
    mut fast: impl FnMut(&Bound<'py, PyDict>) -> Option<T>,
) -> PyResult<Vec<T>> {
    let mut one = |i: usize, item: &Bound<'py, PyAny>| -> PyResult<T> {
        if let Some(value) = item.cast_exact::<PyDict>().ok().and_then(&mut fast) {
            return Ok(value);
        }
        from_py(item, &format!("{root}[{i}]"))
    };
    if let Ok(list) = items.cast_exact::<PyList>() {
        let mut out = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            out.push(one(i, &item)?);
        }
        return Ok(out);
    }
    if let Ok(tuple) = items.cast_exact::<PyTuple>() {
        let mut out = Vec::with_capacity(tuple.len());
        for (i, item) in tuple.iter().enumerate() {
            out.push(one(i, &item)?);
        }
        return Ok(out);
    }
    match items.try_iter() {
        Ok(iter) if !is_document_like(items) => {
            let mut out = Vec::new();
            for (i, item) in iter.enumerate() {
                out.push(one(i, &item?)?);
            }
            Ok(out)
        }
        // Not a list: the generic reader gives the wire documents' error (or reads it).
        _ => from_py(items, root),
    }
}

/// `value` as a `str`, exactly.
fn text<'a>(value: &'a Bound<'_, PyAny>) -> Option<&'a str> {
    value.cast_exact::<PyString>().ok()?.to_str().ok()
}

/// A list or tuple of `str`s (room for up to 64 made at once: choices, tags and history are
/// short, and a longer list grows as it is read).
fn texts(value: &Bound<'_, PyAny>) -> Option<Vec<String>> {
    let mut out = Vec::with_capacity(sequence_len(value)?.min(64));
    for_each_item(value, |item| {
        out.push(text(&item).ok_or(())?.to_owned());
        Ok::<(), ()>(())
    })?
    .ok()?;
    Some(out)
}

/// The key of a dict entry as a `str`.
fn key<'a>(key: &'a Bound<'_, PyAny>) -> Option<&'a str> {
    text(key)
}

fn person(dict: &Bound<'_, PyDict>) -> Option<Person> {
    let mut person = Person {
        id: String::new(),
        birth_date: None,
        household: None,
        residency: Residency::Resident,
        tags: Vec::new(),
        history: Vec::new(),
    };
    let (mut id, mut residency) = (false, false);
    for (k, value) in dict.iter() {
        match key(&k)? {
            "id" => {
                person.id = text(&value)?.to_owned();
                id = true;
            }
            "birth_date" if value.is_none() => {}
            "birth_date" => person.birth_date = Some(text(&value)?.parse::<NaiveDate>().ok()?),
            "household" if value.is_none() => {}
            "household" => person.household = Some(text(&value)?.to_owned()),
            "residency" => {
                person.residency = match text(&value)? {
                    "resident" => Residency::Resident,
                    "surrounding" => Residency::Surrounding,
                    "visitor" => Residency::Visitor,
                    _ => return None,
                };
                residency = true;
            }
            "tags" => person.tags = texts(&value)?,
            "history" => person.history = texts(&value)?,
            _ => return None,
        }
    }
    (id && residency).then_some(person)
}

fn application(dict: &Bound<'_, PyDict>) -> Option<Application> {
    let mut application = Application {
        person: String::new(),
        choices: Vec::new(),
        submitted_at: None,
        group: Vec::new(),
        max_programs: None,
    };
    let (mut person, mut choices) = (false, false);
    for (k, value) in dict.iter() {
        match key(&k)? {
            "person" => {
                application.person = text(&value)?.to_owned();
                person = true;
            }
            "choices" => {
                application.choices = texts(&value)?;
                choices = true;
            }
            "submitted_at" if value.is_none() => {}
            "submitted_at" => {
                let at = text(&value)?.parse::<DateTime<FixedOffset>>().ok()?;
                application.submitted_at = Some(at);
            }
            "group" => application.group = texts(&value)?,
            "max_programs" if value.is_none() => {}
            "max_programs" => {
                let n = value.cast_exact::<PyInt>().ok()?.extract::<u32>().ok()?;
                application.max_programs = Some(n);
            }
            _ => return None,
        }
    }
    (person && choices).then_some(application)
}

/// Reads `people` (a list or iterable of person dicts).
pub(crate) fn read_people(people: &Bound<'_, PyAny>) -> PyResult<Vec<Person>> {
    read_all(people, "people", person)
}

/// Reads `applications` (a list or iterable of application dicts).
pub(crate) fn read_applications(applications: &Bound<'_, PyAny>) -> PyResult<Vec<Application>> {
    read_all(applications, "applications", application)
}
