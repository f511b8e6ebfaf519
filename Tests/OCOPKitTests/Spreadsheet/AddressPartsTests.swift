import Testing
@testable import OCOPKit

/// Issue 15: one `Địa chỉ` cell split into commune, district and province (AddressParts.swift).
@Suite("Spreadsheets: Địa chỉ split into commune, district, province")
struct AddressPartsTests {
    @Test("the unit words lists use, written out and abbreviated", arguments: [
        ("xã Nông Thượng, TP Bắc Kạn, tỉnh Bắc Kạn", AddressParts(commune: "Xã Nông Thượng", district: "Thành phố Bắc Kạn", province: "Bắc Kạn")),
        ("Thôn Nà Vài, X. Côn Minh, H. Na Rì, Bắc Kạn", AddressParts(commune: "Xã Côn Minh", district: "Huyện Na Rì", province: "Bắc Kạn")),
        ("thị trấn Chợ Rã, huyện Ba Bể, tỉnh Bắc Kạn", AddressParts(commune: "Thị trấn Chợ Rã", district: "Huyện Ba Bể", province: "Bắc Kạn")),
        ("TT. Yến Lạc, H.Na Rì, T. Bắc Kạn", AddressParts(commune: "Thị trấn Yến Lạc", district: "Huyện Na Rì", province: "Bắc Kạn")),
        ("phường Sông Cầu, thành phố Bắc Kạn", AddressParts(commune: "Phường Sông Cầu", district: "Thành phố Bắc Kạn")),
        ("phường Phúc Xá, quận Ba Đình, TP Hà Nội", AddressParts(commune: "Phường Phúc Xá", district: "Quận Ba Đình", province: "Hà Nội")),
        ("Xã Tân An, TX Phú Mỹ, tỉnh Bà Rịa - Vũng Tàu", AddressParts(commune: "Xã Tân An", district: "Thị xã Phú Mỹ", province: "Bà Rịa - Vũng Tàu")),
        ("P. Bến Nghé, Q. 1, TP.HCM", AddressParts(commune: "Phường Bến Nghé", district: "Quận 1", province: "HCM")),
        ("XÃ ĐỒNG XÁ; HUYỆN NA RÌ; TỈNH BẮC KẠN", AddressParts(commune: "Xã ĐỒNG XÁ", district: "Huyện NA RÌ", province: "BẮC KẠN")),
    ])
    func split(_ cell: String, _ expected: AddressParts) {
        #expect(AddressParts.parse(cell) == expected)
    }

    @Test("a cell with no unit word gives no parts, not a guess", arguments: [
        "Bắc Kạn", "Thôn Nà Vài", "", "  ,  ,", "Hợp tác xã Tài Hoan", "H Na Rì, T Bắc Kạn",
    ])
    func nothing(_ cell: String) {
        #expect(AddressParts.parse(cell).isEmpty)
    }
}
