import Foundation

/// Vietnamese text keys. PLACEHOLDER implementations; the Text work replaces them with the
/// byte-table fold and canonical tone placement.
public enum VietText {
    /// NFC form of `s`.
    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// True when UTF-8 `bytes` may not be NFC (they hold a combining mark or a decomposable
    /// sequence); ASCII and precomposed Vietnamese return false, so load skips the work.
    public static func mayNeedNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b == 0xCC || b == 0xCD { return true }
        return false
    }

    /// Folded key: lower case, tones and vowel marks removed, đ→d.
    public static func fold(_ s: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { foldBytes($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the folded form of NFC UTF-8 `src` to `out`.
    public static func foldBytes(_ src: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let s = String(decoding: src, as: UTF8.self)
        let f = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
        out.append(contentsOf: f.utf8)
    }

    /// Canonical text for `=`: NFC with one tone placement ("Hoà" and "Hòa" agree).
    public static func canonical(_ s: String) -> String { nfc(s) }
}
