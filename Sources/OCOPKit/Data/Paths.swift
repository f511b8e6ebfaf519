import Foundation

/// File names as the user typed them.
enum Paths {
    /// `~` and `~/…` are the home folder ($HOME, as a shell reads it; the account's home when it
    /// is unset); `~user/…` is that user's. Export, --data and compare read names through this.
    static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        if path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            return home + path.dropFirst()
        }
        return (path as NSString).expandingTildeInPath
    }
}
