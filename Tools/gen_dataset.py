#!/usr/bin/env python3
"""Synthetic OCOP dataset for benchmarks: products.csv (N rows) and producers.csv (N/2 rows).

    python3 Tools/gen_dataset.py OUTDIR --rows N [--seed S]

The files are in the project's own format (see the foundation issue): products
`id,name,category,producer_id,stars,score,certified_on,expires_on,province,district,commune,price_vnd`,
producers `id,name,kind,province,district,commune`; UTF-8 (NFC), LF line ends, RFC 4180 quoting
only where a field holds a comma. Ids are text like the embedded sample's: SP0000001,
NSX000001 (zero-padded). The same --rows and --seed always give byte-identical files
(only Python's documented-stable `random.Random` calls are used, and no set or dict order).

What the data looks like, so the benchmark exercises what real lists have:
- stars ~70% 3, ~27% 4, ~3% 5, scores inside each star's band (3 = 50-69, 4 = 70-89,
  5 = 90-100), about a fifth with two decimals (91.14);
- certificates dated 2019-01-01 .. 2026-10-28; expires_on filled in ~10% of rows, 12-36
  months after certification (otherwise the default 36 months applies); price_vnd empty in ~10%;
- 63 pre-2025 provinces, Bắc Kạn and Bắc Giang the most common; a product certified on or
  after 2025-07-01 carries its province's post-merger name (34 provinces) and no district;
- producer kinds in the national end-2024 mix; every producer_id exists in producers.csv;
- names built from real product words, qualifiers, places and brands, mostly distinct;
  ~5% have a ", pack size" suffix and so are quoted; ~3% contain "nghệ"/"Nghệ". No name
  contains "nghe" any other way, and none involves đ near it, so a Vietnamese-insensitive
  contains "nghe" gives the same count with or without folding đ (the benchmark's query 6).

Writes with plain string joins: 1M products in a few seconds.
"""
import argparse
import os
import random
import sys
import unicodedata
from datetime import date
from itertools import accumulate


def nfc(s):
    return unicodedata.normalize("NFC", s)


CAT_FOOD = "Thực phẩm"
CAT_DRINK = "Đồ uống"
CAT_HERB = "Dược liệu và sản phẩm từ dược liệu"
CAT_CRAFT = "Hàng thủ công mỹ nghệ"
CAT_PLANT = "Sinh vật cảnh"
CAT_TOUR = "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"

