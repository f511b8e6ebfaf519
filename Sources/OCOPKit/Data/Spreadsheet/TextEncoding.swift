import Foundation

/// The encodings a CSV file arrives in (issue 15): UTF-8 (with or without a byte order mark),
/// UTF-16 with a byte order mark (Excel's "Unicode text"), and the legacy Vietnamese
/// Windows-1258 and TCVN3 (ABC), converted to UTF-8 before the file is scanned.
enum TextEncoding: String, Sendable, CaseIterable {
    case utf8, utf16LE, utf16BE, windows1258, tcvn3

    /// As the load summary and messages name it.
    var name: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16 LE"
        case .utf16BE: return "UTF-16 BE"
        case .windows1258: return "Windows-1258"
        case .tcvn3: return "TCVN3 (ABC)"
        }
    }

    /// What the first bytes say. UTF-8 input pays only for this look: a byte order mark, and
    /// whether the first 64 KiB are valid UTF-8 (the rest is checked cell by cell as before).
    /// `utf16` from `start`: 2 after a byte order mark, 0 without one. `utf16Unclear`: NUL
    /// bytes mostly in alternate places, as UTF-16 without a byte order mark writes them, but
    /// not cleanly enough to choose the byte order (a message names both).
    enum Sniff: Equatable { case utf8, utf16(bigEndian: Bool, start: Int), utf16Unclear, legacy }

    static let sniffWindow = 64 << 10

    static func sniff(_ all: UnsafeBufferPointer<UInt8>) -> Sniff {
        if all.count >= 2, all[0] == 0xFF, all[1] == 0xFE { return .utf16(bigEndian: false, start: 2) }
        if all.count >= 2, all[0] == 0xFE, all[1] == 0xFF { return .utf16(bigEndian: true, start: 2) }
        if let order = byteOrderWithoutMark(all) { return order }
        var head = UnsafeBufferPointer(rebasing: all[0..<min(all.count, sniffWindow)])
        // a letter cut by the window's end is not a fault
        if head.count < all.count {
            var cut = head.count, k = head.count - 1
            while k >= 0, k >= cut - 3, head[k] & 0xC0 == 0x80 { k -= 1 }
            if k >= 0, head[k] >= 0xC0, k + (head[k] >= 0xF0 ? 4 : head[k] >= 0xE0 ? 3 : 2) > cut { cut = k }
            head = UnsafeBufferPointer(rebasing: head[0..<cut])
        }
        guard UTF8Check.firstInvalid(head) != nil else { return .utf8 }
        // mostly UTF-8 with a stray byte: the UTF-8 reader names the byte and its place
        var valid = 0, invalid = 0, i = 0
        while i < head.count {
            let b = head[i]
            if b < 0x80 { i += 1; continue }
            let n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            if n > 0, i + n <= head.count, (1..<n).allSatisfy({ head[i + $0] & 0xC0 == 0x80 }) { valid += 1; i += n }
            else { invalid += 1; i += 1 }
        }
        return valid > invalid * 4 ? .utf8 : .legacy
    }

    /// UTF-16 without a byte order mark, told by its NUL bytes: the text of a list is mostly
    /// ASCII and U+00xx letters, whose high byte is 0, so in the first 64 KiB at least a
    /// quarter of the byte pairs have a NUL on one side (the odd bytes for little-endian) and
    /// almost none (1 in 100 pairs) on the other. NULs on both sides with one side clearly
    /// ahead (three times as many, a quarter of the pairs) is UTF-16 that does not read
    /// cleanly: unclear. Anything else is left to the binary-file check.
    static func byteOrderWithoutMark(_ all: UnsafeBufferPointer<UInt8>) -> Sniff? {
        let n = min(all.count, sniffWindow) / 2
        guard n >= 2, all[0] == 0 || all[1] == 0 else { return nil }
        var even = 0, odd = 0
        for p in 0..<n {
            if all[2 * p] == 0 { even += 1 }
            if all[2 * p + 1] == 0 { odd += 1 }
        }
        let (more, less) = (max(even, odd), min(even, odd))
        guard more * 4 >= n else { return nil }
        if less * 100 <= n { return .utf16(bigEndian: even > odd, start: 0) }
        return more >= less * 3 ? .utf16Unclear : nil
    }

    /// UTF-16 text from `start` (after a byte order mark) as UTF-8; a lone surrogate becomes U+FFFD.
    static func utf8(fromUTF16 all: UnsafeBufferPointer<UInt8>, bigEndian: Bool, start: Int = 2) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(all.count / 2)
        var i = start
        while i + 1 < all.count {
            units.append(bigEndian ? UInt16(all[i]) << 8 | UInt16(all[i + 1]) : UInt16(all[i + 1]) << 8 | UInt16(all[i]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Legacy bytes through `table` (bytes 0x80-0xFF; ASCII as it is), normalised to NFC
    /// (Windows-1258 writes tones as combining marks). A byte with no character is U+FFFD.
    static func utf8(from all: UnsafeBufferPointer<UInt8>, table: [UInt32]) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(all.count)
        for b in all {
            if b < 0x80 { scalars.append(Unicode.Scalar(b)); continue }
            scalars.append(Unicode.Scalar(table[Int(b) - 0x80]).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}")
        }
        return Array(String(scalars).precomposedStringWithCanonicalMapping.utf8)
    }

    static func table(_ e: TextEncoding) -> [UInt32] {
        e == .tcvn3 ? LegacyEncodingTables.tcvn3 : LegacyEncodingTables.windows1258
    }

    // MARK: telling Windows-1258 from TCVN3

    /// How Vietnamese the words holding non-ASCII letters read, 0…1: a word of Vietnamese has
    /// only Vietnamese letters and at most one tone mark. Either table turns any byte into
    /// some character, so letters alone cannot tell (every byte from 0xA1 is a TCVN3 letter);
    /// the wrong table gives words with two tones (`Viỉữt`) or symbols (`Vi¸t`).
    static func plausibility(_ text: String, limit: Int = 3000) -> (score: Double, words: Int) {
        var good = 0, words = 0
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "\t" || $0 == "\"" }) {
            guard word.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { continue }
            words += 1
            if isVietnameseWord(word) { good += 1 }
            if words >= limit { break }
        }
        return (words == 0 ? 0 : Double(good) / Double(words), words)
    }

    static let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
    static let initials: Set<Character> = Set("bcdđghklmnpqrstvx")
    static let vowels: Set<Character> = Set("aăâeêioôơuưy")
    static let finals: Set<Character> = Set("cghmnpt")

    /// Whether each syllable of `word` that holds a non-ASCII letter is one Vietnamese could
    /// spell: at most one tone mark; then consonants, one to three vowels, at most two final
    /// consonants (`nghiêng`, `thuở`, `đường`), and never ending in ă or â.
    static func isVietnameseWord(_ word: Substring) -> Bool {
        var syllable = "", ok = true
        func check() {
            defer { syllable = "" }
            guard syllable.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return }
            var tonesSeen = 0
            var plain = String.UnicodeScalarView()
            for u in syllable.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                if tones.contains(u.value) { tonesSeen += 1 } else { plain.append(u) }
            }
            let letters = Array(String(plain).precomposedStringWithCanonicalMapping)
            var i = 0
            while i < letters.count, initials.contains(letters[i]), i < 3 { i += 1 }
            let v = i
            while i < letters.count, vowels.contains(letters[i]) { i += 1 }
            let nucleus = i - v
            let f = i
            while i < letters.count, finals.contains(letters[i]) { i += 1 }
            let endsOpen = f == letters.count && f > 0 && (letters[f - 1] == "ă" || letters[f - 1] == "â")
            if tonesSeen > 1 || i != letters.count || !(1...3).contains(nucleus) || i - f > 2 || endsOpen { ok = false }
        }
        for ch in word {
            if ch.isLetter { syllable.append(ch) } else {
                check()
                // a symbol that is not punctuation (¤ © µ ¶): not Vietnamese text
                if ch.unicodeScalars.contains(where: { $0.value >= 0x80 }) && !ch.isPunctuation { ok = false }
            }
        }
        check()
        return ok
    }

    /// The legacy encoding of `all`, or the candidates when neither reads as Vietnamese
    /// clearly enough (both named, best first).
    /// `few`: too few words to judge (a stray byte in an English file): the UTF-8 reader's
    /// message, which names the byte and the column, says more.
    enum Legacy { case found(TextEncoding, [UInt8]), unclear([TextEncoding]), few }

    static func legacy(_ all: UnsafeBufferPointer<UInt8>) -> Legacy {
        let head = UnsafeBufferPointer(rebasing: all[0..<min(all.count, 256 << 10)])
        var words = 0
        let scored = [TextEncoding.windows1258, .tcvn3].map { e -> (TextEncoding, Double) in
            let p = plausibility(String(decoding: utf8(from: head, table: table(e)), as: UTF8.self))
            words = max(words, p.words)
            return (e, p.score)
        }.sorted { $0.1 > $1.1 }
        if words < 3 { return .few }
        guard scored[0].1 >= 0.9, scored[0].1 - scored[1].1 >= 0.2 else { return .unclear(scored.map(\.0)) }
        return .found(scored[0].0, utf8(from: all, table: table(scored[0].0)))
    }
}
