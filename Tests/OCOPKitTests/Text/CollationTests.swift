import Foundation
import Testing
@testable import OCOPKit

@Suite("Collation")
struct CollationTests {
    func sorted(_ xs: [String]) -> [String] {
        xs.sorted { Collation.key($0).lexicographicallyPrecedes(Collation.key($1)) }
    }
    func before(_ a: String, _ b: String) -> Bool {
        Collation.key(a).lexicographicallyPrecedes(Collation.key(b))
    }

    @Test func provinceList() {
        let expected = ["An", "Ăn", "Ân", "Ba", "Bắc", "Dương", "Đà Nẵng", "Đồng", "Đồng Tháp",
                        "Ô Môn", "Ơ Lơ", "Yên Bái"]
        let input = ["An", "Ăn", "Ân", "Ba", "Bắc", "Dương", "Đồng", "Ô Môn", "Ơ Lơ", "Yên Bái",
                     "Đồng Tháp", "Đà Nẵng"]
        #expect(sorted(input) == expected)
        #expect(sorted(input.reversed()) == expected)
        #expect(sorted(input.map { $0.decomposedStringWithCanonicalMapping }).map(VietText.nfc) == expected)
        #expect(Collation.sorted(input.shuffled()) == expected)
    }

    @Test func alphabet() {
        let letters = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
                       "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]
        for (x, y) in zip(letters, letters.dropFirst()) {
            #expect(before(x, y), "\(x) < \(y)")
            #expect(before(x + "z", y), "\(x)z < \(y)")
            #expect(before(x.uppercased(), y), "\(x.uppercased()) < \(y)")
        }
        #expect(before("e", "f") && before("f", "g") && before("i", "j") && before("j", "k"))
        #expect(before("v", "w") && before("w", "x") && before("y", "z"))
    }

    @Test func tonesAreSecondary() {
        let tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
        #expect(sorted(tones.reversed()) == tones)
        for (x, y) in zip(tones, tones.dropFirst()) { #expect(before(x, y), "\(x) < \(y)") }
        // A tone never outweighs a letter: "mạ" < "mac", "mả" < "mb".
        #expect(before("mạ", "mac") && before("mả", "mb") && before("mặ", "mâ"))
        // Letters first, then tones left to right.
        #expect(before("Bà Bá", "Bá Bà"))
        #expect(before("ân", "ấn") && before("ấn", "ận"))
    }

    @Test func caseIsTertiary() {
        #expect(before("an", "An") && before("An", "AN"))
        #expect(before("An", "àn"))  // tone outweighs case
        #expect(before("AN", "ăn"))  // letter outweighs case
        #expect(before("đà", "Đà") && before("Đà", "đả"))
    }

    @Test func numbersCompareAsNumbers() {
        #expect(before("Phường 2", "Phường 10"))
        #expect(before("Phường 9", "Phường 10") && before("Phường 10", "Phường 11"))
        #expect(before("Phường 10", "Phường A"))
        #expect(sorted(["x10", "x9", "x100", "x1", "x01", "x001", "x0", "x00", "x2"])
                == ["x0", "x00", "x1", "x01", "x001", "x2", "x9", "x10", "x100"])
        #expect(before("Phường 02", "Phường 3") && before("Phường 2", "Phường 02"))
        let long = String(repeating: "9", count: 300)
        #expect(before(long, long + "0") && before("1" + long, "2" + long))
    }

    @Test func spaceAndPunctuationBeforeLetters() {
        #expect(before("Bắc Kạn", "Bắcx"))
        #expect(before("Bắc Kạn", "Bắc Ninh"))
        #expect(before("Ba", "Ba Bể") && before("Bà", "Ba Bể"))  // letters first: "ba" is a prefix of "ba be"
        #expect(before("A-B", "AB") && before("A B", "A-B"))
        #expect(before("Tân", "Tân Sơn") && before("Tân 2", "Tân A"))
    }

