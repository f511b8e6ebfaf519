import Foundation
import OCOPKit
import Terminal

// The process around OCOPKit's command line (Program.swift holds its policy): the standard
// streams, the signals that end a run cleanly, the line editor's REPL and the pager.
DescriptorStreams.prepare()
Interrupts.terminateCleanly()
let context = ProgramContext(
    streams: DescriptorStreams(), environment: ProcessInfo.processInfo.environment,
    repl: { session, sink in Repl(session: session, sink: sink).run() },
    pager: { text in Pager.command().map { Pager.show(text, command: $0) } ?? false },
    stop: { code in exit(code) })
exit(Program.run(Array(CommandLine.arguments.dropFirst()), context))
