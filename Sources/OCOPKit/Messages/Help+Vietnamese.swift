/// Help entries in Vietnamese: the text of each entry by its title (examples stay as they are;
/// of the OCOP data-model topics of Help+Domain.swift, units so far).
extension Help {
    static let vietnameseTexts: [String: String] = [
        "where": "where ĐIỀU_KIỆN giữ lại các dòng thỏa điều kiện (so sánh với giá trị trống là không xác định: dòng đó bị bỏ).\nĐặt sau một select đã nhóm, where lọc các nhóm.",
        "select": "select BIỂU_THỨC [as TÊN], … chọn và tính các cột; as đặt tên cho cột.\nSau group by, select lấy các khóa nhóm và hàm tổng hợp (count(), avg(score), …).",
        "sort": "sort by BIỂU_THỨC [asc|desc], … sắp xếp các dòng; order by cũng vậy. Chữ được xếp theo thứ tự tiếng Việt\n(Đồng Tháp sau Dương, trước Hà Giang); giá trị trống xếp cuối. Không có sort thì giữ thứ tự trong tệp.",
        "asc": "Sau khóa sắp xếp: asc (mặc định) nhỏ trước, desc lớn trước.",
        "limit": "limit N [offset M] giữ N dòng sau khi bỏ qua M dòng (offset M đứng riêng thì bỏ qua M dòng).",
        "group": "group by BIỂU_THỨC, … tạo một dòng cho mỗi khóa khác nhau (khóa chữ so sánh như =: Hoà = Hòa).\nTiếp theo là count, hoặc select với các hàm tổng hợp; where đặt sau select sẽ lọc các nhóm.",
        "count": "count ở cuối câu lệnh cho biết số dòng; sau group by thì đếm từng nhóm,\ntrong cột mà truy vấn, csv và json gọi là count (bảng tiếng Việt ghi số lượng).\ncount() trong select đếm số dòng của nhóm; count(x) đếm các x không trống; count(products) đếm sản phẩm của một chủ thể.",
        "pivot": "pivot HÀNG by CỘT tạo bảng chéo: một dòng cho mỗi giá trị của HÀNG, một cột cho mỗi giá trị của CỘT\nghi số dòng có cả hai (0 nếu không có), rồi cột tổng.\nTrong truy vấn, csv và json các cột này luôn tên là total và null (dòng không có giá trị);\nbảng tiếng Việt ghi tổng và (trống), và truy vấn cũng có thể viết tổng (sort by tổng desc).",
        "distinct": "distinct chỉ giữ một bản của các dòng giống hệt nhau (chữ so sánh như =).",
        "let": "let TÊN = TRUY_VẤN lưu kết quả dưới một tên, để hỏi tiếp.",
        "and": "a and b: cả hai đúng; a or b: một trong hai đúng. and được ưu tiên hơn or; dùng ngoặc đơn nếu muốn khác.\nTrong script, dòng bắt đầu bằng and hoặc or nối tiếp điều kiện ở dòng trên.",
        "not": "not ĐIỀU_KIỆN đúng khi điều kiện sai (không xác định thì vẫn không xác định); còn có not in, not between, is not null.",
        "in": "x in [a, b, …] đúng khi x bằng một trong các giá trị (x not in […] khi không bằng giá trị nào).",
        "is": "null là ô trống. So sánh với null cho kết quả không xác định (không bao giờ đúng): kiểm tra bằng is null / is not null.\nCác hàm tổng hợp bỏ qua giá trị trống.",
        "between": "x between a and b nghĩa là a <= x và x <= b (còn có not between).",
        "contains": "chữ contains PHẦN: PHẦN có trong chữ, bỏ qua hoa/thường, thanh điệu và dấu (đ = d).",
        "starts": "starts with / ends with: chữ bắt đầu hoặc kết thúc bằng PHẦN, bỏ qua hoa/thường, thanh điệu và dấu.",
        "true": "Hai giá trị đúng/sai (cột có/không so sánh với chúng).",
        "today": "today là ngày làm việc của phiên (--today YYYY-MM-DD hoặc set today cố định nó, để báo cáo lặp lại được).",
        "days": "Một khoảng thời gian: N days|weeks|months|years (hoặc số ít) cộng vào hay trừ đi một ngày.\nCộng tháng an toàn với cuối tháng: 2020-02-29 + 12 months = 2021-02-28.",
        "=": "= (hoặc ==) bằng, != (hoặc <>) khác. Chữ được so sánh chính xác nhưng ở một dạng chuẩn: Hoà = Hòa, Thuỷ = Thủy.",
        "<": "So sánh thứ tự giữa số, ngày và chữ (chữ theo thứ tự tiếng Việt).",
        "~": "chữ ~ \"từ\": so khớp lỏng, bỏ qua hoa/thường, thanh điệu và dấu (đ = d): gõ không dấu vẫn tìm được.",
        "+": "Cộng và trừ số; ngày cộng hay trừ một khoảng thời gian; ngày trừ ngày cho số ngày. Số nguyên đi từ -9.223.372.036.854.775.807 đến 9.223.372.036.854.775.807 (phía âm thiếu một so với 64 bit: giá trị đó đánh dấu ô trống); kết quả ra ngoài là lỗi tràn số, không bao giờ là một số sai.",
        "*": "Nhân, chia (kết quả thập phân) và chia lấy dư. Chia cho 0 là lỗi, tràn số cũng vậy.",
        ".": "Đường dẫn: đi theo quan hệ (producer.kind) hoặc chỉ một trường của bảng trong describe (products.province).",
        "(": "Ngoặc đơn nhóm một điều kiện hay biểu thức, hoặc gọi hàm: avg(score).",
        "[": "[a, b, …] là một danh sách, dùng với in; dấu phẩy còn ngăn cách các mục của select, khóa sắp xếp và đối số.",
        "$": "$TÊN là giá trị của một tham số kịch bản.",
        "#": "# mở đầu một chú thích, tới hết dòng.",
        ";": "; kết thúc một câu lệnh, như xuống dòng: viết nhiều câu lệnh trên một dòng.",
        "`": "`tên` trong dấu huyền là một trường, kể cả khi trùng với từ khóa.",
        "statement": "Một câu lệnh nêu tên bảng (hoặc biến let), rồi các mệnh đề áp dụng từ trái sang phải, mỗi mệnh đề lên kết quả\ntrước đó. Dòng bắt đầu bằng từ khóa mệnh đề là phần tiếp theo của câu lệnh phía trên.",
        "text": "= và != so sánh chữ chính xác, ở một dạng chuẩn (NFC; Hoà = Hòa). contains, starts with, ends with và ~ bỏ qua\nhoa/thường, thanh điệu và dấu (đ = d). Sắp xếp theo thứ tự tiếng Việt (a ă â … d đ …).\nMột bộ lọc không tìm thấy gì sẽ gợi ý giá trị mà có lẽ bạn muốn gõ.",
        "dates": "Ngày viết 2024-01-31 hoặc 31/01/2024. today, today - 30 days, certified_on + 36 months (an toàn với cuối tháng),\nngày - ngày (số ngày), year(d), month(d), day(d). set date_style vn in ngày dạng dd/mm/yyyy.",
        "nulls": "Ô trống là null: so sánh với nó là không xác định, where chỉ giữ dòng đúng, hàm tổng hợp bỏ qua ô trống,\nsort xếp chúng cuối. Kiểm tra bằng is null.",
        "relations": "Một sản phẩm có producer (producer.kind, producer.name); một chủ thể có products, một tập để đếm hay tổng hợp:\ncount(products), max(products.score). describe BẢNG liệt kê các quan hệ của bảng.",
        "functions": "Hàm tổng hợp: \(FunctionSpec.all.filter { $0.kind == .aggregate }.map(\.name).joined(separator: " ")) (theo nhóm, hoặc trên một quan hệ).\nHàm thường: \(FunctionSpec.all.filter { $0.kind == .scalar }.map(\.name).joined(separator: " ")).",
        "operators": "So sánh = != < <= > >=, so khớp chữ contains, starts with, ends with, ~; in, between, is null;\nsố học + - * / %; logic and or not. help TOÁN_TỬ nói rõ từng cái.",
        "keywords": "Từ khóa không phân biệt hoa/thường; tên thì có. Từ khóa mệnh đề (where select sort order limit offset group\ncount distinct) mở đầu một dòng tiếp nối. Trường trùng tên từ khóa thì đặt trong dấu huyền: `count`.",
        "scripts": "ocop run TỆP chạy một kịch bản; dừng ở lỗi đầu tiên (mã thoát 1) trừ khi có --keep-going. Các câu lệnh im lặng\n(let, param, export) không in gì trừ khi có --verbose. Xem help param, print, assert, export.",
        "help": "help: tổng quan; help CHỦ_ĐỀ: một mệnh đề, từ khóa, toán tử, hàm, lệnh, bảng hay trường; help topics: tất cả.",
        "tables": "tables liệt kê các bảng và biến cùng các trường của chúng.",
        "describe": "describe liệt kê các bảng; describe BẢNG cho biết từng trường: kiểu, số ô có giá trị và ô trống, số giá trị khác\nnhau, khoảng nhỏ nhất–lớn nhất hoặc các giá trị hay gặp nhất, một ví dụ; describe BẢNG.TRƯỜNG liệt kê mọi giá trị kèm số lượng.",
        "quit": "quit hoặc exit để thoát ocop (Ctrl-D trên dòng trống cũng vậy).",
        "clear": "clear xóa màn hình.",
        "set": "set TÊN GIÁ_TRỊ thay đổi một thiết lập: \(Setting.synopsis).\nset (hoặc settings) liệt kê các thiết lập cùng giá trị hiện tại; set TÊN cho biết một thiết lập.",
        "warnings": "warnings liệt kê các vấn đề phát hiện khi nạp dữ liệu, kèm tệp và dòng.",
        "tutorial": "tutorial bắt đầu (hoặc học tiếp) một khóa hướng dẫn gồm các bài ngắn trên dữ liệu mẫu; tutorial N tới bài N,\ntutorial list xem danh sách bài, tutorial off để dừng. Trong một bài: gõ bất kỳ câu truy vấn nào; hint để được gợi ý,\nnext hoặc skip để sang bài khác. Tiến độ được lưu lại giữa các phiên.",
        "param": "param TÊN = GIÁ_TRỊ khai báo một tham số kịch bản có giá trị mặc định; param TÊN thì bắt buộc phải có giá trị.\nDùng nó dưới dạng $TÊN. Ghi đè: ocop run bao-cao.ocop --param province=\"Bắc Giang\" (hiểu như một giá trị viết trực tiếp).",
        "print": "print \"CHỮ\" in ra một dòng; {…} bên trong chứa một giá trị hay một truy vấn (chữ trong ngoặc nhọn viết bằng '…').\nTruy vấn cho số dòng hoặc giá trị duy nhất của nó; \\{ và \\} là dấu ngoặc nhọn thật.",
        "assert": "assert ĐIỀU_KIỆN [, \"thông báo\"] dừng kịch bản với thông báo đó (mã thoát 1) nếu điều kiện không đúng.",
        "export": "TRUY_VẤN export \"TỆP\" [overwrite] ghi kết quả ra tệp .csv, .json, .md hoặc .xlsx (theo phần mở rộng), một cách nguyên vẹn.\nKhông bao giờ ghi đè tệp nếu thiếu overwrite, không ghi vào thư mục dữ liệu; --excel thêm BOM để mở bằng Excel.\n.xlsx là tệp bảng tính: số, ngày (dd/mm/yyyy) và chữ đúng kiểu, dòng tiêu đề in đậm và cố định, cột vừa nội dung.\nexport \"TỆP.xlsx\" sheet \"TÊN\" đặt kết quả vào trang TÊN; các lệnh export của một kịch bản vào cùng một tệp tạo một\ntệp bảng tính, ghi khi kịch bản kết thúc (không ghi nếu kịch bản dừng vì lỗi).\nTên tệp và tên trang có thể chứa {…} như print: export \"het-han-{$province}.xlsx\" (dấu / trong giá trị thành -).",
        "units": "Hai bộ tên. Đến 30/6/2025: 63 tỉnh, huyện (Huyện, Thành phố, Thị xã, Quận) và xã (Xã, Phường, Thị trấn).\nTừ 1/7/2025: 34 tỉnh và 3.321 xã, không còn cấp huyện. Danh sách giữ province, district, commune như lúc công nhận;\nsản phẩm và chủ thể có thêm new_province và new_commune từ bảng cài sẵn của cả nước (gói vietnamadminunits 1.0.4,\n© 2025 Tran Ngoc Minh Hieu, giấy phép MIT). Tên so khớp không dấu, có hay không có loại đơn vị: Nông Thượng =\nxã Nông Thượng = Xa Nong Thuong (TP, H., TX, TT). Cảnh báo khi nạp (gõ warnings) nêu điều bảng không tự quyết được: xã cũ\nbị chia cho nhiều xã mới (lấy đơn vị mặc định), tên khớp với hai đơn vị, xã không thuộc huyện đã ghi, tên không có trong\nbảng (kèm các tên thật gần nhất); describe và warnings đếm các dòng chưa rõ (new_commune do bảng chọn).\nTệp units.csv (province, district, commune, new_province, new_commune) được ưu tiên hơn bảng. Địa chỉ của nó cũng được\nkiểm tra: xã không thuộc huyện đã ghi là một cảnh báo, trừ khi units.csv cho nó đúng đơn vị mới mà bảng cho xã đó ở huyện\nchứa nó (địa chỉ ghi theo huyện lúc công bố). Tỉnh khớp cả với các cách viết khác, trong dữ liệu và trong truy vấn:\nTP HCM, TP.HCM, Sài Gòn (Hồ Chí Minh), TT-Huế, Thừa Thiên Huế (Huế), BR-VT (Bà Rịa - Vũng Tàu), HN (Hà Nội); ĐN (Đà Nẵng\nhoặc Đồng Nai) khi xã quyết định được.\nprovince = \"Bắc Ninh\" chỉ là Bắc Ninh cũ; một ghi chú cho biết Bắc Ninh ngày nay, gồm cả Bắc Giang; new_province = \"Bắc Kạn\"\nghi chú rằng tỉnh này không còn và Thái Nguyên giữ nó.\nBảng units chính là bảng cài sẵn, cho biết mỗi xã cũ đã về đâu: old_province, old_district, old_commune,\nnew_province, new_commune, divided (mỗi đơn vị mới một dòng), default; các dòng của units.csv có from_list.",
        "explain": "explain TRUY_VẤN in ra kế hoạch chạy của truy vấn thay cho các dòng: mỗi mệnh đề giữ lại gì và chạy ra sao\n(một vòng qua một cột, sắp xếp top-k khi có limit theo sau). Không chạy, không hiện, không ghi gì.\nexplain analyze TRUY_VẤN chạy kế hoạch đó và cho biết mỗi mệnh đề giữ lại bao nhiêu dòng (không in các dòng).",
        "compare": "compare \"B\" (hoặc compare to \"B\"): những gì thay đổi từ dữ liệu đang nạp tới danh sách trong thư mục B;\ncompare from \"A\": từ A tới dữ liệu đang nạp; compare \"A\" to \"B\": từ A tới B. Sản phẩm được ghép theo id.\nKết quả là một bảng: change (new | removed | upgraded | downgraded | renewed | renamed), id, name, before, after;\nmọi mệnh đề, chart hay export đều dùng được sau đó. Từ dòng lệnh: ocop --data A --compare B [--format csv].",
        "chart": "TRUY_VẤN chart vẽ biểu đồ thanh ngang: cột cuối là con số, các cột khác là nhãn (--ascii: vẽ bằng #).",
    ]

    /// The entries with their text in `lang` where a translation exists.
    static func localized(_ entries: [HelpEntry], _ lang: Lang) -> [HelpEntry] {
        guard lang == .vi else { return entries }
        return entries.map { e in
            guard let t = e.vietnamese ?? vietnameseTexts[e.title] else { return e }
            return HelpEntry(e.names, e.kind, t, examples: e.examples, see: e.seeAlso)
        }
    }
}
