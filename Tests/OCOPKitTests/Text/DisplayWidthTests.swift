import Foundation
import Testing
@testable import OCOPKit

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test func vietnameseIsOneColumnPerLetterNFCOrNFD() {
        for s in ["Bắc Kạn", "Đồng Tháp", "Hợp tác xã Nông nghiệp", "NGƯỜI", "ệ"] {
            #expect(DisplayWidth.of(s) == s.count)
            #expect(DisplayWidth.of(s.decomposedStringWithCanonicalMapping) == s.count)
        }
        #expect(DisplayWidth.of("Bắc Kạn") == 7)
        #expect(DisplayWidth.of("e\u{0302}\u{0323}") == 1)
    }

    @Test func wideAndEmoji() {
        #expect(DisplayWidth.of("北京") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("한".decomposedStringWithCanonicalMapping) == 2)
        #expect(DisplayWidth.of("日本語テキスト") == 14)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("ｱｲ") == 2)  // halfwidth katakana
        #expect(DisplayWidth.of("🍜") == 2)
        #expect(DisplayWidth.of("Phở 🍜") == 6)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("🇻🇳") == 2)
        #expect(DisplayWidth.of("1️⃣") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("❤") == 1)
        #expect(DisplayWidth.of("🫨") == 2)  // Unicode 15
    }

    @Test func perCharacterAndScalar() {
        #expect(DisplayWidth.columns(of: Character("北")) == 2)
        #expect(DisplayWidth.columns(of: Character("e\u{0301}")) == 1)
        #expect(DisplayWidth.columns(of: Character("👨‍👩‍👧")) == 2)
        #expect(DisplayWidth.columns(of: Character("\r\n")) == 0)
        #expect(DisplayWidth.scalarWidth("\u{0301}") == 0)
        #expect(DisplayWidth.scalarWidth("ạ") == 1)
        #expect(DisplayWidth.scalarWidth("한") == 2)
        #expect(DisplayWidth.scalarWidth("\u{7}") == 0)
    }

    @Test func zeroWidth() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("\u{1}\u{7F}") == 0)
        #expect(DisplayWidth.of("a\r\nb") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{0301}") == 0)
        #expect(DisplayWidth.of("a\u{200D}") == 1)
    }

    @Test func mixedCells() {
        let nfd = "Đồng Tháp".decomposedStringWithCanonicalMapping
        #expect(DisplayWidth.of(nfd + " 北京 🍜 " + "Bắc") == 9 + 1 + 4 + 1 + 2 + 1 + 3)
        #expect(DisplayWidth.of("Trà – “Shan tuyết”…") == 19)
        #expect(DisplayWidth.of("Ἀθῆναι") == 6)
    }

    @Test func truncateAtColumnBoundaries() {
        #expect(DisplayWidth.truncate("Bắc Kạn", to: 7) == "Bắc Kạn")
        #expect(DisplayWidth.truncate("Bắc Kạn", to: 6) == "Bắc K…")
        #expect(DisplayWidth.truncate("Bắc Kạn", to: 1) == "…")
        #expect(DisplayWidth.truncate("Bắc Kạn", to: 0) == "")
        #expect(DisplayWidth.truncate("province", to: 5) == "prov…")
        #expect(DisplayWidth.truncate("province", to: 8) == "province")
        #expect(DisplayWidth.truncate("北京市", to: 4) == "北…")
        #expect(DisplayWidth.truncate("北京市", to: 5) == "北京…")
        #expect(DisplayWidth.truncate("a北c", to: 3) == "a…")  // 北 would straddle
        #expect(DisplayWidth.truncate("👨‍👩‍👧abc", to: 4) == "👨‍👩‍👧a…")
        let nfd = "Bắc Kạn".decomposedStringWithCanonicalMapping
        let cut = DisplayWidth.truncate(nfd, to: 4)
        #expect(cut == "Bắc…")  // canonical equivalence: the ắ kept its marks
        #expect(cut.unicodeScalars.count == nfd.prefix(3).unicodeScalars.count + 1)
    }

    @Test func truncateNeverExceedsTheWidth() {
        let samples = ["Bắc Kạn", "Đồng Tháp".decomposedStringWithCanonicalMapping, "北京 🍜 Phở",
                       "👨‍👩‍👧🇻🇳1️⃣x", "a\u{0301}b\u{0301}c", "ＡＢＣ", "plain ascii text"]
        for s in samples {
            for w in 0...(DisplayWidth.of(s) + 1) {
                let t = DisplayWidth.truncate(s, to: w)
                #expect(DisplayWidth.of(t) <= w, "\(s) to \(w)")
                if DisplayWidth.of(s) <= w {
                    #expect(t == s)
                } else if w > 0 {
                    #expect(t.hasSuffix("…"))
                    #expect(s.hasPrefix(String(t.dropLast())))
                }
            }
        }
    }
}
