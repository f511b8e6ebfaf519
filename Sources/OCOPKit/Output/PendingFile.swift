import Foundation

/// The temporary file an export (or the history) is writing, for a signal handler to remove
/// before the process dies: SIGTERM or SIGINT mid-export left `.NAME.PID.RAND.tmp` files behind.
///
/// Another exception to "no global mutable state" (see Terminal/Interrupts.swift): a handler is
/// a C function and can reach only globals. The path is copied into a buffer allocated once;
/// a flag says whether it holds a live name. The writer sets the flag after the name is
/// complete and clears it before unlinking, so the handler never reads a half-written name;
/// `removeNow` only reads the flag and calls unlink, both async-signal-safe.
public enum PendingFile {
    static let capacity = 4096
    nonisolated(unsafe) private static let name: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    nonisolated(unsafe) private static let live: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()

    /// From now until `clear`, a dying process removes `path`.
    public static func set(_ path: String) {
        live.pointee = 0
        let bytes = Array(path.utf8.prefix(capacity - 1))
        for (i, b) in bytes.enumerated() { name[i] = CChar(bitPattern: b) }
        name[bytes.count] = 0
        _touch(live)
        live.pointee = 1
    }

    public static func clear() { live.pointee = 0 }

    /// Removes the file being written, if any: called from a signal handler.
    public static func removeNow() {
        if _readVolatile(live) != 0 { unlink(name) }
    }
}

@inline(never)
func _touch(_ p: UnsafeMutablePointer<Int32>) {}