# (base product words, category, weight in percent of all products). The three "nghệ"
# bases add up to ~2.8%; "Nghệ An" as a place in a name adds a little.
BASES = [
    # Thực phẩm ~55%
    ("Miến dong", CAT_FOOD, 4.0), ("Gạo nếp", CAT_FOOD, 3.0), ("Gạo tẻ", CAT_FOOD, 2.0),
    ("Mật ong", CAT_FOOD, 4.0), ("Măng khô", CAT_FOOD, 3.0), ("Hồng không hạt", CAT_FOOD, 2.0),
    ("Vải thiều", CAT_FOOD, 2.0), ("Mỳ gạo", CAT_FOOD, 2.0), ("Giò lụa", CAT_FOOD, 1.0),
    ("Lạp sườn", CAT_FOOD, 2.0), ("Thịt trâu gác bếp", CAT_FOOD, 2.0), ("Bánh chưng", CAT_FOOD, 2.0),
    ("Bánh gai", CAT_FOOD, 1.0), ("Bánh khảo", CAT_FOOD, 1.0), ("Tương nếp", CAT_FOOD, 1.0),
    ("Nước mắm", CAT_FOOD, 2.0), ("Chuối sấy", CAT_FOOD, 1.0), ("Cam sành", CAT_FOOD, 2.0),
    ("Quýt", CAT_FOOD, 1.0), ("Bưởi da xanh", CAT_FOOD, 1.0), ("Hạt dẻ", CAT_FOOD, 1.0),
    ("Mắc mật", CAT_FOOD, 1.0), ("Nấm hương", CAT_FOOD, 2.0), ("Mộc nhĩ", CAT_FOOD, 1.0),
    ("Trứng vịt muối", CAT_FOOD, 1.0), ("Lạc nhân", CAT_FOOD, 1.0), ("Đậu tương", CAT_FOOD, 1.0),
    ("Chả cá", CAT_FOOD, 1.0), ("Ruốc nấm", CAT_FOOD, 1.0), ("Kẹo lạc", CAT_FOOD, 1.0),
    ("Tinh bột sắn dây", CAT_FOOD, 1.0), ("Bánh đa", CAT_FOOD, 1.0), ("Xôi ngũ sắc", CAT_FOOD, 0.5),
    ("Tinh bột nghệ", CAT_FOOD, 1.8),
    # Đồ uống ~17%
    ("Chè Shan tuyết", CAT_DRINK, 4.0), ("Rượu men lá", CAT_DRINK, 3.0), ("Rượu ngô", CAT_DRINK, 2.0),
    ("Trà xanh", CAT_DRINK, 2.0), ("Rượu táo mèo", CAT_DRINK, 1.0), ("Trà hoa vàng", CAT_DRINK, 1.0),
    ("Cà phê", CAT_DRINK, 2.0), ("Rượu mơ", CAT_DRINK, 1.0), ("Nước cốt gừng", CAT_DRINK, 1.0),
    # Dược liệu ~14%
    ("Trà cà gai leo", CAT_HERB, 2.0), ("Trà giảo cổ lam", CAT_HERB, 2.0), ("Cao xạ đen", CAT_HERB, 1.0),
    ("Tinh dầu quế", CAT_HERB, 1.0), ("Tinh dầu sả", CAT_HERB, 1.0), ("Cao lá bàn tay", CAT_HERB, 1.0),
    ("Hà thủ ô", CAT_HERB, 1.0), ("Đinh lăng", CAT_HERB, 1.0), ("Kim tiền thảo", CAT_HERB, 1.0),
    ("Xà phòng thảo dược", CAT_HERB, 1.0), ("Nghệ đen", CAT_HERB, 0.5), ("Viên nghệ mật ong", CAT_HERB, 0.5),
    # Hàng thủ công mỹ nghệ ~7%
    ("Mây tre đan", CAT_CRAFT, 2.0), ("Chổi chít", CAT_CRAFT, 1.0), ("Thổ cẩm", CAT_CRAFT, 1.0),
    ("Nón lá", CAT_CRAFT, 1.0), ("Gốm sứ", CAT_CRAFT, 1.0), ("Khay gỗ", CAT_CRAFT, 0.5),
    ("Đũa tre", CAT_CRAFT, 0.5),
    # Sinh vật cảnh ~3%
    ("Lan hài", CAT_PLANT, 1.0), ("Đào cảnh", CAT_PLANT, 1.0), ("Quất cảnh", CAT_PLANT, 0.5),
    ("Cây cảnh bonsai", CAT_PLANT, 0.5),
    # Dịch vụ du lịch ~4%
    ("Điểm du lịch cộng đồng", CAT_TOUR, 1.5), ("Homestay", CAT_TOUR, 1.5), ("Du lịch sinh thái", CAT_TOUR, 1.0),
]

QUALIFIERS = [
    "nếp đỏ", "nếp đen", "hữu cơ", "sấy khô", "truyền thống", "thượng hạng", "đặc sản", "loại 1",
    "sạch", "rừng", "núi đá", "tự nhiên", "cao cấp", "xanh", "vàng", "tím", "nguyên chất",
    "thủ công", "lên men", "hoa vàng", "bản địa", "vùng cao", "Tày", "Dao đỏ", "H'Mông",
    "cổ thụ", "đặc biệt", "gia truyền", "túi lọc", "an toàn",
]

PACKS = [
    "hộp 200 g", "hộp 500 g", "túi 1 kg", "chai 500 ml", "chai 750 ml", "hũ 250 g", "gói 100 g",
    "loại đặc biệt", "hộp quà biếu", "bao 5 kg", "bộ 3 sản phẩm", "lọ 100 ml",
]

BRAND_A = [
    "Tài", "Xuân", "Bình", "Hồng", "Tân", "Bảo", "Bằng", "Thanh", "Minh", "Phúc", "An", "Hương",
    "Thịnh", "Kim", "Đại", "Ngọc", "Quang", "Việt", "Hải", "Trường", "Thái", "Lộc", "Hoàng",
    "Gia", "Khánh",
]
BRAND_B = [
    "Hoan", "Trường", "Minh", "Xuân", "Thành", "Châu", "Phúc", "Hương", "Đức", "Lộc", "Khang",
    "Sen", "Phát", "Ngân", "Long", "Hưng", "Anh", "Vinh", "Hà", "Linh", "Tâm", "Nguyên", "Sơn",
    "Lâm", "Dung",
]

