#!/usr/bin/env python3
"""Generate the embedded OCOP sample dataset (standard library only, deterministic).

    python3 Tools/make_sample.py            # writes Sources/OCOPKit/Sample/{products,producers,certifications}.csv, README.md
    python3 Tools/make_sample.py --check    # re-reads the written files and checks every invariant

The published products of Tools/sample_real.py (from shared/domain/REAL-PRODUCTS.md, with
their sources) are fixed rows; everything else is illustrative and drawn from a fixed-seed
random.Random, so two runs give byte-identical files. New units (post-reform addresses, the
README's counts by new_province) come from Data/units-2025/wards.csv, the package data the
built-in table is generated from. Nothing here iterates a set, so PYTHONHASHSEED does not
matter.
"""

import csv
import datetime as dt
import io
import os
import random
import sys
import unicodedata
from collections import Counter, OrderedDict

SEED = 20251129
REF = dt.date(2026, 11, 29)          # "today" for the expiry counts in the README
REFORM = dt.date(2025, 7, 1)         # district level abolished, provinces merged
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "OCOPKit", "Sample")

PRODUCT_COLS = ["id", "name", "category", "producer_id", "stars", "score", "certified_on",
                "expires_on", "province", "district", "commune", "price_vnd", "certified_year"]
PRODUCER_COLS = ["id", "name", "kind", "province", "district", "commune"]

HTX, DN, THT, HH = "Hợp tác xã", "Doanh nghiệp", "Tổ hợp tác", "Hộ kinh doanh"
KINDS = [HTX, DN, THT, HH]

TP = "Thực phẩm"
DU = "Đồ uống"
DL = "Dược liệu và sản phẩm từ dược liệu"
TC = "Hàng thủ công mỹ nghệ"
SVC = "Sinh vật cảnh"
DLICH = "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"
CATEGORIES = [TP, DU, DL, TC, SVC, DLICH]
# the mix the illustrative rows bring the sample close to (the sample before issue 18)
CAT_TOTAL = {TP: 96, DU: 43, DL: 39, TC: 16, SVC: 10, DLICH: 10}
STAR_TOTAL = {3: 150, 4: 58, 5: 6}
N_PRODUCTS = 214

BK, BG = "Bắc Kạn", "Bắc Giang"
NEW_PROVINCE = {BK: "Thái Nguyên", BG: "Bắc Ninh"}

# ---------------------------------------------------------------------------------------
# Places (pre-2025 names; communes written without the Xã/Phường/Thị trấn prefix, as the
# provincial lists print them).
# ---------------------------------------------------------------------------------------
BK_PLACES = OrderedDict([
    ("Thành phố Bắc Kạn", ["Nông Thượng", "Sông Cầu", "Phùng Chí Kiên", "Xuất Hóa", "Đức Xuân",
                           "Nguyễn Thị Minh Khai", "Huyền Tụng", "Dương Quang"]),
    ("Ba Bể", ["Nam Mẫu", "Khang Ninh", "Cao Thượng", "Quảng Khê", "Hoàng Trĩ", "Đồng Phúc",
               "Chợ Rã", "Thượng Giáo", "Hà Hiệu", "Phúc Lộc", "Bành Trạch", "Mỹ Phương",
               "Chu Hương", "Địa Linh", "Yến Dương"]),
    ("Pác Nặm", ["Bộc Bố", "Nghiên Loan", "Cao Tân", "Nhạn Môn", "Giáo Hiệu", "Bằng Thành",
                 "Xuân La", "An Thắng", "Công Bằng", "Cổ Linh"]),
    ("Ngân Sơn", ["Vân Tùng", "Nà Phặc", "Thuần Mang", "Thượng Quan", "Trung Hòa", "Bằng Vân",
                  "Đức Vân", "Lãng Ngâm", "Cốc Đán", "Thượng Ân", "Hiệp Lực"]),
    ("Bạch Thông", ["Phủ Thông", "Cẩm Giàng", "Quang Thuận", "Đôn Phong", "Dương Phong",
                    "Lục Bình", "Tân Tú", "Mỹ Thanh", "Vi Hương", "Sỹ Bình", "Nguyên Phúc",
                    "Cao Sơn", "Vũ Muộn"]),
    ("Chợ Đồn", ["Bằng Lũng", "Bằng Phúc", "Ngọc Phái", "Phương Viên", "Đại Sảo", "Yên Thịnh",
                 "Nam Cường", "Quảng Bạch", "Xuân Lạc", "Bản Thi", "Lương Bằng", "Bằng Lãng",
                 "Yên Phong", "Nghĩa Tá", "Đồng Lạc"]),
    ("Chợ Mới", ["Đồng Tâm", "Tân Sơn", "Thanh Mai", "Thanh Vận", "Nông Hạ", "Cao Kỳ",
                 "Hòa Mục", "Yên Đĩnh", "Quảng Chu", "Như Cố", "Bình Văn", "Yên Hân",
                 "Mai Lạp", "Thanh Thịnh"]),
    ("Na Rì", ["Yến Lạc", "Côn Minh", "Quang Phong", "Dương Sơn", "Văn Lang", "Kim Lư",
               "Lương Thượng", "Lạng San", "Văn Minh", "Cư Lễ", "Trần Phú", "Sơn Thành",
               "Văn Vũ", "Xuân Dương", "Liêm Thủy", "Hảo Nghĩa", "Đổng Xá"]),
])
BG_PLACES = OrderedDict([
    ("Thành phố Bắc Giang", ["Đa Mai", "Dĩnh Kế", "Song Mai", "Xương Giang", "Dĩnh Trì", "Tân Mỹ"]),
    ("Lục Ngạn", ["Nam Dương", "Phượng Sơn", "Tân Sơn", "Quý Sơn", "Hồng Giang", "Thanh Hải",
                  "Kiên Thành", "Biển Động", "Giáp Sơn", "Tân Quang", "Phì Điền", "Đèo Gia"]),
    ("Lục Nam", ["Nghĩa Phương", "Lục Sơn", "Cẩm Lý", "Bảo Sơn", "Huyền Sơn", "Tam Dị", "Đông Hưng"]),
    ("Yên Thế", ["Đồng Kỳ", "Đồng Tâm", "Tam Tiến", "Phồn Xương", "Bố Hạ", "Xuân Lương",
                 "Đồng Lạc", "Tân Hiệp"]),
    ("Hiệp Hòa", ["Danh Thắng", "Mai Đình", "Đoan Bái", "Hoàng Vân", "Lương Phong", "Đông Lỗ",
                  "Xuân Cẩm"]),
    ("Lạng Giang", ["Tân Thanh", "Mỹ Thái", "Tiên Lục", "Dương Đức", "Nghĩa Hòa", "Kép"]),
    ("Tân Yên", ["Phúc Hòa", "Cao Xá", "Ngọc Thiện", "Liên Chung", "Lam Cốt", "Cao Thượng", "Nhã Nam"]),
    ("Việt Yên", ["Tăng Tiến", "Vân Hà", "Quang Châu", "Tự Lạn", "Hồng Thái", "Nghĩa Trung"]),
    ("Sơn Động", ["An Lạc", "Vân Sơn", "Tuấn Đạo", "Thanh Luận", "Cẩm Đàn", "Yên Định", "Dương Hưu"]),
    ("Yên Dũng", ["Tư Mại", "Lãng Sơn", "Tiến Dũng", "Đồng Phúc", "Nham Sơn"]),
])

# Old commune -> new commune-level unit from 1 July 2025.
# Bắc Kạn -> tỉnh Thái Nguyên: exactly the examples of OCOP.md ("[V]").
BK_NEW = OrderedDict([
    ("Nông Thượng", "Phường Bắc Kạn"), ("Sông Cầu", "Phường Bắc Kạn"),
    ("Phùng Chí Kiên", "Phường Bắc Kạn"), ("Xuất Hóa", "Phường Bắc Kạn"),
    ("Đức Xuân", "Phường Đức Xuân"), ("Nguyễn Thị Minh Khai", "Phường Đức Xuân"),
    ("Huyền Tụng", "Phường Đức Xuân"),
    ("Côn Minh", "Xã Côn Minh"), ("Quang Phong", "Xã Côn Minh"), ("Dương Sơn", "Xã Côn Minh"),
    ("Nam Mẫu", "Xã Ba Bể"), ("Khang Ninh", "Xã Ba Bể"), ("Cao Thượng", "Xã Ba Bể"),
    ("Bằng Phúc", "Xã Đồng Phúc"), ("Quảng Khê", "Xã Đồng Phúc"), ("Hoàng Trĩ", "Xã Đồng Phúc"),
    ("Đồng Phúc", "Xã Đồng Phúc"),
])

# ---------------------------------------------------------------------------------------
# The 2025 units: Data/units-2025 (the package data of the built-in table, MIT)
# ---------------------------------------------------------------------------------------
UNITS = os.path.join(ROOT, "Data", "units-2025")
TYPE_WORDS = ["Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu"]


def bare(name):
    """Folded, without its type word: `Thành Phố Bắc Kạn` → `bac kan`."""
    n = unicodedata.normalize("NFC", name).strip()
    for w in sorted(TYPE_WORDS, key=len, reverse=True):
        if n.lower().startswith(w.lower() + " "):   # not folded: Huyền Tụng is no Huyện
            return fold(n[len(w) + 1:])
    return fold(n)


def read_units():
    with open(os.path.join(UNITS, "wards.csv"), encoding="utf-8") as f:
        wards = list(csv.DictReader(f))
    with open(os.path.join(UNITS, "provinces.csv"), encoding="utf-8") as f:
        provinces = list(csv.DictReader(f))
    by = {}
    for w in wards:
        by.setdefault((bare(w["old_province"]), bare(w["old_district"]), bare(w["old_ward"])), []).append(w)
    new_of = {bare(p["old_province"]): p["new_province"].split(" ", 1)[1] if p["new_province"].startswith("Tỉnh ")
              else p["new_province"].replace("Thành phố ", "") for p in provinces}
    return by, new_of



def new_commune(province, district, commune):
    """The new unit of a clean old address (one commune of that name in the district, not
    divided), as the table writes it (`Phường Bắc Kạn`), else None."""
    rows = WARDS.get((bare(province), bare(district), bare(commune)), [])
    if len(rows) == 1 and rows[0]["share"] == "whole":
        return rows[0]["new_ward"]
    return None


def new_province(province):
    return NEW_PROVINCE_OF[bare(province)]


def short_district(d):
    return d.replace("Thành phố ", "")


# Wards named after people read badly inside a product or producer name ("Đậu phụ Nguyễn
# Thị Minh Khai"): names use the district instead.
PERSON_COMMUNES = ["Nguyễn Thị Minh Khai", "Phùng Chí Kiên", "Trần Phú"]


def name_place(dist, comm):
    return short_district(dist) if comm in PERSON_COMMUNES else comm


