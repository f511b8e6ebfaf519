import Testing
@testable import OCOPKit

@Suite("EditDistance")
struct EditDistanceTests {
    @Test func distance() {
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.distance("abc", "") == 3)
        #expect(EditDistance.distance("same", "same") == 0)
        #expect(EditDistance.distance("Bắc", "Bac") == 1)  // Characters, not folded
        #expect(EditDistance.distance("北京", "北") == 1)
        #expect(EditDistance.distance("e\u{0301}", "é") == 0)
    }

    @Test func nearest() {
        #expect(EditDistance.nearest("provnce", in: ["stars", "province", "producer"]) == "province")
        #expect(EditDistance.nearest("were", in: ["where", "order", "limit"]) == "where")
        #expect(EditDistance.nearest("Bac Kan", in: ["Bắc Giang", "Bắc Kạn", "Bắc Ninh"]) == "Bắc Kạn")
        #expect(EditDistance.nearest("xyzzy", in: ["province", "stars"]) == nil)
        #expect(EditDistance.nearest("anything", in: []) == nil)
        #expect(EditDistance.nearest("PROVINCE", in: ["province"]) == "province")
    }

    @Test func tiesGoToTheFirstCandidate() {
        #expect(EditDistance.nearest("cat", in: ["bat", "hat", "cat2"]) == "bat")
        #expect(EditDistance.nearest("cat", in: ["hat", "bat"]) == "hat")
    }

    @Test func nearestWithLimit() {
        let words = ["select", "where", "order", "limit", "sort", "star", "stars"]
        #expect(EditDistance.nearest("stars", in: words, limit: 3) == ["stars", "star"])
        #expect(EditDistance.nearest("sotr", in: words, limit: 2) == ["sort", "star"])
        #expect(EditDistance.nearest("were", in: words, limit: 0) == [])
        #expect(EditDistance.nearest("xyzzy", in: words, limit: 5) == [])
        #expect(EditDistance.nearest("sort", in: ["sort", "sort", "sorts"], limit: 5) == ["sort", "sorts"])
        let places = ["Bắc Kạn", "Bắc Giang", "Bắc Ninh", "Bạc Liêu"]
        #expect(EditDistance.nearest("bac kan", in: places, limit: 2) == ["Bắc Kạn", "Bắc Giang"])  // Giang and Ninh tie at 3
    }

    @Test func threshold() {
        #expect(EditDistance.threshold(1) == 1)
        #expect(EditDistance.threshold(4) == 2)
        #expect(EditDistance.threshold(7) == 3)
        #expect(EditDistance.threshold(40) == 3)
    }
}