# Commune- and district-like place names for provinces without a real list here.
PLACE_A = [
    "Tân", "Hòa", "Phú", "Đông", "Yên", "Quảng", "Thượng", "Hạ", "Nam", "Bắc", "Tây", "Xuân",
    "Thanh", "Minh", "Hưng", "Long", "An", "Bình", "Phúc", "Vĩnh", "Đức", "Kim", "Ngọc", "Cẩm",
    "Hồng", "Thái", "Trung", "Vân", "Sơn", "Lạc",
]
PLACE_B = [
    "Lập", "Sơn", "Hòa", "Phong", "Thịnh", "Lợi", "Thành", "Tiến", "Hưng", "Phú", "Lộc", "Yên",
    "Khê", "Lâm", "Hà", "Thủy", "Giang", "Bình", "Dương", "Mỹ", "Trạch", "Quang", "Tân", "Đồng",
    "Xá", "Kiều", "Cường", "Chánh", "Hải", "Điền",
]

# 63 provinces before 1 July 2025 -> the province each became (34 after the merger).
PROVINCES = [
    ("Bắc Kạn", "Thái Nguyên"), ("Bắc Giang", "Bắc Ninh"),
    ("Hà Nội", "Hà Nội"), ("Thừa Thiên Huế", "Thừa Thiên Huế"), ("Lai Châu", "Lai Châu"),
    ("Điện Biên", "Điện Biên"), ("Sơn La", "Sơn La"), ("Lạng Sơn", "Lạng Sơn"),
    ("Quảng Ninh", "Quảng Ninh"), ("Thanh Hóa", "Thanh Hóa"), ("Nghệ An", "Nghệ An"),
    ("Hà Tĩnh", "Hà Tĩnh"), ("Cao Bằng", "Cao Bằng"),
    ("Hà Giang", "Tuyên Quang"), ("Tuyên Quang", "Tuyên Quang"),
    ("Yên Bái", "Lào Cai"), ("Lào Cai", "Lào Cai"),
    ("Thái Nguyên", "Thái Nguyên"),
    ("Vĩnh Phúc", "Phú Thọ"), ("Hòa Bình", "Phú Thọ"), ("Phú Thọ", "Phú Thọ"),
    ("Bắc Ninh", "Bắc Ninh"),
    ("Thái Bình", "Hưng Yên"), ("Hưng Yên", "Hưng Yên"),
    ("Hải Dương", "Hải Phòng"), ("Hải Phòng", "Hải Phòng"),
    ("Hà Nam", "Ninh Bình"), ("Nam Định", "Ninh Bình"), ("Ninh Bình", "Ninh Bình"),
    ("Quảng Bình", "Quảng Trị"), ("Quảng Trị", "Quảng Trị"),
    ("Quảng Nam", "Đà Nẵng"), ("Đà Nẵng", "Đà Nẵng"),
    ("Kon Tum", "Quảng Ngãi"), ("Quảng Ngãi", "Quảng Ngãi"),
    ("Bình Định", "Gia Lai"), ("Gia Lai", "Gia Lai"),
    ("Ninh Thuận", "Khánh Hòa"), ("Khánh Hòa", "Khánh Hòa"),
    ("Đắk Nông", "Lâm Đồng"), ("Bình Thuận", "Lâm Đồng"), ("Lâm Đồng", "Lâm Đồng"),
    ("Phú Yên", "Đắk Lắk"), ("Đắk Lắk", "Đắk Lắk"),
    ("Bình Dương", "TP Hồ Chí Minh"), ("Bà Rịa - Vũng Tàu", "TP Hồ Chí Minh"),
    ("TP Hồ Chí Minh", "TP Hồ Chí Minh"),
    ("Bình Phước", "Đồng Nai"), ("Đồng Nai", "Đồng Nai"),
    ("Long An", "Tây Ninh"), ("Tây Ninh", "Tây Ninh"),
    ("Sóc Trăng", "Cần Thơ"), ("Hậu Giang", "Cần Thơ"), ("Cần Thơ", "Cần Thơ"),
    ("Bến Tre", "Vĩnh Long"), ("Trà Vinh", "Vĩnh Long"), ("Vĩnh Long", "Vĩnh Long"),
    ("Tiền Giang", "Đồng Tháp"), ("Đồng Tháp", "Đồng Tháp"),
    ("Bạc Liêu", "Cà Mau"), ("Cà Mau", "Cà Mau"),
    ("Kiên Giang", "An Giang"), ("An Giang", "An Giang"),
]

