"""The demo records: organisations, sections, documents, people, events and accounts.

Two kinds of record live here. The seed article (content/ha-nam-hoi-nghi-nq57.txt) is
a real article, and the records it mentions are real: the Politburo's Resolution
57-NQ/TW, the national conference of 13/01/2025 and the officials who spoke at it.
Everything else is invented to fill the site, and the loader marks it so: "(mẫu)"
after a sample's summary, biography or description, "(bài mẫu)" after a sample
article's byline. Party and State documents below are real ones, with numbers and
dates as published; provincial documents are samples with "(MẪU)" in their number.

Records refer to each other by natural key: a slug, an organisation's name, a
document's number (or its title when it has none). Times of sample records are
relative to the day the loader runs: (days from today, "HH:MM"), Vietnam time.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from accounts.roles import ADMIN, APPROVER, AUTHOR, EDITOR
from articles.models import BridgePoint, Event, EventParticipant, Resolution

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

Role = EventParticipant.Role
Level = BridgePoint.Level

# Organisations ---------------------------------------------------------------------

POLITBURO = "Bộ Chính trị"
SECRETARIAT = "Ban Bí thư"
CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương"
GOVERNMENT = "Chính phủ"
PRIME_MINISTER = "Thủ tướng Chính phủ"
NATIONAL_ASSEMBLY = "Quốc hội"
PROVINCIAL_PARTY_COMMITTEE = "Tỉnh ủy Hà Nam"
PROVINCIAL_PEOPLES_COMMITTEE = "UBND tỉnh Hà Nam"
PROPAGANDA_DEPARTMENT = "Ban Tuyên giáo Tỉnh ủy Hà Nam"
POLITICAL_SCHOOL = "Trường Chính trị tỉnh Hà Nam"
SCIENCE_DEPARTMENT = "Sở Khoa học và Công nghệ tỉnh Hà Nam"
YOUTH_UNION = "Tỉnh đoàn Hà Nam"

ORGANIZATIONS = [
    {"name": POLITBURO, "short_name": ""},
    {"name": SECRETARIAT, "short_name": ""},
    {"name": CENTRAL_COMMITTEE, "short_name": "BCH Trung ương"},
    {"name": GOVERNMENT, "short_name": ""},
    {"name": PRIME_MINISTER, "short_name": ""},
    {"name": NATIONAL_ASSEMBLY, "short_name": ""},
    {"name": PROVINCIAL_PARTY_COMMITTEE, "short_name": "Tỉnh ủy"},
    {"name": PROVINCIAL_PEOPLES_COMMITTEE, "short_name": "UBND tỉnh"},
    {"name": PROPAGANDA_DEPARTMENT, "short_name": "Ban Tuyên giáo"},
    {"name": POLITICAL_SCHOOL, "short_name": "Trường Chính trị tỉnh"},
    {"name": SCIENCE_DEPARTMENT, "short_name": "Sở KH&CN"},
    {"name": YOUTH_UNION, "short_name": "Tỉnh đoàn"},
]

# Sections: top level first, then their children -------------------------------------

CATEGORIES = [
    {
        "slug": "tin-tuc-su-kien",
        "name": "Tin tức - Sự kiện",
        "order": 1,
        "description": "Hoạt động của Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy và các sự kiện chính trị trên địa bàn tỉnh.",
        "children": [
            {"slug": "tin-trong-tinh", "name": "Tin trong tỉnh", "order": 1},
            {"slug": "hoat-dong-co-so", "name": "Hoạt động cơ sở", "order": 2},
        ],
    },
    {
        "slug": "xay-dung-dang",
        "name": "Xây dựng Đảng",
        "order": 2,
        "description": "Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị.",
        "children": [
            {
                "slug": "bao-ve-nen-tang-tu-tuong-cua-dang",
                "name": "Bảo vệ nền tảng tư tưởng của Đảng",
                "order": 1,
            },
            {"slug": "guong-sang-dang-vien", "name": "Gương sáng đảng viên", "order": 2},
        ],
    },
    {
        "slug": "hoc-tap-va-lam-theo-bac",
        "name": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "order": 3,
        "description": "Việc học tập và làm theo Bác trong Đảng bộ và Nhân dân trong tỉnh.",
    },
    {
        "slug": "nghien-cuu-trao-doi",
        "name": "Nghiên cứu - Trao đổi",
        "order": 4,
        "description": "Bài nghiên cứu, trao đổi về lý luận và thực tiễn.",
    },
    {
        "slug": "van-hoa-xa-hoi",
        "name": "Văn hóa - Xã hội",
        "order": 5,
        "description": "Đời sống văn hóa, giáo dục, xã hội trong tỉnh.",
        "children": [
            {"slug": "van-hoa-van-nghe", "name": "Văn hóa - Văn nghệ", "order": 1},
        ],
    },
    {
        "slug": "khoa-hoc-cong-nghe-chuyen-doi-so",
        "name": "Khoa học - Công nghệ và Chuyển đổi số",
        "order": 6,
        "description": "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
    },
    {
        "slug": "lich-su-dang-bo",
        "name": "Lịch sử Đảng bộ",
        "order": 7,
        "description": "Tư liệu, nghiên cứu về lịch sử Đảng bộ tỉnh và đảng bộ cơ sở.",
    },
]

# Documents ---------------------------------------------------------------------------

NQ57 = "57-NQ/TW"
NQ03_CP = "03/NQ-CP"
STEERING_COMMITTEE_DECISION = (
    "Quyết định thành lập Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, "
    "đổi mới sáng tạo và chuyển đổi số quốc gia"
)
NQ52 = "52-NQ/TW"
CT05 = "05-CT/TW"
NQ35 = "35-NQ/TW"
KL21 = "21-KL/TW"
QD749 = "749/QĐ-TTg"
SAMPLE_PLAN = "01-KH/TU (MẪU)"
SAMPLE_GUIDANCE = "02-HD/BTGTU (MẪU)"

# Each document is keyed by its number, or by its title when it has none.
DOCUMENTS = [
    {
        "number": NQ57,
        "doc_type": Resolution.DocType.RESOLUTION,
        "issuer": POLITBURO,
        "issue_date": date(2024, 12, 22),
        "subject": "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        "summary": (
            "Nghị quyết xác định phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
            "quốc gia là đột phá quan trọng hàng đầu, là động lực chính để phát triển nhanh lực lượng "
            "sản xuất hiện đại, hoàn thiện quan hệ sản xuất, đổi mới phương thức quản trị quốc gia, "
            "phát triển kinh tế - xã hội. Nghị quyết đề ra mục tiêu đến năm 2030, tầm nhìn đến năm "
            "2045, và được quán triệt, triển khai tại Hội nghị toàn quốc ngày 13/01/2025."
        ),
        "in_focus": True,
        "related": [NQ03_CP, STEERING_COMMITTEE_DECISION, NQ52, QD749],
    },
    {
        "number": NQ03_CP,
        "doc_type": Resolution.DocType.RESOLUTION,
        "issuer": GOVERNMENT,
        "issue_date": date(2025, 1, 9),
        "subject": (
            "ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày "
            "22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, "
            "đổi mới sáng tạo và chuyển đổi số quốc gia"
        ),
        "summary": (
            "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW. Tại Hội nghị "
            "toàn quốc ngày 13/01/2025, Thủ tướng Chính phủ Phạm Minh Chính quán triệt nội dung, "
            "tinh thần của Chương trình hành động."
        ),
        "in_focus": True,
    },
    {
        "number": "",
        "title": STEERING_COMMITTEE_DECISION,
        "doc_type": Resolution.DocType.DECISION,
        "issuer": POLITBURO,
        "issue_date": None,
        "subject": "",
        "summary": (
            "Quyết định thành lập Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới "
            "sáng tạo và chuyển đổi số quốc gia do đồng chí Tô Lâm, Tổng Bí thư, làm Trưởng Ban; "
            "được công bố tại Hội nghị toàn quốc ngày 13/01/2025."
        ),
    },
    {
        "number": NQ52,
        "doc_type": Resolution.DocType.RESOLUTION,
        "issuer": POLITBURO,
        "issue_date": date(2019, 9, 27),
        "subject": "về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
        "summary": (
            "Nghị quyết đề ra chủ trương, chính sách để nước ta chủ động tham gia cuộc Cách mạng "
            "công nghiệp lần thứ tư, tận dụng cơ hội và ứng phó với những thách thức mà cuộc cách "
            "mạng này đặt ra."
        ),
    },
    {
        "number": CT05,
        "doc_type": Resolution.DocType.DIRECTIVE,
        "issuer": POLITBURO,
        "issue_date": date(2016, 5, 15),
        "subject": "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "summary": (
            "Chỉ thị yêu cầu đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
            "Minh, làm cho việc học tập và làm theo Bác trở thành việc làm tự giác, thường xuyên của "
            "cán bộ, đảng viên; đề cao trách nhiệm nêu gương của người đứng đầu."
        ),
        "in_focus": True,
    },
    {
        "number": NQ35,
        "doc_type": Resolution.DocType.RESOLUTION,
        "issuer": POLITBURO,
        "issue_date": date(2018, 10, 22),
        "subject": (
            "về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai "
            "trái, thù địch trong tình hình mới"
        ),
        "summary": (
            "Nghị quyết xác định bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm "
            "sai trái, thù địch là nhiệm vụ của cả hệ thống chính trị, với sự tham gia của cán bộ, "
            "đảng viên và Nhân dân."
        ),
        "in_focus": True,
    },
    {
        "number": KL21,
        "doc_type": Resolution.DocType.CONCLUSION,
        "issuer": CENTRAL_COMMITTEE,
        "issue_date": date(2021, 10, 25),
        "subject": (
            "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy "
            "lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, "
            "biểu hiện “tự diễn biến”, “tự chuyển hóa”"
        ),
        "summary": (
            "Kết luận của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII về mục tiêu, "
            "nhiệm vụ và giải pháp đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị."
        ),
    },
    {
        "number": QD749,
        "doc_type": Resolution.DocType.DECISION,
        "issuer": PRIME_MINISTER,
        "issue_date": date(2020, 6, 3),
        "subject": "phê duyệt “Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030”",
        "summary": (
            "Quyết định phê duyệt Chương trình Chuyển đổi số quốc gia với mục tiêu kép: vừa phát "
            "triển Chính phủ số, kinh tế số, xã hội số, vừa hình thành các doanh nghiệp công nghệ số "
            "Việt Nam có năng lực đi ra toàn cầu."
        ),
    },
    {
        "number": SAMPLE_PLAN,
        "doc_type": Resolution.DocType.PLAN,
        "issuer": PROVINCIAL_PARTY_COMMITTEE,
        "issue_date": date(2025, 2, 14),
        "subject": (
            "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
            "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
        ),
        "summary": (
            "Văn bản minh họa một kế hoạch của Tỉnh ủy: giao nhiệm vụ cho các sở, ngành và đảng ủy cơ "
            "sở, kèm danh mục nhiệm vụ trọng tâm và thời hạn thực hiện. Không phải văn bản thật."
        ),
        "sample": True,
        "related": [NQ57],
    },
    {
        "number": SAMPLE_GUIDANCE,
        "doc_type": Resolution.DocType.GUIDANCE,
        "issuer": PROPAGANDA_DEPARTMENT,
        "issue_date": date(2025, 3, 10),
        "subject": "tuyên truyền về chuyển đổi số và phổ cập kỹ năng số cho Nhân dân",
        "summary": (
            "Văn bản minh họa một hướng dẫn của Ban Tuyên giáo Tỉnh ủy: nội dung, hình thức tuyên "
            "truyền và phân công thực hiện. Không phải văn bản thật."
        ),
        "sample": True,
        "related": [SAMPLE_PLAN],
    },
]

# People ------------------------------------------------------------------------------

FICTIONAL = "Nhân vật hư cấu của dữ liệu mẫu, không phải người thật."

PARTICIPANTS = [
    # The five named in the seed article, with the positions it gives them.
    {
        "slug": "to-lam",
        "full_name": "Tô Lâm",
        "positions": "Tổng Bí thư",
        "organization": POLITBURO,
    },
    {
        "slug": "pham-minh-chinh",
        "full_name": "Phạm Minh Chính",
        "positions": "Thủ tướng Chính phủ",
        "organization": GOVERNMENT,
    },
    {
        "slug": "tran-thanh-man",
        "full_name": "Trần Thanh Mẫn",
        "positions": "Chủ tịch Quốc hội",
        "organization": NATIONAL_ASSEMBLY,
    },
    {
        "slug": "dinh-thi-lua",
        "full_name": "Đinh Thị Lụa",
        "positions": "Phó Bí thư Thường trực Tỉnh ủy",
        "organization": PROVINCIAL_PARTY_COMMITTEE,
    },
    {
        "slug": "truong-quoc-huy",
        "full_name": "Trương Quốc Huy",
        "positions": "Phó Bí thư Tỉnh ủy\nChủ tịch UBND tỉnh\nTrưởng đoàn ĐBQH tỉnh",
        "organization": PROVINCIAL_PEOPLES_COMMITTEE,
    },
    # Sample officials.
    {
        "slug": "nguyen-van-thanh",
        "full_name": "Nguyễn Văn Thành",
        "positions": "Ủy viên Ban Thường vụ Tỉnh ủy\nTrưởng Ban Tuyên giáo Tỉnh ủy",
        "organization": PROPAGANDA_DEPARTMENT,
        "bio": f"Sinh năm 1971; thạc sĩ Xây dựng Đảng và Chính quyền nhà nước. {FICTIONAL}",
        "sample": True,
    },
    {
        "slug": "tran-thi-minh-ha",
        "full_name": "Trần Thị Minh Hà",
        "positions": "Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy",
        "organization": PROPAGANDA_DEPARTMENT,
        "bio": f"Sinh năm 1975; nguyên phóng viên, biên tập viên báo Đảng địa phương. {FICTIONAL}",
        "sample": True,
    },
    {
        "slug": "le-quang-vinh",
        "full_name": "Lê Quang Vinh",
        "positions": "Phó Trưởng ban Tuyên giáo Tỉnh ủy",
        "organization": PROPAGANDA_DEPARTMENT,
        "bio": f"Sinh năm 1978; thạc sĩ Kinh tế chính trị. {FICTIONAL}",
        "sample": True,
    },
    {
        "slug": "vu-thi-lan-anh",
        "full_name": "Vũ Thị Lan Anh",
        "positions": "Trưởng phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy",
        "organization": PROPAGANDA_DEPARTMENT,
        "bio": f"Sinh năm 1982; thạc sĩ Lịch sử Đảng Cộng sản Việt Nam. {FICTIONAL}",
        "sample": True,
    },
    {
        "slug": "pham-thu-huong",
        "full_name": "Phạm Thu Hương",
        "positions": "Giám đốc Sở Khoa học và Công nghệ",
        "organization": SCIENCE_DEPARTMENT,
        "bio": f"Sinh năm 1976; tiến sĩ Công nghệ thông tin. {FICTIONAL}",
        "sample": True,
    },
    {
        "slug": "bui-van-hiep",
        "full_name": "Bùi Văn Hiệp",
        "positions": "Phó Chủ tịch UBND tỉnh",
        "organization": PROVINCIAL_PEOPLES_COMMITTEE,
        "bio": f"Sinh năm 1970; kỹ sư xây dựng, thạc sĩ Quản lý công. {FICTIONAL}",
        "sample": True,
    },
    {
        "slug": "hoang-minh-duc",
        "full_name": "Hoàng Minh Đức",
        "positions": "Hiệu trưởng Trường Chính trị tỉnh",
        "organization": POLITICAL_SCHOOL,
        "bio": f"Sinh năm 1969; tiến sĩ Triết học. {FICTIONAL}",
        "sample": True,
    },
    {
        "slug": "ngo-thi-thanh-tam",
        "full_name": "Ngô Thị Thanh Tâm",
        "positions": "Bí thư Tỉnh đoàn",
        "organization": YOUTH_UNION,
        "bio": f"Sinh năm 1988; cử nhân Công tác thanh thiếu niên. {FICTIONAL}",
        "sample": True,
    },
    {
        "slug": "do-manh-cuong",
        "full_name": "Đỗ Mạnh Cường",
        "positions": "Bí thư Đảng ủy xã Yên Phú",
        "organization": None,
        "bio": f"Sinh năm 1980; nhiều năm làm bí thư chi bộ thôn trước khi công tác ở xã. {FICTIONAL}",
        "sample": True,
    },
]

# Events ------------------------------------------------------------------------------

SEED_EVENT = "hoi-nghi-toan-quoc-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe-doi-moi-sang-tao-va-chuyen-doi-so-quoc-gia"

PROVINCIAL_HALL = "Hội trường Tỉnh ủy"
COMMUNES = "các xã, phường trong tỉnh"

EVENTS = [
    {
        "slug": SEED_EVENT,
        "title": (
            "Hội nghị toàn quốc về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và "
            "chuyển đổi số quốc gia"
        ),
        "kind": Event.Kind.CONFERENCE,
        "starts_at": datetime(2025, 1, 13, 8, 0, tzinfo=VIETNAM),
        "status": Event.Status.HELD,
        "format": Event.Format.HYBRID,
        "broadcast": "VTV1",
        "attendance": 44881,
        "attendance_note": "đảng viên tham dự",
        "organizers": [POLITBURO, SECRETARIAT],
        "resolutions": [NQ57],
        "description": (
            "Hội nghị do Bộ Chính trị, Ban Bí thư tổ chức bằng hình thức trực tiếp kết hợp trực "
            "tuyến, kết nối đường truyền từ Trung ương tới cơ sở và truyền hình trực tiếp trên sóng "
            "VTV1. Hội nghị quán triệt, triển khai tinh thần và những nội dung cốt lõi của Nghị quyết "
            "số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; công bố Quyết định thành lập Ban Chỉ đạo "
            "Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia. "
            "Tỉnh Hà Nam tham dự tại 252 điểm cầu."
        ),
        # The article gives no location for the grassroots sites, so none is invented.
        "bridge_points": [
            {
                "level": Level.PROVINCIAL,
                "count": 1,
                "area": "tỉnh Hà Nam",
                "location": "Hội trường UBND tỉnh",
            },
            {"level": Level.GRASSROOTS, "count": 251, "area": "tỉnh Hà Nam", "location": ""},
        ],
        "participants": [
            {
                "participant": "dinh-thi-lua",
                "role": Role.PRESIDING,
                "position_at_time": "Phó Bí thư Thường trực Tỉnh ủy",
                "bridge_point": Level.PROVINCIAL,
                "order": 1,
            },
            {
                "participant": "truong-quoc-huy",
                "role": Role.PRESIDING,
                "position_at_time": "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng đoàn ĐBQH tỉnh",
                "bridge_point": Level.PROVINCIAL,
                "order": 2,
            },
            {
                "participant": "to-lam",
                "role": Role.DIRECTING,
                "position_at_time": "Tổng Bí thư",
                "note": (
                    "phát biểu chỉ đạo, nhấn mạnh vai trò đặc biệt quan trọng của khoa học công nghệ "
                    "và chuyển đổi số quốc gia đối với sự phát triển của đất nước"
                ),
                "order": 1,
            },
            {
                "participant": "pham-minh-chinh",
                "role": Role.PRESENTING,
                "position_at_time": "Thủ tướng Chính phủ",
                "note": (
                    "quán triệt nội dung, tinh thần Chương trình hành động của Chính phủ thực hiện "
                    "Nghị quyết 57-NQ/TW"
                ),
                "order": 1,
            },
            {
                "participant": "tran-thanh-man",
                "role": Role.PRESENTING,
                "position_at_time": "Chủ tịch Quốc hội",
                "note": (
                    "trình bày chủ trương, giải pháp về thể chế pháp luật để đột phá phát triển khoa "
                    "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
                ),
                "order": 2,
            },
        ],
    },
    {
        "slug": "hoi-nghi-bao-cao-vien-tinh-uy-thong-tin-thoi-su",
        "title": "Hội nghị báo cáo viên Tỉnh ủy: thông tin thời sự, định hướng công tác tuyên truyền",
        "kind": Event.Kind.CONFERENCE,
        "starts": (-20, "08:00"),
        "ends": (-20, "11:30"),
        "status": Event.Status.HELD,
        "format": Event.Format.HYBRID,
        "attendance": 1250,
        "attendance_note": "báo cáo viên, tuyên truyền viên tham dự",
        "organizers": [PROPAGANDA_DEPARTMENT],
        "description": (
            "Hội nghị báo cáo viên định kỳ của Tỉnh ủy: thông tin tình hình thời sự, kinh tế - xã hội "
            "của tỉnh và định hướng công tác tuyên truyền trong thời gian tới."
        ),
        "bridge_points": [
            {"level": Level.PROVINCIAL, "count": 1, "area": "tỉnh", "location": PROVINCIAL_HALL},
            {"level": Level.GRASSROOTS, "count": 68, "area": COMMUNES, "location": ""},
        ],
        "participants": [
            {
                "participant": "nguyen-van-thanh",
                "role": Role.PRESIDING,
                "bridge_point": Level.PROVINCIAL,
            },
            {
                "participant": "le-quang-vinh",
                "role": Role.PRESENTING,
                "note": "thông tin tình hình kinh tế - xã hội của tỉnh",
                "order": 1,
            },
            {
                "participant": "tran-thi-minh-ha",
                "role": Role.PRESENTING,
                "note": "định hướng công tác tuyên truyền",
                "order": 2,
            },
        ],
        "sample": True,
    },
    {
        "slug": "hoi-nghi-so-ket-thuc-hien-nghi-quyet-57-tren-dia-ban-tinh",
        "title": "Hội nghị sơ kết việc thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh",
        "kind": Event.Kind.CONFERENCE,
        "starts": (-45, "08:00"),
        "ends": (-45, "11:00"),
        "status": Event.Status.HELD,
        "format": Event.Format.HYBRID,
        "attendance": 3400,
        "attendance_note": "cán bộ, đảng viên tham dự",
        "organizers": [PROVINCIAL_PARTY_COMMITTEE, PROVINCIAL_PEOPLES_COMMITTEE],
        "resolutions": [NQ57, SAMPLE_PLAN],
        "description": (
            "Đánh giá kết quả thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị và kế hoạch thực hiện "
            "của Tỉnh ủy; xác định nhiệm vụ trọng tâm thời gian tới."
        ),
        "bridge_points": [
            {"level": Level.PROVINCIAL, "count": 1, "area": "tỉnh", "location": PROVINCIAL_HALL},
            {"level": Level.GRASSROOTS, "count": 68, "area": COMMUNES, "location": ""},
        ],
        "participants": [
            {
                "participant": "bui-van-hiep",
                "role": Role.PRESIDING,
                "bridge_point": Level.PROVINCIAL,
            },
            {
                "participant": "pham-thu-huong",
                "role": Role.PRESENTING,
                "note": "trình bày báo cáo sơ kết",
            },
            {
                "participant": "nguyen-van-thanh",
                "role": Role.ATTENDING,
                "bridge_point": Level.PROVINCIAL,
            },
        ],
        "sample": True,
    },
    {
        "slug": "hoi-thao-phat-huy-gia-tri-di-san-van-hoa-trong-xay-dung-nong-thon-moi",
        "title": "Hội thảo khoa học “Phát huy giá trị di sản văn hóa trong xây dựng nông thôn mới”",
        "kind": Event.Kind.SEMINAR,
        "starts": (-30, "08:00"),
        "ends": (-30, "11:30"),
        "status": Event.Status.HELD,
        "format": Event.Format.IN_PERSON,
        "venue": "Trường Chính trị tỉnh",
        "attendance": 150,
        "attendance_note": "đại biểu",
        "organizers": [POLITICAL_SCHOOL, PROPAGANDA_DEPARTMENT],
        "description": (
            "Trao đổi về bảo tồn lễ hội truyền thống, di tích và nghề thủ công gắn với phát triển du "
            "lịch cộng đồng trong xây dựng nông thôn mới."
        ),
        "participants": [
            {"participant": "hoang-minh-duc", "role": Role.PRESIDING},
            {
                "participant": "vu-thi-lan-anh",
                "role": Role.PRESENTING,
                "note": "tham luận về giáo dục truyền thống và số hóa di sản",
            },
        ],
        "sample": True,
    },
    {
        "slug": "toa-dam-chuyen-doi-so-trong-cong-tac-tuyen-truyen-o-co-so",
        "title": "Tọa đàm “Chuyển đổi số trong công tác tuyên truyền ở cơ sở”",
        "kind": Event.Kind.TALK,
        "starts": (-12, "14:00"),
        "ends": (-12, "16:30"),
        "status": Event.Status.HELD,
        "format": Event.Format.HYBRID,
        "attendance": 320,
        "attendance_note": "cán bộ làm công tác tuyên giáo tham dự",
        "organizers": [PROPAGANDA_DEPARTMENT],
        "resolutions": [NQ57, SAMPLE_GUIDANCE],
        "description": (
            "Trao đổi cách đưa thông tin chính thống đến người dân qua các nền tảng số mà vẫn giữ "
            "được sự gần gũi của tuyên truyền miệng."
        ),
        "bridge_points": [
            {
                "level": Level.PROVINCIAL,
                "count": 1,
                "area": "tỉnh",
                "location": "Phòng họp Ban Tuyên giáo Tỉnh ủy",
            },
            {"level": Level.GRASSROOTS, "count": 68, "area": COMMUNES, "location": ""},
        ],
        "participants": [
            {
                "participant": "tran-thi-minh-ha",
                "role": Role.PRESIDING,
                "bridge_point": Level.PROVINCIAL,
            },
            {
                "participant": "pham-thu-huong",
                "role": Role.PRESENTING,
                "note": "giới thiệu các nền tảng số dùng chung của tỉnh",
                "order": 1,
            },
            {
                "participant": "ngo-thi-thanh-tam",
                "role": Role.PRESENTING,
                "note": "chia sẻ kinh nghiệm sản xuất video ngắn của đoàn viên",
                "order": 2,
            },
        ],
        "sample": True,
    },
    {
        "slug": "le-trao-giai-bao-chi-ve-xay-dung-dang",
        "title": "Lễ trao Giải báo chí của tỉnh về xây dựng Đảng",
        "kind": Event.Kind.CEREMONY,
        "starts": (-60, "15:00"),
        "ends": (-60, "17:00"),
        "status": Event.Status.HELD,
        "format": Event.Format.IN_PERSON,
        "venue": PROVINCIAL_HALL,
        "attendance": 200,
        "attendance_note": "đại biểu",
        "organizers": [PROPAGANDA_DEPARTMENT],
        "description": "Trao giải cho các tác phẩm báo chí xuất sắc về công tác xây dựng Đảng và hệ thống chính trị.",
        "participants": [
            {"participant": "nguyen-van-thanh", "role": Role.PRESIDING},
            {
                "participant": "le-quang-vinh",
                "role": Role.PRESENTING,
                "note": "công bố kết quả chấm giải",
            },
        ],
        "sample": True,
    },
    {
        "slug": "hoi-nghi-tap-huan-nghiep-vu-tuyen-giao-cho-cap-uy-co-so",
        "title": "Hội nghị tập huấn nghiệp vụ công tác tuyên giáo cho cấp ủy cơ sở",
        "kind": Event.Kind.CONFERENCE,
        "starts": (9, "08:00"),
        "ends": (9, "16:30"),
        "status": Event.Status.PLANNED,
        "format": Event.Format.HYBRID,
        "attendance_note": "cán bộ tuyên giáo cơ sở",
        "organizers": [PROPAGANDA_DEPARTMENT],
        "description": (
            "Tập huấn kỹ năng nắm bắt dư luận xã hội, nói chuyện thời sự, sử dụng mạng xã hội và xử "
            "lý thông tin sai lệch cho cán bộ làm công tác tuyên giáo ở cơ sở."
        ),
        "bridge_points": [
            {"level": Level.PROVINCIAL, "count": 1, "area": "tỉnh", "location": PROVINCIAL_HALL},
            {"level": Level.GRASSROOTS, "count": 68, "area": COMMUNES, "location": ""},
        ],
        "participants": [
            {
                "participant": "tran-thi-minh-ha",
                "role": Role.PRESIDING,
                "bridge_point": Level.PROVINCIAL,
            },
            {
                "participant": "le-quang-vinh",
                "role": Role.PRESENTING,
                "note": "chuyên đề nắm bắt dư luận xã hội",
            },
        ],
        "sample": True,
    },
    {
        "slug": "hoi-thi-bao-cao-vien-gioi-cap-tinh",
        "title": "Hội thi Báo cáo viên giỏi cấp tỉnh",
        "kind": Event.Kind.OTHER,
        "starts": (20, "07:30"),
        "ends": (20, "17:00"),
        "status": Event.Status.PLANNED,
        "format": Event.Format.IN_PERSON,
        "venue": "Trường Chính trị tỉnh",
        "organizers": [PROPAGANDA_DEPARTMENT],
        "description": (
            "Vòng chung khảo hội thi dành cho báo cáo viên của Tỉnh ủy, báo cáo viên và tuyên truyền "
            "viên của các đảng ủy trực thuộc."
        ),
        "participants": [
            {
                "participant": "tran-thi-minh-ha",
                "role": Role.PRESIDING,
                "note": "Trưởng ban giám khảo",
            },
            {
                "participant": "hoang-minh-duc",
                "role": Role.ATTENDING,
                "note": "thành viên ban giám khảo",
            },
        ],
        "sample": True,
    },
    {
        "slug": "hoi-thao-nang-cao-chat-luong-sinh-hoat-chi-bo",
        "title": "Hội thảo “Nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới”",
        "kind": Event.Kind.SEMINAR,
        "starts": (5, "08:00"),
        "status": Event.Status.POSTPONED,
        "format": Event.Format.IN_PERSON,
        "venue": "Trường Chính trị tỉnh",
        "organizers": [PROPAGANDA_DEPARTMENT, POLITICAL_SCHOOL],
        "resolutions": [KL21],
        "description": (
            "Hội thảo tạm hoãn để bổ sung tham luận từ các chi bộ cơ sở; thời gian tổ chức mới sẽ "
            "được thông báo sau."
        ),
        "participants": [
            {"participant": "nguyen-van-thanh", "role": Role.PRESIDING},
        ],
        "sample": True,
    },
]

# The seed article --------------------------------------------------------------------

SEED_ARTICLE = {
    "file": "ha-nam-hoi-nghi-nq57.txt",
    "slug": "ha-nam-to-chuc-tham-gia-hoi-nghi-toan-quoc-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe",
    # The photo's caption, which the text file carries inline where the photo was.
    "caption": "Các đại biểu dự hội nghị tại điểm cầu Hà Nam",
    "credit": "Ảnh minh họa, không phải ảnh chụp tại hội nghị",
    "picture": ("hall", "red"),
    "category": "tin-tuc-su-kien",
    "published_at": datetime(2025, 1, 13, 11, 30, tzinfo=VIETNAM),
    "view_count": 2150,
    "tags": [
        "Nghị quyết 57-NQ/TW",
        "Khoa học công nghệ",
        "Đổi mới sáng tạo",
        "Chuyển đổi số",
        "Hội nghị trực tuyến",
    ],
    "events": [SEED_EVENT],
    "participants": [
        "dinh-thi-lua",
        "truong-quoc-huy",
        "to-lam",
        "pham-minh-chinh",
        "tran-thanh-man",
    ],
    "resolutions": [NQ57, NQ03_CP, STEERING_COMMITTEE_DECISION],
}

# Staff accounts (only with --with-accounts, only with DEBUG) -------------------------

ACCOUNTS = [
    {
        "username": "phongvien",
        "role": AUTHOR,
        "full_name": "Nguyễn Thu Trang",
        "department": "Phòng Tuyên truyền - Báo chí - Xuất bản",
        "position": "Chuyên viên, cộng tác viên trang tin",
    },
    {
        "username": "bientap",
        "role": EDITOR,
        "full_name": "Trần Quốc Bảo",
        "department": "Phòng Tuyên truyền - Báo chí - Xuất bản",
        "position": "Biên tập viên",
    },
    {
        "username": "lanhdao",
        "role": APPROVER,
        "full_name": "Lê Thị Minh Phương",
        "department": "Lãnh đạo Ban",
        "position": "Phó Trưởng ban",
    },
    {
        "username": "quantri",
        "role": ADMIN,
        "full_name": "Phạm Đức Long",
        "department": "Văn phòng Ban",
        "position": "Quản trị hệ thống",
    },
]

# Sample articles are written by the demo reporter when that account exists.
SAMPLE_AUTHOR = "phongvien"
