import Foundation
import OCOPKit

/// The REPL's history on disk: finished statements, one entry each (a multi-line statement is
/// one entry), trimmed, consecutive duplicates dropped, the newest `limit` kept. Saved after
/// every statement by re-reading the file, appending, and replacing it atomically (temporary
/// file + rename), so two sessions do not lose each other's entries or leave a torn file.
///
/// File format: one entry per line; `\` is written `\\` and a line break inside an entry `\n`.
struct HistoryFile {
    static let limit = 1000

    /// Nil: history is not kept on disk.
    let path: String?
    /// Told once when the file cannot be written; saving then stops.
    let warn: (String) -> Void
    private var failed = false

    init(path: String?, warn: @escaping (String) -> Void) {
        self.path = path
        self.warn = warn
    }

    /// `$OCOP_HISTORY` (empty: none), else `~/.ocop_history`.
    static func defaultPath(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let p = env["OCOP_HISTORY"] { return p.isEmpty ? nil : p }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".ocop_history")
    }

    /// The saved entries, oldest first (none if the file is missing or unreadable). A line that
    /// is not UTF-8 is skipped, not the whole file: the next save keeps every good entry.
    func load() -> [String] {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return [] }
        return data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap { line in
            String(validating: line, as: UTF8.self).map(HistoryFile.decode)
        }
    }

    /// Adds `entry` (already trimmed) to the file.
    mutating func append(_ entry: String) {
        guard let path, !failed, !entry.isEmpty else { return }
        var entries = load()
        if entries.last != entry { entries.append(entry) }
        if entries.count > HistoryFile.limit { entries.removeFirst(entries.count - HistoryFile.limit) }
        let text = entries.map(HistoryFile.encode).joined(separator: "\n") + "\n"
        if let problem = HistoryFile.writeAtomically(text, to: path) {
            failed = true
            warn("warning: cannot save history to \(path): \(problem); set OCOP_HISTORY to a writable file")
        }
    }

    /// Nil on success, else why not.
    static func writeAtomically(_ text: String, to path: String) -> String? {
        // a fresh name, created (never an existing file, never through a planted symlink)
        let temp = path + ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        PendingFile.set(temp)
        defer { PendingFile.clear() }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let why = String(cString: strerror(errno))
                close(fd)
                PendingFile.clear()
                unlink(temp)
                return why
            }
            written += n
        }
        close(fd)
        PendingFile.clear()
        guard rename(temp, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temp)
            return why
        }
        return nil
    }

    static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ line: String) -> String {
        var out = ""
        var escaped = false
        for c in line {
            if escaped {
                out.append(c == "n" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