# Real districts and communes (before 2025) of the two provinces the project started from.
REAL_PLACES = {
    "Bắc Kạn": [
        ("Thành phố Bắc Kạn", ["Nông Thượng", "Sông Cầu", "Phùng Chí Kiên", "Xuất Hóa", "Đức Xuân",
                               "Nguyễn Thị Minh Khai", "Huyền Tụng", "Dương Quang"]),
        ("Na Rì", ["Côn Minh", "Quang Phong", "Dương Sơn", "Văn Lang", "Kim Hỷ", "Lạng San"]),
        ("Ba Bể", ["Nam Mẫu", "Khang Ninh", "Cao Thượng", "Quảng Khê", "Hoàng Trĩ", "Đồng Phúc"]),
        ("Chợ Đồn", ["Bằng Phúc", "Bằng Lãng", "Ngọc Phái", "Yên Thượng", "Đông Viên"]),
        ("Chợ Mới", ["Tân Sơn", "Yên Đĩnh", "Thanh Thịnh", "Nông Hạ", "Quảng Chu"]),
        ("Bạch Thông", ["Cẩm Giàng", "Quân Hà", "Nguyên Phúc", "Mỹ Thanh"]),
        ("Ngân Sơn", ["Vân Tùng", "Thượng Quan", "Đức Vân", "Cốc Đán"]),
        ("Pác Nặm", ["Bộc Bố", "Nhạn Môn", "Bằng Thành", "Cổ Linh"]),
    ],
    "Bắc Giang": [
        ("Thành phố Bắc Giang", ["Dĩnh Kế", "Song Khê", "Tân Mỹ", "Đa Mai"]),
        ("Lục Ngạn", ["Nam Dương", "Hồng Giang", "Quý Sơn", "Phượng Sơn", "Tân Quang", "Thanh Hải"]),
        ("Lục Nam", ["Bảo Sơn", "Cẩm Lý", "Huyền Sơn", "Lục Sơn"]),
        ("Sơn Động", ["An Lạc", "Tuấn Đạo", "Vân Sơn", "Yên Định"]),
        ("Yên Thế", ["Bố Hạ", "Đồng Tâm", "Tam Tiến", "Xuân Lương"]),
        ("Hiệp Hòa", ["Danh Thắng", "Đoan Bái", "Mai Đình", "Hòa Sơn"]),
        ("Tân Yên", ["Cao Thượng", "Ngọc Thiện", "Phúc Hòa", "Liên Sơn"]),
        ("Lạng Giang", ["Tân Dĩnh", "Quang Thịnh", "Hương Sơn", "Tân Thanh"]),
        ("Việt Yên", ["Vân Hà", "Tăng Tiến", "Quang Châu", "Hồng Thái"]),
        ("Yên Dũng", ["Lãng Sơn", "Tiến Dũng", "Nham Sơn", "Đồng Phúc"]),
    ],
}

