"""The published OCOP products of the embedded sample (issue 18), from
shared/domain/REAL-PRODUCTS.md (its row numbers, sources K… for Bắc Kạn and G… for Bắc
Giang, URLs listed there and in Sources/OCOPKit/Sample/README.md). Read by make_sample.py.

Rules (the sample README repeats them):
- names of products and producers as the source writes them (its first spelling; the
  others are in the note); communes without their type word (xã, TT, Thị trấn) and without
  the village (thôn …), as the sample writes every commune; districts as in the source,
  "TP Bắc Kạn" written "Thành phố Bắc Kạn" as in the rest of the sample.
- a value the sources do not state is left empty: commune, district, score, date. A date
  is a decision date only where the source gives the day; otherwise only the year is kept
  (certified_year) and certified_on stays empty, so status and days_left are unknown.
- the category is the project's reading of the product under the six groups of 148/QĐ-TTg
  (the sources do not print it); the producer's kind is read from its name.
- rows of REAL-PRODUCTS.md left out: 18 (no product name), 30 and 96-100 (no star stated),
  45, 46, 60, 75, 111, 112, 115-118, 120-123 (producer not named), 125 (producer's name cut off),
  91 (its commune, Thái Sơn of Hiệp Hòa, merged before 2025: the 2025 table does not know it
  and which new unit it went into is not in the sources).

EVENTS: (stars, "YYYY-MM-DD" or None, year or None, score, level, decision, expires_on),
oldest first; the last one is the product's current rating. level "" = not stated and not
fixed by the rules of the time (only 3★ in 2023, the year 148/QĐ-TTg moved 3★ to districts).
"""

BK, BG = "Bắc Kạn", "Bắc Giang"
TPBK = "Thành phố Bắc Kạn"
TP = "Thực phẩm"
DU = "Đồ uống"
DL = "Dược liệu và sản phẩm từ dược liệu"
TC = "Hàng thủ công mỹ nghệ"
DLICH = "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"

