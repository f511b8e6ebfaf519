/// Syntax of `compare`: two snapshots of a list, compared product by product (Compare.swift).

/// `compare "lists/2026-11"`, `compare from "lists/2026-10"`, `compare "A" to "B"`.
/// A nil side is the dataset the session has loaded.
public struct CompareSource: Equatable, Sendable {
    /// The older snapshot (nil: the loaded data).
    public var from: FolderName?
    /// The newer snapshot (nil: the loaded data).
    public var to: FolderName?
}

/// A data folder as written in a statement.
public struct FolderName: Equatable, Sendable {
    public var path: String
    public var range: SourceRange
}