KINDS = ["Hợp tác xã", "Doanh nghiệp", "Tổ hợp tác", "Hộ kinh doanh"]
KIND_WEIGHTS = [32.7, 24.1, 0.5, 42.7]  # end of 2024, national
HTX_TRADES = ["nông nghiệp", "dịch vụ nông nghiệp", "dược liệu", "chè", "miến dong",
              "nông lâm nghiệp", "rượu men lá", "mật ong", "nông nghiệp sạch", "hữu cơ"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Hà", "Nông", "Lục", "Triệu", "Ma",
            "Đàm", "Bế", "Lường", "Hứa", "Đinh", "Vũ", "Đặng", "Bùi", "Lý", "Dương"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Quang", "Thanh", "Hữu"]
GIVENS = ["Hoan", "Thành", "Hương", "Lan", "Tùng", "Bình", "Hải", "Mai", "Sơn", "Tâm", "Hùng",
          "Thu", "Dũng", "Nga", "Phương", "Cường", "Huệ", "Long", "Yến", "Khánh"]

# Ids as in the embedded sample (SP0001, NSX041), zero-padded to one width per file so that
# text order is number order.
PRODUCT_PREFIX = "SP"
PRODUCER_PREFIX = "NSX"

DATE_FIRST = date(2019, 1, 1)
DATE_LAST = date(2026, 10, 28)
NO_DISTRICT_FROM = date(2025, 7, 1)


def _normalise_tables():
    """Every literal above is NFC already; make sure of it (an editor may not be)."""
    global BASES, QUALIFIERS, PACKS, BRAND_A, BRAND_B, PLACE_A, PLACE_B, PROVINCES, REAL_PLACES
    global KINDS, HTX_TRADES, SURNAMES, MIDDLES, GIVENS
    BASES = [(nfc(b), nfc(c), w) for b, c, w in BASES]
    QUALIFIERS, PACKS = [nfc(x) for x in QUALIFIERS], [nfc(x) for x in PACKS]
    BRAND_A, BRAND_B = [nfc(x) for x in BRAND_A], [nfc(x) for x in BRAND_B]
    PLACE_A, PLACE_B = [nfc(x) for x in PLACE_A], [nfc(x) for x in PLACE_B]
    PROVINCES = [(nfc(a), nfc(b)) for a, b in PROVINCES]
    REAL_PLACES = {nfc(k): [(nfc(d), [nfc(c) for c in cs]) for d, cs in v] for k, v in REAL_PLACES.items()}
    KINDS, HTX_TRADES = [nfc(x) for x in KINDS], [nfc(x) for x in HTX_TRADES]
    SURNAMES, MIDDLES, GIVENS = [nfc(x) for x in SURNAMES], [nfc(x) for x in MIDDLES], [nfc(x) for x in GIVENS]
    assert len(PROVINCES) == 63 and len({a for a, _ in PROVINCES}) == 63
    assert len({b for _, b in PROVINCES}) == 34


def quote(field):
    """RFC 4180: quote a field only when it needs it."""
    if "," in field or '"' in field or "\n" in field or "\r" in field:
        return '"' + field.replace('"', '""') + '"'
    return field


def build_geography(rng):
    """Per province: list of (district, [communes]). Fixed by the seed like everything else."""
    communes_pool = [a + " " + b for a in PLACE_A for b in PLACE_B if a != b]
    geo = []
    for old, new in PROVINCES:
        if old in REAL_PLACES:
            geo.append(REAL_PLACES[old])
            continue
        districts = []
        city = ("Thành phố " + old) if not old.startswith("TP ") else "Quận 1"
        names = [city] + [communes_pool[rng.randrange(len(communes_pool))] for _ in range(7)]
        for d in names:
            districts.append((d, [communes_pool[rng.randrange(len(communes_pool))] for _ in range(8)]))
        geo.append(districts)
    return geo


def province_weights():
    # Bắc Kạn and Bắc Giang ~12% each; the rest a little uneven so group-by counts differ.
    return [14.0, 14.0] + [1.0 + ((i * 7) % 5) * 0.25 for i in range(len(PROVINCES) - 2)]


def fmt_score(stars, rng):
    lo, hi = {3: (50, 69), 4: (70, 89), 5: (90, 100)}[stars]
    if rng.random() < 0.2:
        whole = rng.randrange(lo, hi if hi == 100 else hi + 1)  # 100 has no decimals above it
        cents = rng.randrange(1, 100)
        s = "%d.%02d" % (whole, cents)
        return s.rstrip("0")
    return str(rng.randrange(lo, hi + 1))


def add_months(d, months):
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, min(d.day, 28))


