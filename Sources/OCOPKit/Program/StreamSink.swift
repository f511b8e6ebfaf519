import Foundation

/// Results to standard output, diagnostics to standard error, unbuffered enough for a REPL.
///
/// Results that cannot be written end the run at once: when the reader closed the pipe
/// (`ocop … | head -1`) quietly with exit 0, as it asked for no more (1 if a diagnostic was
/// lost before); otherwise (a full disk, a closed stdout) with one line on stderr and exit 1.
/// Nothing is in flight then: exports write their files themselves, before the sink is told.
/// How the run ends is the program's (`ProgramContext.stop`: the process exits); once ended
/// the sink writes nothing more and cancels the running statement.
public final class StreamSink: OutputSink {
    let streams: ProgramStreams
    let context: ProgramContext
    var lang: Lang = .en
    /// The running session's token, cancelled when the run ends early.
    var cancel: CancelToken?
    /// Something meant for stderr could not be written: the exit code becomes at least 1.
    public private(set) var errorsLost = false
    /// The code the run ended with because results could not be written; nil while it goes on.
    public private(set) var ended: Int32?

    init(_ context: ProgramContext) {
        self.context = context
        streams = context.streams
    }

    public func out(_ s: String) {
        guard ended == nil, let e = streams.write(.output, s) else { return }
        if e != EPIPE { err(Msg.text("io.stdout", lang, Descriptor.reason(e, lang)) + "\n") }
        ended = e == EPIPE && !errorsLost ? 0 : 1
        cancel?.cancel()
        context.stop(ended ?? 1)
    }

    public func err(_ s: String) {
        guard ended == nil else { return }
        if streams.write(.error, s) != nil { errorsLost = true }
    }

    public func page(_ s: String) -> Bool { context.pager?(s) ?? false }

    /// The exit code of a run that returned `code`: the code it ended with early, else at least
    /// 1 when a diagnostic or note could not be written, even for a run that worked.
    func exitCode(_ code: Int32) -> Int32 {
        ended ?? (errorsLost && code == 0 ? 1 : code)
    }
}
