import Foundation
import OCOPKit

/// Long output at the REPL through a pager, as psql does: `$PAGER`, else `less -FRSX` (quit
/// at once when it fits, keep colours, chop long lines, leave the screen as it is); an empty
/// `PAGER` means none. When the pager cannot start the caller writes to standard output.
public enum Pager {
    /// The command to page with, or nil for none.
    public static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let p = environment["PAGER"] else { return "less -FRSX" }
        return p.trimmingCharacters(in: .whitespaces).isEmpty ? nil : p
    }

    /// Runs the pager on `text` and waits for it; false when it could not be started (no
    /// such command: the shell's 126/127), and nothing was shown. Spawned directly, not with
    /// Foundation's Process, which puts the child in a process group of its own: a pager
    /// outside the terminal's foreground group is stopped (SIGTTOU) when it draws.
    public static func show(_ text: String, command: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        // the pager gets default signals (ocop ignores SIGPIPE and catches SIGINT)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGPIPE, SIGQUIT, SIGTSTP, SIGWINCH] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF))
        var env = ProcessInfo.processInfo.environment
        if env["LESSCHARSET"] == nil { env["LESSCHARSET"] = "utf-8" }  // Vietnamese in a C locale
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, envp)
        close(readEnd)
        guard rc == 0 else { close(writeEnd); return false }
        // a pager quit early (q) closes the pipe: EPIPE just ends the writing
        _ = Descriptor.write(writeEnd, text)
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        return !(exited && (code == 126 || code == 127))
    }
}
