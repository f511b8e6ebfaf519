import ArgumentParser
import Foundation

/// What a run of `ocop` is given from outside the library: its streams and environment, and
/// the parts that live elsewhere (the line editor's REPL and the pager are in Terminal) or
/// that only a process can do (exit at once).
public struct ProgramContext {
    public var streams: ProgramStreams
    public var environment: [String: String]
    /// The interactive loop on a terminal; nil: none (a terminal session then reads its
    /// input as a script).
    public var repl: ((Session, OutputSink) -> Int32)?
    /// Shows text through a pager; false when there is none or it could not start.
    public var pager: ((String) -> Bool)?
    /// Called once when results cannot be written, with the exit code the run ends with. The
    /// program exits there; a test records it, and the run stops writing and cancels.
    public var stop: (Int32) -> Void

    public init(streams: ProgramStreams, environment: [String: String], repl: ((Session, OutputSink) -> Int32)? = nil,
                pager: ((String) -> Bool)? = nil, stop: @escaping (Int32) -> Void) {
        self.streams = streams
        self.environment = environment
        self.repl = repl
        self.pager = pager
        self.stop = stop
    }

    /// The language of a message written before --lang is read: the environment's.
    var lang: Lang { Lang.from(environment: environment) }
}

/// The command line's policy, in the library so that tests run it in-process: which stream
/// each thing goes to, and the exit code (0 ok, 1 a query or script error or output that
/// could not be written, 2 a bad command line or data that cannot load). The `ocop`
/// executable only prepares the process and calls `run`.
public enum Program {
    /// `ocop ARGS` (without the program's name): the exit code.
    public static func run(_ args: [String], _ context: ProgramContext) -> Int32 {
        let command: OcopCommand
        do {
            command = try OcopCommand.parse(args)
        } catch {
            let code = OcopCommand.exitCode(for: error)
            if code == .success {
                // --help, --version: a failed write is a command-line failure (2), EPIPE is not
                if let e = context.streams.write(.output, OcopCommand.fullMessage(for: error) + "\n"), e != EPIPE {
                    _ = context.streams.write(.error, Msg.text("io.stdout", context.lang, Descriptor.reason(e, context.lang)) + "\n")
                    return 2
                }
                return 0
            }
            _ = context.streams.write(.error, "ocop: " + OcopCommand.fullMessage(for: error) + "\n")
            return 2
        }
        let sink = StreamSink(context)
        return sink.exitCode(command.execute(context, sink))
    }
}

extension Session.Outcome {
    /// What `ocop` exits with after running a script or statement: 0 when it ran (or quit), 2
    /// when the command line or data was at fault, 1 for an error in the script.
    public var exitCode: Int32 {
        switch self {
        case .ok, .quit: return 0
        case .failed(let kind): return kind == .usage ? 2 : 1
        }
    }
}