# producer key -> (name as published, kind, province, district, commune, sources, note)
PRODUCERS = {
    "bacha": ("Công ty cổ phần Curcumin Bắc Hà", "Doanh nghiệp", BK, TPBK, "Nông Thượng", "K1, K17, K28, K2, K14, K19",
              "K14 writes Công ty TNHH nhà máy Curcumin Bắc Hà, K2 \"Công ty Cổ phần Curmin Bắc Hà\", K19 Công ty nghệ dược liệu Bắc Hà; commune Nông Thượng from K2 (the giảo cổ lam tea)"),
    "tamcuong": ("Nhà hàng Tám Cương", "Hộ kinh doanh", BK, TPBK, "", "K1", "kind read as a household business (K19 names the hộ sản xuất kinh doanh La Thị Tám for the Tám Cương products)"),
    "tandan": ("Hợp tác xã Tân Dân", "Hợp tác xã", BK, TPBK, "", "K1", ""),
    "nongsanbk": ("Công ty cổ phần nông sản Bắc Kạn", "Doanh nghiệp", BK, TPBK, "", "K1, K16", ""),
    "tanthanh": ("HTX nông nghiệp Tân Thành", "Hợp tác xã", BK, TPBK, "Nông Thượng", "K2, K19", ""),
    "hadiep": ("Công ty TNHH Hà Diệp", "Doanh nghiệp", BK, TPBK, "", "K2, K19", ""),
    "asuka": ("Công ty TNHH MTV Asuka Việt Nam", "Doanh nghiệp", BK, TPBK, "", "K2, K19", ""),
    "htl": ("Công ty TNHH Nhiệt Công nghiệp HTL", "Doanh nghiệp", BK, "", "", "K14", "no district in the source"),
    "thanhtam": ("HTX Rượu men lá Thanh Tâm", "Hợp tác xã", BK, "Chợ Đồn", "Bằng Phúc", "K2, K11", ""),
    "bangphuc": ("HTX rượu men lá Bằng Phúc", "Hợp tác xã", BK, "Chợ Đồn", "Bằng Phúc", "K2, K11", ""),
    "ngocthang": ("Công ty TNHH chế biến nông sản và dược liệu Ngọc Thắng", "Doanh nghiệp", BK, "Chợ Đồn", "", "K2, K31", ""),
    "daithang": ("Tổ hợp tác Đại Thắng", "Tổ hợp tác", BK, "Chợ Đồn", "Đại Sảo", "K11", ""),
    "sonlam": ("Hợp tác xã Sơn Lâm", "Hợp tác xã", BK, "Chợ Đồn", "Bằng Lũng", "K11, K31", ""),
    "hoangnhuong": ("cơ sở Hoàng Ngọc Hường", "Hộ kinh doanh", BK, "Chợ Đồn", "Bình Trung", "K11", ""),
    "quynhtrang": ("Hợp tác xã Quỳnh Trang", "Hợp tác xã", BK, "Chợ Đồn", "Đồng Thắng", "K11", ""),
    "hopthang": ("Hợp tác xã dịch vụ nông nghiệp Hợp Thắng", "Hợp tác xã", BK, "Chợ Đồn", "Đồng Thắng", "K11", ""),
    "hoangdien": ("cơ sở Hoàng Thị Điển", "Hộ kinh doanh", BK, "Chợ Đồn", "Bằng Lũng", "K11", ""),
    "htx2010": ("Hợp tác xã 20/10", "Hợp tác xã", BK, "Chợ Mới", "Nông Hạ", "K9", ""),
    "nhuco": ("Hợp tác xã Nông nghiệp Thanh niên Như Cố", "Hợp tác xã", BK, "Chợ Mới", "", "K9", ""),
    "banchao": ("Hợp tác xã Chè Shan tuyết Bản Cháo", "Hợp tác xã", BK, "Chợ Mới", "Yên Cư", "K9", ""),
    "thanhdat": ("HTX Thành Đạt", "Hợp tác xã", BK, "Chợ Mới", "Nông Hạ", "K9", ""),
    "luongthuy": ("hộ kinh doanh Lường Văn Thuỳ", "Hộ kinh doanh", BK, "Chợ Mới", "Đồng Tâm", "K9", "thôn Pắc San 2, TT Đồng Tâm"),
    "hasang": ("hộ kinh doanh Hà Ngọc Sáng", "Hộ kinh doanh", BK, "Chợ Mới", "Hòa Mục", "K9", "thôn Bản Giác"),
    "trahuong": ("Tổ hợp tác Trà Hương", "Tổ hợp tác", BK, "Chợ Mới", "Bình Văn", "K9", "thôn Bản Mới"),
    "thanhthinh": ("Tổ hợp tác nuôi ong Thanh Thịnh", "Tổ hợp tác", BK, "Chợ Mới", "Thanh Thịnh", "K9", "thôn Bản Còn"),
    "nvhung": ("hộ kinh doanh Nguyễn Văn Hùng", "Hộ kinh doanh", BK, "Chợ Mới", "Thanh Mai", "K9", "thôn Nà Pẻn"),
    "tanson": ("HTX nông nghiệp sạch Tân Sơn", "Hợp tác xã", BK, "Chợ Mới", "Tân Sơn", "K6", ""),
    "taihoan": ("Hợp tác xã Tài Hoan", "Hợp tác xã", BK, "Na Rì", "Côn Minh", "K14, K15, K25, K7, K26", "thôn Chè Cọ; OCOP.md writes HTX Tài Hoan"),
    "baochau": ("HTX trồng và sản xuất dược liệu Bảo Châu", "Hợp tác xã", BK, "Na Rì", "Văn Lang", "K6", "OCOP.md writes HTX dược liệu Bảo Châu"),
    "khaunua": ("HTX Khẩu Nua Lếch Thượng Quan", "Hợp tác xã", BK, "Ngân Sơn", "Thượng Quan", "K20, K21", ""),
    "hopphat": ("HTX Hợp Phát", "Hợp tác xã", BK, "Ngân Sơn", "Đức Vân", "K21", ""),
    "quanha": ("Tổ hợp tác Quân Hà", "Tổ hợp tác", BK, "Bạch Thông", "", "K10", ""),
    "phiengan": ("Tổ hợp tác nông sản sạch Phiêng An", "Tổ hợp tác", BK, "Bạch Thông", "Quang Thuận", "K32", ""),
    "huongngan": ("HTX Hương Ngàn", "Hợp tác xã", BK, "Bạch Thông", "Nguyên Phúc", "K24, K23", "commune from K23"),
    "quynhmai": ("hộ kinh doanh du lịch Đàm Quỳnh Mai", "Hộ kinh doanh", BK, "Ba Bể", "Nam Mẫu", "K5, K29, K30, K27",
                 "the sources write \"hộ kinh doanh du lịch\" and name the owner; thôn Bó Lù"),
    "donghoan": ("hộ kinh doanh du lịch Đổng Văn Hoán", "Hộ kinh doanh", BK, "Ba Bể", "Nam Mẫu", "K5, K29, K36",
                 "the sources write \"hộ kinh doanh du lịch\" and name the owner"),
    # Bắc Giang
    "phuchoavai": ("Hợp tác xã Sản xuất - Tiêu thụ Vải sớm Phúc Hòa", "Hợp tác xã", BG, "Tân Yên", "", "G15", ""),
    "lienchung": ("Hợp tác xã Nem nướng Liên Chung", "Hợp tác xã", BG, "Tân Yên", "", "G15", ""),
    "ngocchau": ("Hợp tác xã Măng Lục trúc Lâm sinh Ngọc Châu", "Hợp tác xã", BG, "Tân Yên", "Ngọc Châu", "G15, G14, G22", ""),
    "hopduc": ("Hợp tác xã Sản xuất - Tiêu thụ sản phẩm Vú sữa Hợp Đức", "Hợp tác xã", BG, "Tân Yên", "", "G15, G14, G22", ""),
    "nuidanh": ("HTX sản xuất và tiêu thụ Sâm nam núi Dành", "Hợp tác xã", BG, "Tân Yên", "", "G4, G11", ""),
    "nuidanhlc": ("HTX sản xuất và tiêu thụ Sâm Nam núi Dành Liên Chung", "Hợp tác xã", BG, "Tân Yên", "", "G1, G3",
                  "G1 adds \"Liên Chung\" to the name G4 writes without it; whether it is one producer is not stated, so both names are kept"),
    "xanhyenthe": ("HTX Nông nghiệp xanh Yên Thế", "Hợp tác xã", BG, "Yên Thế", "", "G1, G3, G15", "G15 writes Hợp tác xã Nông nghiệp Xanh"),
    "mocson": ("Hợp tác xã Nông nghiệp Mộc Sơn", "Hợp tác xã", BG, "Yên Thế", "Tam Tiến", "G15, G21", "G21 writes HTX Nông nghiệp Mộc Sơn"),
    "quangduy": ("Hợp tác xã Nông nghiệp Quang Duy", "Hợp tác xã", BG, "Yên Thế", "Đồng Lạc", "G15", ""),
    "thantruong": ("HTX Thân Trường", "Hợp tác xã", BG, "Yên Thế", "", "G2, G7, G17, G21, G14, G22", ""),
    "cuongnhung": ("HTX Cường Nhung", "Hợp tác xã", BG, "Yên Thế", "", "G21", ""),
    "thienphu": ("HTX sản xuất kinh doanh và dịch vụ nông nghiệp Thiên Phú", "Hợp tác xã", BG, "Yên Thế", "", "G21", ""),
    "hongxuan": ("HTX Nông nghiệp sản xuất và Kinh doanh dịch vụ tổng hợp Hồng Xuân", "Hợp tác xã", BG, "Lục Ngạn", "Hồng Giang",
                 "G1, G3, G2, G9, G10", "OCOP.md writes HTX Hồng Xuân; commune from G9"),
    "hanghieu": ("Hợp tác xã Dịch vụ Nông nghiệp Hằng Hiếu", "Hợp tác xã", BG, "Lục Ngạn", "Chũ", "G15, G14, G22, G8",
                 "G14 and G8 write HTX Dịch vụ nông nghiệp Hằng Hiếu; Thị trấn Chũ"),
    "xuantruong": ("HTX Mỳ gạo Chũ Xuân Trường", "Hợp tác xã", BG, "Lục Ngạn", "Nam Dương", "OCOP.md; G1",
                   "G1 names no producer (\"Xuân Trường, xã Nam Dương\"); the name is OCOP.md's"),
    "trailam": ("HTX mỳ Trại Lâm", "Hợp tác xã", BG, "Lục Ngạn", "", "G24", ""),
    "vuvanmen": ("hộ sản xuất Vũ Văn Mến", "Hộ kinh doanh", BG, "Lục Ngạn", "Kiên Thành", "G8, G5", "thôn Bằng Công"),
    "tanmoc": ("HTX Dịch vụ tiêu thụ nông sản Tân Mộc", "Hợp tác xã", BG, "Lục Ngạn", "", "G8, G5", ""),
    "lethanhdong": ("hộ sản xuất, kinh doanh Lê Thành Đồng", "Hộ kinh doanh", BG, "Lục Ngạn", "Quý Sơn", "G8, G5", "thôn Thượng Vũ"),
    "nguyenducthuc": ("hộ sản xuất, kinh doanh Nguyễn Đức Thức", "Hộ kinh doanh", BG, "Lục Ngạn", "Quý Sơn", "G8, G5", "thôn Trại Ba"),
    "hoangvanthi": ("hộ sản xuất, kinh doanh Hoàng Văn Thi", "Hộ kinh doanh", BG, "Lục Ngạn", "Tân Sơn", "G8, G5", "thôn Khuôn Kén"),
    "phongvan": ("HTX Dịch vụ nông lâm nghiệp xã Phong Vân", "Hợp tác xã", BG, "Lục Ngạn", "", "G8, G5", ""),
    "lucnganxanh": ("HTX Lục Ngạn xanh", "Hợp tác xã", BG, "Lục Ngạn", "", "G8, G5", "raw-material area at xã Đồng Cốc (photo caption): not its address"),
    "dongdao": ("HTX Du lịch Đồng Dao", "Hợp tác xã", BG, "Lục Ngạn", "", "G18, G17", ""),
    "dongbac": ("HTX Dịch vụ du lịch văn hóa Đông Bắc", "Hợp tác xã", BG, "Lục Ngạn", "", "G18, G17", ""),
    "binhminh": ("HTX Nông nghiệp hữu cơ Bình Minh", "Hợp tác xã", BG, "Hiệp Hòa", "Danh Thắng", "G1", "OCOP.md writes HTX NN hữu cơ Bình Minh"),
    "vanhuong": ("Hợp tác xã Vân Hương", "Hợp tác xã", BG, "Việt Yên", "Vân Hà", "G15", "thôn Yên Viên"),
    "joy": ("Công ty TNHH JOY VN", "Doanh nghiệp", BG, "Việt Yên", "Việt Tiến", "G15", ""),
    "hanhphuc": ("HTX Nông nghiệp Hạnh phúc", "Hợp tác xã", BG, "Việt Yên", "Tăng Tiến", "G13", ""),
    "queta": ("Cơ sở sản xuất nông sản Quê ta", "Hộ kinh doanh", BG, "Việt Yên", "Nghĩa Trung", "G13", ""),
    "thuycham": ("Công ty TNHH Sản xuất và Thương mại Thùy Châm", "Doanh nghiệp", BG, "Việt Yên", "Trung Sơn", "G12", "thôn Đồng"),
    "thuyet": ("hộ kinh doanh Nguyễn Danh Thuyết", "Hộ kinh doanh", BG, "Việt Yên", "Ninh Sơn", "G12", "thôn Cao Lôi"),
    "toancuong": ("Công ty cổ phần Tư vấn xây dựng và thương mại Toàn Cương", "Doanh nghiệp", BG, "Việt Yên", "Quang Châu", "G12", "thôn Đạo Ngạn"),
    "rausach": ("HTX rau sạch Yên Dũng", "Hợp tác xã", BG, "Yên Dũng", "", "G4, G11", ""),
    "truongtho": ("Công ty TNHH Dược Thảo Trường Thọ", "Doanh nghiệp", BG, "Lục Nam", "Đông Hưng", "G15, G23", "thôn Đại Đồng"),
    "ongmat": ("HTX Ong mật hữu cơ Sơn Động", "Hợp tác xã", BG, "Sơn Động", "Tuấn Đạo", "G19, G20", "G20 writes Hợp tác xã (HTX) Ong mật hữu cơ Sơn Động; commune from G20"),
    "adenco": ("Công ty TNHH nấm dược liệu ADENCO", "Doanh nghiệp", BG, "Lạng Giang", "Dương Đức", "G6, G27", ""),
    "thaothanh": ("HTX kinh doanh Thao Thanh", "Hợp tác xã", BG, "Lạng Giang", "Xuân Hương", "G6, G27", ""),
}


