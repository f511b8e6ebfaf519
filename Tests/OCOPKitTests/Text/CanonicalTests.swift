import Foundation
import Testing
@testable import OCOPKit

@Suite("VietText.canonical")
struct CanonicalTests {
    /// Byte-level equality: `==` on String is already canonical equivalence.
    func same(_ a: String, _ b: String) -> Bool { Array(a.utf8) == Array(b.utf8) }

    @Test func bothStylesAgree() {
        let pairs = [("Hoà", "Hòa"), ("Thuỷ", "Thủy"), ("hoá", "hóa"), ("khoẻ", "khỏe"),
                     ("HOÀ", "HÒA"), ("THUỶ", "THỦY"), ("Khánh Hoà", "Khánh Hòa"), ("Thanh Hoá", "Thanh Hóa"),
                     ("luỹ tre", "lũy tre"), ("xoè", "xòe"), ("Hoà Bình", "Hòa Bình")]
        for (a, b) in pairs {
            #expect(same(VietText.canonical(a), VietText.canonical(b)), "\(a) vs \(b)")
        }
    }

    @Test func traditionalStyleIsTheCanonicalOne() {
        #expect(same(VietText.canonical("Hoà"), "Hòa"))
        #expect(same(VietText.canonical("Thuỷ"), "Thủy"))
        #expect(same(VietText.canonical("hoá"), "hóa"))
        #expect(same(VietText.canonical("khoẻ"), "khỏe"))
        #expect(same(VietText.canonical("HOÀ"), "HÒA"))
        #expect(same(VietText.canonical("HoÀ"), "HòA"))
    }

    @Test func nfdInput() {
        let nfd = "Hoà Thuỷ".decomposedStringWithCanonicalMapping
        #expect(same(VietText.canonical(nfd), "Hòa Thủy"))
        #expect(same(VietText.canonical("Bắc Kạn".decomposedStringWithCanonicalMapping), "Bắc Kạn"))
    }

    @Test func rulesBothStylesShareAreKept() {
        for w in ["Quý", "quý", "QUÝ", "Hoàng", "Huỳnh", "Nguyễn", "người", "khuỷu", "hoài", "quả",
                  "già", "giữ", "gì", "thuở", "rượu", "Quỳnh", "khuyến", "xoáy", "Tuyên Quang",
                  "Đắk Lắk", "Thủy", "Hòa", "mùa", "của", "kìa", "tươi", "quốc", "giường"] {
            #expect(same(VietText.canonical(w), w), "\(w)")
        }
    }

    @Test func misplacedTonesAreMoved() {
        #expect(same(VietText.canonical("qúy"), "quý"))
        #expect(same(VietText.canonical("hóan"), "hoán"))
        #expect(same(VietText.canonical("ngừơi"), "người"))
    }

    @Test func nonVietnameseIsLeftAlone() {
        for w in ["café", "Hué", "José", "Zoé", "naïve", "北京", "Phở 🍜", "Crème"] {
            #expect(same(VietText.canonical(w), VietText.nfc(w)), "\(w)")
        }
        #expect(VietText.canonical("Bac Kan") == "Bac Kan")
        #expect(VietText.canonical("") == "")
    }

    @Test func idempotent() {
        for w in ["Hoà Bình", "Thuỷ Nguyên", "khoẻ", "Hòa", "Quý", "Bắc Kạn", "THUỶ"] {
            let c = VietText.canonical(w)
            #expect(same(VietText.canonical(c), c))
        }
    }
}
