import Foundation

/// A read-only memory mapping of a data file. Pages already parsed can be released
/// (`release(upTo:)`) so a large load does not keep the whole file resident.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeMutableRawPointer?
    let count: Int

    init(path: String) throws(Diagnostic) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            throw Diagnostic.data("cannot read this file (\(reason))", file: path)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Diagnostic.data("cannot read this file", file: path) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw Diagnostic.data("is a folder, not a file", file: path) }
        count = Int(st.st_size)
        if count == 0 { base = nil; return }
        let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else {
            throw Diagnostic.data("cannot map this file into memory (\(String(cString: strerror(errno))))", file: path)
        }
        base = p
        _ = madvise(p, count, Int32(MADV_SEQUENTIAL))
    }

    deinit { if let base { munmap(base, count) } }

    var buffer: UnsafeBufferPointer<UInt8> {
        guard let base else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// Drops the pages before `offset` from this process (they stay in the page cache).
    func release(upTo offset: Int) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (min(offset, count) / page) * page
        if end > 0 { _ = madvise(base, end, Int32(MADV_DONTNEED)) }
    }
}

/// Hands non-Sendable values to worker threads that each touch disjoint parts of them.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