    @Test func nfdGivesTheSameKey() {
        var words = ["An", "Ăn", "Ân", "Bắc Kạn", "Đồng Tháp", "Ô Môn", "Ơ Lơ", "Nguyễn", "Người",
                     "HỢP TÁC XÃ", "Crème brûlée", "Ἀθῆναι", "Йошкар-Ола", "Phường 02", "한국", "が"]
        for (_, row) in FoldTests.vowelRows {
            for ch in row { words.append(String(ch)); words.append(String(ch).uppercased()) }
        }
        for cp in UInt32(0xC0)...0x24F { words.append(String(Unicode.Scalar(cp)!)) }
        for cp in UInt32(0x1E00)...0x1EFF { words.append(String(Unicode.Scalar(cp)!)) }
        for w in words {
            let nfd = w.decomposedStringWithCanonicalMapping
            #expect(Collation.key(nfd) == Collation.key(w), "\(w)")
        }
        // Decomposed but not in canonical order (dot below typed after the circumflex).
        #expect(Collation.key("e\u{0302}\u{0323}") == Collation.key("ệ"))
        // Partly composed: ạ + circumflex is ậ.
        #expect(Collation.key("ạ\u{0302}") == Collation.key("ậ"))
    }

    @Test func tonePlacementVariantsShareAKey() {
        #expect(Collation.key("Hoà Bình") == Collation.key("Hòa Bình"))
        #expect(Collation.key("THUỶ") == Collation.key("THỦY"))
        #expect(Collation.key("khoẻ".decomposedStringWithCanonicalMapping) == Collation.key("khỏe"))
        #expect(before("Hòa", "Hoá") && before("Hoá", "Hoạ"))  // still ordered by tone
    }

    @Test func lookAlikesOfĐ() {
        #expect(Collation.key("Ðồng") == Collation.key("Đồng"))
        #expect(Collation.key("Ɖồng") == Collation.key("Đồng"))
        #expect(before("Dương", "Ðà Nẵng") && before("Ðà Nẵng", "Em"))
    }

    @Test func otherScriptsAndSymbols() {
        #expect(before("zebra", "Ω") && before("Ω", "北京") && before("9", "a"))
        #expect(before("!", "0") && before(" ", "!"))
        #expect(before("ss", "ß") && before("ß", "st"))
        #expect(before("o", "ø") && before("ø", "ô"))
        #expect(Collation.key("") == [1, 1])
        // Ignorables do not change the key.
        #expect(Collation.key("ab\u{200B}c") == Collation.key("abc"))
    }

    @Test func bytesAndHelpers() {
        for w in ["Bắc Kạn", "Đồng Tháp".decomposedStringWithCanonicalMapping, "한국", "x≠y", ""] {
            let k = Array(w.utf8).withUnsafeBufferPointer { Collation.key(utf8: $0) }
            #expect(k == Collation.key(w))
        }
        #expect(Collation.precedes("Đà Nẵng", "Đồng") && !Collation.precedes("Đồng", "Đà Nẵng"))
        #expect(Collation.sorted(["Ơ", "Ô", "O"]) == ["O", "Ô", "Ơ"])
        #expect(Collation.key("x=\u{0338}y") == Collation.key("x≠y"))
    }

    @Test func keysStayShort() {
        // Common weights are run-length compressed: letters, tones and case cost little.
        #expect(Collation.key("Mật ong bạc hà").count == 14 + 1 + 6 + 1 + 2)
        #expect(Collation.key("mat ong bac ha").count == 14 + 2)
    }

    @Test func agreesWithFoundationOnVietnameseWords() {
        let words = ["bà", "bá", "ba", "bả", "bã", "bạ", "bắc", "băng", "bâng", "bẫy", "cà phê",
                     "cá", "chè", "chả", "dưa", "đá", "đào", "ếch", "gà", "giò", "hoa", "hòa",
                     "hóa", "hỏa", "khoai", "lúa", "mật ong", "miến", "nấm", "nước mắm", "ô mai",
                     "ớt", "phở", "quế", "rượu", "sâm", "tỏi", "trà", "ưu", "vải", "xoài", "yến"]
        let vi = Locale(identifier: "vi")
        let byICU = words.sorted { $0.compare($1, locale: vi) == .orderedAscending }
        #expect(sorted(words) == byICU)
    }
}
