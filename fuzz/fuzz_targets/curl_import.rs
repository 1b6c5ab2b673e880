#![no_main]
//! A pasted JSON body or curl command line: any text must import or fail cleanly.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = voxtune::profiles::import::import(text);
});
