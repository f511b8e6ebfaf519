import Foundation
import Testing
@testable import OCOPKit

@Suite("VietText.fold")
struct FoldTests {
    /// Each vowel in its six tones; the fold of every one is the row's base letter.
    static let vowelRows: [(base: String, row: String)] = [
        ("a", "aàảãáạ"), ("a", "ăằẳẵắặ"), ("a", "âầẩẫấậ"), ("e", "eèẻẽéẹ"), ("e", "êềểễếệ"),
        ("i", "iìỉĩíị"), ("o", "oòỏõóọ"), ("o", "ôồổỗốộ"), ("o", "ơờởỡớợ"), ("u", "uùủũúụ"),
        ("u", "ưừửữứự"), ("y", "yỳỷỹýỵ"),
    ]

    @Test func everyVowelWithEveryToneInBothCases() {
        var checked = 0
        for (base, row) in Self.vowelRows {
            for ch in row {
                let lower = String(ch), upper = lower.uppercased()
                #expect(lower != upper)
                #expect(VietText.fold(lower) == base, "\(lower)")
                #expect(VietText.fold(upper) == base, "\(upper)")
                let nfd = lower.decomposedStringWithCanonicalMapping
                let nfdUpper = upper.decomposedStringWithCanonicalMapping
                #expect(VietText.fold(nfd) == base, "NFD \(lower)")
                #expect(VietText.fold(nfdUpper) == base, "NFD \(upper)")
                checked += 4
            }
        }
        #expect(checked == 12 * 6 * 4)
    }

    @Test func dAndItsLookAlikes() {
        for s in ["đ", "Đ", "Ð", "ð", "Ɖ", "ɖ"] { #expect(VietText.fold(s) == "d", "\(s)") }
        #expect(VietText.fold("Đồng Tháp") == "dong thap")
        #expect(VietText.fold("ÐỒNG THÁP") == "dong thap")
        #expect(VietText.fold("Ɖắk Lắk") == "dak lak")
    }

    @Test func realNames() {
        #expect(VietText.fold("Tinh bột nghệ") == "tinh bot nghe")
        #expect(VietText.fold("Hợp tác xã Nông nghiệp Bắc Kạn") == "hop tac xa nong nghiep bac kan")
        #expect(VietText.fold("TRÀ SHAN TUYẾT CỔ THỤ") == "tra shan tuyet co thu")
        #expect(VietText.fold("Mật ong bạc hà Hà Giang") == "mat ong bac ha ha giang")
        #expect(VietText.fold("Thuỷ") == VietText.fold("Thủy"))
    }

    @Test func otherLatinFoldsLikeFoundation() {
        #expect(VietText.fold("Crème Brûlée À LA Façon") == "creme brulee a la facon")
        #expect(VietText.fold("Ñandú Øre") == "nandu øre")
        #expect(VietText.fold("Straße") == "strasse")
        // Every letter of Latin-1, Latin Extended-A/B and Latin Extended Additional folds
        // as Foundation's diacritic- and case-insensitive folding does (with đ fixed).
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        for r in ranges {
            for cp in r {
                let s = String(Unicode.Scalar(cp)!)
                if [0x0110, 0x0111, 0x00D0, 0x00F0, 0x0189, 0x0256].contains(cp) { continue }
                let expected = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                    .precomposedStringWithCanonicalMapping
                #expect(VietText.fold(s) == expected, "U+\(String(cp, radix: 16))")
            }
        }
    }

    @Test func nfdFoldsLikeNFCForTheWholeTable() {
        for cp in UInt32(0x80)..<0x1F00 {
            guard let u = Unicode.Scalar(cp) else { continue }
            let s = String(u)
            let nfd = s.decomposedStringWithCanonicalMapping
            #expect(VietText.fold(nfd) == VietText.fold(s), "U+\(String(cp, radix: 16))")
        }
    }

    @Test func combiningMarksAreDropped() {
        #expect(VietText.fold("a\u{0300}\u{0323}\u{0302}") == "a")
        #expect(VietText.fold("\u{0301}") == "")
        #expect(VietText.fold("Nghe\u{0323}\u{0302}") == "nghe")
    }

    @Test func outsideTheTablePassesThrough() {
        #expect(VietText.fold("北京") == "北京")
        #expect(VietText.fold("Phở 🍜") == "pho 🍜")
        #expect(VietText.fold("👨‍👩‍👧") == "👨‍👩‍👧")
        #expect(VietText.fold("") == "")
        #expect(VietText.fold("province 12") == "province 12")
        #expect(VietText.fold("PROVINCE") == "province")
    }

    @Test func foldBytesAppends() {
        var out = Array("x|".utf8)
        Array("Bắc Kạn".utf8).withUnsafeBufferPointer { VietText.foldBytes($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "x|bac kan")
        let capacity = out.capacity
        out.removeAll(keepingCapacity: true)
        Array("Ạ".utf8).withUnsafeBufferPointer { VietText.foldBytes($0, into: &out) }
        #expect(out == Array("a".utf8))
        #expect(out.capacity == capacity)
    }

    @Test func invalidUTF8IsCopiedThrough() {
        let bytes: [UInt8] = [0x41, 0xFF, 0xC3, 0x42, 0xE1, 0xBA]
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { VietText.foldBytes($0, into: &out) }
        #expect(out == [0x61, 0xFF, 0xC3, 0x62, 0xE1, 0xBA])
    }

    @Test func mayNeedNFC() {
        func check(_ s: String) -> Bool { VietText.mayNeedNFC(s) }
        #expect(!check("Bac Kan"))
        #expect(!check("Bắc Kạn Đồng Tháp Thủy Hòa"))
        #expect(!check(""))
        #expect(!check("北京 🍜"))
        for cp in UInt32(0x0300)...0x036F {
            #expect(check("a" + String(Unicode.Scalar(cp)!)), "U+\(String(cp, radix: 16))")
        }
        #expect(check("Bắc Kạn".decomposedStringWithCanonicalMapping))
        for (_, row) in FoldTests.vowelRows {
            for ch in row {
                #expect(!check(String(ch)) && !check(String(ch).uppercased()))
            }
        }
    }

    @Test func mayNeedNFCCatchesEveryNonNFCCharacterAndDecomposition() {
        for cp in UInt32(0x80)...0xFFFF {
            guard let u = Unicode.Scalar(cp) else { continue }
            let s = String(u)
            if Array(s.precomposedStringWithCanonicalMapping.utf8) != Array(s.utf8) {
                #expect(VietText.mayNeedNFC(s), "U+\(String(cp, radix: 16))")
            }
            let nfd = s.decomposedStringWithCanonicalMapping
            if Array(nfd.precomposedStringWithCanonicalMapping.utf8) != Array(nfd.utf8) {
                #expect(VietText.mayNeedNFC(nfd), "NFD of U+\(String(cp, radix: 16))")
            }
        }
        #expect(VietText.mayNeedNFC("한".decomposedStringWithCanonicalMapping))
        #expect(VietText.mayNeedNFC("が".decomposedStringWithCanonicalMapping))
    }

    @Test func nfc() {
        let nfd = "Hợp tác xã".decomposedStringWithCanonicalMapping
        #expect(Array(VietText.nfc(nfd).utf8) == Array("Hợp tác xã".utf8))
        #expect(VietText.nfc("abc") == "abc")
    }
}
