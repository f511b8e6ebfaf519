import Foundation
import OCOPKit

/// The cancel flag the SIGINT handler sets while a statement runs.
///
/// The one exception to "no global mutable state": a signal handler is a C function and
/// cannot capture anything, so it reaches the session's `CancelToken` through this global.
/// Written only by `Interrupts.install`/`remove`, before the handler is installed and after
/// it is removed; the handler itself only stores 1 through it (async-signal-safe).
nonisolated(unsafe) private var cancelFlag: UnsafeMutablePointer<Int32>?

/// Ctrl-C while a statement runs: the terminal raises SIGINT (libedit turns that off only while
/// editing), and the handler asks the evaluator to stop; it throws `cancelled` at its next check.
enum Interrupts {
    static func install(_ token: CancelToken) {
        cancelFlag = token.address
        _ = signal(SIGINT) { _ in cancelFlag?.pointee = 1 }
    }

    static func remove() {
        _ = signal(SIGINT, SIG_DFL)
        cancelFlag = nil
    }
}
