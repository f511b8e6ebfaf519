import Foundation

/// A read-only memory mapping of a data file. Pages already parsed can be released
/// (`release(upTo:)`) so a large load does not keep the whole file resident.
///
/// Only regular files are opened (a FIFO named products.csv would block `open` forever), and
/// without blocking. A file another program shortens while it is mapped would kill the process
/// with SIGBUS on the first page past its new end: `MappingGuard` maps zeros there instead, and
/// `checkUnchanged` turns that (or any change of size or time) into a clean error.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeMutableRawPointer?
    let count: Int
    let path: String
    /// Read into memory, not mapped (a /proc file says its size is 0): freed, not unmapped.
    private let owned: Bool
    private let fd: Int32
    private let size: Int
    private let modified: timespec
    private let guardSlot: Int?

    init(path: String) throws(Diagnostic) {
        self.path = path
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw Diagnostic.data(.fileUnreadable(reason: .system(errno: errno)), file: path)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw Diagnostic.data(.fileUnreadablePlain, file: path)
        }
        if let why = MappedFile.notRegular(st.st_mode) {
            close(fd)
            throw Diagnostic.data(why, file: path, help: [.helpRegularFilesOnly])
        }
        self.fd = fd
        size = Int(st.st_size)
        modified = st.st_mtim
        if size == 0 {
            // a file that reports no size may still have bytes (/proc/self/status): read them
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while bytes.count < 64 << 20 {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                bytes += chunk[..<n]
            }
            count = bytes.count
            owned = true
            guardSlot = nil
            if bytes.isEmpty { base = nil; return }
            let p = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 16)
            bytes.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            base = p
            return
        }
        count = size
        owned = false
        let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else {
            close(fd)
            throw Diagnostic.data(.fileCannotMap(reason: .system(errno: errno)), file: path)
        }
        base = p
        guardSlot = MappingGuard.register(p, count)
        _ = madvise(p, count, Int32(MADV_SEQUENTIAL))
    }

    deinit {
        if let guardSlot { MappingGuard.unregister(guardSlot) }
        if let base { if owned { base.deallocate() } else { munmap(base, count) } }
        close(fd)
    }

    /// Why a file of this mode is not read, when it is not a regular file.
    static func notRegular(_ mode: mode_t) -> Message? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .fileIsFolder
        case S_IFIFO: return .fileIsFIFO
        case S_IFSOCK: return .fileIsSocket
        case S_IFCHR, S_IFBLK: return .fileIsDevice
        default: return .fileNotRegular
        }
    }

    var buffer: UnsafeBufferPointer<UInt8> {
        guard let base else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// Throws when the file was shortened (part of the mapping read as zeros), or its size or
    /// modification time changed, since it was opened: the table read from it cannot be trusted.
    func checkUnchanged() throws(Diagnostic) {
        var st = stat()
        let shrank = guardSlot.map(MappingGuard.faulted) ?? false
        let changed = fstat(fd, &st) != 0 || Int(st.st_size) != size
            || st.st_mtim.tv_sec != modified.tv_sec || st.st_mtim.tv_nsec != modified.tv_nsec
        guard shrank || changed else { return }
        throw Diagnostic.data(.fileChanged, file: path, help: [.helpFileChanged])
    }

    /// Drops the pages before `offset` from this process (they stay in the page cache).
    func release(upTo offset: Int) {
        guard let base, !owned else { return }
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