# ---------------------------------------------------------------------------------------
# Product name stems for the random (illustrative) producers. {c} commune, {d} district.
# None of them folds to a string containing "nghe": the "nghệ" products are fixed below.
# ---------------------------------------------------------------------------------------
STEMS = {
    (BK, TP): ["Miến dong {c}", "Miến dong {d}", "Tinh bột dong riềng {c}", "Gạo Bao Thai {d}",
               "Gạo nếp vải {c}", "Gạo nếp cẩm {c}", "Hồng không hạt {d}", "Hồng không hạt sấy dẻo {c}",
               "Quýt {d}", "Cam sành {c}", "Ô mai mơ {c}", "Mơ muối {c}", "Măng khô {c}", "Măng ớt {c}",
               "Măng vầu sấy {c}", "Mật ong {c}", "Mật ong rừng {d}", "Lạp sườn hun khói {c}",
               "Thịt lợn gác bếp {c}", "Thịt trâu gác bếp {d}", "Lợn đen {c}", "Vịt bầu {c}",
               "Bánh khảo {c}", "Bánh gio {c}", "Bánh chưng đen {c}", "Bánh coóc mò {c}",
               "Khẩu sli {c}", "Bún khô {c}", "Phở khô {c}", "Nấm hương {c}", "Mộc nhĩ {c}",
               "Lạc đỏ {c}", "Đậu phụ {c}", "Gừng {c}", "Trứng gà {c}", "Bí xanh thơm {c}",
               "Chuối sấy {c}", "Bánh gai {c}"],
    (BK, DU): ["Chè Shan tuyết {c}", "Trà Shan tuyết cổ thụ {c}", "Rượu men lá {c}", "Rượu mơ {c}",
               "Rượu ngô men lá {c}", "Rượu nếp cẩm {c}", "Trà hoa vàng {c}", "Chè xanh {c}",
               "Trà dây {c}", "Nước cốt mơ {c}", "Siro mơ {c}", "Trà túi lọc hoa cúc {c}",
               "Rượu chuối hột {c}", "Nước ép cam {c}"],
    (BK, DL): ["Trà giảo cổ lam {c}", "Cao giảo cổ lam {c}", "Cao cà gai leo {c}",
               "Thuốc tắm người Dao {c}", "Xạ đen {c}", "Trà xạ đen {c}", "Tinh dầu quế {c}",
               "Tinh dầu sả chanh {c}", "Hà thủ ô đỏ {c}", "Sâm cau {c}",
               "Cao xương khớp thảo dược {c}", "Dầu xoa bóp thảo dược {c}", "Trà dây thìa canh {c}",
               "Cao lá vằng {c}"],
    (BK, TC): ["Khăn thổ cẩm {c}", "Túi thổ cẩm Dao đỏ {c}", "Mây tre đan {c}", "Chổi chít {c}",
               "Đàn tính {c}", "Giỏ tre {c}", "Mành tre {c}", "Hộp quà mây tre {c}"],
    (BK, SVC): ["Hoa lan Kim điệp {c}", "Lan Hài {c}", "Lan rừng {c}", "Đào cảnh {c}",
                "Cây cảnh bonsai {c}", "Lan Phi điệp {c}"],
    (BK, DLICH): ["Điểm du lịch cộng đồng {c}", "Homestay {c}", "Du lịch sinh thái {c}",
                  "Điểm du lịch sinh thái {c}", "Trải nghiệm nông nghiệp {c}"],
    (BG, TP): ["Vải thiều {c}", "Vải sớm {c}", "Vải thiều sấy khô {c}", "Long nhãn {c}",
               "Cam đường canh {c}", "Bưởi {c}", "Na {c}", "Mỳ Chũ {c}", "Bún {c}", "Bánh đa {c}",
               "Gà đồi {c}", "Trứng gà đồi {c}", "Mật ong vải {c}", "Mật ong {c}", "Lạc {c}",
               "Giò chả {c}", "Nem chua {c}", "Thịt lợn sạch {c}", "Nấm sò {c}", "Dứa {c}",
               "Dưa lưới {c}", "Khoai lang {c}", "Gạo nếp cái hoa vàng {c}", "Bánh chưng {c}",
               "Bánh gai {c}", "Tương {c}", "Ổi {c}", "Mì gạo {c}", "Trứng vịt {c}", "Bánh mật {c}",
               "Bột sắn dây {c}"],
    (BG, DU): ["Rượu làng {c}", "Rượu vải {c}", "Rượu nếp {c}", "Chè xanh {c}", "Trà búp {c}",
               "Nước ép vải {c}", "Rượu ba kích {c}", "Rượu mơ {c}", "Trà túi lọc {c}"],
    (BG, DL): ["Ba kích tím {c}", "Cao ba kích {c}", "Thuốc nam {c}", "Nấm linh chi {c}",
               "Trà thảo mộc {c}", "Tinh dầu bưởi {c}", "Cao gắm {c}", "Cao lá xông {c}",
               "Trà hoa hòe {c}", "Cà gai leo {c}", "Trà dây thìa canh {c}"],
    (BG, TC): ["Mây tre đan {c}", "Gốm {c}", "Nón lá {c}", "Chiếu cói {c}", "Đan lát {c}",
               "Đồ gỗ chạm khắc {c}", "Tranh thêu tay {c}", "Hàng mây giang đan {c}"],
    (BG, SVC): ["Đào cảnh {c}", "Hoa lan {c}", "Cây cảnh {c}", "Quất cảnh {c}", "Hoa ly {c}"],
    (BG, DLICH): ["Khu du lịch sinh thái {c}", "Điểm du lịch cộng đồng {c}",
                  "Du lịch trải nghiệm vườn vải {c}", "Điểm du lịch {c}", "Homestay {c}"],
}
# Retail price ranges (thousand đồng) by the start of the product name; first match wins,
# else the category's range.
PRICE_HINTS = [
    (("Vải", "Cam", "Bưởi", "Na ", "Ổi", "Dứa", "Dưa", "Khoai", "Quýt", "Hồng không", "Hồng vành",
      "Trứng", "Gừng", "Bí", "Chuối", "Lạc", "Gạo", "Bún", "Mì", "Mỳ", "Miến", "Phở", "Đậu",
      "Bánh", "Măng", "Mơ", "Ô mai", "Tương", "Bột sắn", "Tinh bột dong"), 20, 150),
    (("Sá sùng",), 900, 2500),
    (("Mật ong", "Lạp sườn", "Thịt", "Lợn", "Vịt", "Gà", "Giò", "Nem", "Nấm", "Mộc nhĩ",
      "Khẩu sli", "Long nhãn", "Tinh bột nghệ", "Bột sen"), 120, 600),
    (("Rượu",), 80, 450), (("Siro", "Nước"), 40, 160), (("Chè", "Trà", "Hồng trà"), 80, 600),
    (("Tinh dầu", "Thuốc tắm", "Dầu"), 60, 300),
    (("Chổi", "Nón", "Giỏ"), 30, 200), (("Đàn tính",), 900, 3000),
]
FALLBACK_SUFFIX = ["loại đặc biệt", "hộp 500g", "túi 1kg", "truyền thống"]

HTX_ACTIVITY = {
    TP: ["nông nghiệp", "nông nghiệp và dịch vụ", "dịch vụ nông nghiệp", "chế biến nông sản",
         "nông lâm nghiệp", "sản xuất và thương mại"],
    DU: ["chè", "trà", "rượu", "nông nghiệp"],
    DL: ["dược liệu", "thảo dược", "nông nghiệp hữu cơ"],
    TC: ["mây tre đan", "thổ cẩm", "thủ công mỹ nghệ"],
    SVC: ["hoa lan", "sinh vật cảnh", "hoa cây cảnh"],
    DLICH: ["du lịch cộng đồng", "dịch vụ du lịch", "du lịch sinh thái"],
}
THT_ACTIVITY = {
    TP: ["nuôi ong", "chăn nuôi", "trồng cây ăn quả", "sản xuất bánh", "chế biến nông sản"],
    DU: ["chè Shan tuyết", "sản xuất rượu", "làm chè"],
    DL: ["trồng dược liệu", "thảo dược"],
    TC: ["mây tre đan", "dệt thổ cẩm"],
    SVC: ["trồng lan", "sinh vật cảnh"],
    DLICH: ["du lịch cộng đồng", "homestay"],
}
HTX_BRANDS = ["Thiên An", "Phúc Lộc", "Hoàng Minh", "An Phú", "Quyết Tiến", "Thành Công", "Tiến Đạt",
              "Hợp Phát", "Đoàn Kết", "Hưng Thịnh", "Ánh Dương", "Bình An", "Tâm Đức", "Quang Minh",
              "Xuân Hòa", "Đại Thành", "Hoa Sen", "Minh Tâm", "Đức Hạnh", "Thanh Bình", "Hạnh Phúc",
              "Tuấn Linh", "Kim Long", "Đồng Xanh", "Bảo Tín", "Sơn Lâm", "Ân Phát", "Ánh Hồng"]
DN_BRANDS = ["Hoàng Long", "Minh Phát", "An Khang", "Phúc Thịnh", "Tuệ Lâm", "Hà Anh", "Kim Ngân",
             "Thiên Phú", "Việt Hưng", "Trường An", "Đại Phát", "Bảo Ngọc", "Ân Thịnh", "Đông Á"]
DN_FORMS = ["Công ty TNHH {x}", "Công ty Cổ phần {x}", "Công ty TNHH MTV {x}", "Doanh nghiệp tư nhân {x}"]
DN_WHAT = {
    TP: ["Nông sản {x}", "Thực phẩm {x}", "Đặc sản {x}"],
    DU: ["Trà {x}", "Đồ uống {x}"],
    DL: ["Dược liệu {x}", "Thảo dược {x}"],
    TC: ["Mỹ nghệ {x}", "Thủ công {x}"],
    SVC: ["Hoa cây cảnh {x}"],
    DLICH: ["Du lịch {x}", "Lữ hành {x}"],
}
SURNAMES = {
    BK: ["Nông", "Hoàng", "Triệu", "Lương", "Ma", "Bế", "Hà", "Lục", "Lý", "Đặng", "Nguyễn", "Dương",
         "Hứa", "Mạc", "Đàm"],
    BG: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Ngô", "Dương", "Đặng", "Thân", "Giáp",
         "Đinh", "Ân"],
}
MALE = ["Hùng", "Dũng", "Tuấn", "Thắng", "Hưng", "Bình", "Sơn", "Quyết", "Thành", "Chiến", "Cường",
        "Khánh", "Long", "Toàn", "Đức", "Hải", "Nam", "Lâm", "Việt", "Trường"]
FEMALE = ["Lan", "Thủy", "Hoa", "Hạnh", "Nguyệt", "Phương", "Liên", "Hương", "Nga", "Mai", "Hiền",
          "Thảo", "Yến", "Loan", "Dung", "Huyền", "Oanh", "Ánh", "Tuyết", "Ngân"]

# ---------------------------------------------------------------------------------------
# Fixed rows
# ---------------------------------------------------------------------------------------
# Published products (Tools/sample_real.py, from shared/domain/REAL-PRODUCTS.md).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sample_real  # noqa: E402

# Illustrative producers with fixed products, placed to carry the "nghệ" search examples,
# the tone-variant pairs and the same-name-commune collisions.
FORCED = [
    # key, name, kind, province, district, commune, [(product, category)]
    ("f_xuathoa", "HTX nghệ vàng Xuất Hóa", HTX, BK, "Thành phố Bắc Kạn", "Xuất Hóa",
     [("Tinh bột nghệ vàng Xuất Hóa", DL), ("Viên nghệ mật ong Xuất Hóa", DL)]),
    ("f_daisao", "Tổ hợp tác trồng nghệ Đại Sảo", THT, BK, "Chợ Đồn", "Đại Sảo",
     [("Nghệ đen Chợ Đồn", DL), ("Nghệ vàng thái lát Đại Sảo", DL)]),
    ("f_liemthuy", "HTX miến dong Liêm Thủy", HTX, BK, "Na Rì", "Liêm Thủy",
     [("Miến dong Liêm Thủy", TP), ("Bánh đa dong riềng Liêm Thủy", TP),
      ("Măng ớt, măng chua Liêm Thủy", TP)]),
    ("f_hoangvan", "Hộ kinh doanh Nguyễn Văn Hiệp", HH, BG, "Hiệp Hòa", "Hoàng Vân",
     [("Cao nghệ mật ong Hoàng Vân", DL), ("Dưa lưới Hoàng Vân", TP)]),
    ("f_huyenson", "Công ty TNHH Dược liệu Huyền Sơn", DN, BG, "Lục Nam", "Huyền Sơn",
     [("Trà nghệ gừng Lục Nam", DU), ("Trà giảo cổ lam Huyền Sơn", DL)]),
    ("f_phuchoa", "HTX nông nghiệp Phúc Hòa", HTX, BG, "Tân Yên", "Phúc Hòa",
     [("Lạc đỏ, lạc trắng Phúc Hòa", TP), ("Gà thả vườn Phúc Hòa", TP)]),
    ("f_tanson", "HTX vải sớm Tân Sơn", HTX, BG, "Lục Ngạn", "Tân Sơn",
     [("Vải sớm Tân Sơn", TP)]),
]

