import Foundation

/// The settings a user keeps: `~/.config/ocop/config` (`$XDG_CONFIG_HOME/ocop/config` when
/// set), one `NAME VALUE` (or `NAME = VALUE`) a line, `#` comments. Read at start on a
/// terminal (pipes and files stay reproducible), written by `set NAME VALUE save`. A bad line
/// is a warning naming its line, never a failure.
public enum ConfigFile {
    /// The settings the file keeps.
    public static let kept = ["date_style", "lang", "display", "pager", "max_rows"]

    /// Where the file is, or nil without a home folder.
    public static func path(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let x = env["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/ocop/config" }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/ocop/config"
    }

    /// Applies the file's settings to `options`, except those in `skip` (given on the
    /// command line); the warnings, one a bad line. No file: nothing to do.
    public static func apply(_ path: String, to options: inout SessionOptions, skip: Set<String> = []) -> [Message] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        guard let text = String(data: data, encoding: .utf8) else { return [.configNotText(file: path)] }
        var warnings: [Message] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let (name, value) = entry(String(raw)) else {
                if !raw.trimmingCharacters(in: .whitespaces).isEmpty && !raw.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                    warnings.append(.configBadLine(file: path, line: i + 1, reason: .configNotASetting(text: String(raw))))
                }
                continue
            }
            guard kept.contains(name), let setting = Setting.named(name) else {
                warnings.append(.configBadLine(file: path, line: i + 1, reason: .configNotKept(name: name, kept: kept)))
                continue
            }
            if skip.contains(name) { continue }
            if !setting.apply(&options, value) {
                warnings.append(.configBadLine(file: path, line: i + 1, reason: setting.invalid))
            }
        }
        return warnings
    }

    /// `NAME VALUE` or `NAME = VALUE` (nil for a comment, a blank or a line of one word).
    static func entry(_ line: String) -> (String, String)? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, !t.hasPrefix("#") else { return nil }
        let parts = t.split(separator: " ", maxSplits: 1).map(String.init)
        var name = parts[0], value = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        if let eq = name.firstIndex(of: "=") {  // name=value
            value = String(name[name.index(after: eq)...]) + (value.isEmpty ? "" : " " + value)
            name = String(name[..<eq])
        } else if value.hasPrefix("=") {
            value = String(value.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        return name.isEmpty || value.isEmpty ? nil : (name, value)
    }

    /// Writes `name value` into the file (replacing the line that set it, keeping the others
    /// and their comments), through a temporary file renamed over it. Why it failed, if it did.
    public static func save(_ name: String, _ value: String, to path: String) -> Message? {
        let old = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        var lines = old.isEmpty ? [] : old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let line = "\(name) \(value)"
        if let i = lines.firstIndex(where: { entry($0)?.0 == name }) { lines[i] = line } else { lines.append(line) }
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = dir + "/.config.\(getpid()).tmp"
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(toFile: tmp, atomically: false, encoding: .utf8)
            if rename(tmp, path) != 0 {
                let reason = Message.system(errno: errno)
                unlink(tmp)
                return reason
            }
            return nil
        } catch {
            unlink(tmp)
            return .system(errno: systemCode(of: error))
        }
    }

    /// The errno behind a Foundation file error (its own, or the one underneath), else EIO.
    static func systemCode(of error: Error) -> Int32 {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        // on Linux the underlying error casts to Error, not to NSError
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? Error {
            let posix = u as NSError
            if posix.domain == NSPOSIXErrorDomain { return Int32(posix.code) }
        }
        switch ns.code {
        case NSFileWriteNoPermissionError: return EACCES
        case NSFileWriteOutOfSpaceError: return ENOSPC
        case NSFileWriteVolumeReadOnlyError: return EROFS
        default: return EIO
        }
    }
}
