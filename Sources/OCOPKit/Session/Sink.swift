import Foundation

/// Where a session writes: results to `out`, diagnostics and notes to `err`.
public protocol OutputSink: AnyObject {
    func out(_ s: String)
    func err(_ s: String)
    /// Shows `s` through a pager; false when there is none or it could not start (the caller
    /// then writes `s` with `out`).
    func page(_ s: String) -> Bool
}

extension OutputSink {
    public func page(_ s: String) -> Bool { false }
}

/// Collects output in memory (tests, the REPL's completion previews).
public final class StringSink: OutputSink {
    public private(set) var output = ""
    public private(set) var errors = ""
    public init() {}
    public func out(_ s: String) { output += s }
    public func err(_ s: String) { errors += s }
}

/// Whole strings to a file descriptor with write(2): short writes and EINTR retried, failures
/// returned (FileHandle.write traps on them: a full disk or a closed stream crashed ocop).
public enum Descriptor {
    /// Nil when every byte was written, else the errno: EPIPE (the reader is gone), ENOSPC,
    /// EBADF (the stream is closed), EIO …
    public static func write(_ fd: Int32, _ s: String) -> Int32? {
        var s = s
        return s.withUTF8 { buf -> Int32? in
            guard let base = buf.baseAddress else { return nil }
            var done = 0
            while done < buf.count {
                let n = Foundation.write(fd, base + done, buf.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                done += n
            }
            return nil
        }
    }

    /// Everything readable from `fd` up to its end, or the errno of a failed read (EBADF: a
    /// closed standard input).
    public static func readAll(_ fd: Int32) -> Result<[UInt8], Errno> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(code: errno))
            }
            if n == 0 { return .success(bytes) }
            bytes += chunk[..<n]
        }
    }

    public struct Errno: Error { public var code: Int32 }

    /// Why a read or write failed, in words of `lang`.
    public static func reason(_ e: Int32, _ lang: Lang) -> String {
        switch e {
        case ENOSPC: return Msg.text("io.noSpace", lang)
        case EBADF: return Msg.text("io.closed", lang)
        case EPIPE: return Msg.text("io.pipe", lang)
        default: return Msg.text("io.other", lang, String(e))
        }
    }
}
