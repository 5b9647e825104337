//! The items of an exact `list` or `tuple`, read borrowed: one C call per item, with no
//! reference count taken and dropped and no iterator object (the readers of ballots and
//! profiles visit a million marks per call, and perf showed the iterator's `PyList_Size`,
//! `PyList_GetItem`, `Py_IncRef` and `Py_DecRef` at a quarter of a list profile's read).

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use pyo3::Borrowed;

/// Calls `each` with every item of `value` when it is exactly a `list` or a `tuple`, in
/// order; `None` for any other object (the caller iterates it the general way).
///
/// `each` receives the item borrowed from the sequence. It must not run Python code while
/// it holds the borrowed item (that code could remove the item from a list and free it):
/// before anything that can call back into Python (`extract` on a type that is not exactly
/// `int`, the generic document reader), it takes its own reference with `to_owned()`.
/// A list changed by such code is read as its iterator would: up to its current length.
pub(crate) fn for_each_item<'py, E>(
    value: &Bound<'py, PyAny>,
    mut each: impl FnMut(Borrowed<'_, 'py, PyAny>) -> Result<(), E>,
) -> Option<Result<(), E>> {
    let py = value.py();
    if let Ok(list) = value.cast_exact::<PyList>() {
        let mut len = list.len();
        let mut i = 0usize;
        loop {
            if i >= len {
                len = list.len();
                if i >= len {
                    break;
                }
            }
            let Ok(index) = ffi::Py_ssize_t::try_from(i) else {
                break;
            };
            // SAFETY: `list` is a live list and we hold the GIL; `PyList_GetItem` returns a
            // borrowed reference to the item, valid while the list holds it (see above), or
            // null with an `IndexError` set when the list has shrunk.
            let item = unsafe {
                let ptr = ffi::PyList_GetItem(list.as_ptr(), index);
                Borrowed::from_ptr_or_opt(py, ptr)
            };
            let Some(item) = item else {
                drop(PyErr::take(py));
                break;
            };
            if let Err(err) = each(item) {
                return Some(Err(err));
            }
            i = i.wrapping_add(1);
        }
        return Some(Ok(()));
    }
    if let Ok(tuple) = value.cast_exact::<PyTuple>() {
        // A tuple cannot change: each index below its length holds an item.
        for i in 0..tuple.len() {
            if let Ok(item) = tuple.get_borrowed_item(i) {
                if let Err(err) = each(item) {
                    return Some(Err(err));
                }
            }
        }
        return Some(Ok(()));
    }
    None
}

/// The number of items of an exact `list` or `tuple`.
pub(crate) fn sequence_len(value: &Bound<'_, PyAny>) -> Option<usize> {
    if let Ok(list) = value.cast_exact::<PyList>() {
        return Some(list.len());
    }
    value.cast_exact::<PyTuple>().ok().map(|t| t.len())
}
