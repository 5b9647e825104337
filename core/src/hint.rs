//! Hints to the processor that change no result: asking for memory that is about to be
//! read, so that a loop visiting data in a scattered order (units in draw order) does not
//! wait for each read in turn.
//!
//! This is the crate's only `unsafe` code: a prefetch reads nothing the program can see and
//! cannot fault, whatever the address.

/// Asks the processor to bring the first element of `items` into its caches; does nothing
/// for an empty slice, and nothing on targets other than x86-64.
#[inline(always)]
pub(crate) fn prefetch<T>(items: &[T]) {
    #[cfg(target_arch = "x86_64")]
    if !items.is_empty() {
        // SAFETY: `_mm_prefetch` only hints the cache: it has no architectural effect and
        // never faults, and the address is that of a live element. SSE is part of every
        // x86-64 target.
        #[allow(unsafe_code)]
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                items.as_ptr().cast::<i8>(),
            );
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = items;
}

/// Asks for element `i` of `items` (nothing when out of range); see [`prefetch`].
#[inline(always)]
pub(crate) fn prefetch_at<T>(items: &[T], i: usize) {
    prefetch(items.get(i..).unwrap_or(&[]));
}
