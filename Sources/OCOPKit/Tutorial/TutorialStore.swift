import Foundation

/// Where the tutorial remembers progress between sessions: a small JSON file under $HOME
/// (`~/.ocop_tutorial.json`), or the path in OCOP_TUTORIAL_STATE. An unwritable place gives
/// a warning, never a crash; the file is replaced atomically.
public struct TutorialStore {
    public var path: String?

    /// The lesson to resume at (zero-based) and the lessons passed.
    public struct Progress: Codable, Equatable {
        public var lesson = 0
        public var passed: [Int] = []
    }

    public static func defaultPath(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let p = env["OCOP_TUTORIAL_STATE"], !p.isEmpty { return p }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".ocop_tutorial.json")
    }

    public init(path: String?) { self.path = path }

    /// The saved progress, or a fresh start when there is none (or it cannot be read).
    public func load() -> Progress {
        guard let path, let data = FileManager.default.contents(atPath: path),
              let p = try? JSONDecoder().decode(Progress.self, from: data) else { return Progress() }
        return p
    }

    /// Saves `progress` atomically; returns a warning when it could not.
    public func save(_ progress: Progress, lang: Lang = .en) -> String? {
        guard let path else { return Msg.text("tutorial.noHome", lang) }
        do {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            let data = try enc.encode(progress)
            // write beside the target, then rename over it: a crash never leaves half a file
            let tmp = path + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: tmp, contents: data) else {
                return Msg.text("tutorial.saveFailed", lang, path)
            }
            if rename(tmp, path) != 0 {
                unlink(tmp)
                return Msg.text("tutorial.saveFailed", lang, path)
            }
            return nil
        } catch {
            return Msg.text("tutorial.saveFailed", lang, path)
        }
    }
}
