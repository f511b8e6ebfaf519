/// The source of a query: a table, a variable, or a comparison of two data folders.
extension Executor {
    func source(of q: Query) throws(Diagnostic) -> Frame {
        guard let c = q.compare else { return try resolve(q.source) }
        // the check does not load the folders: the changes table, with no rows
        if env.checking { return Frame(table: Compare.emptyTable) }
        let old = try snapshot(c.from)
        let new = try snapshot(c.to)
        guard let table = Compare.table(from: old, to: new, lang: env.lang) else {
            throw error(.data, .compareNeedsID, q.source.range, help: [.helpCompareByID])
        }
        return Frame(table: table)
    }

    /// The loaded dataset (nil), or the folder named, loaded now. Its load warnings become a
    /// note after the result.
    func snapshot(_ folder: FolderName?) throws(Diagnostic) -> Dataset {
        guard let folder else { return env.dataset }
        // before loading: even a folder that fails to load part-way was read
        if !env.readFolders.contains(folder.path) { env.readFolders.append(folder.path) }
        let ds: Dataset
        do {
            ds = try Loader.load(folder: folder.path)
        } catch {
            var d = Diagnostic(.data, .compareCannotLoad(folder: folder.path, reason: error.code), at: folder.range, in: source,
                               help: error.help, topic: "compare")
            if let place = error.location, place.line != nil {
                d.code = .compareDoesNotLoad(folder: folder.path)
                d.notes = [.located(place: DiagnosticRenderer.place(place), message: error.code)]
            }
            throw d
        }
        if let s = ds.warningSummary {
            env.notes.append(.noteCompareWarnings(folder: folder.path, summary: .located(place: folder.path, message: s)))
        }
        return ds
    }
}
