import Foundation

/// Vietnamese collation (CLDR "vi"). PLACEHOLDER; the Text work replaces it with real
/// multi-level keys (base letters, then tones, then case; digit runs as numbers).
public enum Collation {
    /// A key whose byte order is the Vietnamese order of the strings.
    public static func key(_ s: String) -> [UInt8] { Array(VietText.fold(s).utf8) + [0] + Array(s.utf8) }
}