# Other provinces: fully hand-written (illustrative), all certified before the reform.
# product tuple: (name, category, stars or None)
OTHERS = [
    ("Đồng Tháp", "Thành phố Sa Đéc", "Tân Quy Đông", "HTX hoa kiểng Sa Đéc", HTX,
     [("Hoa kiểng Sa Đéc", SVC, None), ("Cúc mâm xôi Sa Đéc", SVC, None), ("Kiểng lá Tân Quy Đông", SVC, None)]),
    ("Đồng Tháp", "Tháp Mười", "Mỹ Hòa", "Công ty TNHH Thực phẩm Sen Đồng Tháp", DN,
     [("Bột sen Tháp Mười", TP, None), ("Trà tim sen Tháp Mười", DU, None)]),
    ("Đồng Tháp", "Lai Vung", "Long Hậu", "Hộ kinh doanh Lê Thị Hồng", HH,
     [("Nem Lai Vung", TP, None)]),
    ("Đồng Tháp", "Lai Vung", "Tân Phước", "HTX quýt hồng Tân Phước", HTX,
     [("Quýt hồng Lai Vung", TP, None)]),
    ("Thái Nguyên", "Thành phố Thái Nguyên", "Tân Cương", "HTX chè Tân Cương Xanh", HTX,
     [("Chè Tân Cương đặc biệt", DU, 5), ("Chè búp Tân Cương", DU, None), ("Trà móc câu Tân Cương", DU, None)]),
    ("Thái Nguyên", "Định Hóa", "Bảo Linh", "HTX nông nghiệp Bảo Linh", HTX,
     [("Gạo Bao Thai Định Hóa", TP, None), ("Bánh chưng Định Hóa", TP, None)]),
    ("Thái Nguyên", "Đại Từ", "La Bằng", "Công ty Cổ phần Nông sản Đại Từ", DN,
     [("Chè xanh La Bằng", DU, None), ("Mật ong rừng Tam Đảo", TP, None)]),
    ("Thái Nguyên", "Võ Nhai", "La Hiên", "Hộ kinh doanh Hà Thị Hòa", HH,
     [("Na La Hiên", TP, None)]),
    ("Lạng Sơn", "Chi Lăng", "Bằng Mạc", "HTX na Chi Lăng", HTX,
     [("Na Chi Lăng", TP, None), ("Na dai Bằng Mạc", TP, None)]),
    ("Lạng Sơn", "Bắc Sơn", "Vũ Lăng", "Tổ hợp tác quýt vàng Bắc Sơn", THT,
     [("Quýt vàng Bắc Sơn", TP, None), ("Rượu quýt Bắc Sơn", DU, None)]),
    ("Lạng Sơn", "Văn Quan", "Tri Lễ", "Công ty TNHH Tinh dầu hồi Văn Quan", DN,
     [("Tinh dầu hồi Văn Quan", DL, None)]),
    ("Lạng Sơn", "Văn Lãng", "Hoàng Việt", "Hộ kinh doanh Hoàng Văn Sáng", HH,
     [("Hồng vành khuyên Văn Lãng", TP, None)]),
    ("Hòa Bình", "Cao Phong", "Thu Phong", "HTX cam Cao Phong", HTX,
     [("Cam Cao Phong", TP, None), ("Cam đường canh Cao Phong", TP, None), ("Nước cam ép Cao Phong", DU, None)]),
    ("Hòa Bình", "Mai Châu", "Chiềng Châu", "HTX dệt thổ cẩm bản Lác", HTX,
     [("Thổ cẩm Mai Châu", TC, None), ("Du lịch cộng đồng bản Lác", DLICH, None)]),
    ("Hòa Bình", "Yên Thủy", "Lạc Thịnh", "Hộ kinh doanh Bùi Văn Thắng", HH,
     [("Rượu cần Yên Thủy", DU, None)]),
    ("Quảng Ninh", "Ba Chẽ", "Thanh Sơn", "HTX trà hoa vàng Ba Chẽ", HTX,
     [("Trà hoa vàng Ba Chẽ", DU, None), ("Ba kích tím Ba Chẽ", DL, None)]),
    ("Quảng Ninh", "Bình Liêu", "Đồng Văn", "HTX dịch vụ nông nghiệp Bình Liêu", HTX,
     [("Miến dong Bình Liêu", TP, None), ("Điểm du lịch cộng đồng Bình Liêu", DLICH, None)]),
    ("Quảng Ninh", "Vân Đồn", "Quan Lạn", "Công ty TNHH Hải sản Quan Lạn", DN,
     [("Sá sùng khô Quan Lạn", TP, None)]),
    ("Quảng Ninh", "Tiên Yên", "Phong Dụ", "Tổ hợp tác chăn nuôi gà Tiên Yên", THT,
     [("Gà Tiên Yên", TP, None)]),
    ("Hà Giang", "Vị Xuyên", "Cao Bồ", "HTX chè Shan tuyết Cao Bồ", HTX,
     [('Trà "Shan tuyết" cổ thụ', DU, None), ("Hồng trà Shan tuyết Cao Bồ", DU, None)]),
    ("Hà Giang", "Đồng Văn", "Sủng Là", "HTX nuôi ong Đồng Văn", HTX,
     [('Mật ong "Bạc hà" Đồng Văn, 500ml', TP, None), ("Bánh tam giác mạch Đồng Văn", TP, None)]),
    ("Hà Giang", "Quản Bạ", "Lùng Tám", "HTX dệt lanh Lùng Tám", HTX,
     [("Thổ cẩm lanh Lùng Tám", TC, None)]),
]
PROVINCE_ORDER = [BK, BG, "Đồng Tháp", "Thái Nguyên", "Lạng Sơn", "Hòa Bình", "Quảng Ninh", "Hà Giang"]

# Illustrative producers: product counts per province (the rest of the sample's 214, with
# Bắc Kạn and Bắc Giang near their shares before issue 18: 96 and 80).
RANDOM_COUNTS = {
    BK: [3] * 4 + [2] * 8 + [1] * 10,   # 22 producers, 38 products
    BG: [3] * 2 + [2] * 5 + [1] * 6,    # 13 producers, 22 products
}
N_POST = {BK: 10, BG: 8}                        # products certified on/after 2025-07-01


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------
def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return s.replace("đ", "d").replace("Đ", "D").lower()


def iso(d):
    return d.isoformat()


def dmy(d):
    return d.strftime("%d/%m/%Y")


def parse_date(s):
    if "/" in s:
        dd, mm, yy = s.split("/")
        return dt.date(int(yy), int(mm), int(dd))
    return dt.date.fromisoformat(s)


