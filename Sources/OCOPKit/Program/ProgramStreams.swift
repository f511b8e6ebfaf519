import Foundation

/// One of a program's three standard streams.
public enum StandardStream: Int32, Sendable {
    case input = 0, output = 1, error = 2
}

/// Where a run of `ocop` reads and writes: the process's standard streams (DescriptorStreams)
/// or, in tests, buffers that can be made to fail as a full disk or a closed pipe fails.
public protocol ProgramStreams: AnyObject {
    /// Everything on standard input up to its end, or the errno of a failed read.
    func readInput() -> Result<[UInt8], Descriptor.Errno>
    /// Nil when every byte of `s` was written, else the errno (EPIPE: the reader is gone).
    func write(_ stream: StandardStream, _ s: String) -> Int32?
    func isTerminal(_ stream: StandardStream) -> Bool
    /// The window standard output shows in, when it is a terminal that knows its size.
    func windowSize() -> (columns: Int, rows: Int)?
}

/// The process's file descriptors 0, 1 and 2.
public final class DescriptorStreams: ProgramStreams {
    public init() {}

    /// Before anything is written: a reader that closed the pipe becomes EPIPE from write (the
    /// sink's to handle), not a kill by SIGPIPE; and a standard stream started closed (`2>&-`)
    /// has its number held by /dev/null opened the wrong way round, so writes to it still fail
    /// (and are reported) but no file opened later (an export's temporary) takes number 2 and
    /// receives the diagnostics.
    public static func prepare() {
        _ = signal(SIGPIPE, SIG_IGN)
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) < 0 {
            _ = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY)
        }
    }

    public func readInput() -> Result<[UInt8], Descriptor.Errno> { Descriptor.readAll(0) }
    public func write(_ stream: StandardStream, _ s: String) -> Int32? { Descriptor.write(stream.rawValue, s) }
    public func isTerminal(_ stream: StandardStream) -> Bool { isatty(stream.rawValue) == 1 }

    public func windowSize() -> (columns: Int, rows: Int)? {
        var ws = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }
}
