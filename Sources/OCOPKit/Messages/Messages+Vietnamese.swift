/// The Vietnamese catalogue: the same keys as Messages+English.swift (MessagesTests checks).
/// Keywords, table and field names stay in English: they are what the user types.
extension Msg {
    static let vietnamese: [String: String] = vietnameseCore.merging(vietnameseTutorial) { a, _ in a }.merging(vietnamesePlan) { a, _ in a }.merging(vietnameseSpreadsheet) { a, _ in a }

    static let vietnameseCore: [String: String] = [
        // ghi ra đầu ra chuẩn và đầu ra lỗi
        "io.stdout": "ocop: không ghi được kết quả ra đầu ra chuẩn ({0})",
        "io.stdin": "không đọc được đầu vào chuẩn ({0})",
        "io.noSpace": "thiết bị đã hết chỗ trống",
        "io.closed": "luồng đã bị đóng",
        "io.pipe": "bên đọc đã đóng",
        "io.other": "lỗi hệ thống {0}",
        // phiên làm việc
        "welcome": "ocop {2} — {0} {1}. Gõ help để xem hướng dẫn.",
        "welcome.sample": "(dữ liệu mẫu)",
        "welcome.from": "từ {0}",

        // help
        "help.overview": """
        Một câu lệnh bắt đầu bằng tên bảng, sau đó là các mệnh đề, mỗi mệnh đề áp dụng lần lượt lên kết quả trước đó:
          products where stars >= 4 and province = "Bắc Kạn"
          products group by category count

        Năm mệnh đề hay dùng nhất:
          where ĐIỀU_KIỆN      giữ các dòng thỏa điều kiện       products where stars = 5
          select A, B as N     chọn hoặc tính các cột            products select name, stars
          sort by A desc       sắp xếp các dòng                  products sort by score desc limit 5
          group by A           mỗi giá trị của A một dòng        products group by province count
          count                đếm số dòng                       products where stars >= 4 count

        Chữ: = so sánh chính xác (Hoà = Hòa); ~ và contains bỏ qua hoa/thường và dấu: name ~ "tinh bot nghe".
        Các bảng: {0}.
        Thêm: help CHỦ_ĐỀ cho mọi mệnh đề, toán tử (~), hàm (avg), lệnh (describe) hay trường (province);
        help topics liệt kê tất cả; describe products cho biết dữ liệu có gì; tutorial hướng dẫn từng bước.
        """,
        "help.kind.clause": "mệnh đề",
        "help.kind.keyword": "từ khóa",
        "help.kind.operator": "toán tử",
        "help.kind.function": "hàm",
        "help.kind.command": "lệnh",
        "help.kind.concept": "chủ đề",
        "help.kind.table": "bảng",
        "help.kind.field": "trường",
        "help.kinds.clause": "Mệnh đề",
        "help.kinds.keyword": "Từ khóa",
        "help.kinds.operator": "Toán tử",
        "help.kinds.function": "Hàm",
        "help.kinds.command": "Lệnh",
        "help.kinds.concept": "Chủ đề",
        "help.kinds.table": "Bảng",
        "help.kinds.field": "Trường",
        "help.example": "Ví dụ:",
        "help.examples": "Ví dụ:",
        "help.seeAlso": "Xem thêm:",
        "help.unknown": "không có hướng dẫn cho '{0}'",
        "help.didYouMean": "; có phải ý bạn là {0}?",
        "help.listTopics": "help topics liệt kê mọi chủ đề.",
        "help.table": "Bảng {0}: {1} dòng. Các trường: {2}.",
        "help.relationOne": "{0}: quan hệ của {1}, dẫn tới một dòng của {2}.",
        "help.relationMany": "{0}: quan hệ của {1}, dẫn tới nhiều dòng của {2} (dùng được count, sum, avg, min, max).",
        "help.fieldsOf": "{0} có: {1}.",
        "help.fieldOf": "trường {0} của {1}",
        "help.derivedFieldOf": "trường {0} của {1}, do ocop tính ra",
        "help.fieldCounts": "{0} có giá trị, {1} trống, {2} giá trị khác nhau.",
        "help.fieldValues": "Giá trị: {0}.",
        "help.see": "xem: help {0}",

        // describe
        "describe.tableLine": "{0}: {1} dòng, {2} trường",
        "describe.variableLine": "{0}: biến, {1} dòng của {2}",
        "describe.relations": "quan hệ: {0}",
        "describe.one": "một",
        "describe.many": "nhiều",
        "describe.more": "describe BẢNG cho biết các trường; describe BẢNG.TRƯỜNG liệt kê các giá trị của một trường.",
        "describe.header": "{0}: {1} dòng ({2})",
        "describe.sample": "dữ liệu mẫu có sẵn",
        "describe.derived": "tính ra",
        "describe.allDifferent": "đều khác nhau",
        "describe.relationOne": "{0} dẫn tới một dòng của {1} cho mỗi dòng của {2}:",
        "describe.relationMany": "{0} dẫn tới nhiều dòng của {1} cho mỗi dòng của {2}:",
        "describe.valuesHeader": "{0}: {1}, {2} có giá trị, {3} trống, {4} giá trị khác nhau",
        "describe.col.field": "trường",
        "describe.col.type": "kiểu",
        "describe.col.present": "có",
        "describe.col.missing": "trống",
        "describe.col.distinct": "khác nhau",
        "describe.col.values": "khoảng hoặc hay gặp nhất",
        "describe.col.example": "ví dụ",
        "describe.col.count": "số lượng",
        "describe.col.share": "%",


        // lỗi và gợi ý
        "error.unknownTable": "không có bảng '{0}'",
        "error.unknownFieldIn": "không có trường '{0}' trong {1}",
        "hint.didYouMean": "có phải ý bạn là '{0}'?",

        // ý nghĩa các bảng và trường theo chương trình OCOP
        "table.products": "Mỗi dòng là một sản phẩm đạt chứng nhận OCOP, với lần xếp hạng gần nhất.",
        "table.producers": "Các chủ thể sản xuất ra sản phẩm.",
        "table.certifications": "Mỗi dòng là một quyết định công nhận: lịch sử xếp hạng của từng sản phẩm.",
        "table.units": "Sắp xếp đơn vị hành chính năm 2025, có sẵn cho cả nước: mỗi xã cũ (cùng tỉnh, huyện) → tỉnh và xã mới mà nó nhập vào; xã bị chia có một dòng cho mỗi đơn vị mới.",
        "field.id": "mã của dòng",
        "field.name": "tên như đã công bố",
        "field.category": "nhóm sản phẩm OCOP (Thực phẩm, Đồ uống, …; Quyết định 919/QĐ-TTg năm 2022 và 148/QĐ-TTg năm 2023)",
        "field.producer_id": "mã chủ thể (producers.id); đi tiếp bằng producer.",
        "field.stars": "hạng OCOP: 3 sao 50–69 điểm, 4 sao 70–89, 5 sao 90–100 (chỉ 3–5 sao được công nhận)",
        "field.score": "điểm đánh giá trên thang 100 (nhóm A, B, C)",
        "field.certified_on": "ngày ký quyết định công nhận",
        "field.expires_on": "ngày hết hạn chứng nhận: 36 tháng sau ngày quyết định, trừ khi tệp ghi khác",
        "field.units.old_province": "tỉnh trước ngày 1/7/2025",
        "field.units.old_district": "huyện trước ngày 1/7/2025 (Huyện, Thành phố, Thị xã, Quận)",
        "field.units.old_commune": "xã trước ngày 1/7/2025 (Xã, Phường, Thị trấn)",
        "field.units.divided": "true khi xã cũ được chia vào nhiều đơn vị mới (mỗi đơn vị một dòng)",
        "field.units.default": "đơn vị mới mà dòng của danh sách nhận khi chữ của dòng không nêu đơn vị mới nào của xã bị chia",
        "field.units.from_list": "true với dòng của units.csv riêng của danh sách, thay cho bảng có sẵn",
        "field.province": "tỉnh tại thời điểm công nhận (trước sáp nhập năm 2025 với các dòng cũ)",
        "field.district": "huyện tại thời điểm công nhận; để trống sau ngày 1/7/2025, khi bỏ cấp huyện",
        "field.commune": "xã, phường, thị trấn tại thời điểm công nhận",
        "field.price_vnd": "giá bán, tính bằng đồng",
        "field.producer_name": "tên chủ thể, trong danh sách phẳng không có tệp producers",
        "field.decision": "số quyết định công nhận (ví dụ 829/QĐ-UBND)",
        "field.level": "cấp công nhận: huyện, tỉnh hoặc trung ương",
        "field.kind": "loại chủ thể: Hợp tác xã, Doanh nghiệp, Tổ hợp tác hoặc Hộ kinh doanh",
        "field.product_id": "mã sản phẩm được công nhận (products.id)",
        "field.status": "còn hiệu lực (active), hết hạn (expired) hoặc bị thu hồi (revoked), tính đến hôm nay",
        "field.verified": "true khi việc đối chiếu đã được kiểm tra với nghị quyết đã công bố",
        "field.new_province": "tỉnh sau khi sắp xếp năm 2025",
        "field.new_commune": "đơn vị cấp xã sau khi sắp xếp năm 2025",
    ]
}
