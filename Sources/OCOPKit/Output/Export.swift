import Foundation

/// Writes a result to a file, all or nothing: the bytes go to a temporary file in the same
/// folder, which then takes the target's name in one step (rename, or link when the target
/// must not exist), so a reader never sees half a file and a crash leaves the old one.
public enum Export {
    /// Why an export was refused or failed; the session turns it into a diagnostic at the path.
    public struct Failure: Error, Equatable {
        public var message: Message
        public var help: [Message] = []
    }

    /// Bytes written between two looks at the cancel flag.
    static let chunk = 1 << 20

    /// The format a file name asks for: `.csv`, `.json`, `.md` (or `.markdown`).
    public static func format(for path: String) -> OutputFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "json": return .json
        case "md", "markdown": return .markdown
        default: return nil
        }
    }

    /// The absolute, symlink-free form of `path` (relative to the working directory). The file
    /// itself need not exist; its folder is resolved.
    static func resolved(_ path: String) -> String {
        let expanded = Paths.expandingTilde(path)
        let absolute = expanded.hasPrefix("/") ? expanded
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded)
        let folder = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        return (realPath(folder) as NSString).appendingPathComponent(name)
    }

    /// The one of `folders` that is `folder` or one of its ancestors, compared by device and
    /// inode, not by spelling: a second mount (`mount --bind data other`), a symlink or `..`
    /// reach the same folder.
    static func enclosing(_ folder: String, among folders: [String]) -> String? {
        func identity(_ path: String) -> [UInt64]? {
            var st = stat()
            guard stat(Paths.expandingTilde(path), &st) == 0 else { return nil }
            return [UInt64(st.st_dev), UInt64(st.st_ino)]
        }
        let known = folders.compactMap { f in identity(f).map { (f, $0) } }
        guard !known.isEmpty else { return nil }
        var dir = folder
        while true {
            if let id = identity(dir), let hit = known.first(where: { $0.1 == id }) { return hit.0 }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }

    static func realPath(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(p) }
        return String(cString: p)
    }

    /// Whether `path` asks for a workbook (`.xlsx`, any case): XLSXWriter, not a Renderer format.
    public static func isWorkbook(_ path: String) -> Bool {
        (path as NSString).pathExtension.lowercased() == "xlsx"
    }

    /// Writes `text` to `path` atomically (see `write(bytes:…)`).
    public static func write(_ text: String, to path: String, overwrite: Bool, dataFolders: [String],
                             cancel: CancelToken? = nil) throws(Failure) {
        try write(bytes: Data(text.utf8), to: path, overwrite: overwrite, dataFolders: dataFolders, cancel: cancel)
    }

    /// The refusals made before anything is written: a target inside any of `dataFolders` (the
    /// folders the session read: exports never land beside, or over, the data files), a
    /// folder that does not exist, a target that is a folder, an existing target unless
    /// `overwrite`, a read-only one. Also checked when a workbook's export is met, before its
    /// sheets are gathered, so the refusal points at the first export of it.
    public static func preflight(_ path: String, overwrite: Bool, dataFolders: [String]) throws(Failure) {
        let target = resolved(path)
        let folder = (target as NSString).deletingLastPathComponent
        if let dataFolder = enclosing(folder, among: dataFolders) {
            throw Failure(message: .exportInsideDataFolder(folder: dataFolder),
                          help: [.helpExportElsewhere(file: (path as NSString).lastPathComponent)])
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(message: .exportNoFolder(folder: folder), help: [.helpExportCreateFolder])
        }
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDir) {
            if isDir.boolValue { throw Failure(message: .exportTargetIsFolder(path: path)) }
            if !overwrite {
                throw Failure(message: .exportExists(path: path), help: [.helpExportOverwrite(path: path)])
            }
        }
        // the file replaced keeps its permissions; one the user may not write is not replaced
        // (as cp refuses; root too, by its mode bits)
        var old = stat()
        if overwrite && stat(target, &old) == 0 && (access(target, W_OK) != 0 || old.st_mode & 0o222 == 0) {
            throw Failure(message: .exportReadOnly(path: path), help: [.helpExportReadOnly])
        }
    }

    /// Writes `bytes` to `path` atomically, after the refusals of `preflight`.
    ///
    /// `cancel` (Ctrl-C) is checked between chunks of the write; a cancelled or failed write,
    /// and a process killed by SIGINT or SIGTERM meanwhile (PendingFile), leave no temporary.
    public static func write(bytes: Data, to path: String, overwrite: Bool, dataFolders: [String],
                             cancel: CancelToken? = nil) throws(Failure) {
        try preflight(path, overwrite: overwrite, dataFolders: dataFolders)
        let bytes = bytes.startIndex == 0 ? bytes : Data(bytes)  // the chunks below index from 0
        let target = resolved(path)
        let folder = (target as NSString).deletingLastPathComponent
        var old = stat()
        let replacing = overwrite && stat(target, &old) == 0
        // the temporary file: hidden, in the same folder (rename is atomic only within one file system)
        let temp = (folder as NSString).appendingPathComponent(".\((target as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        PendingFile.set(temp)
        defer { PendingFile.clear() }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(message: .exportCannotWriteIn(folder: folder, reason: .system(errno: errno))) }
        if replacing { _ = fchmod(fd, old.st_mode & 0o777) }
        var ok = true, cancelled = false
        var written = 0
        while written < bytes.count {
            if cancel?.isCancelled == true { cancelled = true; break }
            let n = bytes[written..<min(bytes.count, written + chunk)].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; ok = false; break }
            written += n
        }
        let err = errno
        if ok && !cancelled && fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok && !cancelled else {
            PendingFile.clear()
            unlink(temp)
            if cancelled { throw Failure(message: .cancelled) }
            throw Failure(message: .exportCannotWrite(path: path, reason: .system(errno: err)))
        }
        if overwrite {
            guard rename(temp, target) == 0 else {
                let e = errno
                PendingFile.clear()
                unlink(temp)
                throw Failure(message: .exportCannotWrite(path: path, reason: .system(errno: e)))
            }
        } else {
            // link fails if the target appeared meanwhile: never replaces a file by surprise
            var r = link(temp, target)
            var e = errno
            if r != 0 && e != EEXIST && !FileManager.default.fileExists(atPath: target) {
                // file systems without hard links (FAT on a USB stick): check, then rename
                r = rename(temp, target)
                e = errno
            }
            PendingFile.clear()
            unlink(temp)
            guard r == 0 else {
                if e == EEXIST {
                    throw Failure(message: .exportExists(path: path), help: [.helpExportOverwrite(path: path)])
                }
                throw Failure(message: .exportCannotWrite(path: path, reason: .system(errno: e)))
            }
        }
    }
}