def generate(outdir, rows, seed):
    _normalise_tables()
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    n_prod = max(1, rows // 2)
    geo = build_geography(rng)
    prov_cum = list(accumulate(province_weights()))
    kind_cum = list(accumulate(KIND_WEIGHTS))
    n_prov = len(PROVINCES)

    # ---- producers -------------------------------------------------------------------
    prov_idx = rng.choices(range(n_prov), cum_weights=prov_cum, k=n_prod)
    kind_idx = rng.choices(range(4), cum_weights=kind_cum, k=n_prod)
    pr_loc = []  # (province index, district, commune) per producer
    lines = ["id,name,kind,province,district,commune"]
    pr_width = max(3, len(str(n_prod)))
    pd_width = max(4, len(str(rows)))
    rr, rnd = rng.randrange, rng.random
    for i in range(n_prod):
        pi = prov_idx[i]
        districts = geo[pi]
        district, communes = districts[rr(len(districts))]
        commune = communes[rr(len(communes))]
        pr_loc.append((pi, district, commune))
        k = kind_idx[i]
        brand = BRAND_A[rr(25)] + " " + BRAND_B[rr(25)]
        if k == 0:
            name = "HTX " + HTX_TRADES[rr(len(HTX_TRADES))] + " " + (brand if rnd() < 0.5 else commune)
        elif k == 1:
            name = ("Công ty TNHH " if rnd() < 0.6 else "Công ty cổ phần ") + brand
        elif k == 2:
            name = "Tổ hợp tác " + HTX_TRADES[rr(len(HTX_TRADES))] + " " + commune
        else:
            person = SURNAMES[rr(20)] + " " + MIDDLES[rr(8)] + " " + GIVENS[rr(20)]
            name = ("Hộ kinh doanh " if rnd() < 0.7 else "Cơ sở sản xuất ") + person
        old = PROVINCES[pi][0]
        lines.append("%s%0*d,%s,%s,%s,%s,%s" % (PRODUCER_PREFIX, pr_width, i + 1, quote(name), KINDS[k],
                                                old, district, commune))
    with open(os.path.join(outdir, "producers.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
        f.write("\n")
    del lines
    pr_ids = ["%s%0*d" % (PRODUCER_PREFIX, pr_width, j + 1) for j in range(n_prod)]

    # ---- products --------------------------------------------------------------------
    base_cum = list(accumulate(w for _, _, w in BASES))
    bases = rng.choices(range(len(BASES)), cum_weights=base_cum, k=rows)
    stars_all = rng.choices((3, 4, 5), cum_weights=(70, 97, 100), k=rows)
    span = DATE_LAST.toordinal() - DATE_FIRST.toordinal() + 1
    day_strings = [date.fromordinal(DATE_FIRST.toordinal() + k).isoformat() for k in range(span)]
    cutoff = NO_DISTRICT_FROM.toordinal() - DATE_FIRST.toordinal()
    out = open(os.path.join(outdir, "products.csv"), "w", encoding="utf-8", newline="\n")
    lines = ["id,name,category,producer_id,stars,score,certified_on,expires_on,"
             "province,district,commune,price_vnd"]
    for i in range(rows):
        p = rr(n_prod)
        pi, district, commune = pr_loc[p]
        old, new = PROVINCES[pi]
        base, category, _ = BASES[bases[i]]
        stars = stars_all[i]

        # name: mostly distinct combinations of product, qualifier, place and brand
        u = rnd()
        if u < 0.10:
            name = base + " " + (commune if rnd() < 0.6 else old)
        elif u < 0.55:
            name = base + " " + QUALIFIERS[rr(30)] + " " + (commune if rnd() < 0.7 else old)
        else:
            name = base + " " + (commune if rnd() < 0.7 else old) + " " + BRAND_A[rr(25)] + " " + BRAND_B[rr(25)]
        if rnd() < 0.05:
            name = name + ", " + PACKS[rr(len(PACKS))]

        dk = rr(span)
        certified = day_strings[dk]
        if dk >= cutoff:
            province, dist = new, ""
        else:
            province, dist = old, district
        if rnd() < 0.10:
            d = date.fromordinal(DATE_FIRST.toordinal() + dk)
            expires = add_months(d, 12 + rr(25)).isoformat()
        else:
            expires = ""
        if rnd() < 0.10:
            price = ""
        elif category == CAT_TOUR:
            price = str((150 + rr(1350)) * 1000)
        else:
            price = str((20 + rr(1980)) * 1000)
        lines.append(",".join((
            "%s%0*d" % (PRODUCT_PREFIX, pd_width, i + 1), quote(name), quote(category), pr_ids[p],
            str(stars), fmt_score(stars, rng),
            certified, expires, province, dist, commune, price)))
        if len(lines) >= 100_000:  # write in chunks: bounded memory at any size
            out.write("\n".join(lines))
            out.write("\n")
            lines = []
    if lines:
        out.write("\n".join(lines))
        out.write("\n")
    out.close()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--rows", type=int, required=True, help="number of products (producers: rows/2)")
    ap.add_argument("--seed", type=int, default=9, help="random seed (default 9)")
    a = ap.parse_args(argv)
    if a.rows < 1:
        ap.error("--rows must be at least 1")
    generate(a.outdir, a.rows, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