def fmt_score(hundredths):
    if hundredths % 100 == 0:
        return str(hundredths // 100)
    if hundredths % 10 == 0:
        return "%d.%d" % (hundredths // 100, (hundredths % 100) // 10)
    return "%d.%02d" % (hundredths // 100, hundredths % 100)


def order_day(r):
    """A product's place in certification order: its date, else 1 January of its year (a
    published year without the day), else before every dated row (no date published)."""
    if r["certified"]:
        return r["certified"]
    if r["cert_year"]:
        return dt.date(int(r["cert_year"]), 1, 1)
    return dt.date(2000, 1, 1)


def rand_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


WARDS, NEW_PROVINCE_OF = read_units()


# ---------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------
def generate():
    rng = random.Random(SEED)
    producers = []      # dicts: key, name, kind, province, district, commune
    products = []       # dicts
    used_names = set()  # membership only, never iterated

    def add_producer(key, name, kind, prov, dist, comm):
        assert name not in used_names, name
        used_names.add(name)
        p = dict(key=key, name=name, kind=kind, province=prov, district=dist, commune=comm)
        producers.append(p)
        return p

    def add_product(prod, name, cat, **kw):
        assert name not in used_names, name
        used_names.add(name)
        row = dict(name=name, category=cat, producer=prod, stars=None, score=None,
                   certified=None, cert_text=None, cert_year="", expires_text="", fixed=False, tag="")
        row.update(kw)
        products.append(row)
        return row

    # 1. published products (fixed: names, places, stars, dates, scores as the sources give them)
    real = {}
    for key, (name, kind, prov, dist, comm, _src, _note) in sample_real.PRODUCERS.items():
        if any(x[2] == key for x in sample_real.PRODUCTS):
            real[key] = add_producer(key, name, kind, prov, dist, comm)
            real[key]["tag"] = "real"
    for num, name, key, cat, comm, dist, events, src, note in sample_real.PRODUCTS:
        stars, date, year, score, _level, _decision, expires = events[-1]
        cert = dt.date.fromisoformat(date) if date else None
        add_product(real[key], name, cat, stars=stars, score=score, certified=cert,
                    cert_text=iso(cert) if cert else "",
                    cert_year="" if cert else (str(year) if year else ""), expires_text=expires,
                    fixed=True, tag="real", num=num, events=events, sources=src, note=note,
                    place=(real[key]["province"], dist, comm))

    # 2. forced illustrative
    forced = {}
    for key, name, kind, prov, dist, comm, items in FORCED:
        p = forced[key] = add_producer(key, name, kind, prov, dist, comm)
        for pname, cat in items:
            add_product(p, pname, cat, tag="forced")

    # 3. other provinces
    for i, (prov, dist, comm, name, kind, items) in enumerate(OTHERS):
        p = add_producer("o%02d" % i, name, kind, prov, dist, comm)
        for pname, cat, stars in items:
            add_product(p, pname, cat, stars=stars, tag="other")

    # 4. illustrative producers for Bắc Kạn and Bắc Giang: kinds at random (cooperatives or
    # companies for three products), categories towards CAT_TOTAL
    cat_left = Counter(CAT_TOTAL)
    cat_left.subtract(Counter(r["category"] for r in products))
    slots = []  # (province, count)
    for prov in (BK, BG):
        for c in RANDOM_COUNTS[prov]:
            slots.append((prov, c))
    need_total = sum(c for _, c in slots)
    assert len(products) + need_total == N_PRODUCTS, (len(products), need_total)
    for c in CATEGORIES:
        cat_left[c] = max(0, cat_left[c])
    while sum(cat_left.values()) > need_total:
        cat_left[max(CATEGORIES, key=lambda c: cat_left[c])] -= 1
    while sum(cat_left.values()) < need_total:
        cat_left[TP] += 1

    order = sorted(range(len(slots)), key=lambda i: -slots[i][1])
    kind_of = {}
    for i in order:
        kinds = [HTX, DN] if slots[i][1] >= 3 else KINDS
        kind_of[i] = rng.choices(kinds, weights=[5, 2, 1, 4][:len(kinds)])[0]

    # categories: one per producer where capacity allows, largest producers first
    cats_of = {}
    for i in order:
        need = slots[i][1]
        fits = [c for c in CATEGORIES if cat_left[c] >= need]
        if fits:
            weights = [cat_left[c] for c in fits]
            c = rng.choices(fits, weights=weights)[0]
            cats_of[i] = [c] * need
            cat_left[c] -= need
        else:
            got = []
            while len(got) < need:
                c = max(CATEGORIES, key=lambda c: cat_left[c])
                got.append(c)
                cat_left[c] -= 1
            cats_of[i] = got
    assert all(v == 0 for v in cat_left.values()), cat_left

    # places the built-in table settles cleanly (one unit of that name, not divided)
    clean = {prov: [(d, c) for d, cs in places.items() for c in cs if new_commune(prov, d, c)]
             for prov, places in ((BK, BK_PLACES), (BG, BG_PLACES))}

    def pick_place(prov):
        if prov == BK and rng.random() < 0.5:
            comm = rng.choice(list(BK_NEW.keys()))
            dist = next(d for d, cs in BK_PLACES.items() if comm in cs)
            return dist, comm
        return rng.choice(clean[prov])

    def person(prov):
        sur = rng.choice(SURNAMES[prov])
        if rng.random() < 0.5:
            return "%s Văn %s" % (sur, rng.choice(MALE))
        return "%s Thị %s" % (sur, rng.choice(FEMALE))

    used_brands = []

    def producer_name(kind, cat, prov, dist, comm):
        for _ in range(100):
            if kind == HTX:
                prefix = "Hợp tác xã" if rng.random() < 0.2 else "HTX"
                if rng.random() < 0.55:
                    n = "%s %s %s" % (prefix, rng.choice(HTX_ACTIVITY[cat]), name_place(dist, comm))
                else:
                    brand = rng.choice(HTX_BRANDS)
                    if brand in used_brands:
                        continue
                    used_brands.append(brand)
                    n = "%s %s" % (prefix, brand)
            elif kind == THT:
                n = "Tổ hợp tác %s %s" % (rng.choice(THT_ACTIVITY[cat]), name_place(dist, comm))
            elif kind == DN:
                what = rng.choice(DN_WHAT[cat]).format(
                    x=rng.choice([rng.choice(DN_BRANDS), name_place(dist, comm), short_district(dist)]))
                n = rng.choice(DN_FORMS).format(x=what)
            else:
                if rng.random() < 0.12:
                    n = "Cơ sở sản xuất %s" % person(prov)
                else:
                    n = "Hộ kinh doanh %s" % person(prov)
            if n not in used_names:
                return n
        raise RuntimeError("no free producer name")

    def product_name(prov, cat, dist, comm):
        stems = STEMS[(prov, cat)]
        comm = name_place(dist, comm)
        for _ in range(200):
            s = rng.choice(stems).format(c=comm, d=short_district(dist))
            if s not in used_names:
                return s
        for _ in range(200):
            s = "%s %s" % (rng.choice(stems).format(c=comm, d=short_district(dist)),
                           rng.choice(FALLBACK_SUFFIX))
            if s not in used_names:
                return s
        raise RuntimeError("no free product name")

    for i, (prov, count) in enumerate(slots):
        dist, comm = pick_place(prov)
        kind = kind_of[i]
        cats = cats_of[i]
        p = add_producer("r%03d" % i, producer_name(kind, cats[0], prov, dist, comm), kind,
                         prov, dist, comm)
        for c in cats:
            add_product(p, product_name(prov, c, dist, comm), c, tag="random")

    assert len(products) == N_PRODUCTS, len(products)

    # 5. stars
    free = [r for r in products if r["stars"] is None]
    rng.shuffle(free)
    have = Counter(r["stars"] for r in products if r["stars"] is not None)
    n4 = max(0, STAR_TOTAL[4] - have[4])
    for j, r in enumerate(free):
        r["stars"] = 4 if j < n4 else 3

    # 6. dates: post-reform rows first
    for prov in (BK, BG):
        cand = [r for r in products if r["tag"] == "random" and r["producer"]["province"] == prov
                and new_commune(prov, r["producer"]["district"], r["producer"]["commune"])]
        rng.shuffle(cand)
        for r in cand[:N_POST[prov]]:
            r["cls"] = "P"
    rest = [r for r in products if not r["fixed"] and r.get("cls") is None]
    rng.shuffle(rest)
    n_e, n_s = 35, 6
    for j, r in enumerate(rest):
        r["cls"] = "E" if j < n_e else ("S" if j < n_e + n_s else "V")
    windows = {
        "E": (dt.date(2019, 1, 2), dt.date(2023, 11, 22)),
        "S": (dt.date(2023, 12, 3), dt.date(2024, 2, 22)),
        "V": (dt.date(2024, 3, 4), dt.date(2025, 6, 29)),
        "P": (dt.date(2025, 7, 2), dt.date(2026, 10, 31)),
    }
    for r in products:
        if not r["fixed"]:
            r["certified"] = rand_date(rng, *windows[r["cls"]])

    def take(cls, pred=lambda r: True):
        for r in products:
            if (not r["fixed"] and r.get("cls") == cls and not r.get("special") and r["stars"] != 5
                    and pred(r)):
                r["special"] = True
                return r
        raise RuntimeError("no row for " + cls)

    # month-end and boundary dates
    specials = [("E", dt.date(2020, 2, 29)), ("E", dt.date(2021, 2, 28)), ("E", dt.date(2022, 1, 31)),
                ("E", dt.date(2023, 8, 31)), ("S", dt.date(2023, 12, 31)), ("S", dt.date(2024, 1, 31)),
                ("V", dt.date(2024, 2, 29)), ("V", dt.date(2025, 6, 30)), ("P", dt.date(2025, 7, 1))]
    special_rows = {}
    for cls, d in specials:
        r = take(cls)
        r["certified"] = d
        special_rows[d] = r
    # a pre-reform 2025-06-30 row must keep its old address: it does (class V).

    # 7. explicit expires_on (~15 rows, the real "Trà cà gai leo" is one)
    notes = []
    r = special_rows[dt.date(2022, 1, 31)]
    r["expires"] = add_months(r["certified"], 36); r["exp_note"] = "same as the default (month end)"
    for _ in range(7):
        r = take(rng.choice(["E", "V", "V"]))
        r["expires"] = add_months(r["certified"], 36); r["exp_note"] = "same as the default"
    r = take("P")
    r["expires"] = add_months(r["certified"], 36); r["exp_note"] = "same as the default"
    def take_in(cls, lo, hi):
        """A row of the class, moved into [lo, hi] (the illustrative rows are few)."""
        r = take(cls)
        r["certified"] = rand_date(rng, lo, hi)
        return r

    r = take_in("E", dt.date(2023, 6, 1), dt.date(2023, 8, 20))
    r["expires"] = add_months(r["certified"], 42)
    r["exp_note"] = "extended 6 months: expired by default, valid and expiring within 90 days"
    r = take_in("E", dt.date(2023, 1, 1), dt.date(2023, 10, 31))
    r["expires"] = add_months(r["certified"], 48)
    r["exp_note"] = "extended 12 months: expired by default, not any more"
    r = take("S")
    r["expires"] = add_months(r["certified"], 42)
    r["exp_note"] = "extended 6 months: no longer within the 90 days"
    r = take_in("V", dt.date(2024, 4, 1), dt.date(2024, 9, 30))
    r["expires"] = dt.date(2026, 3, 31)
    r["exp_note"] = "cut short (failed re-evaluation): expired although certified recently"
    r = take_in("V", dt.date(2024, 10, 1), dt.date(2025, 6, 29))
    r["expires"] = dt.date(2026, 12, 15)
    r["exp_note"] = "cut short: expires within the 90 days"
    for row in products:
        if row.get("expires"):
            row["expires_text"] = iso(row["expires"])

    # 8. date text: ISO except ~10 rows in dd/mm/yyyy
    for row in products:
        if row["cert_text"] is None:
            row["cert_text"] = iso(row["certified"])
    special_rows[dt.date(2020, 2, 29)]["cert_text"] = "29/02/2020"
    dmy_rows = [row for row in products if not row["fixed"] and not row.get("special")]
    rng.shuffle(dmy_rows)
    dmy_rows = dmy_rows[:6]
    for row in dmy_rows:
        row["cert_text"] = dmy(row["certified"])
    # one post-reform row in dd/mm/yyyy, one explicit expiry in dd/mm/yyyy
    r = take("P")
    r["cert_text"] = dmy(r["certified"])
    r = next(row for row in products if row.get("expires") and not row["fixed"]
             and row["exp_note"] == "same as the default" and "/" not in row["cert_text"])
    r["cert_text"] = dmy(r["certified"]); r["expires_text"] = dmy(r["expires"])

    # 9. addresses
    for row in products:
        p = row["producer"]
        if row["tag"] == "real":
            row["province"], row["district"], row["commune"] = row["place"]
        elif row["certified"] >= REFORM:
            row["province"] = new_province(p["province"])
            row["district"] = ""
            row["commune"] = new_commune(p["province"], p["district"], p["commune"])
        else:
            row["province"], row["district"], row["commune"] = p["province"], p["district"], p["commune"]
    # producers first registered after the reform carry the new address
    for p in producers:
        rows = [row for row in products if row["producer"] is p]
        if all(row["certified"] and row["certified"] >= REFORM for row in rows):
            p["new_address"] = True
            p["old"] = (p["province"], p["district"], p["commune"])
            p["province"], p["district"], p["commune"] = rows[0]["province"], "", rows[0]["commune"]

    # 10. scores
    bands = {3: (50, 69), 4: (70, 89), 5: (90, 100)}
    for row in products:
        if row["score"] is not None:
            continue
        lo, hi = bands[row["stars"]]
        if rng.random() < 0.12:
            whole = rng.randint(lo, hi - 1)
            frac = rng.choice([rng.randint(1, 9) * 10, rng.randint(1, 99)])
            row["score"] = fmt_score(whole * 100 + frac)
        else:
            row["score"] = str(rng.randint(lo, hi))
    # band edges present
    for stars, value in [(3, "50"), (3, "69"), (4, "70"), (4, "89"), (5, "90")]:
        if not any(row["stars"] == stars and row["score"] == value for row in products):
            row = next(row for row in products if row["stars"] == stars and row["tag"] != "real"
                       and row["score"] not in ("50", "69", "70", "89", "90"))
            row["score"] = value

    # 11. prices
    price_range = {TP: (25, 400), DU: (50, 600), DL: (60, 900), TC: (80, 1500), SVC: (150, 3000),
                   DLICH: (100, 1200)}
    for row in products:
        if row["tag"] == "real":
            row["price"] = ""   # not published
            continue
        lo, hi = price_range[row["category"]]
        for prefixes, plo, phi in PRICE_HINTS:
            if row["name"].startswith(prefixes):
                lo, hi = plo, phi
                break
        k = rng.randint(lo, hi)
        step = 5 if k < 200 else 10 if k < 1000 else 50
        row["price"] = str(max(lo, k // step * step) * 1000)
    blank = list(range(len(products)))
    rng.shuffle(blank)
    blank = [i for i in blank if products[i]["tag"] != "real"]
    for i in blank[:12]:
        products[i]["price"] = ""

    # 12. ids: producers by province order, district, commune, name; products by date
    def pkey(p):
        prov = p.get("old", (p["province"],))[0]
        return (PROVINCE_ORDER.index(prov), p.get("old", (0, p["district"]))[1],
                p.get("old", (0, 0, p["commune"]))[2], p["name"])
    producers.sort(key=pkey)
    for n, p in enumerate(producers, 1):
        p["id"] = "NSX%03d" % n
    products.sort(key=lambda r: (order_day(r), r["producer"]["id"], r["name"]))
    for n, r in enumerate(products, 1):
        r["id"] = "SP%04d" % n

    # 13. deliberate text variants (recorded for the README)
    variants = []

    def first(pred):
        return next(r for r in products if pred(r))

    r = first(lambda r: r["name"] == "Nghệ đen Chợ Đồn")
    r["name"] = unicodedata.normalize("NFD", r["name"])
    variants.append((r["id"], "products.csv", "name", "Nghệ đen Chợ Đồn", "NFD (decomposed)"))
    r = first(lambda r: r["name"] == "Nghệ vàng thái lát Đại Sảo")
    r["commune"] = unicodedata.normalize("NFD", r["commune"])
    variants.append((r["id"], "products.csv", "commune", "Đại Sảo", "NFD (decomposed)"))
    p = next(p for p in producers if p["kind"] == HH and p["province"] == BK and p["key"].startswith("r"))
    orig = p["name"]
    p["name"] = unicodedata.normalize("NFD", p["name"])
    variants.append((p["id"], "producers.csv", "name", orig, "NFD (decomposed)"))
    p = forced["f_tanson"]
    p["commune"] = unicodedata.normalize("NFD", p["commune"])
    variants.append((p["id"], "producers.csv", "commune", "Tân Sơn", "NFD (decomposed)"))

    r = first(lambda r: r["name"] == "Bánh đa dong riềng Liêm Thủy")
    r["commune"] = "Liêm Thuỷ"
    variants.append((r["id"], "products.csv", "commune", "Liêm Thuỷ",
                     "tone on y; other rows and the producer say Liêm Thủy"))
    r = first(lambda r: r["name"] == "Viên nghệ mật ong Xuất Hóa")
    r["commune"] = "Xuất Hoá"
    variants.append((r["id"], "products.csv", "commune", "Xuất Hoá",
                     "tone on a; other rows and the producer say Xuất Hóa"))
    r = first(lambda r: r["name"] == "Cao nghệ mật ong Hoàng Vân")
    r["district"] = "Hiệp Hoà"
    variants.append((r["id"], "products.csv", "district", "Hiệp Hoà",
                     "tone on a; other rows and producers say Hiệp Hòa"))
    r = first(lambda r: r["name"] == "Rượu cần Yên Thủy")
    r["district"] = "Yên Thuỷ"
    variants.append((r["id"], "products.csv", "district", "Yên Thuỷ",
                     "tone on y; its producer row says Yên Thủy (and the name says Thủy)"))
    p = forced["f_phuchoa"]
    p["commune"] = "Phúc Hoà"
    variants.append((p["id"], "producers.csv", "commune", "Phúc Hoà",
                     "tone on a; its products say Phúc Hòa"))

    return producers, products, variants, special_rows, dmy_rows


# ---------------------------------------------------------------------------------------
# Certification history and the 2025 units (certifications.csv, units.csv)
#
# Generated AFTER products and producers, from their own random stream (HISTORY_SEED), so
# adding them left products.csv and producers.csv byte-identical. Every product has one
# certification row that matches its products.csv row exactly (stars, score, certified_on,
# expires_on), so the dataset loads without a rating-disagreement warning; some also have
# earlier rows: renewals, upgrades, one downgrade, and one certificate is revoked.
# ---------------------------------------------------------------------------------------
HISTORY_SEED = SEED + 1
CERT_COLS = ["product_id", "stars", "score", "level", "decision", "certified_on", "expires_on", "status",
             "certified_year"]
DECISION_148 = dt.date(2023, 2, 24)    # 148/QĐ-TTg: districts certify 3★
N_UPGRADES, N_RENEWALS, N_DOUBLE_RENEWALS = 8, 24, 3


def level_of(stars, d):
    """Who certifies (OCOP.md): 5★ the centre; 4★ the province; 3★ the province, except
    the district under 148/QĐ-TTg (24/02/2023) until the district level ended (1/7/2025)."""
    if stars == 5:
        return "trung ương"
    if stars == 3 and DECISION_148 <= d < REFORM:
        return "huyện"
    return "tỉnh"


def score_in_band(rng, stars):
    lo, hi = {3: (50, 69), 4: (70, 89), 5: (90, 100)}[stars]
    return str(rng.randint(lo, hi))


def history(products):
    """Rows of certifications.csv (dicts) and notes for the README."""
    rng = random.Random(HISTORY_SEED)
    decisions = {}   # (province, level, date) -> number: one decision certifies many products

    def decision(prov, level, d):
        key = (prov, level, d)
        if key not in decisions:
            decisions[key] = rng.randint(150, 2950)
        suffix = "QĐ-BNN-VPĐP" if level == "trung ương" else "QĐ-UBND"
        return "%d/%s" % (decisions[key], suffix)

    def old_province(r):
        return r["producer"].get("old", (r["producer"]["province"],))[0]

    def row(r, stars, score, d, expires="", status=""):
        level = level_of(stars, d)
        return dict(product_id=r["id"], stars=str(stars), score=score, level=level,
                    decision=decision(old_province(r), level, d), certified_on=iso(d),
                    expires_on=expires, status=status, certified_year="", _date=d)

    rows, notes = [], []
    latest = {}
    used = set()   # product ids given a history (membership only)
    for r in products:
        if r["tag"] == "real":
            # every published rating, as published (no decision number or score invented)
            for stars, date, year, score, level, decision_no, expires in r["events"]:
                d = dt.date.fromisoformat(date) if date else None
                rows.append(dict(product_id=r["id"], stars=str(stars), score=score, level=level,
                                 decision=decision_no, certified_on=date or "",
                                 expires_on=iso(parse_date(expires)) if expires else "", status="",
                                 certified_year="" if d else (str(year) if year else ""),
                                 _date=d or (dt.date(year, 1, 1) if year else dt.date(1, 1, 1))))
            latest[r["id"]] = rows[-1]
            used.add(r["id"])
            continue
        exp = iso(r["expires"]) if r.get("expires") else (
            iso(parse_date(r["expires_text"])) if r["expires_text"] else "")
        latest[r["id"]] = row(r, r["stars"], r["score"], r["certified"], exp)
        rows.append(latest[r["id"]])

    def pick(pred, n):
        cand = [r for r in products if r["id"] not in used and r["tag"] != "real" and pred(r)]
        rng.shuffle(cand)
        out = sorted(cand[:n], key=lambda r: r["id"])
        for r in out:
            used.add(r["id"])
        return out

    # upgrades ("nâng hạng") 3★ → 4★, one illustrative 4★ → 5★
    for r in pick(lambda r: r["stars"] == 4 and r["certified"] >= dt.date(2022, 3, 1), N_UPGRADES):
        d = max(dt.date(2019, 1, 2), r["certified"] - dt.timedelta(days=rng.randint(400, 1000)))
        rows.append(row(r, 3, score_in_band(rng, 3), d))
    for r in pick(lambda r: r["stars"] == 5, 1):
        d = r["certified"] - dt.timedelta(days=rng.randint(500, 900))
        rows.append(row(r, 4, score_in_band(rng, 4), d))
    # one downgrade: 4★ not kept at re-evaluation
    for r in pick(lambda r: r["stars"] == 3 and r["certified"] >= dt.date(2023, 3, 1)
                  and not r["expires_text"], 1):
        d = add_months(r["certified"], -36) - dt.timedelta(days=rng.randint(0, 40))
        rows.append(row(r, 4, score_in_band(rng, 4), d))
        notes.append("%s %s: downgraded 4★ → 3★ at re-evaluation (illustrative)." % (r["id"], r["name"]))
    # renewals: the same stars again, around the end of the 36 months
    for r in pick(lambda r: r["certified"] >= dt.date(2022, 3, 1) and r["stars"] != 5, N_RENEWALS):
        d = add_months(r["certified"], -36) - dt.timedelta(days=rng.randint(0, 60))
        rows.append(row(r, r["stars"], score_in_band(rng, r["stars"]), d))
    # renewed twice: 2019 → 2022 → 2025
    for r in pick(lambda r: r["certified"] >= dt.date(2025, 2, 15) and r["stars"] != 5, N_DOUBLE_RENEWALS):
        d1 = add_months(r["certified"], -36) - dt.timedelta(days=rng.randint(0, 30))
        d0 = add_months(d1, -36) - dt.timedelta(days=rng.randint(0, 30))
        rows.append(row(r, r["stars"], score_in_band(rng, r["stars"]), d1))
        rows.append(row(r, r["stars"], score_in_band(rng, r["stars"]), d0))
    # one revocation (Đồng Tháp revoked 47 certificates, OCOP.md; which one here is illustrative)
    r = next(r for r in products if r["id"] not in used and r["producer"]["province"] == "Đồng Tháp"
             and r["stars"] == 3 and r["certified"] >= dt.date(2024, 6, 1) and not r["expires_text"])
    used.add(r["id"])
    latest[r["id"]]["status"] = "revoked"
    notes.append("%s %s: certificate revoked after failing re-evaluation (illustrative; Đồng Tháp's "
                 "revocation of 47 certificates is real)." % (r["id"], r["name"]))
    rows.sort(key=lambda x: (x["_date"], x["product_id"]))   # stable: a product's own rows keep their order
    return rows, notes


def to_csv(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def product_row(r):
    return [r["id"], r["name"], r["category"], r["producer"]["id"], str(r["stars"]), r["score"],
            r["cert_text"], r["expires_text"], r["province"], r["district"], r["commune"], r["price"],
            r["cert_year"]]


def producer_row(p):
    return [p["id"], p["name"], p["kind"], p["province"], p["district"], p["commune"]]


# ---------------------------------------------------------------------------------------
# Statistics (computed from the CSV text, so README and --check agree with the files)
# ---------------------------------------------------------------------------------------
def effective_expiry(row):
    """The expiry, or None when neither it nor the certification date is known."""
    if row["expires_on"]:
        return parse_date(row["expires_on"])
    if not row["certified_on"]:
        return None
    return add_months(parse_date(row["certified_on"]), 36)


def stats(prod_rows, prodr_rows):
    s = OrderedDict()
    s["products"] = len(prod_rows)
    s["producers"] = len(prodr_rows)
    s["province"] = Counter(unicodedata.normalize("NFC", r["province"]) for r in prod_rows)
    s["stars"] = Counter(r["stars"] for r in prod_rows)
    s["category"] = Counter(r["category"] for r in prod_rows)
    s["kind"] = Counter(r["kind"] for r in prodr_rows)
    s["producer_province"] = Counter(r["province"] for r in prodr_rows)
    exp = [effective_expiry(r) for r in prod_rows]
    s["expired"] = sum(1 for e in exp if e and e < REF)
    s["soon"] = sum(1 for e in exp if e and REF <= e <= REF + dt.timedelta(days=90))
    s["unknown"] = sum(1 for e in exp if e is None)
    s["valid"] = len(prod_rows) - s["expired"] - s["unknown"]
    s["year_only"] = sum(1 for r in prod_rows if r["certified_year"])
    s["nghe"] = [r["id"] for r in prod_rows if "nghe" in fold(r["name"])]
    s["explicit_expiry"] = sum(1 for r in prod_rows if r["expires_on"])
    s["dmy_rows"] = sum(1 for r in prod_rows if "/" in r["certified_on"] or "/" in r["expires_on"])
    s["post_reform"] = sum(1 for r in prod_rows if r["certified_on"] and parse_date(r["certified_on"]) >= REFORM)
    s["no_price"] = sum(1 for r in prod_rows if not r["price_vnd"])
    s["no_score"] = sum(1 for r in prod_rows if not r["score"])
    s["no_date"] = sum(1 for r in prod_rows if not r["certified_on"])
    per = Counter(r["producer_id"] for r in prod_rows)
    s["producers_ge3"] = sum(1 for v in per.values() if v >= 3)
    return s


def table(counter, order=None, head=("value", "rows")):
    keys = order if order else sorted(counter, key=lambda k: (-counter[k], k))
    out = ["| %s | %s |" % head, "|---|---:|"]
    for k in keys:
        if counter.get(k):
            out.append("| %s | %d |" % (k, counter[k]))
    return "\n".join(out)


def place_problem(prov, dist, comm):
    """How the built-in table reads a published old address it does not settle cleanly, or None."""
    if not comm or not dist:
        return None
    rows = WARDS.get((bare(prov), bare(dist), bare(comm)), [])
    if len(rows) == 1 and rows[0]["share"] == "whole":
        return None
    if rows:
        return "%s (%s) is divided or ambiguous" % (comm, dist)
    elsewhere = [k for k in WARDS if k[0] == bare(prov) and k[2] == bare(comm)]
    if elsewhere:
        w = WARDS[elsewhere[0]][0]
        return "%s (%s): in %s by 2025, %s after the reorganisation" % (comm, dist, w["old_district"], w["new_ward"])
    return "%s (%s): not in the table (a commune merged before 2025)" % (comm, dist)


UNIT_COLS = ["province", "district", "commune", "new_province", "new_commune"]


def unit_rows(products):
    """units.csv: the published old addresses the table has in another district, with the
    table's own new unit for them."""
    out = []
    for r in products:
        prov, dist, comm = (unicodedata.normalize("NFC", x) for x in (r["province"], r["district"], r["commune"]))
        if r["tag"] != "real" or not comm or not dist or place_problem(prov, dist, comm) is None:
            continue
        hits = [w for k, ws in WARDS.items() if k[0] == bare(prov) and k[2] == bare(comm) for w in ws]
        assert len(hits) == 1 and hits[0]["share"] == "whole", (comm, hits)
        row = dict(province=prov, district=dist, commune=comm, new_province=new_province(prov),
                   new_commune=hits[0]["new_ward"])
        if row not in out:
            out.append(row)
    out.sort(key=lambda u: (fold(u["district"]), fold(u["commune"])))
    return out


def readme(prod_rows, prodr_rows, variants, special_rows, dmy_rows, products, producers_all):
    s = stats(prod_rows, prodr_rows)
    n_real = sum(1 for r in products if r["tag"] == "real")
    n_real_producers = sum(1 for p in producers_all if p.get("tag") == "real")
    place_notes = []
    place_rows = unit_rows(products)
    for p in producers_all:
        if p.get("tag") == "real":
            n = place_problem(p["province"], p["district"], p["commune"])
            if n and n not in place_notes:
                place_notes.append(n)
    byname = {unicodedata.normalize("NFC", r["name"]): r for r in prod_rows}
    prodr = {r["id"]: r for r in prodr_rows}
    L = []
    L.append("# Embedded sample dataset")
    L.append("")
    L.append("`products.csv`, `producers.csv` and `certifications.csv` are the sample OCOP list that `ocop` embeds "
             "(Package.swift: `.embedInCode`). They are GENERATED by `Tools/make_sample.py` "
             "(python3, standard library, fixed seed %d): edit the generator, not the files, and "
             "rerun `python3 Tools/make_sample.py`; `python3 Tools/make_sample.py --check` re-reads "
             "them and checks every count below. Two runs give byte-identical files." % SEED)
    L.append("")
    L.append("**%d of the %d products are published ones** (%d of the %d producers): the rows listed under "
             "\"Published products\" below, from the public pages that shared/domain/REAL-PRODUCTS.md gathers "
             "(each row names its sources). Every other product, producer, score, date, price and pairing of "
             "a product with a place is ILLUSTRATIVE (realistic names of real places and of typical local "
             "products, invented records): do not cite this file as a source for them." % (
                 n_real, s["products"], n_real_producers, s["producers"]))
    L.append("")
    L.append("## Format")
    L.append("")
    L.append("RFC 4180 CSV, UTF-8 without BOM, `\\n` line ends, header row first, fields quoted "
             "only when they hold a comma or a double quote (inner quotes doubled). The category "
             "`%s` always needs quotes." % DLICH)
    L.append("")
    L.append("### producers.csv (%d rows)" % s["producers"])
    L.append("")
    L.append("| column | meaning |")
    L.append("|---|---|")
    L.append("| `id` | `NSX001`…`NSX%03d` (chủ thể = producer) |" % s["producers"])
    L.append("| `name` | as published; cooperatives are written both `HTX …` and `Hợp tác xã …` |")
    L.append("| `kind` | one of `Hợp tác xã`, `Doanh nghiệp`, `Tổ hợp tác`, `Hộ kinh doanh` |")
    L.append("| `province`, `district`, `commune` | the producer's address as registered. Pre-2025 "
             "addresses have all three levels; a producer whose products were all certified "
             "after 1 July 2025 is registered at its new address: new province, EMPTY district, "
             "new commune-level unit |")
    L.append("")
    L.append("### products.csv (%d rows)" % s["products"])
    L.append("")
    L.append("| column | meaning |")
    L.append("|---|---|")
    L.append("| `id` | `SP0001`…`SP%04d`, numbered in order of certification date (a row with only "
             "its year at 1 January of it, a row with neither first) |" % s["products"])
    L.append("| `name` | product name as published (a few contain a comma or a double quote) |")
    L.append("| `category` | one of the six groups of Decision 919/QĐ-TTg (2022) and 148/QĐ-TTg (2023) |")
    L.append("| `producer_id` | an `id` of producers.csv; every producer has at least one product |")
    L.append("| `stars` | 3, 4 or 5 |")
    L.append("| `score` | points out of 100, inside the star band (3★ 50–69, 4★ 70–89, 5★ 90–100); "
             "mostly integers, some with one or two decimals; EMPTY on %d published rows (not published) |" % s["no_score"])
    L.append("| `certified_on` | date of the certification decision: `YYYY-MM-DD`, or `dd/mm/yyyy` "
             "on %d rows (as Vietnamese documents write it; never mm/dd); EMPTY on %d published rows whose "
             "day is not published |" % (s["dmy_rows"], s["no_date"]))
    L.append("| `expires_on` | EMPTY on most rows, meaning certified_on + 36 months (day clamped to "
             "the month's end: 2020-02-29 → 2023-02-28); filled on %d rows where the published "
             "validity differs or is stated |" % s["explicit_expiry"])
    L.append("| `province`, `district`, `commune` | the address published with the certificate. "
             "Normally the producer's. Products certified on or after 2025-07-01 (%d rows) carry "
             "the new province (Bắc Kạn → Thái Nguyên, Bắc Giang → Bắc Ninh), an EMPTY district "
             "and the new commune-level unit |" % s["post_reform"])
    L.append("| `price_vnd` | extra column: retail price in đồng (integer), empty on %d rows (every "
             "published row among them); illustrative everywhere |" % s["no_price"])
    L.append("| `certified_year` | the year of the latest certification where only the year is "
             "published (%d rows), else empty |" % s["year_only"])
    L.append("")
    L.append("## Published products")
    L.append("")
    L.append("From shared/domain/REAL-PRODUCTS.md (125 products of Bắc Kạn and Bắc Giang read from public "
             "pages; this list keeps %d of them, the source's row number is `#`). Left out: rows 18 (no "
             "product name), 30 and 96-100 (no star stated), 45, 46, 60, 75, 111, 112, 115-118, 120-123 "
             "(producer not named), 125 (the producer's name is cut off) and 91 (Gạo nếp cái hoa vàng Thái "
             "Sơn: its commune, Thái Sơn of Hiệp Hòa, merged before 2025; the 2025 table does not know it "
             "and no source read says which new unit it went into). The rules:" % n_real)
    L.append("")
    L.append("- Names of products and producers are the source's first spelling (other spellings in the "
             "note). Communes are written without their type word and village, as every commune in the "
             "sample (`xã Nông Thượng`, `thôn Chè Cọ, xã Côn Minh` → `Nông Thượng`, `Côn Minh`); `TP Bắc "
             "Kạn` is written `Thành phố Bắc Kạn`. A commune or district the source does not give is empty.")
    L.append("- `certified_on` is a decision date only where the source gives the day. Where it gives "
             "only the year, certified_on is EMPTY and the year is in `certified_year` (the rule of "
             "published lists, Sources/OCOPKit/Data/Spreadsheet/ListColumns.swift): status and days_left "
             "are then unknown. Where it gives neither (\"held by 2022\"), both are empty.")
    L.append("- `score` only where a council's points for that rating are published (Miến dong Tài Hoan's "
             "91,14 of 2021); `price_vnd` is empty on every published row; decision numbers only where "
             "published.")
    L.append("- `stars` is the latest rating; earlier ones are rows of certifications.csv (ordered by "
             "date, or by certified_year where only the year is known). `level` as the source says or "
             "as the rules of the time leave one answer (5★ the centre, 4★ the province, 3★ the "
             "province before 24/02/2023 and the district from then until 30/06/2025); a 3★ of 2023 "
             "without its day has no level.")
    L.append("- `category` is the project's reading of the product under the six groups of 148/QĐ-TTg "
             "(the sources do not print it); a producer's `kind` is read from its name.")
    L.append("")
    L.append("| id | # | product | producer | place | stars | certified | sources | note |")
    L.append("|---|---|---|---|---|---|---|---|---|")
    for r in sorted((r for r in products if r["tag"] == "real"), key=lambda r: r["id"]):
        p = r["producer"]
        place = ", ".join(x for x in (r["commune"], r["district"], r["province"]) if x)
        when = r["cert_text"] or (r["cert_year"] and "year %s" % r["cert_year"]) or "not given"
        if r["expires_text"]:
            when += ", valid to " + r["expires_text"]
        L.append("| %s | %d | %s | %s (%s) | %s | %s★ | %s | %s | %s |" % (
            r["id"], r["num"], r["name"], p["name"], p["id"], place, r["stars"], when, r["sources"],
            r["note"].replace("|", "/")))
    L.append("")
    L.append("Producers' notes (other spellings, addresses):")
    L.append("")
    for p in sorted((p for p in producers_all if p.get("tag") == "real"), key=lambda p: p["id"]):
        _name, _kind, _prov, _dist, _comm, src, note = sample_real.PRODUCERS[p["key"]]
        L.append("- %s %s: %s%s" % (p["id"], p["name"], src, "; " + note if note else ""))
    L.append("")
    L.append("Where the sources disagree (REAL-PRODUCTS.md, \"Conflicts\"), the choice made here:")
    L.append("")
    L.append("- Miến dong Tài Hoan: 4★ in 2018 (K14; K15 and K25 say 2019): 2018 kept. 5★ by QĐ "
             "2890/QĐ-BNN-VPĐP of 30/6/2021 with 91,14 points at the national council (K7; K7 and K26 call it "
             "the 2020 round); the provincial scoring of 2020 gave 94 (K17): a different council, not kept. "
             "Re-rated 5★ on 25/6/2024 (K26): the council's date is its certified_on, its score is not published.")
    L.append("- Tinh nghệ Bắc Kạn and Viên tinh nghệ mật ong: K1 says 3★ since 2018, K14 and K16 say 4★: 4★ kept.")
    L.append("- VICUMAX NANO CURCUMIN: 4★ in 2018 (K14, as Vi-cumax Nano curcumin), 3★ at the city's "
             "evaluation of 26/11/2021 (K1 calls it new), 5★ national in 2024 (K28): all three are its "
             "history. Its producer is written four ways (Công ty TNHH nhà máy Curcumin Bắc Hà, Công ty cổ "
             "phần Curcumin Bắc Hà, Công ty Cổ phần Curmin Bắc Hà, Công ty nghệ dược liệu Bắc Hà): one "
             "producer here, named as K1, K17 and K28 name it.")
    L.append("- Vải thiều Lục Ngạn: potential 5★ in 2022 (G1, G3), 5★ national \"in July\" of a year no "
             "source read states (G9): stars 5, year empty.")
    L.append("- One producer written two ways is one producer here (HTX Nông nghiệp xanh Yên Thế / Hợp tác "
             "xã Nông nghiệp Xanh; Hợp tác xã Nông nghiệp Mộc Sơn / HTX Nông nghiệp Mộc Sơn; Hợp tác xã "
             "Dịch vụ Nông nghiệp Hằng Hiếu / HTX Dịch vụ nông nghiệp Hằng Hiếu; HTX Ong mật hữu cơ Sơn "
             "Động / Hợp tác xã (HTX) Ong mật hữu cơ Sơn Động; HTX Nông nghiệp Thái Sơn Bắc Giang / HTX "
             "nông nghiệp Thái Sơn); the Sâm Nam núi Dành producer with and without \"Liên Chung\" stays "
             "two producers, as the sources do not say it is one.")
    L.append("- Province totals disagree between sources (REAL-PRODUCTS.md, conflicts 4 to 7): they are "
             "not in this sample, which holds a part of each province's list.")
    L.append("")
    L.append("Sources:")
    L.append("")
    cited = []
    for r in products:
        for k in r.get("sources", "").replace(";", ",").split(","):
            k = k.strip()
            if k in sample_real.SOURCES and k not in cited:
                cited.append(k)
    for k in sorted(cited, key=lambda k: (k[0] != "K", int(k[1:]))):
        L.append("- %s %s" % (k, sample_real.SOURCES[k]))
    L.append("")
    L.append("Everything else is illustrative, including: the other %d products and %d producers; all "
             "prices; every score, date and decision number of the illustrative rows. Commune and district "
             "names are real pre-2025 units (each one the built-in table of 2025 units knows), but which "
             "illustrative producer sits where is invented." % (s["products"] - n_real,
                                                                s["producers"] - n_real_producers))
    L.append("")
    L.append("## The 2025 reorganisation in the data")
    L.append("")
    L.append("new_province and new_commune come from the built-in table (Data/units-2025, the whole "
             "country), as for any list; units.csv (below) only confirms a few published addresses. Post-reform rows (certified from "
             "2025-07-01) are illustrative and carry the new unit the table gives for their producer's old "
             "commune. OCOP.md's verified Bắc Kạn examples agree with the table: Nông Thượng, Sông Cầu, "
             "Phùng Chí Kiên, Xuất Hóa → Phường Bắc Kạn; Đức Xuân, Nguyễn Thị Minh Khai, Huyền Tụng → "
             "Phường Đức Xuân; Côn Minh, Quang Phong, Dương Sơn → Xã Côn Minh; Nam Mẫu, Khang Ninh, Cao "
             "Thượng → Xã Ba Bể; Bằng Phúc, Quảng Khê, Hoàng Trĩ, Đồng Phúc → Xã Đồng Phúc.")
    L.append("")
    post = [r for r in prod_rows if r["certified_on"] and parse_date(r["certified_on"]) >= REFORM]
    newp = [r for r in prodr_rows if not r["district"] and r["province"] in ("Thái Nguyên", "Bắc Ninh")]
    L.append("%d products are post-reform (%s); %d producers are registered at a new address (%s)." % (
        len(post), ", ".join(r["id"] for r in post), len(newp), ", ".join(r["id"] for r in newp)))
    L.append("")
    L.append("units.csv (%d rows) holds only the published addresses whose district the 2025 table "
             "writes differently: Lục Ngạn gave these communes to the new Thị xã Chũ before July 2025, "
             "so the table has them there and would warn that they are not in Lục Ngạn. Each row gives "
             "the new unit the table gives (the sample agrees with the table), so the list keeps its "
             "addresses as published and loads without warnings: %s." % (len(place_rows), "; ".join(place_notes)))
    L.append("")
    seen = OrderedDict()
    for r in prodr_rows:
        if r["district"] and r["commune"]:
            c = unicodedata.normalize("NFC", r["commune"])
            seen.setdefault(c, [])
            where = "%s, %s" % (r["district"], r["province"])
            if where not in seen[c]:
                seen[c].append(where)
    same = ["%s (%s)" % (c, "; ".join(w)) for c, w in seen.items() if len(w) > 1]
    L.append("Same-name communes in producers.csv, to show why a bare name is not a key: " +
             ", ".join(same) + ". Đồng Văn is also a commune of Bình Liêu (Quảng Ninh) and a "
             "district of Hà Giang.")
    L.append("")
    L.append("## Deliberate text variants")
    L.append("")
    L.append("To prove normalisation (NFC on load) and tone-placement canonicalisation. Exactly "
             "these cells; every other cell is NFC with the tone style shown in the source lists.")
    L.append("")
    L.append("| file | row id | column | text | variant |")
    L.append("|---|---|---|---|---|")
    for rid, f, col, text, what in variants:
        L.append("| %s | %s | %s | %s | %s |" % (f, rid, col, text, what))
    L.append("")
    commas = ["%s `%s`" % (r["id"], r["name"]) for r in prod_rows if "," in r["name"]]
    quotes = ["%s `%s`" % (r["id"], r["name"]) for r in prod_rows if '"' in r["name"]]
    L.append("CSV quoting: names with a comma: %s; names with a double quote: %s. Producer names "
             "are written both `HTX …` and `Hợp tác xã …`." % (", ".join(commas), ", ".join(quotes)))
    L.append("")
    L.append("## Dates worth testing")
    L.append("")
    for d, r in special_rows.items():
        row = next(x for x in prod_rows if x["id"] == r["id"])
        e = effective_expiry(row)
        L.append("- %s certified %s → effective expiry %s%s" % (
            row["id"], row["certified_on"], e.isoformat(),
            " (explicit)" if row["expires_on"] else ""))
    L.append("- Rows with an explicit `expires_on`:")
    for r in sorted((x for x in products if x["expires_text"]), key=lambda x: x["id"]):
        note = r.get("exp_note") or ""
        if r["tag"] == "real":
            note = "published: certified %s, valid to %s (the day of certification is not given)" % (
                r["cert_year"], r["expires_text"])
        e = effective_expiry({"expires_on": r["expires_text"], "certified_on": r["cert_text"]})
        status = ("expired" if e < REF else "expires within 90 days"
                  if e <= REF + dt.timedelta(days=90) else "valid beyond 90 days")
        L.append("  - %s certified %s, expires_on %s: %s [on %s: %s]" % (
            r["id"], r["cert_text"] or "in " + r["cert_year"], r["expires_text"], note, REF.isoformat(), status))
    dm = sorted(r["id"] for r in prod_rows if "/" in r["certified_on"] or "/" in r["expires_on"])
    L.append("- Rows with a `dd/mm/yyyy` date: %s." % ", ".join(dm))
    L.append("")
    L.append("## Counts")
    L.append("")
    L.append("Reference date for expiry: %s. A product has expired when its effective expiry "
             "(explicit `expires_on`, else certified_on + 36 months) is before that day; it "
             "expires within 90 days when the expiry is between %s and %s inclusive. No row has "
             "an expiry within two days of either bound except %s (expires 2027-02-28, 91 days: "
             "outside)." % (REF.isoformat(), REF.isoformat(),
                            (REF + dt.timedelta(days=90)).isoformat(),
                            special_rows[dt.date(2024, 2, 29)]["id"]))
    L.append("")
    L.append("- products: %d; producers: %d; producers with ≥3 products: %d" % (
        s["products"], s["producers"], s["producers_ge3"]))
    L.append("- expired by %s: %d; valid: %d; expiring within the next 90 days: %d; expiry unknown "
             "(no certification date published): %d, of which %d have a certified_year" % (
                 REF.isoformat(), s["expired"], s["valid"], s["soon"], s["unknown"], s["year_only"]))
    L.append("- products whose folded name (no tones or marks, đ→d, lower case) contains "
             "`nghe`: %d (%s)" % (len(s["nghe"]), ", ".join(s["nghe"])))
    L.append("")
    L.append("Products per `province` column (post-reform Bắc Kạn rows are counted under Thái "
             "Nguyên, post-reform Bắc Giang rows under Bắc Ninh):")
    L.append("")
    L.append(table(s["province"], head=("province", "products")))
    L.append("")
    og = Counter()
    for r in products:
        og[r["producer"].get("old", (r["producer"]["province"],))[0]] += 1
    L.append("Products by the pre-2025 province of their producer:")
    L.append("")
    L.append(table(og, head=("old province", "products")))
    L.append("")
    L.append(table(s["stars"], order=["3", "4", "5"], head=("stars", "products")))
    L.append("")
    L.append(table(s["category"], order=CATEGORIES, head=("category", "products")))
    L.append("")
    L.append(table(s["kind"], order=KINDS, head=("producer kind", "producers")))
    L.append("")
    L.append(table(s["producer_province"], head=("producer province", "producers")))
    L.append("")
    return "\n".join(L)


def cert_order(c):
    """A certification's place in its product's history: its date, else 1 January of its
    certified_year, else first (as Sources/OCOPKit/Data/Certifications.swift orders them)."""
    if c["certified_on"]:
        return parse_date(c["certified_on"])
    if c["certified_year"]:
        return dt.date(int(c["certified_year"]), 1, 1)
    return dt.date(1, 1, 1)


def new_units_of(r, province_only=False):
    """(new province, new commune or None) of a products/producers row, from the package data."""
    prov, dist, comm = (unicodedata.normalize("NFC", r[k]) for k in ("province", "district", "commune"))
    if not dist:
        new = [w for ws in WARDS.values() for w in ws
               if bare(w["new_province"]) == bare(prov) and bare(w["new_ward"]) == bare(comm)]
        if new:
            return prov, new[0]["new_ward"]    # a new address (post-reform row)
        return new_province(prov), None
    rows = WARDS.get((bare(prov), bare(dist), bare(comm)), [])
    if not rows and comm:
        rows = [w for k, ws in WARDS.items() if k[0] == bare(prov) and k[2] == bare(comm) for w in ws]
    return new_province(prov), (rows[0]["new_ward"] if rows else None)


def history_stats(prod_rows, cert_rows, prodr_rows):
    """Counts the README states about certifications.csv and the new units (from the CSV text)."""
    s = OrderedDict()
    by = OrderedDict()
    for i, c in enumerate(cert_rows):
        by.setdefault(c["product_id"], []).append((cert_order(c), i, c))
    change = Counter()
    ever_up, latest_up, status = [], [], Counter()
    soon = []
    prod = {r["id"]: r for r in prod_rows}
    for pid, hist in by.items():
        hist.sort(key=lambda x: (x[0], x[1]))
        prev = None
        up = False
        for j, (_, _, c) in enumerate(hist):
            st = int(c["stars"])
            kind = "new" if j == 0 else ("upgraded" if st > prev else "downgraded" if st < prev else "renewed")
            change[kind] += 1
            up = up or kind == "upgraded"
            if j == len(hist) - 1 and kind == "upgraded":
                latest_up.append(pid)
            prev = st
        if up:
            ever_up.append(pid)
        last = hist[-1][2]
        exp = effective_expiry(last)
        if last["status"] == "revoked":
            status["revoked"] += 1
        elif exp is None:
            status["unknown"] += 1
        elif exp < REF:
            status["expired"] += 1
        else:
            status["active"] += 1
            if (exp - REF).days <= 90:
                soon.append(pid)
        # the latest certification is the products.csv row
        r = prod[pid]
        assert int(r["stars"]) == int(last["stars"]) and r["score"] == last["score"], pid
        assert r["certified_on"] == last["certified_on"] or parse_date(r["certified_on"]) == parse_date(last["certified_on"]), pid
        assert r["certified_year"] == last["certified_year"], pid
        assert effective_expiry(r) == exp, pid
    s["certifications"] = len(cert_rows)
    s["with_history"] = sum(1 for h in by.values() if len(h) > 1)
    s["change"] = change
    s["status"] = status
    s["ever_up"] = sorted(ever_up)
    s["latest_up"] = sorted(latest_up)
    s["soon"] = sorted(soon)
    s["bk_certs"] = sum(1 for c in cert_rows if prod[c["product_id"]]["province"] == BK)
    s["level"] = Counter(c["level"] for c in cert_rows)
    np_products = Counter()
    nc_missing = []
    for r in prod_rows:
        np_, nc = new_units_of(r)
        np_products[np_] += 1
        if nc is None and r["commune"]:
            nc_missing.append(r["id"])
    s["new_province"] = np_products
    s["new_province_producers"] = Counter(new_units_of(r)[0] for r in prodr_rows)
    s["no_new_commune"] = sum(1 for r in prod_rows if new_units_of(r)[1] is None)
    s["unknown_commune"] = nc_missing
    return s


def history_readme(prod_rows, cert_rows, prodr_rows, notes):
    s = history_stats(prod_rows, cert_rows, prodr_rows)
    L = [""]
    L.append("## certifications.csv (%d rows)" % s["certifications"])
    L.append("")
    L.append("The certification history (issue 7): one row per certification decision, sorted by "
             "certified_on (or 1 January of certified_year where only the year is published), then "
             "product_id. Every product has a row that matches its products.csv row exactly (stars, "
             "score, certified_on, certified_year, the explicit expires_on if any), and it is that "
             "product's latest, so the sample loads without a rating warning; %d products also "
             "have earlier rows (for the published products: the ratings their sources give). `ocop` derives `prev_stars`, `change` (new, renewed, upgraded, "
             "downgraded), `latest`, and `status`/`days_left` for the session's `today`." % s["with_history"])
    L.append("")
    L.append("| column | meaning |")
    L.append("|---|---|")
    L.append("| `product_id` | an `id` of products.csv |")
    L.append("| `stars`, `score` | the rating of this decision; score empty where not published |")
    L.append("| `level` | who certified: `trung ương` (5★), `tỉnh` (4★; 3★ before 24/02/2023 and from "
             "1/7/2025), `huyện` (3★ under Decision 148, 24/02/2023–30/06/2025) |")
    L.append("| `decision` | decision number, `N/QĐ-UBND` (province or district) or `N/QĐ-BNN-VPĐP` "
             "(centre); one number per province, level and day. ILLUSTRATIVE numbers, except on "
             "published products, where it is the published number or empty |")
    L.append("| `certified_on` | decision date, `YYYY-MM-DD`; empty where only the year is published |")
    L.append("| `certified_year` | the year, where only the year is published |")
    L.append("| `expires_on` | empty (certified_on + 36 months) except where products.csv states it |")
    L.append("| `status` | `revoked` on the one revoked certificate, empty elsewhere |")
    L.append("")
    L.append("Histories:")
    L.append("")
    for n in notes:
        L.append("- " + n)
    L.append("- The published products' ratings are their sources' (see \"Published products\"): for "
             "example Miến dong Tài Hoan 4★ (2018) → 5★ (30/6/2021, 91.14) → 5★ (25/6/2024); the three "
             "VICUMAX products 3★ at the city's evaluation of 26/11/2021 → 5★ national (2024).")
    L.append("- %d illustrative products were upgraded (3★ → 4★, and one 4★ → 5★), %d renewed once and "
             "%d renewed twice (2019 → 2022 → 2025): all ILLUSTRATIVE (dates, scores, decisions)."
             % (N_UPGRADES, N_RENEWALS, N_DOUBLE_RENEWALS))
    L.append("")
    L.append("Counts (on %s):" % REF.isoformat())
    L.append("")
    L.append("- change: " + ", ".join("%s %d" % (k, s["change"][k]) for k in ("new", "renewed", "upgraded", "downgraded")))
    L.append("- level: " + ", ".join("%s %d" % (k, s["level"][k]) for k in ("huyện", "tỉnh", "trung ương")))
    L.append("- products by status: active %d, expired %d, revoked %d (without the history the "
             "revoked one would be active), unknown %d (no date published)" % (
                 s["status"]["active"], s["status"]["expired"], s["status"]["revoked"], s["status"]["unknown"]))
    L.append("- products with 0 to 90 days left: %d (%s)" % (len(s["soon"]), ", ".join(s["soon"])))
    L.append("- products ever upgraded (`count(certifications where change = \"upgraded\") >= 1`): "
             "%d (%s)" % (len(s["ever_up"]), ", ".join(s["ever_up"])))
    L.append("- products whose latest certification is an upgrade (`stars > prev_stars`): %d (%s)"
             % (len(s["latest_up"]), ", ".join(s["latest_up"])))
    L.append("- certifications of products whose `province` is Bắc Kạn: %d" % s["bk_certs"])
    L.append("")
    L.append("## New units (the built-in table)")
    L.append("")
    L.append("Computed here from Data/units-2025/wards.csv (the package data the built-in table is "
             "generated from), as `ocop` must find them: %d products have no new_commune (no commune "
             "published, or one the table does not know: %s)." % (
                 s["no_new_commune"], ", ".join(s["unknown_commune"]) or "none"))
    L.append("")
    L.append("Products per `new_province` (old and post-reform rows together):")
    L.append("")
    L.append(table(s["new_province"], head=("new_province", "products")))
    L.append("")
    L.append(table(s["new_province_producers"], head=("new_province", "producers")))
    L.append("")
    return "\n".join(L)


def write_all():
    producers, products, variants, special_rows, dmy_rows = generate()
    prodr_csv = to_csv(PRODUCER_COLS, [producer_row(p) for p in producers])
    prod_csv = to_csv(PRODUCT_COLS, [product_row(r) for r in products])
    certs, history_notes = history(products)
    cert_csv = to_csv(CERT_COLS, [[c[k] for k in CERT_COLS] for c in certs])
    prod_rows = list(csv.DictReader(io.StringIO(prod_csv)))
    prodr_rows = list(csv.DictReader(io.StringIO(prodr_csv)))
    md = readme(prod_rows, prodr_rows, variants, special_rows, dmy_rows, products, producers)
    md += history_readme(prod_rows, list(csv.DictReader(io.StringIO(cert_csv))), prodr_rows, history_notes)
    os.makedirs(OUT, exist_ok=True)
    unit_csv = to_csv(UNIT_COLS, [[u[k] for k in UNIT_COLS] for u in unit_rows(products)])
    for name, text in (("producers.csv", prodr_csv), ("products.csv", prod_csv),
                       ("certifications.csv", cert_csv), ("units.csv", unit_csv), ("README.md", md)):
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print("wrote %d products, %d producers to %s" % (len(products), len(producers), OUT))


# ---------------------------------------------------------------------------------------
# --check
# ---------------------------------------------------------------------------------------
def check():
    def load(name):
        with open(os.path.join(OUT, name), "rb") as f:
            raw = f.read()
        assert not raw.startswith(b"\xef\xbb\xbf"), name + ": BOM"
        assert b"\r" not in raw, name + ": CR"
        assert raw.endswith(b"\n"), name
        text = raw.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        return rows

    pr = load("producers.csv")
    pd = load("products.csv")
    assert pr[0] == PRODUCER_COLS, pr[0]
    assert pd[0] == PRODUCT_COLS, pd[0]
    assert all(len(r) == len(PRODUCER_COLS) for r in pr), "producer width"
    assert all(len(r) == len(PRODUCT_COLS) for r in pd), "product width"
    prodr_rows = [dict(zip(pr[0], r)) for r in pr[1:]]
    prod_rows = [dict(zip(pd[0], r)) for r in pd[1:]]
    assert len(prod_rows) == N_PRODUCTS
    ids = [r["id"] for r in prodr_rows]
    assert ids == ["NSX%03d" % i for i in range(1, len(prodr_rows) + 1)]
    assert [r["id"] for r in prod_rows] == ["SP%04d" % i for i in range(1, N_PRODUCTS + 1)]
    known = set(ids)
    assert all(r["producer_id"] in known for r in prod_rows), "dangling producer_id"
    assert set(r["producer_id"] for r in prod_rows) == known, "producer without product"
    assert sorted(set(r["category"] for r in prod_rows)) == sorted(CATEGORIES)
    assert sorted(set(r["kind"] for r in prodr_rows)) == sorted(KINDS)
    bands = {"3": (50, 69.999), "4": (70, 89.999), "5": (90, 100)}
    real_names = set(unicodedata.normalize("NFC", x[1]) for x in sample_real.PRODUCTS)
    n_real = 0
    for r in prod_rows:
        lo, hi = bands[r["stars"]]
        published = unicodedata.normalize("NFC", r["name"]) in real_names
        n_real += published
        if published:
            assert not r["price_vnd"], r
        else:
            assert r["score"] and r["certified_on"] and not r["certified_year"], r
        if r["score"]:
            assert lo <= float(r["score"]) <= hi, r
        if not r["certified_on"]:
            assert published, r
            continue
        c = parse_date(r["certified_on"])
        if c >= REFORM:
            assert r["district"] == "" and r["province"] in ("Thái Nguyên", "Bắc Ninh"), r
            assert r["commune"].startswith(("Xã ", "Phường ")), r
        else:
            assert r["district"] != "" or published, r
        if r["price_vnd"]:
            assert r["price_vnd"].isdigit(), r
        if r["expires_on"]:
            parse_date(r["expires_on"])
    nfd = [(f, r["id"], k) for f, rows in (("products", prod_rows), ("producers", prodr_rows))
           for r in rows for k, v in r.items() if unicodedata.normalize("NFC", v) != v]
    assert len(nfd) == 4, nfd
    s = stats(prod_rows, prodr_rows)
    assert n_real >= 90, n_real   # issue 18: at least 90 published products
    assert s["category"] == Counter(CAT_TOTAL), s["category"]
    assert 6 <= len(s["nghe"]) <= 10, s["nghe"]
    lo, hi = REF, REF + dt.timedelta(days=90)
    for r in prod_rows:
        e = effective_expiry(r)
        if e is None:
            continue
        near = min(abs((e - lo).days), abs((e - hi).days))
        assert near > 2 or e == dt.date(2027, 2, 28), (r["id"], e)
    for r in prod_rows:
        p = next(x for x in prodr_rows if x["id"] == r["producer_id"])
        if not r["certified_on"] or parse_date(r["certified_on"]) < REFORM:
            same = [unicodedata.normalize("NFC", r[k]) == unicodedata.normalize("NFC", p[k])
                    for k in ("province", "district", "commune")]
            assert same[0], (r["id"], p["id"])
    cr = load("certifications.csv")
    assert cr[0] == CERT_COLS
    ur = load("units.csv")
    assert ur[0] == UNIT_COLS
    for u in (dict(zip(ur[0], r)) for r in ur[1:]):   # every row agrees with the built-in table
        hits = [w for k, ws in WARDS.items() if k[0] == bare(u["province"]) and k[2] == bare(u["commune"]) for w in ws]
        assert [w["new_ward"] for w in hits] == [u["new_commune"]], u
        assert new_province(u["province"]) == u["new_province"], u
    hs = history_stats(prod_rows, [dict(zip(cr[0], r)) for r in cr[1:]], prodr_rows)
    taihoan = next(r["id"] for r in prod_rows if r["name"] == "Miến dong Tài Hoan")
    assert taihoan in hs["ever_up"] and taihoan not in hs["latest_up"], hs["ever_up"]
    assert hs["status"]["revoked"] == 1 and hs["change"]["downgraded"] >= 1
    print("ok: %d products (%d published), %d producers, %d certifications" % (
        s["products"], n_real, s["producers"], hs["certifications"]))
    for k, v in hs.items():
        print(k, dict(v) if isinstance(v, Counter) else v)
    print("NFD cells:", nfd)
    for k, v in s.items():
        if isinstance(v, Counter):
            print(k, dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))))
        else:
            print(k, v)


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        check()
    else:
        write_all()
