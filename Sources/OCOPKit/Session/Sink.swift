/// Where a session writes: results to `out`, diagnostics and notes to `err`.
public protocol OutputSink: AnyObject {
    func out(_ s: String)
    func err(_ s: String)
}

/// Collects output in memory (tests, the REPL's completion previews).
public final class StringSink: OutputSink {
    public private(set) var output = ""
    public private(set) var errors = ""
    public init() {}
    public func out(_ s: String) { output += s }
    public func err(_ s: String) { errors += s }
}
