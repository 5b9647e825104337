#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(body) = huaide_fuzz::target("tally") {
        body(data);
    }
});