def ev(stars, date=None, year=None, score="", level=None, decision="", expires=""):
    if year is None and date:
        year = int(date[:4])
    if level is None:
        level = level_by_law(stars, year, date)
    return (stars, date, year, score, level, decision, expires)


def level_by_law(stars, year, date):
    """Who certified, where the rules of the time leave one answer (OCOP.md): 5★ the centre,
    4★ the province; 3★ the province until 148/QĐ-TTg (24/02/2023), the district from then
    until 30/06/2025. A 3★ of 2023 without its day is left empty."""
    if stars == 5:
        return "trung ương"
    if stars == 4:
        return "tỉnh"
    if date:
        return "huyện" if "2023-02-24" <= date < "2025-07-01" else "tỉnh"
    if year is None or year == 2023:
        return ""
    return "tỉnh" if year < 2023 else "huyện"


QD2616 = "2616/QĐ-UBND"
QD1387 = "1387/QĐ-UBND"
CITY = "huyện"   # a city council's rating (K1): the district level

# (REAL-PRODUCTS.md row, product name, producer key, category, commune, district, events, sources, note)
PRODUCTS = [
    (1, "VICUMAX NANO CURCUMIN", "bacha", DL, "", TPBK,
     [ev(4, year=2018), ev(3, "2021-11-26", level=CITY), ev(5, year=2024)], "K14, K17, K1, K28, K13",
     "2018 list: Vi-cumax Nano curcumin, 4★ (K14); 3★ at the city evaluation of 26/11/2021 (K1 calls it new); 5★ national 2024, Đợt 2 (K28; decision number not given). K17 scored it 96 in the provincial scoring of 2020 for the national round: not a certification, not its score here"),
    (2, "VICUMAX MẬT ONG NANO CURCUMIN", "bacha", DL, "", TPBK,
     [ev(3, "2021-11-26", level=CITY), ev(5, year=2024)], "K1, K28, K13", "national list: Thực phẩm bảo vệ sức khỏe Vicumax Mật ong Nano curcumin"),
    (3, "VICUMAX LIMITED NANO CURCUMIN", "bacha", DL, "", TPBK,
     [ev(3, "2021-11-26", level=CITY), ev(5, year=2024)], "K1, K28, K13", ""),
    (4, "Lạp sườn", "tamcuong", TP, "", TPBK, [ev(3, "2021-11-26", level=CITY)], "K1", ""),
    (5, "Thịt treo gác bếp", "tamcuong", TP, "", TPBK, [ev(3, "2021-11-26", level=CITY)], "K1", ""),
    (6, "Rượu chuối men lá Mạnh Minh", "tandan", DU, "", TPBK, [ev(3, "2021-11-26", level=CITY)], "K1", ""),
    (7, "Giấm chuối Mạnh Minh", "tandan", TP, "", TPBK, [ev(3, "2021-11-26", level=CITY)], "K1", ""),
    (8, "Viên tinh nghệ mật ong", "nongsanbk", DL, "", TPBK, [ev(4, year=2018)], "K1, K16",
     "stars conflict: K1 (the city's site) says 3★ since 2018, K16 (10/12/2021) 4★ (provincial): 4★ kept, the later source; K1 calls it potential 5★"),
    (9, "Tinh nghệ Bắc Kạn", "nongsanbk", DL, "", TPBK, [ev(4, year=2018)], "K14, K16, K1",
     "stars conflict: K14 and K16 say 4★, K1 3★ since 2018: 4★ kept"),
    (10, "Tinh bột nghệ nếp đỏ Bắc Kạn", "tanthanh", DL, "Nông Thượng", TPBK, [ev(4)], "K2, K19",
     "4★ held by 2022, year of certification not given; K19: Tinh bột nghệ nếp đỏ Bắc Kạn cao cấp, re-assessed 02/12/2022"),
    (11, "Tinh bột nghệ nếp đen Bắc Kạn", "tanthanh", DL, "Nông Thượng", TPBK, [ev(4)], "K2, K19",
     "4★ held by 2022, year not given; K19: Tinh bột nghệ đen Bắc Kạn cao cấp"),
    (12, "Trà thảo dược giảo cổ lam núi đá", "bacha", DL, "Nông Thượng", TPBK, [ev(4)], "K2, K19",
     "4★ held by 2022, year not given; producer written \"Công ty Cổ phần Curmin Bắc Hà\" (K2), Công ty nghệ dược liệu Bắc Hà (K19)"),
    (13, "Trà nụ vối", "hadiep", DU, "", TPBK, [ev(4)], "K2, K19", "4★ held by 2022, year not given"),
    (14, "Trà hoa vàng Bắc Kạn", "hadiep", DU, "", TPBK, [ev(4, year=2022)], "K2, K4, K19", ""),
    (15, "Trà hoa vàng Bắc Kạn túi lọc", "hadiep", DU, "", TPBK, [ev(4)], "K2, K19", "4★ held by 2022, year not given"),
    (16, "Rượu mơ Asuka", "asuka", DU, "", TPBK, [ev(4)], "K2, K19", "4★ held by 2022, year not given"),
    (17, "Rượu mơ Dakimo", "asuka", DU, "", TPBK, [ev(4)], "K2, K19", "4★ held by 2022, year not given"),
    (19, "Trịnh Năng Curcumin", "htl", DL, "", "", [ev(4, year=2018)], "K14", ""),
    (20, "Trịnh Năng Gừng", "htl", DL, "", "", [ev(4, year=2018)], "K14", ""),
    (21, "Rượu men lá Thanh Tâm", "thanhtam", DU, "Bằng Phúc", "Chợ Đồn", [ev(4, "2021-12-29", decision=QD2616)], "K2, K11, K4", "certificate re-issued 29/12/2021"),
    (22, "Rượu men lá Bằng Phúc", "bangphuc", DU, "Bằng Phúc", "Chợ Đồn", [ev(4, "2021-12-29", decision=QD2616)], "K2, K11", "certificate re-issued 29/12/2021"),
    (23, "Trà Shan tuyết", "ngocthang", DU, "", "Chợ Đồn", [ev(4)], "K2, K31", "4★ held by 2022, year not given"),
    (24, "Bột củ mài núi", "daithang", TP, "Đại Sảo", "Chợ Đồn", [ev(3, "2021-12-29", decision=QD2616)], "K11", ""),
    (25, "Gạo Nhật Japonica", "sonlam", TP, "Bằng Lũng", "Chợ Đồn", [ev(3, "2021-12-29", decision=QD2616)], "K11, K31", "TT Bằng Lũng"),
    (26, "Bánh phở khô Chợ Đồn Hoàng Hải", "hoangnhuong", TP, "Bình Trung", "Chợ Đồn", [ev(3, "2021-12-29", decision=QD2616)], "K11", ""),
    (27, "Thịt lợn rừng lai Phúc Thơm Bắc Kạn", "quynhtrang", TP, "Đồng Thắng", "Chợ Đồn", [ev(3, "2021-12-29", decision=QD2616)], "K11", ""),
    (28, "Nấm mộc nhĩ nguyên tai", "hopthang", TP, "Đồng Thắng", "Chợ Đồn", [ev(3, "2021-12-29", decision=QD2616)], "K11", ""),
    (29, "Bánh trời", "hoangdien", TP, "Bằng Lũng", "Chợ Đồn", [ev(3, "2021-12-29", decision=QD2616)], "K11", "TT Bằng Lũng"),
    (31, "Bún khô Huyền Nga", "htx2010", TP, "Nông Hạ", "Chợ Mới", [ev(3, year=2018), ev(3, year=2021)], "K9", "2018; re-issued 2021"),
    (32, "Trà Như Cố", "nhuco", DU, "", "Chợ Mới", [ev(3, year=2018), ev(3, year=2021)], "K9", "2018; re-issued 2021"),
    (33, "Trà mướp đắng rừng", "nhuco", DU, "", "Chợ Mới", [ev(3, year=2018), ev(3, year=2021)], "K9", "2018; re-issued 2021"),
    (34, "Trà Shan tuyết Khau Bjooc", "banchao", DU, "Yên Cư", "Chợ Mới", [ev(3, year=2018), ev(3, year=2021)], "K9", "2018; re-issued 2021"),
    (35, "Mật ong rừng nguyên chất", "thanhdat", TP, "Nông Hạ", "Chợ Mới", [ev(3, year=2018), ev(3, year=2021)], "K9", "2018; re-issued 2021"),
    (36, "Bánh gio Pắc San", "luongthuy", TP, "Đồng Tâm", "Chợ Mới", [ev(3, year=2021)], "K9", "thôn Pắc San 2, TT Đồng Tâm"),
    (37, "Cơm lam nướng Sáng Lê", "hasang", TP, "Hòa Mục", "Chợ Mới", [ev(3, year=2021)], "K9", ""),
    (38, "Trà Shan tuyết Bản Nà", "trahuong", DU, "Bình Văn", "Chợ Mới", [ev(3, year=2021)], "K9", ""),
    (39, "Mật ong Thanh Thịnh", "thanhthinh", TP, "Thanh Thịnh", "Chợ Mới", [ev(3, year=2021)], "K9", ""),
    (40, "Cam ngọt Thanh Mai", "nvhung", TP, "Thanh Mai", "Chợ Mới", [ev(3, year=2021)], "K9", ""),
    (41, "Gạo nếp Tân Sơn", "tanson", TP, "Tân Sơn", "Chợ Mới", [ev(3, year=2019, expires="10/01/2023")], "K6",
     "2019, certificate valid to 10/01/2023 (the expiry as published, written dd/mm/yyyy)"),
    (42, "Miến dong Tài Hoan", "taihoan", TP, "Côn Minh", "Na Rì",
     [ev(4, year=2018), ev(5, "2021-06-30", score="91.14", decision="2890/QĐ-BNN-VPĐP"), ev(5, "2024-06-25")],
     "K14, K15, K25, K17, K7, K26",
     "4★ year: 2018 (K14) or 2019 (K15, K25): 2018 kept. 5★: QĐ 2890/QĐ-BNN-VPĐP of 30/6/2021 with 91,14 points at the national council (K7; K7 and K26 call it the 2020 round, K15 and K25 say 2021); 94 was the provincial scoring of 2020 (K17). Re-rated 5★ by the central council on 25/6/2024 (K26): that council date is its certified_on (no decision date published), score not given"),
    (43, "Trà Cà gai leo", "baochau", DL, "Văn Lang", "Na Rì", [ev(3, year=2019, expires="10/01/2023")], "K6",
     "2019, certificate valid to 10/01/2023; OCOP.md writes Trà cà gai leo"),
    (44, "Gạo nếp Khẩu Nua Lếch", "khaunua", TP, "Thượng Quan", "Ngân Sơn", [ev(3, year=2018, level="tỉnh")], "K20, K21", ""),
    (47, "Hạt dẻ", "hopphat", TP, "Đức Vân", "Ngân Sơn", [ev(3, level="tỉnh")], "K21", "3★ (provincial), year not given"),
    (48, "Trà hoa đu đủ đực", "quanha", DL, "", "Bạch Thông", [ev(3, year=2022)], "K10", ""),
    (49, "Chè Phiêng An", "phiengan", DU, "Quang Thuận", "Bạch Thông", [ev(3, year=2021, level="tỉnh")], "K32", ""),
    (50, "Tinh dầu sả", "huongngan", DL, "Nguyên Phúc", "Bạch Thông", [ev(3)], "K24, K23",
     "3★ in 2020 (entered for an upgrade to 4★ that year), year of certification not given; K23: tinh dầu sả chanh"),
    (51, "Tinh dầu quýt", "huongngan", DL, "", "Bạch Thông", [ev(3)], "K24", "3★ in 2020, year of certification not given"),
    (52, "Homestay Quỳnh Mai", "quynhmai", DLICH, "Nam Mẫu", "Ba Bể", [ev(3, year=2021)], "K5, K29, K30, K27", "thôn Bó Lù"),
    (53, "Du lịch cộng đồng Ba Bể", "donghoan", DLICH, "Nam Mẫu", "Ba Bể", [ev(3, year=2021)], "K5, K29, K36", "Ba Be Green Homestay"),
    # Bắc Giang
    (54, "Vải sớm Phúc Hòa", "phuchoavai", TP, "", "Tân Yên", [ev(4, "2021-08-26")], "G15", "provincial decision of 26/8/2021, number not given"),
    (55, "Nem nướng Liên Chung", "lienchung", TP, "", "Tân Yên", [ev(4, "2021-08-26")], "G15", ""),
    (56, "Măng Lục trúc tươi Lâm sinh Ngọc Châu", "ngocchau", TP, "Ngọc Châu", "Tân Yên", [ev(4, "2021-08-26"), ev(4, year=2024)], "G15, G14, G22",
     "4★ again in 2024 round 1 (G22, reported 20/11/2024; 70 to under 90 points); 2024: măng lục tươi Lâm Sinh Ngọc Châu"),
    (57, "Vú Sữa Tân Yên", "hopduc", TP, "", "Tân Yên", [ev(4, "2021-08-26"), ev(4, year=2024)], "G15, G14, G22", "4★ again in 2024 round 1"),
    (58, "Sâm nam núi Dành khô", "nuidanh", DL, "", "Tân Yên", [ev(4, "2021-12-09", decision=QD1387)], "G4, G11", ""),
    (59, "Nụ hoa Sâm Nam núi Dành khô", "nuidanhlc", DL, "", "Tân Yên", [ev(4, year=2022)], "G1, G3", "2022 round 1 (reported 06/12/2022)"),
    (61, "Chả Gà", "xanhyenthe", TP, "", "Yên Thế", [ev(4, "2021-08-26")], "G15", "G15 names the producer Hợp tác xã Nông nghiệp Xanh"),
    (62, "Giò Gà", "xanhyenthe", TP, "", "Yên Thế", [ev(4, year=2022)], "G1, G3", "2022 round 1"),
    (63, "Bánh Khảo Mộc Sơn", "mocson", TP, "Tam Tiến", "Yên Thế", [ev(3, "2021-08-26"), ev(3, year=2024, level="huyện")], "G15, G21",
     "3★ again at the district's re-rating, 2024 round 1 (reported 27/8/2024)"),
    (64, "Đại An - Dầu mè đen", "quangduy", TP, "Đồng Lạc", "Yên Thế", [ev(3, "2021-08-26")], "G15", ""),
    (65, "Du lịch sinh thái, văn hóa Bản Ven", "thantruong", DLICH, "", "Yên Thế", [ev(3, year=2022)], "G2, G7, G17",
     "also Điểm du lịch cộng đồng Bản Ven; the province's first tourism OCOP product"),
    (66, "Chè xanh Bản Ven", "thantruong", DU, "", "Yên Thế", [ev(4, year=2024)], "G21, G14, G22", "2024 round 1 (reported 20/11/2024)"),
    (67, "Dầu vừng đen Cường Nhung", "cuongnhung", TP, "", "Yên Thế", [ev(3, year=2024, level="huyện")], "G21", ""),
    (68, "Bánh khẩu Sli Diệp Nhật", "thienphu", TP, "", "Yên Thế", [ev(3, year=2024, level="huyện")], "G21", ""),
    (69, "Rượu men lá Mộc Sơn", "mocson", DU, "", "Yên Thế", [ev(3, year=2024, level="huyện")], "G21", ""),
    (70, "Rượu thóc men lá Mộc Sơn", "mocson", DU, "", "Yên Thế", [ev(3, year=2024, level="huyện")], "G21", "district re-rating"),
    (71, "Rượu Diệp Nhật", "thienphu", DU, "", "Yên Thế", [ev(3, year=2024, level="huyện")], "G21", "district re-rating"),
    (72, "Vải thiều Lục Ngạn", "hongxuan", TP, "Hồng Giang", "Lục Ngạn", [ev(5)], "G1, G3, G2, G9, G10",
     "4★ with potential 5★ in 2022 round 1 (G1, G3), then 5★ national \"in July\" (G9), year not in any source read (G17 and G14 point to 2024): so its year is empty and the 2022 rating is not in certifications.csv, which orders a product's ratings by date; also \"vải thiều Hồng Xuân\""),
    (73, "Mỳ Gạo Lục Ngạn", "hanghieu", TP, "Chũ", "Lục Ngạn", [ev(4, "2021-08-26"), ev(4, year=2024)], "G15, G14, G22", "Thị trấn Chũ; 4★ again in 2024 round 1"),
    (74, "Mỳ gạo ngũ sắc", "hanghieu", TP, "", "Lục Ngạn", [ev(4, year=2024)], "G14, G22", ""),
    (76, "Mỳ gạo Chũ Xuân Trường", "xuantruong", TP, "Nam Dương", "Lục Ngạn", [ev(4, year=2022)], "G1", "2022 round 1"),
    (77, "Mỳ chũ Green", "trailam", TP, "", "Lục Ngạn", [ev(4, level="tỉnh")], "G24",
     "4★ (provincial); the HTX had two noodle products at 4★ in 2019, this one's own year is not given"),
    (78, "Vải thiều hữu cơ", "vuvanmen", TP, "Kiên Thành", "Lục Ngạn", [ev(3, year=2024, level="huyện")], "G8, G5",
     "UBND huyện Lục Ngạn decision, 2024 round 1 (reported 12/8/2024)"),
    (79, "Vải u hồng Tân Mộc", "tanmoc", TP, "", "Lục Ngạn", [ev(3, year=2024, level="huyện")], "G8, G5", ""),
    (80, "Ổi Đồng Nga", "lethanhdong", TP, "Quý Sơn", "Lục Ngạn", [ev(3, year=2024, level="huyện")], "G8, G5", ""),
    (81, "Ổi sạch Thu Quế", "nguyenducthuc", TP, "Quý Sơn", "Lục Ngạn", [ev(3, year=2024, level="huyện")], "G8, G5", ""),
    (82, "Mận cơm Hoàng Thi Tân Sơn", "hoangvanthi", TP, "Tân Sơn", "Lục Ngạn", [ev(3, year=2024, level="huyện")], "G8, G5", ""),
    (83, "Mật ong hoa vải Hằng Hiếu", "hanghieu", TP, "", "Lục Ngạn", [ev(3, year=2024, level="huyện")], "G8, G5", ""),
    (84, "Cao ngựa bạch Phong Vân", "phongvan", DL, "", "Lục Ngạn", [ev(3, year=2024, level="huyện")], "G8, G5", ""),
    (85, "Trà hoa cúc chi", "lucnganxanh", DU, "", "Lục Ngạn", [ev(3, year=2024, level="huyện")], "G8, G5", ""),
    (86, "Điểm du lịch sinh thái Bầu Tiên", "dongdao", DLICH, "", "Lục Ngạn", [ev(3, year=2023, level="huyện")], "G18, G17", "2023 round 2 (reported 20/11/2023)"),
    (87, "Điểm du lịch làng văn hóa Đông Bắc", "dongbac", DLICH, "", "Lục Ngạn", [ev(3, year=2023, level="huyện")], "G18, G17", "2023 round 2"),
    (88, "Giò lụa heo thảo dược", "binhminh", TP, "Danh Thắng", "Hiệp Hòa", [ev(4, year=2022)], "G1",
     "2022 round 1; OCOP.md calls it Giò lụa thảo dược Bình Minh"),
    (89, "Chả lụa heo thảo dược", "binhminh", TP, "Danh Thắng", "Hiệp Hòa", [ev(4, year=2022)], "G1", ""),
    (90, "Xúc xích heo thảo dược Bình Minh", "binhminh", TP, "Danh Thắng", "Hiệp Hòa", [ev(4, year=2022)], "G1", ""),
    (92, "Rượu Nếp cái hoa vàng", "vanhuong", DU, "Vân Hà", "Việt Yên", [ev(4, "2021-08-26")], "G15", "thôn Yên Viên"),
    (93, "Rượu Cúc hoa tửu", "vanhuong", DU, "Vân Hà", "Việt Yên", [ev(4, "2021-08-26")], "G15", ""),
    (94, "Rượu Nếp ngâm hạ thổ", "vanhuong", DU, "Vân Hà", "Việt Yên", [ev(4, "2021-08-26")], "G15", ""),
    (95, "Snack Gạo JOY - Sốt cay ngọt", "joy", TP, "Việt Tiến", "Việt Yên", [ev(3, "2021-08-26")], "G15", ""),
    (101, "Muối lạc vừng rong biển", "hanhphuc", TP, "Tăng Tiến", "Việt Yên", [ev(3, year=2022)], "G13", "proposed by the provincial council, 2022 phase 2"),
    (102, "Bánh chưng Hạnh Phúc", "hanhphuc", TP, "Tăng Tiến", "Việt Yên", [ev(3, year=2022)], "G13", "proposed by the provincial council, 2022 phase 2"),
    (103, "Mỳ ngũ sắc Quê ta", "queta", TP, "Nghĩa Trung", "Việt Yên", [ev(3, year=2022)], "G13", "proposed by the provincial council, 2022 phase 2"),
    (104, "Cà chua Thùy Châm", "thuycham", TP, "Trung Sơn", "Việt Yên", [ev(3, year=2023, level="huyện")], "G12", "UBND huyện Việt Yên decision, 2023 round 1"),
    (105, "Nấm sò Thuyết Xuyến", "thuyet", TP, "Ninh Sơn", "Việt Yên", [ev(3, year=2023, level="huyện")], "G12", ""),
    (106, "Giò lụa nấm", "toancuong", TP, "Quang Châu", "Việt Yên", [ev(3, year=2023, level="huyện")], "G12", ""),
    (107, "Pate nấm", "toancuong", TP, "Quang Châu", "Việt Yên", [ev(3, year=2023, level="huyện")], "G12", ""),
    (108, "Ruốc nấm hương", "toancuong", TP, "Quang Châu", "Việt Yên", [ev(3, year=2023, level="huyện")], "G12", ""),
    (109, "Dưa kim Hoàng Hậu", "rausach", TP, "", "Yên Dũng", [ev(4, "2021-12-09", decision=QD1387)], "G4, G11", ""),
    (110, "Đông Trùng Hạ thảo khô", "truongtho", DL, "Đông Hưng", "Lục Nam", [ev(4, "2021-08-26")], "G15, G23", "thôn Đại Đồng"),
    (113, "Mật ong rừng Sơn Động", "ongmat", TP, "Tuấn Đạo", "Sơn Động", [ev(3, year=2021)], "G19, G20", "11/2021 (month only)"),
    (114, "Hương nến Bồng Am", "ongmat", TC, "", "Sơn Động", [ev(3, year=2024)], "G19", "early 2024"),
    (119, "Đông trùng hạ thảo Adeco", "adenco", DL, "Dương Đức", "Lạng Giang", [ev(3, year=2023)], "G6, G27",
     "re-recognised 2023, described as potential 4★; G6 also writes Nấm Đông trùng hạ thảo and ADENCO"),
    (124, "Giò lụa", "thaothanh", TP, "Xuân Hương", "Lạng Giang", [ev(3)], "G6, G27", "3★, described as potential 4★, year not given"),
]


