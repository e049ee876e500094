"""The small gazetteers the extractor reads Party news with.

Kept apart from the rules so that a newsroom can extend them (a new position, an
issuing body, a district) without touching a regular expression. Everything here is
plain data, importable without Django: `python -m extraction.evaluate` runs with no
settings. The enumerations repeat values of articles.models choices (Resolution.DocType,
Event.Kind, Event.Format, BridgePoint.Level, EventParticipant.Role) so that findings can
be saved as they are; tests/test_extraction_seed.py checks they still agree.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class DocType(StrEnum):
    RESOLUTION = "nghi_quyet"
    DIRECTIVE = "chi_thi"
    CONCLUSION = "ket_luan"
    REGULATION = "quy_dinh"
    DECISION = "quyet_dinh"
    ACTION_PROGRAMME = "chuong_trinh_hanh_dong"
    PLAN = "ke_hoach"
    DECREE = "nghi_dinh"
    CIRCULAR = "thong_tu"
    LAW = "luat"
    GUIDANCE = "huong_dan"
    NOTICE = "thong_bao"
    OTHER = "khac"


class EventKind(StrEnum):
    CONFERENCE = "hoi_nghi"
    SEMINAR = "hoi_thao"
    CEREMONY = "le"
    CONGRESS = "dai_hoi"
    SESSION = "ky_hop"
    TALK = "toa_dam"


class EventFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class Level(IntEnum):
    CENTRAL = 10
    PROVINCIAL = 20
    DISTRICT = 30
    GRASSROOTS = 40


class Role(IntEnum):
    """Smaller is more prominent: a person named both presiding and attending presides."""

    PRESIDING = 10
    DIRECTING = 20
    PRESENTING = 30
    ATTENDING = 40


# Labels as the models show them, for a panel that has only the JSON.
DOC_TYPE_LABELS = {
    DocType.RESOLUTION: "Nghị quyết",
    DocType.DIRECTIVE: "Chỉ thị",
    DocType.CONCLUSION: "Kết luận",
    DocType.REGULATION: "Quy định",
    DocType.DECISION: "Quyết định",
    DocType.ACTION_PROGRAMME: "Chương trình hành động",
    DocType.PLAN: "Kế hoạch",
    DocType.DECREE: "Nghị định",
    DocType.CIRCULAR: "Thông tư",
    DocType.LAW: "Luật",
    DocType.GUIDANCE: "Hướng dẫn",
    DocType.NOTICE: "Thông báo",
    DocType.OTHER: "Văn bản khác",
}
EVENT_KIND_LABELS = {
    EventKind.CONFERENCE: "Hội nghị",
    EventKind.SEMINAR: "Hội thảo",
    EventKind.CEREMONY: "Lễ",
    EventKind.CONGRESS: "Đại hội",
    EventKind.SESSION: "Kỳ họp",
    EventKind.TALK: "Tọa đàm",
}
FORMAT_LABELS = {
    EventFormat.IN_PERSON: "Trực tiếp",
    EventFormat.ONLINE: "Trực tuyến",
    EventFormat.HYBRID: "Trực tiếp kết hợp trực tuyến",
}
LEVEL_LABELS = {
    Level.CENTRAL: "Trung ương",
    Level.PROVINCIAL: "Cấp tỉnh",
    Level.DISTRICT: "Cấp huyện",
    Level.GRASSROOTS: "Cấp cơ sở",
}
ROLE_LABELS = {
    Role.PRESIDING: "Chủ trì",
    Role.DIRECTING: "Phát biểu chỉ đạo",
    Role.PRESENTING: "Trình bày, báo cáo",
    Role.ATTENDING: "Tham dự",
}

# Documents ---------------------------------------------------------------------------

# The word the press puts before a number, folded (see core.text.fold), longest first
# where one starts another ("quyet dinh" before "quy dinh" does not matter: they differ).
DOC_TYPE_WORDS = {
    "nghi quyet": DocType.RESOLUTION,
    "chi thi": DocType.DIRECTIVE,
    "ket luan": DocType.CONCLUSION,
    "quy dinh": DocType.REGULATION,
    "quyet dinh": DocType.DECISION,
    "chuong trinh hanh dong": DocType.ACTION_PROGRAMME,
    "chuong trinh": DocType.ACTION_PROGRAMME,
    "ke hoach": DocType.PLAN,
    "nghi dinh": DocType.DECREE,
    "thong tu": DocType.CIRCULAR,
    "luat": DocType.LAW,
    "huong dan": DocType.GUIDANCE,
    "thong bao ket luan": DocType.NOTICE,
    "thong bao": DocType.NOTICE,
    "thong tri": DocType.OTHER,
    "cong van": DocType.OTHER,
    "quy che": DocType.OTHER,
    "de an": DocType.OTHER,
}

# The type code inside a number (57-NQ/TW -> NQ) when no word says the type. QĐ is a
# Quy định under /TW (144-QĐ/TW) and a Quyết định elsewhere (749/QĐ-TTg).
DOC_TYPE_CODES = {
    "NQ": DocType.RESOLUTION,
    "CT": DocType.DIRECTIVE,
    "KL": DocType.CONCLUSION,
    "QĐ": DocType.DECISION,
    "CTR": DocType.ACTION_PROGRAMME,
    "KH": DocType.PLAN,
    "NĐ": DocType.DECREE,
    "TT": DocType.CIRCULAR,
    "HD": DocType.GUIDANCE,
    "TB": DocType.NOTICE,
    "CV": DocType.OTHER,
    "QC": DocType.OTHER,
    "ĐA": DocType.OTHER,
}

# Issuer codes that name one body. TW does not: a -NQ/TW may come from the Central
# Committee or the Politburo, a -CT/TW from the Politburo or the Secretariat, so the
# issuer of a TW document is taken only from the sentence.
ISSUER_CODES = {
    "CP": "Chính phủ",
    "TTG": "Thủ tướng Chính phủ",
    "TU": "Tỉnh ủy",
    "UBND": "UBND tỉnh",
    "HĐND": "HĐND tỉnh",
    "BTGTU": "Ban Tuyên giáo Tỉnh ủy",
    "BTCTU": "Ban Tổ chức Tỉnh ủy",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
}

# Issuing and organising bodies as the press names them, folded -> the name a record
# gets. Variants of one body map to one name so that "Ban Chấp hành Trung ương Đảng"
# and "Ban Chấp hành Trung ương" become the same Organization.
CANONICAL_BODIES = {
    "bo chinh tri": "Bộ Chính trị",
    "ban bi thu": "Ban Bí thư",
    "ban bi thu trung uong dang": "Ban Bí thư",
    "ban chap hanh trung uong": "Ban Chấp hành Trung ương",
    "ban chap hanh trung uong dang": "Ban Chấp hành Trung ương",
    "trung uong": "Ban Chấp hành Trung ương",
    "chinh phu": "Chính phủ",
    "thu tuong chinh phu": "Thủ tướng Chính phủ",
    "thu tuong": "Thủ tướng Chính phủ",
    "quoc hoi": "Quốc hội",
    "uy ban thuong vu quoc hoi": "Ủy ban Thường vụ Quốc hội",
    "ubnd tinh": "UBND tỉnh",
    "uy ban nhan dan tinh": "UBND tỉnh",
    "hdnd tinh": "HĐND tỉnh",
    "hoi dong nhan dan tinh": "HĐND tỉnh",
}

# First words of an organisation's name: what may follow "của" as an issuer, stand
# before "tổ chức" as an organiser, or continue a position after a comma.
ORG_START_WORDS = (
    "Bộ",
    "Ban",
    "Tỉnh ủy",
    "Tỉnh uỷ",
    "Thành ủy",
    "Thành uỷ",
    "Huyện ủy",
    "Huyện uỷ",
    "Thị ủy",
    "Đảng ủy",
    "Đảng uỷ",
    "Đảng đoàn",
    "Ban cán sự",
    "UBND",
    "HĐND",
    "Ủy ban",
    "Uỷ ban",
    "Hội đồng",
    "Sở",
    "Hội",
    "Trường",
    "Học viện",
    "Viện",
    "Chính phủ",
    "Quốc hội",
    "Thủ tướng",
    "Thường trực",
    "Văn phòng",
    "Mặt trận",
    "MTTQ",
    "Tỉnh đoàn",
    "Thành đoàn",
    "Huyện đoàn",
    "Liên đoàn",
    "Công an",
    "Bộ Chỉ huy",
    "Cục",
    "Tổng cục",
    "Báo",
    "Đài",
    "Trung tâm",
    "Công ty",
    "Tập đoàn",
    "Phòng",
    "Chi bộ",
    "Đảng bộ",
)

# People ------------------------------------------------------------------------------

# Positions begin with one of these (folded, so that the seed's "Thủ tưởng" is read as
# "Thủ tướng"); the spelling on the right replaces a misspelt head in the result.
# Longer heads come first: "Phó Bí thư Thường trực" before "Phó Bí thư" before "Bí thư".
POSITION_HEADS = [
    "Thường trực Ban Bí thư",
    "Ủy viên dự khuyết Trung ương Đảng",
    "Ủy viên Trung ương Đảng",
    "Ủy viên Bộ Chính trị",
    "Ủy viên Ban Thường vụ",
    "Ủy viên Ban Chấp hành",
    "Ủy viên Ủy ban Kiểm tra",
    "Ủy viên",
    "Bí thư Trung ương Đảng",
    "Tổng Bí thư",
    "Phó Bí thư Thường trực",
    "Phó Bí thư",
    "Bí thư",
    "Phó Chủ tịch nước",
    "Chủ tịch nước",
    "Phó Chủ tịch Thường trực",
    "Phó Chủ tịch",
    "Chủ tịch",
    "Phó Thủ tướng Thường trực",
    "Phó Thủ tướng",
    "Thủ tướng",
    "Phó Trưởng ban Thường trực",
    "Phó Trưởng ban",
    "Trưởng ban",
    "Phó Trưởng đoàn",
    "Trưởng đoàn",
    "Phó Trưởng phòng",
    "Trưởng phòng",
    "Phó Tổng Giám đốc",
    "Tổng Giám đốc",
    "Phó Giám đốc",
    "Giám đốc",
    "Phó Chánh Văn phòng",
    "Chánh Văn phòng",
    "Chánh án",
    "Phó Viện trưởng",
    "Viện trưởng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Phó Hiệu trưởng",
    "Hiệu trưởng",
    "Phó Chủ nhiệm",
    "Chủ nhiệm",
    "Phó Tổng Biên tập",
    "Tổng Biên tập",
    "Cục trưởng",
    "Vụ trưởng",
    "Chính ủy",
    "Chỉ huy trưởng",
    "Tư lệnh",
    "Đại biểu Quốc hội",
]

# Positions that one person holds in the country at a time: a later "đồng chí Tổng Bí
# thư" with no name refers to the holder named elsewhere in the article.
NATIONAL_POSTS = ("Tổng Bí thư", "Chủ tịch nước", "Thủ tướng Chính phủ", "Chủ tịch Quốc hội")

# Written before a name and not part of it, nor of a position.
HONORIFICS = ("các đồng chí", "đồng chí", "đ/c", "ông", "bà")
RANKS = (
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "GS.TS",
    "PGS.TS",
    "GS",
    "PGS",
    "TS",
    "ThS",
    "NSND",
    "NSƯT",
)


# Vietnamese surnames: a run of capitalised syllables is a name only if it starts with
# one. "Phó" is left out on purpose: in our texts it is "deputy" far more often.
def _listed(text: str, separator: str | None = None) -> frozenset[str]:
    """A word list kept as prose: one string is easier to read and extend than a literal."""
    return frozenset(item.strip() for item in text.split(separator) if item.strip())


SURNAMES = _listed(
    """
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Tô
    Đào Đoàn Lương Lâm Mai Trịnh Cao Hà Tạ Chu Quách Lưu Vương Thái Triệu Hứa Kiều Nông Lò
    Lại Tăng Đàm Thân Khổng Giang Tống Phùng Mạc Âu Doãn La Lã Ninh Nghiêm Châu Tôn Từ Diệp
    Kim Cù Bạch Đồng Hầu Khúc Lục Mẫn Mạnh Nhữ Ông Quan Sầm Thạch Thiều Tiêu Trang Trình
    Uông Vi Viên Bế Ma Lường Sùng Giàng Thào Vàng Cầm Lộc Tòng Quàng Điêu Khương Lăng Tiết
    Kha Hàn Văn Vừ Mùa Hờ Lầu Bàn Chẩu Đèo Hạ Phương Quản Thiệu
    """
)

# Names that are also the names of places and institutions ("Thành phố Hồ Chí Minh",
# "tư tưởng Hồ Chí Minh"): never reported as a person of the article.
NOT_PERSONS = frozenset({"Hồ Chí Minh"})

# Places that stand between a position and a name: "Bí thư Tỉnh ủy Hà Nam Lê Thị Thủy".
PLACES = _listed(
    (
        "Hà Nam, Nam Định, Ninh Bình, Thái Bình, Hà Nội, Hải Phòng, Hải Dương, Hưng Yên, Bắc Ninh,"
        "Bắc Giang, Vĩnh Phúc, Phú Thọ, Thái Nguyên, Tuyên Quang, Hà Giang, Cao Bằng, Lạng Sơn,"
        "Lào Cai, Yên Bái, Điện Biên, Lai Châu, Sơn La, Hòa Bình, Hoà Bình, Quảng Ninh, Thanh Hóa,"
        "Thanh Hoá, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị, Thừa Thiên Huế, Huế, Đà Nẵng,"
        "Quảng Nam, Quảng Ngãi, Bình Định, Phú Yên, Khánh Hòa, Ninh Thuận, Bình Thuận, Kon Tum,"
        "Gia Lai, Đắk Lắk, Đắk Nông, Lâm Đồng, Bình Phước, Tây Ninh, Bình Dương, Đồng Nai,"
        "Long An, Tiền Giang, Bến Tre, Trà Vinh, Vĩnh Long, Đồng Tháp, An Giang, Kiên Giang,"
        "Cần Thơ, Hậu Giang, Sóc Trăng, Bạc Liêu, Cà Mau, Việt Nam,"
        # Hà Nam's districts and city, which the site's own news names most.
        "Phủ Lý, Duy Tiên, Kim Bảng, Thanh Liêm, Bình Lục, Lý Nhân"
    ),
    ",",
)

# Events ------------------------------------------------------------------------------

EVENT_KIND_WORDS = {
    "hoi nghi": EventKind.CONFERENCE,
    "hoi thao": EventKind.SEMINAR,
    "dai hoi": EventKind.CONGRESS,
    "ky hop": EventKind.SESSION,
    "toa dam": EventKind.TALK,
    "le": EventKind.CEREMONY,
}
# "lễ" alone is also "festival" (lễ hội) or "rite": only these make it a ceremony.
CEREMONY_WORDS = (
    "kỷ niệm",
    "khai mạc",
    "bế mạc",
    "trao",
    "ra mắt",
    "công bố",
    "khánh thành",
    "khởi công",
    "mít tinh",
    "phát động",
    "tuyên dương",
    "kết nạp",
    "khai giảng",
    "bế giảng",
    "dâng hương",
    "đón nhận",
    "gắn biển",
    "truy điệu",
    "xuất quân",
    "tổng kết",
    "tôn vinh",
)

TIMES_OF_DAY = {"sang": "sáng", "trua": "trưa", "chieu": "chiều", "toi": "tối"}
# When only the time of day is known, the time a new event record starts at.
DEFAULT_HOURS = {"sáng": (8, 0), "trưa": (11, 30), "chiều": (14, 0), "tối": (19, 30), None: (8, 0)}

# Bridge-point levels as the press names them after "điểm cầu", folded.
LEVEL_WORDS = {
    "trung uong": Level.CENTRAL,
    "cap tinh": Level.PROVINCIAL,
    "tinh": Level.PROVINCIAL,
    "cap huyen": Level.DISTRICT,
    "huyen": Level.DISTRICT,
    "cac huyen": Level.DISTRICT,
    "cap xa": Level.GRASSROOTS,
    "xa": Level.GRASSROOTS,
    "cac xa": Level.GRASSROOTS,
    "cap co so": Level.GRASSROOTS,
    "co so": Level.GRASSROOTS,
}
