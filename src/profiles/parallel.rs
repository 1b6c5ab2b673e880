//! Work on many profile files split over a few threads: the per-file cost is system
//! calls (`statx`, `open`, `read`), which run in parallel in the kernel.

/// `work` over `items` in parts, one part per thread, results in order. Few items (or
/// one core) are done on this thread; a thread that cannot be started does its part
/// here too.
pub fn map_parts<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || items.len() < 256 {
        return work(items);
    }
    let work = &work;
    std::thread::scope(|s| {
        let parts: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|part| {
                let handle = std::thread::Builder::new().spawn_scoped(s, move || work(part));
                (part, handle)
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|(part, handle)| match handle.map(|h| h.join()) {
                Ok(Ok(results)) => results,
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                Err(_) => work(part),
            })
            .collect()
    })
}