# The sources' addresses, as REAL-PRODUCTS.md lists them (K: Bắc Kạn, G: Bắc Giang).
SOURCES = {
    'K1': 'https://backancity.gov.vn/thanh-pho-bac-kan-them-07-san-pham-ocop-dat-3-sao/ (city evaluation of 26/11/2021)',
    'K2': 'https://doanhnghiepkinhtexanh.vn/bac-kan-co-bao-nhieu-san-pham-ocop-dat-chuan-4-sao-a18733.html',
    'K3': 'https://baobackan.com.vn/bac-kan-phat-trien-ben-vung-cac-san-pham-ocop-post54154.html (2023-07)',
    'K4': 'http://tapchinongnghiep.vn/nong-thon-moi/den-nam-2025-tinh-bac-kan-se-co-tren-200-san-pham-ocop-140582 (27/11/2023)',
    'K5': 'https://doanhnghiepkinhtexanh.vn/bac-kan-dung-thu-2-ca-nuoc-ve-so-luong-san-pham-ocop-a18096.html',
    'K6': 'https://baobackan.com.vn/trao-giay-chung-nhan-san-pham-ocop-nam-2019-post37865.html',
    'K7': 'https://sonnptnt.backan.gov.vn/Pages/tin-chuyen-nganh-214/ocop-tinh-bac-kan-278/bac-kan-co-san-pham-mien-dong-tai--bede921e6fa8ece.aspx (07/07/2021)',
    'K8': 'http://beta.baobackan.org.vn/ocop-backan/',
    'K9': 'https://baobackan.com.vn/cho-moi-25-san-pham-ocop-duoc-chung-nhan-dat-03-sao-post6739.html',
    'K10': 'https://bachthong.gov.vn/nam-2022-bach-thong-co-them-10-san-pham-ocop-dat-3-sao/',
    'K11': 'https://chodon.gov.vn/cho-don-co-6-san-pham-du-dieu-kien-xep-hang-3-sao-va-3-san-pham-du-dieu-kien-cap-lai-giay-chung-nhan-san-pham-ocop-nam-2021/',
    'K12': 'http://baobackan.com.vn/ocop-backan/',
    'K13': 'https://baodautu.vn/them-5-san-pham-dat-tieu-chuan-5-sao-ocop-cap-quoc-gia-d230293.html',
    'K14': 'https://sanphamvungmien.vn/san-pham-vung-mien/mien-bac/2019/5/bac-kan-co-5-san-pham-ocop-duoc-cong-nhan-4-sao (25/05/2019)',
    'K15': 'https://langngheviet.com.vn/ocop-bac-kan-mot-chang-duong-khong-chi-co-vinh-quang-33084.html',
    'K16': 'https://tapchinongthonmoi.vn/nghe-bac-kan-san-pham-ocop-tieu-bieu-cua-tinh-nam-2021-17432.html (10/12/2021)',
    'K17': 'https://backan.gov.vn/pages/phe-duyet-ket-qua-cham-diem-san-pham-tham-gia-danh-92ca.aspx (05/09/2020)',
    'K18': 'http://doanthanhnienbackan.vn/khoa-hoc-cong-nghe/hoi-nghi-danh-gia-phan-hang-san-pham-ocop-nam-2021-80240',
    'K19': 'https://backancity.gov.vn/thanh-pho-bac-kan-danh-gia-phan-hang-18-san-pham-dang-ky-ocop-nam-2022/',
    'K20': 'https://dantocphattrien.vietnamnet.vn/deo-thom-nep-khau-nua-lech-43945.htm',
    'K21': 'https://baobackan.com.vn/ngan-son-chu-trong-nang-cao-chat-luong-san-pham-ocop-post6740.html',
    'K22': 'https://baobackan.vn/bach-thong-chu-trong-phat-trien-san-pham-ocop-post68395.html (2024-12)',
    'K23': 'https://bachthong.gov.vn/huyen-bach-thong-binh-chon-san-pham-ocop/',
    'K24': 'https://baobackan.com.vn/bach-thong-co-10-san-pham-dang-ky-tham-gia-chuong-trinh-ocop-post48505.html',
    'K25': 'https://nongnghiep.vn/noi-lam-ra-soi-mien-dong-ocop-5-sao-giua-nui-rung-na-ri-i351848.html (25/05/2023)',
    'K26': 'https://backan.gov.vn/Pages/mien-dong-tai-hoan-tiep-tuc-duoc-cong-nhan-san-pha-e353.aspx (27/06/2024)',
    'K27': 'https://vov.vn/du-lich/tung-buoc-tao-net-rieng-cho-du-lich-ba-be-bac-kan-post992907.vov',
    'K28': 'https://clpl.vn/5-san-pham-moi-nhat-dat-tieu-chuan-5-sao-ocop-cap-quoc-gia (18/11/2024; the same content appears at https://vietnam.vn/km/5-san-pham-moi-nhat-dat-tieu-chuan-5-sao-ocop-cap-quoc-gia)',
    'K29': 'https://backan.gov.vn/pages/phat-trien-san-pham-ocop-du-lich-dcce.aspx (28/03/2022)',
    'K30': 'https://mybackan.vn/vi/detailnews/?t=bac-kan-phat-trien-du-lich-cong-dong-gan-voi-chuong-trinh-ocop&id=news_2856',
    'K31': 'https://baomoi.net.vn/cho-don-but-pha-tu-ocop-va-phat-trien-du-lich-c51930597.epi',
    'K32': 'https://nongthonmoihanoi.gov.vn/tin-tuc/phat-trien-chuong-trinh-ocop-gan-voi-du-lich-nong-thon-3682 (10/12/2024)',
    'K33': 'https://backancity.gov.vn/nam-2024-tp-bac-kan-phan-dau-co-them-04-san-pham-dat-ocop-3-sao-tro-len/',
    'K34': 'https://vioit.org.vn/vn/quy-hoach/dia-phuong/ke-hoach-thuc-hien-chuong-trinh--moi-xa--phuong-mot-san-pham---ocop--tinh-bac-kan-nam-2024-5822.4102.html',
    'K35': 'https://pacnam.gov.vn/phan-dau-nam-2021-co-it-nhat-02-san-pham-ocop-dat-3-sao-tro-len/',
    'K36': 'https://nhandan.vn/bac-kan-nang-tam-cac-san-pham-ocop-post695717.html',
    'K37': 'https://backancity.gov.vn/thanh-pho-bac-kan-co-28-san-pham-dang-ky-tham-gia-chuong-trinh-ocop/ (2020 registrations only)',
    'K38': 'http://baobackan.com.vn/ocop-backan/202208/the-manh-san-pham-ocop-o-pac-nam-f943710/ (Pác Nặm; the list of 3★ products is cut off in the source)',
    'K39': 'https://tapchinongthonmoi.vn/ket-qua-danh-gia-phan-hang-san-pham-ocop-tinh-bac-kan-nam-2021-17433.html (25/12/2021)',
    'G1': 'https://langngheviet.com.vn/moi-xa-mot-san-pham/bac-giang-cong-nhan-08-san-pham-ocop-dat-hang-4-sao-nam-2022.html36306 (06/12/2022)',
    'G2': 'https://thongtinkhcn.com.vn/chi-tiet/3177/toan-tinh-phan-dau-den-het-nam-2023-co-it-nhat-230-san-pham-ocop.html',
    'G3': 'https://ttkhuyencong.bacgiang.gov.vn/tin-tuc/bac-giang-co-30-san-pham-du-dieu-kien-cong-nhan-san-pham-ocop-dot-1-nam-2022',
    'G4': 'http://lmhtx.bacgiang.gov.vn/node/2620',
    'G5': 'https://nongthon.vietnamtourism.gov.vn/?p=33876',
    'G6': 'http://duyenhai.nhanongxanh.vn/nha-nong-xanh/nha-nong-thong-thai/lam-giau/lang-giang-bac-giang-san-pham-ocop-nang-tam-nong-san-dia-phuong-139366',
    'G7': 'https://langngheviet.com.vn/bac-giang-xuc-tien-tieu-thu-ga-doi-yen-the-13171.html',
    'G8': 'https://hoinhabaobacgiang.vn/5/31265/Luc-Ngan-Them-8-san-pham-duoc-cong-nhan-OCOP-3-sao.aspx (12/8/2024)',
    'G9': 'https://baomoi.net.vn/vai-thieu-hong-xuan-luc-ngan-duoc-vinh-danh-thuong-hieu-vang-nong-nghiep-viet-nam-c50438049.epi',
    'G10': 'https://langngheviet.com.vn/san-pham-vai-thieu-luc-ngan-dat-tieu-chuan-ocop-5-sao-30415.html',
    'G11': 'https://nguoilambaobacninh.vn/17/12850/Bac-Giang-Lua-chon-cong-nhan-39-san-pham-OCOP-dot-2-nam-2021.aspx (8/12/2021)',
    'G12': 'https://doanhnghiepkinhtexanh.vn/bac-giang-huyen-viet-yen-co-them-5-san-pham-duoc-cong-nhan-dat-ocop-hang-3-sao-a17683.html',
    'G13': 'https://thuonghieucongluan.com.vn/viet-yen-cong-nhan-them-8-san-pham-ocop-nam-2022-a186013.html',
    'G14': 'https://doanhnhan.congly.vn/print/453333.html (2024)',
    'G15': 'https://ttkhuyencong.bacgiang.gov.vn/tin-tuc/phe-duyet-ket-qua-danh-gia-phan-hang-va-cap-giay-chung-nhan-cho-san-pham-tham-gia-chuong (decision of 26/8/2021)',
    'G16': 'https://baotainguyenmoitruong.vn/yen-dung-ocop-nang-cao-gia-tri-san-pham-nong-nghiep-dia-phuong-377258.html',
    'G17': 'https://nongthon.vietnamtourism.gov.vn/bac-giang-xay-dung-cac-khu-diem-du-lich-thanh-san-pham-ocop',
    'G18': 'https://hoinhabaobacgiang.vn/5/29398/Bac-Giang-Them-21-san-pham-OCOP-duoc-cong-nhan-3-sao.aspx (20/11/2023)',
    'G19': 'https://langngheviet.com.vn/son-dong-bac-giang-phat-trien-san-pham-ocop-dac-trung-vung-cao-30628.html',
    'G20': 'https://danviet.vn/mot-hop-tac-xa-o-huyen-mien-nui-cua-tinh-bac-giang-khai-thac-thu-mat-vang-ong-ban-di-khap-noi-giup-xa-vien-thoat-ngheo-d1334262.html',
    'G21': 'http://khuyennongbacgiang.vn/ves-portal/2501/Yen-The:-Cong-nhan-6-san-pham-dat-OCOP-3-sao-dot-1.html (27/08/2024)',
    'G22': 'https://nguoilambaobacgiang.vn/2/32031/Bac-Giang-Cong-nhan-6-san-pham-OCOP-dat-tieu-chuan-4-sao.aspx (20/11/2024)',
    'G23': 'https://hangthat.thuonghieucongluan.com.vn/huyen-luc-nam-khai-thac-tiem-nang-phat-trien-san-pham-ocop-a97097.html',
    'G24': 'https://vnbusiness.vn/mo-hinh/ocop-mac-ao-moi-cho-my-chu-trai-lam-1082278.html',
    'G25': 'https://fr.vietnamplus.vn/bac-giang-semploie-a-developper-ses-produits-ocop/188650.vnp (2022-09)',
    'G26': 'https://m.tapchinongthonmoi.vn/hoi-nong-dan-huyen-hiep-hoa-chung-suc-xay-dung-san-pham-ocop-28377.html',
    'G27': 'https://baomoi.net.vn/huyen-lang-giang-chu-trong-phat-trien-san-pham-ocop-c46968266.epi',
    'G28': 'https://vanhoavaphattrien.vn/lang-giang-bac-giang-nang-tam-tinh-hoa-nong-san-dia-phuong-a25720.html',
}
