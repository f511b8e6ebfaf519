import Foundation
import OCOPKit

/// Where the signal handlers write: the running session's cancel flag, and the pipe that
/// wakes the line editor after a window resize.
///
/// The one exception to "no global mutable state": a signal handler is a C function and
/// cannot capture anything, so it reaches its targets through this global. It is written only
/// by `Interrupts` before a handler is installed and after it is removed; the handlers only
/// store 1 through the flag or write one byte to the pipe (both async-signal-safe).
nonisolated(unsafe) private var targets = (cancelFlag: UnsafeMutablePointer<Int32>?.none, resizePipe: Int32(-1))

/// Ctrl-C while a statement runs: the terminal raises SIGINT (libedit turns that off only while
/// editing), and the handler asks the evaluator to stop; it throws `cancelled` at its next check.
/// A window resize (SIGWINCH) wakes the editor's read so it can redraw the line.
public enum Interrupts {
    static func install(_ token: CancelToken) {
        targets.cancelFlag = token.address
        _ = signal(SIGINT) { _ in targets.cancelFlag?.pointee = 1 }
    }

    static func remove() {
        terminateCleanly(on: [SIGINT])
        targets.cancelFlag = nil
    }

    /// SIGTERM, SIGHUP and (outside a running REPL statement) SIGINT still end the process, by
    /// the same signal, but first remove the temporary file an export is writing (PendingFile).
    /// They are unblocked too: a parent may have started ocop with them blocked (the test
    /// runner's threads block SIGINT, and children inherit the mask).
    public static func terminateCleanly(on signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        _ = sigprocmask(SIG_UNBLOCK, &set, nil)
        for s in signals {
            _ = signal(s) { s in
                PendingFile.removeNow()
                _ = signal(s, SIG_DFL)
                _ = raise(s)
            }
        }
    }

    /// Writes a byte to `fd` on every SIGWINCH (libedit saves this handler while it reads and
    /// calls it after its own resize work).
    static func watchResize(_ fd: Int32) {
        targets.resizePipe = fd
        _ = signal(SIGWINCH) { _ in
            var b: UInt8 = 1
            _ = write(targets.resizePipe, &b, 1)
        }
    }
}
