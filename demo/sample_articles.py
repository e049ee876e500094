"""Sample articles: invented, in the voice of a provincial propaganda department's site.

The loader adds "(bài mẫu)" to every byline and the tag "Nội dung mẫu" to every
article here. People quoted by name are the sample officials of data.PARTICIPANTS or
invented residents; quotations of Hồ Chí Minh are from his published works.

A body is a list of blocks: a string is a paragraph; ("h2", text) a heading;
("ul", [items]) or ("ol", [items]) a list; ("quote", text) a block quotation.
"published" is (days from today, "HH:MM"), negative for the past.
"""

from articles.models import Article

from .data import CT05, KL21, NQ03_CP, NQ35, NQ52, NQ57, SAMPLE_GUIDANCE, SAMPLE_PLAN

Status = Article.Status

PUBLISHED = [
    {
        "slug": "hoan-to-chuc-hoi-thao-nang-cao-chat-luong-sinh-hoat-chi-bo",
        "title": "Hoãn tổ chức Hội thảo “Nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới”",
        "sapo": (
            "Ban Tuyên giáo Tỉnh ủy thông báo hoãn tổ chức Hội thảo “Nâng cao chất lượng sinh hoạt chi "
            "bộ trong giai đoạn mới” để bổ sung tham luận từ các chi bộ cơ sở; thời gian tổ chức mới "
            "sẽ được thông báo sau."
        ),
        "body": [
            "Theo kế hoạch, hội thảo diễn ra tại Trường Chính trị tỉnh với sự tham gia của đại diện cấp ủy các xã, phường, các chi bộ trực thuộc và một số nhà khoa học. Tuy nhiên, đến nay ban tổ chức mới nhận được một phần tham luận, phần lớn từ các cơ quan cấp tỉnh.",
            "Để hội thảo phản ánh đầy đủ hơn thực tiễn sinh hoạt chi bộ ở thôn, tổ dân phố và chi bộ trong doanh nghiệp, ban tổ chức quyết định lùi thời gian tổ chức, đồng thời đề nghị các đảng ủy cơ sở chỉ đạo chi bộ trực thuộc gửi thêm bài viết, kinh nghiệm thực tế.",
            "Các tham luận tập trung vào những nội dung: đổi mới cách chuẩn bị và điều hành sinh hoạt chi bộ; nâng cao chất lượng sinh hoạt chuyên đề; phát huy trách nhiệm của bí thư chi bộ; ứng dụng công nghệ số trong quản lý đảng viên và trao đổi thông tin.",
            "Các cơ quan, đơn vị đã đăng ký tham dự theo dõi thông báo tiếp theo trên trang tin điện tử của Ban. Tham luận gửi về Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy trước khi có thông báo thời gian tổ chức mới.",
        ],
        "category": "tin-trong-tinh",
        "byline": "Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy",
        "published": (-2, "16:30"),
        "tags": ["Sinh hoạt chi bộ"],
        "events": ["hoi-thao-nang-cao-chat-luong-sinh-hoat-chi-bo"],
        "resolutions": [KL21],
    },
    {
        "slug": "sap-dien-ra-hoi-nghi-tap-huan-nghiep-vu-tuyen-giao-cho-cap-uy-co-so",
        "title": "Sắp diễn ra Hội nghị tập huấn nghiệp vụ công tác tuyên giáo cho cấp ủy cơ sở",
        "sapo": (
            "Hội nghị tập huấn được tổ chức theo hình thức trực tiếp kết hợp trực tuyến, kết nối từ "
            "điểm cầu Tỉnh ủy tới các xã, phường, nhằm cập nhật kiến thức, kỹ năng cho cán bộ làm "
            "công tác tuyên giáo ở cơ sở."
        ),
        "body": [
            "Đối tượng tham dự là đồng chí phó bí thư đảng ủy phụ trách công tác tuyên giáo, cán bộ chuyên trách, báo cáo viên và tuyên truyền viên của đảng ủy các xã, phường; tại điểm cầu Tỉnh ủy có lãnh đạo Ban Tuyên giáo Tỉnh ủy và các phòng chuyên môn.",
            ("h2", "Nội dung tập huấn"),
            (
                "ul",
                [
                    "Nắm bắt, tổng hợp và phản ánh tình hình tư tưởng, dư luận xã hội ở cơ sở;",
                    "Kỹ năng nói chuyện thời sự, truyền đạt nghị quyết cho đảng viên và Nhân dân;",
                    "Sử dụng mạng xã hội, nhóm trao đổi trực tuyến trong công tác tuyên truyền;",
                    "Nhận diện, xử lý thông tin sai lệch và phối hợp đấu tranh, phản bác quan điểm sai trái.",
                ],
            ),
            "Mỗi chuyên đề gồm phần trình bày của báo cáo viên và phần trao đổi, giải đáp. Ban tổ chức khuyến khích các đảng ủy gửi trước câu hỏi, tình huống thực tế đang gặp ở địa phương để báo cáo viên chuẩn bị nội dung sát với nhu cầu.",
            "Các đảng ủy xã, phường chuẩn bị phòng họp, đường truyền và cử cán bộ kỹ thuật thử kết nối với điểm cầu Tỉnh ủy trước một ngày. Tài liệu tập huấn được gửi qua hệ thống văn bản điện tử để đại biểu nghiên cứu trước.",
        ],
        "category": "hoat-dong-co-so",
        "byline": "Minh Hằng",
        "published": (-3, "09:00"),
        "tags": ["Báo cáo viên", "Hội nghị trực tuyến"],
        "events": ["hoi-nghi-tap-huan-nghiep-vu-tuyen-giao-cho-cap-uy-co-so"],
        "participants": ["tran-thi-minh-ha", "le-quang-vinh"],
        "picture": ("hall", "navy"),
        "caption": "Hội nghị tập huấn nghiệp vụ công tác tuyên giáo",
        "view_count": 240,
    },
    {
        "slug": "phat-dong-hoi-thi-bao-cao-vien-gioi-cap-tinh",
        "title": "Phát động Hội thi Báo cáo viên giỏi cấp tỉnh",
        "sapo": (
            "Hội thi nhằm phát hiện, bồi dưỡng những báo cáo viên có kiến thức vững, phương pháp "
            "truyền đạt sinh động, góp phần nâng cao chất lượng công tác tuyên truyền miệng trong "
            "Đảng bộ tỉnh."
        ),
        "body": [
            "Phát biểu tại buổi phát động, đồng chí Trần Thị Minh Hà, Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy, nhấn mạnh: tuyên truyền miệng vẫn là phương thức có sức thuyết phục cao, nhất là ở cơ sở, nơi người nghe cần được giải thích cụ thể, gần gũi về chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
            "Hội thi dành cho báo cáo viên của Tỉnh ủy, báo cáo viên và tuyên truyền viên của các đảng ủy trực thuộc. Mỗi đơn vị cử tối đa ba thí sinh; thí sinh phải trực tiếp làm công tác tuyên truyền ít nhất hai năm.",
            ("h2", "Thể lệ chính"),
            (
                "ul",
                [
                    "Phần thi bài trình bày: mỗi thí sinh trình bày một chủ đề tự chọn trong danh mục do ban tổ chức công bố, thời gian không quá 20 phút;",
                    "Phần thi xử lý tình huống: thí sinh bốc thăm và trả lời một tình huống thường gặp khi nói chuyện với đảng viên, Nhân dân;",
                    "Phần thi kiến thức: trả lời câu hỏi về lịch sử Đảng bộ tỉnh, tình hình kinh tế - xã hội và các nghị quyết đang được triển khai.",
                ],
            ),
            "Ban giám khảo gồm lãnh đạo Ban Tuyên giáo Tỉnh ủy, giảng viên Trường Chính trị tỉnh và một số báo cáo viên nhiều kinh nghiệm. Bài trình bày được đánh giá theo các tiêu chí: nội dung chính xác, có tính định hướng; dẫn chứng thuyết phục; ngôn ngữ trong sáng; tương tác tốt với người nghe.",
            "Hồ sơ đăng ký gửi về Ban Tuyên giáo Tỉnh ủy qua hệ thống văn bản điện tử. Vòng chung khảo diễn ra tại Trường Chính trị tỉnh theo lịch ban tổ chức đã thông báo.",
        ],
        "category": "tin-trong-tinh",
        "byline": "Thu Trang",
        "published": (-5, "10:15"),
        "tags": ["Báo cáo viên", "Tuyên truyền miệng"],
        "events": ["hoi-thi-bao-cao-vien-gioi-cap-tinh"],
        "participants": ["tran-thi-minh-ha"],
        "picture": ("rays", "red"),
        "caption": "Hội thi Báo cáo viên giỏi cấp tỉnh",
        "view_count": 410,
    },
    {
        "slug": "xa-yen-phu-dua-so-tay-dang-vien-dien-tu-vao-sinh-hoat-chi-bo",
        "title": "Xã Yên Phú đưa sổ tay đảng viên điện tử vào sinh hoạt chi bộ",
        "sapo": (
            "Sau một thời gian triển khai, sổ tay đảng viên điện tử đã giúp các chi bộ ở xã Yên Phú "
            "gửi tài liệu trước kỳ sinh hoạt, giảm giấy tờ và có thêm kênh để đảng viên trao đổi ý kiến."
        ),
        "body": [
            "Trước đây, mỗi kỳ sinh hoạt, chi bộ thôn phải in tài liệu, phát tận tay cho từng đảng viên; nhiều đồng chí lớn tuổi đọc chữ nhỏ khó khăn, còn đảng viên trẻ đi làm xa thường nhận tài liệu muộn. Nay, nghị quyết, thông báo và nội dung sinh hoạt được cập nhật lên sổ tay điện tử trước ít nhất ba ngày.",
            "Theo đồng chí Đỗ Mạnh Cường, Bí thư Đảng ủy xã Yên Phú, điều quan trọng không nằm ở phần mềm mà ở cách làm. Đảng ủy giao mỗi chi bộ một đảng viên trẻ hỗ trợ các đồng chí cao tuổi cài đặt, đăng nhập và sử dụng; những đảng viên chưa có điện thoại thông minh vẫn được cung cấp tài liệu giấy như trước.",
            "Tại buổi sinh hoạt, thời gian đọc văn bản được rút ngắn, dành nhiều hơn cho thảo luận. Nhiều ý kiến về làm đường giao thông nội đồng, vệ sinh môi trường, vận động con em đi học nghề được đảng viên gửi lên từ trước, giúp bí thư chi bộ chuẩn bị nội dung sát thực tế.",
            "Đảng ủy xã còn dùng sổ tay điện tử để khảo sát nhanh ý kiến đảng viên về một số việc lớn của địa phương. Kết quả được tổng hợp, báo cáo tại hội nghị Ban Chấp hành Đảng bộ xã, làm căn cứ lựa chọn việc cần ưu tiên.",
            "Đảng ủy xã xác định tiếp tục rà soát, bảo đảm an toàn thông tin: tài liệu mật không đưa lên ứng dụng; định kỳ lấy ý kiến đảng viên để điều chỉnh cách sử dụng cho phù hợp.",
        ],
        "category": "hoat-dong-co-so",
        "byline": "Quang Minh",
        "published": (-6, "14:00"),
        "tags": ["Sinh hoạt chi bộ", "Chuyển đổi số"],
        "participants": ["do-manh-cuong"],
        "picture": ("network", "teal"),
        "caption": "Sổ tay đảng viên điện tử trong sinh hoạt chi bộ",
        "view_count": 860,
    },
    {
        "slug": "binh-dan-hoc-vu-so-dua-ky-nang-so-den-tung-thon-xom",
        "title": "“Bình dân học vụ số”: đưa kỹ năng số đến từng thôn, xóm",
        "sapo": (
            "Các lớp hướng dẫn kỹ năng số do đoàn viên thanh niên đảm nhiệm đang giúp nhiều người "
            "dân, nhất là người cao tuổi, biết cách nộp hồ sơ trực tuyến, thanh toán không dùng tiền "
            "mặt và nhận biết thủ đoạn lừa đảo qua mạng."
        ),
        "body": [
            "Mỗi tối thứ Bảy, nhà văn hóa thôn lại sáng đèn. Người đến học mang theo chiếc điện thoại của mình, có người mang cả giấy tờ tùy thân để được hướng dẫn làm thủ tục ngay tại lớp. “Giáo viên” là đoàn viên, sinh viên về nghỉ cuối tuần và cán bộ, công chức xã.",
            "Nội dung học được chia thành các bài ngắn: cài đặt và bảo mật tài khoản định danh điện tử; tra cứu, nộp hồ sơ trên Cổng dịch vụ công; thanh toán tiền điện, nước, học phí; nhận diện tin nhắn, cuộc gọi giả mạo cơ quan nhà nước. Mỗi buổi chỉ học một việc và thực hành đến khi làm được.",
            "Bà Nguyễn Thị Tư, 68 tuổi, một học viên của lớp, chia sẻ:",
            (
                "quote",
                "Trước đây muốn làm giấy tờ gì cũng phải nhờ con cháu, giờ tôi tự làm được, lại biết cái tin nhắn nào là lừa đảo để không bấm vào.",
            ),
            "Theo đồng chí Ngô Thị Thanh Tâm, Bí thư Tỉnh đoàn, cách làm hiệu quả nhất là “cầm tay chỉ việc” theo nhóm nhỏ. Mỗi đoàn viên phụ trách ba đến năm người học và giữ liên lạc sau lớp để hỗ trợ khi cần.",
            "Các tổ công nghệ số cộng đồng ở thôn, tổ dân phố phối hợp với đoàn thanh niên nắm danh sách những hộ chưa sử dụng dịch vụ số, từ đó bố trí lớp học và hỗ trợ tại nhà đối với người già yếu, người khuyết tật.",
            "Phong trào được kỳ vọng góp phần hình thành thói quen sử dụng dịch vụ số trong Nhân dân — một trong những nền tảng để thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.",
        ],
        "category": "khoa-hoc-cong-nghe-chuyen-doi-so",
        "byline": "Thu Trang",
        "published": (-8, "07:30"),
        "tags": ["Chuyển đổi số", "Thanh niên", "Nghị quyết 57-NQ/TW"],
        "participants": ["ngo-thi-thanh-tam"],
        "resolutions": [NQ57, SAMPLE_GUIDANCE],
        "picture": ("network", "navy"),
        "caption": "Lớp hướng dẫn kỹ năng số ở thôn",
        "is_featured": True,
        "view_count": 1320,
    },
    {
        "slug": "nguoi-bi-thu-chi-bo-gan-dan-sat-dan",
        "title": "Người bí thư chi bộ gần dân, sát dân",
        "sapo": (
            "Gần mười năm làm bí thư chi bộ thôn, ông Lương Văn Hòa luôn giữ nguyên tắc: việc gì khó "
            "thì đảng viên làm trước, việc gì liên quan đến quyền lợi của dân thì bàn với dân trước."
        ),
        "body": [
            "Thôn có hơn 400 hộ, phần lớn làm nông nghiệp hoặc đi làm công nhân ở các khu công nghiệp. Khi nhận nhiệm vụ bí thư chi bộ, việc đầu tiên ông Hòa làm là đến từng nhà, ghi lại những điều người dân băn khoăn nhất: đường làng xuống cấp, rác thải chưa được thu gom, con em đi làm xa không có người trông nom nhà cửa.",
            "Từ những ghi chép ấy, chi bộ ra nghị quyết chuyên đề về làm đường và thu gom rác. Đảng viên được phân công phụ trách từng xóm, trực tiếp giải thích để người dân hiểu làm việc đó vì lợi ích của ai, ai đóng góp bao nhiêu, ai giám sát. Mọi khoản thu chi đều được niêm yết công khai ở nhà văn hóa.",
            "Có hộ chưa đồng thuận hiến đất mở rộng ngõ, ông đến nhà nhiều lần, không nói lý thuyết mà cùng gia đình đo đạc, tính toán lối đi cho xe cứu thương, xe chở nông sản. Cuối cùng, gia đình tự nguyện lùi tường rào hơn một mét.",
            "Ông Hòa cho rằng sinh hoạt chi bộ phải có “hơi thở” của đời sống thôn xóm. Vì vậy, mỗi kỳ sinh hoạt, chi bộ dành thời gian nghe đảng viên phản ánh ý kiến của người dân, rồi phân công người theo dõi đến cùng.",
            "Những việc làm lặng lẽ, bền bỉ ấy đã giúp chi bộ nhiều năm liền hoàn thành tốt nhiệm vụ, thôn giữ vững danh hiệu khu dân cư văn hóa. Với người dân trong thôn, ông là người bí thư “nói ít, làm nhiều”, luôn có mặt khi bà con cần.",
        ],
        "category": "guong-sang-dang-vien",
        "byline": "Hồng Nhung",
        "published": (-10, "08:00"),
        "tags": ["Sinh hoạt chi bộ", "Dân vận"],
        "picture": ("fields", "green"),
        "caption": "Đường làng sau khi được mở rộng",
        "view_count": 530,
    },
    {
        "slug": "toa-dam-chuyen-doi-so-trong-cong-tac-tuyen-truyen-o-co-so",
        "title": "Tọa đàm “Chuyển đổi số trong công tác tuyên truyền ở cơ sở”",
        "sapo": (
            "Tọa đàm do Ban Tuyên giáo Tỉnh ủy tổ chức theo hình thức trực tiếp kết hợp trực tuyến, "
            "tập trung trao đổi cách đưa thông tin chính thống đến người dân qua các nền tảng số mà "
            "vẫn giữ được sự gần gũi của tuyên truyền miệng."
        ),
        "body": [
            "Đồng chí Trần Thị Minh Hà, Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy, chủ trì tọa đàm. Tham dự có đại diện Sở Khoa học và Công nghệ, Tỉnh đoàn, các cơ quan báo chí của tỉnh và cán bộ làm công tác tuyên giáo của nhiều xã, phường.",
            "Các ý kiến cho rằng người dân ngày càng tiếp nhận thông tin chủ yếu qua điện thoại. Nếu thông tin chính thống đến chậm, thiếu hấp dẫn thì khoảng trống sẽ bị lấp bởi tin đồn, thậm chí thông tin xấu độc. Vì vậy, cán bộ tuyên giáo cơ sở cần biết viết ngắn, dùng hình ảnh phù hợp và trả lời kịp thời những thắc mắc của người dân.",
            "Đồng chí Phạm Thu Hương, Giám đốc Sở Khoa học và Công nghệ, giới thiệu một số nền tảng số dùng chung của tỉnh, lưu ý các yêu cầu về an toàn thông tin khi lập và quản trị các nhóm trao đổi trên mạng xã hội.",
            "Đồng chí Ngô Thị Thanh Tâm, Bí thư Tỉnh đoàn, chia sẻ kinh nghiệm của đoàn viên thanh niên trong sản xuất các video ngắn giới thiệu chính sách mới, gương người tốt, việc tốt ở địa phương.",
            "Kết luận tọa đàm, đồng chí Trần Thị Minh Hà đề nghị các đảng ủy cơ sở rà soát các kênh thông tin đang sử dụng, phân công người quản trị rõ ràng, gắn chuyển đổi số với nâng cao chất lượng nội dung, không chạy theo số lượt xem.",
        ],
        "category": "tin-trong-tinh",
        "byline": "Minh Hằng",
        "published": (-12, "16:45"),
        "tags": ["Chuyển đổi số", "Hội nghị trực tuyến", "Tuyên truyền miệng"],
        "events": ["toa-dam-chuyen-doi-so-trong-cong-tac-tuyen-truyen-o-co-so"],
        "participants": ["tran-thi-minh-ha", "pham-thu-huong", "ngo-thi-thanh-tam"],
        "resolutions": [NQ57, SAMPLE_GUIDANCE],
        "picture": ("network", "green"),
        "caption": "Tọa đàm về chuyển đổi số trong công tác tuyên truyền",
        "view_count": 940,
    },
    {
        "slug": "nhan-dien-va-dau-tranh-voi-thong-tin-sai-lech-tren-khong-gian-mang",
        "title": "Nhận diện và đấu tranh với thông tin sai lệch trên không gian mạng",
        "sapo": (
            "Thông tin sai lệch thường không xuất hiện dưới dạng những luận điệu lộ liễu mà được lồng "
            "vào các câu chuyện đời thường, số liệu bị cắt xén hay hình ảnh bị cắt ghép. Nhận diện "
            "đúng là bước đầu tiên để đấu tranh hiệu quả."
        ),
        "body": [
            ("h2", "Những thủ đoạn thường gặp"),
            "Qua theo dõi của các cơ quan chức năng, thông tin sai lệch trên mạng xã hội thường có một số dạng: đưa tin thật nhưng thiếu bối cảnh để dẫn người đọc đến kết luận sai; dùng hình ảnh, video cũ gán cho sự việc mới; mạo danh cơ quan nhà nước, cán bộ lãnh đạo để đưa ra “thông báo”; lợi dụng những vụ việc tiêu cực đơn lẻ để quy chụp bản chất của cả hệ thống.",
            "Đáng chú ý, nhiều nội dung được thiết kế để khơi gợi cảm xúc mạnh như phẫn nộ, lo sợ, thương cảm, khiến người đọc chia sẻ ngay mà không kiểm chứng. Chính sự lan truyền vô tình ấy làm cho thông tin sai lệch có sức ảnh hưởng lớn hơn nhiều so với nguồn phát tán ban đầu.",
            ("h2", "Mỗi cán bộ, đảng viên là một “bộ lọc”"),
            "Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới đã xác định đây là nhiệm vụ của cả hệ thống chính trị, trong đó mỗi cán bộ, đảng viên phải gương mẫu, chủ động tham gia.",
            "Trong thực tế, việc làm đơn giản mà hiệu quả là không vội chia sẻ; kiểm tra nguồn tin từ các trang chính thống; phản ánh kịp thời cho cơ quan chức năng khi phát hiện nội dung có dấu hiệu vi phạm pháp luật. Khi tham gia bình luận, cần dùng lý lẽ, số liệu chính xác, giữ thái độ điềm tĩnh, tránh tranh cãi gay gắt làm nội dung xấu lan rộng hơn.",
            (
                "quote",
                "Đấu tranh phản bác quan điểm sai trái không chỉ là “chống” mà quan trọng hơn là “xây”: làm cho thông tin chính thống đến với người dân sớm hơn, dễ hiểu hơn và đáng tin cậy hơn.",
            ),
            "Để làm được điều đó, các cơ quan tuyên giáo, báo chí của tỉnh cần chủ động cung cấp thông tin về những vấn đề dư luận quan tâm; đội ngũ báo cáo viên, tuyên truyền viên ở cơ sở cần được cập nhật thông tin thường xuyên để giải thích kịp thời cho người dân.",
        ],
        "category": "bao-ve-nen-tang-tu-tuong-cua-dang",
        "byline": "Đức Anh",
        "published": (-14, "07:45"),
        "tags": ["Bảo vệ nền tảng tư tưởng"],
        "resolutions": [NQ35],
        "picture": ("waves", "maroon"),
        "caption": "Mỗi cán bộ, đảng viên cần là một “bộ lọc” thông tin",
        "is_featured": True,
        "view_count": 1580,
    },
    {
        "slug": "hoc-bac-ve-phong-cach-lam-viec-khoa-hoc-sat-thuc-te",
        "title": "Học Bác về phong cách làm việc khoa học, sát thực tế",
        "sapo": (
            "Ra đời năm 1947, tác phẩm “Sửa đổi lối làm việc” của Chủ tịch Hồ Chí Minh đến nay vẫn là "
            "cẩm nang quý cho cán bộ, đảng viên trong rèn luyện tác phong, phương pháp công tác."
        ),
        "body": [
            "Tác phẩm được Chủ tịch Hồ Chí Minh viết vào tháng 10/1947, ký bút danh X.Y.Z, khi cuộc kháng chiến chống thực dân Pháp đang ở giai đoạn gay go. Người chỉ ra những khuyết điểm trong lối làm việc của cán bộ và yêu cầu phải sửa đổi để công tác đạt hiệu quả, để Đảng gắn bó với Nhân dân.",
            ("quote", "Cán bộ là cái gốc của mọi công việc."),
            "Lời dạy ấy nhắc nhở rằng mọi chủ trương đúng chỉ thành hiện thực khi có đội ngũ cán bộ đủ phẩm chất, năng lực và phương pháp làm việc phù hợp. Làm việc khoa học theo tinh thần của Bác trước hết là nắm chắc tình hình: việc gì cũng phải điều tra, nghiên cứu, lắng nghe ý kiến của cơ sở trước khi quyết định.",
            "Phong cách ấy còn thể hiện ở chỗ nói đi đôi với làm, không phô trương hình thức. Báo cáo phải ngắn gọn, đúng sự thật; hội họp phải thiết thực, có kết luận rõ ràng, phân công người, phân công việc và kiểm tra việc thực hiện.",
            "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, nhiều cơ quan, đơn vị đã cụ thể hóa bằng những việc làm thiết thực: giảm số cuộc họp, tăng thời gian đi cơ sở, công khai quy trình giải quyết công việc, tiếp nhận phản ánh của người dân qua nhiều kênh.",
            "Học Bác về phong cách làm việc không phải là việc của một đợt, một phong trào, mà là sự tự rèn luyện thường xuyên của mỗi cán bộ, đảng viên, bắt đầu từ những việc nhỏ nhất trong công việc hằng ngày.",
        ],
        "category": "hoc-tap-va-lam-theo-bac",
        "byline": "Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy",
        "published": (-17, "08:30"),
        "tags": ["Học tập và làm theo Bác"],
        "resolutions": [CT05],
        "picture": ("book", "red"),
        "caption": "Tác phẩm “Sửa đổi lối làm việc” vẫn là cẩm nang cho cán bộ, đảng viên",
        "view_count": 690,
    },
    {
        "slug": "hoi-nghi-bao-cao-vien-tinh-uy-thong-tin-thoi-su-dinh-huong-tuyen-truyen",
        "title": "Hội nghị báo cáo viên Tỉnh ủy: thông tin thời sự, định hướng công tác tuyên truyền",
        "sapo": (
            "Sáng nay, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên theo hình thức trực tiếp "
            "kết hợp trực tuyến tới các điểm cầu cơ sở, thông tin tình hình thời sự và định hướng những "
            "nội dung tuyên truyền trọng tâm."
        ),
        "body": [
            "Đồng chí Nguyễn Văn Thành, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy, chủ trì hội nghị. Tại các điểm cầu cơ sở có báo cáo viên, tuyên truyền viên, cán bộ làm công tác tuyên giáo của các đảng ủy xã, phường.",
            "Tại hội nghị, đồng chí Lê Quang Vinh, Phó Trưởng ban Tuyên giáo Tỉnh ủy, thông tin về tình hình kinh tế - xã hội của tỉnh, kết quả thực hiện các chỉ tiêu chủ yếu và những việc cần tập trung trong thời gian tới.",
            "Đồng chí Trần Thị Minh Hà, Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy, định hướng công tác tuyên truyền, trong đó nhấn mạnh việc tiếp tục tuyên truyền sâu rộng các nghị quyết về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; công tác bảo vệ nền tảng tư tưởng của Đảng; những gương điển hình trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
            "Phát biểu kết luận, đồng chí Nguyễn Văn Thành đề nghị đội ngũ báo cáo viên nắm chắc tình hình tư tưởng ở cơ sở, phản ánh kịp thời những vấn đề dư luận quan tâm; đổi mới cách truyền đạt, lồng ghép thông tin thời sự với những câu chuyện cụ thể của địa phương để người nghe dễ hiểu, dễ nhớ.",
            "Cũng tại hội nghị, các đại biểu được nghe tổng hợp ý kiến phản ánh từ cơ sở trong thời gian qua và trao đổi về cách giải đáp một số thắc mắc thường gặp của người dân.",
        ],
        "category": "tin-trong-tinh",
        "byline": "Thu Trang",
        "published": (-20, "11:45"),
        "tags": ["Báo cáo viên", "Hội nghị trực tuyến"],
        "events": ["hoi-nghi-bao-cao-vien-tinh-uy-thong-tin-thoi-su"],
        "participants": ["nguyen-van-thanh", "le-quang-vinh", "tran-thi-minh-ha"],
        "picture": ("hall", "maroon"),
        "caption": "Hội nghị báo cáo viên Tỉnh ủy tại điểm cầu Tỉnh ủy",
        "view_count": 720,
    },
    {
        "slug": "nang-cao-chat-luong-doi-ngu-bao-cao-vien-co-so",
        "title": "Nâng cao chất lượng đội ngũ báo cáo viên cơ sở: từ thực tiễn đến giải pháp",
        "sapo": (
            "Báo cáo viên cơ sở là người gần dân nhất trong hệ thống tuyên truyền miệng. Chất lượng "
            "của đội ngũ này quyết định phần lớn việc chủ trương, chính sách có thực sự “thấm” vào "
            "đời sống hay không."
        ),
        "body": [
            ("h2", "Những hạn chế cần nhìn thẳng"),
            "Khảo sát tại một số xã, phường cho thấy, đội ngũ báo cáo viên cơ sở chủ yếu là cán bộ kiêm nhiệm, ít thời gian nghiên cứu tài liệu. Không ít buổi nói chuyện còn nặng về đọc lại văn bản, thiếu ví dụ gắn với địa phương; việc nắm bắt, phản ánh tư tưởng, dư luận của người dân có lúc chưa kịp thời.",
            "Bên cạnh đó, tài liệu cung cấp cho cơ sở còn dàn trải, dung lượng lớn, chưa được biên tập lại cho phù hợp với từng đối tượng nghe. Chế độ hỗ trợ cho báo cáo viên kiêm nhiệm còn thấp, chưa tạo được động lực gắn bó lâu dài.",
            ("h2", "Một số giải pháp"),
            (
                "ol",
                [
                    "Chuẩn hóa tiêu chuẩn lựa chọn báo cáo viên cơ sở, ưu tiên người có uy tín, có khả năng diễn đạt, am hiểu tình hình địa phương.",
                    "Biên soạn tài liệu “rút gọn” theo từng chủ đề, có phần hỏi - đáp và ví dụ minh họa, cung cấp cả bản in và bản điện tử.",
                    "Bồi dưỡng theo hình thức thực hành: mỗi học viên chuẩn bị và trình bày một bài nói chuyện, được góp ý trực tiếp.",
                    "Gắn đánh giá báo cáo viên với ý kiến phản hồi của người nghe, đồng thời động viên, khen thưởng kịp thời.",
                ],
            ),
            "Những giải pháp trên cần được thực hiện đồng bộ, với sự vào cuộc của cấp ủy cơ sở. Khi báo cáo viên được trang bị đủ thông tin, phương pháp và động lực, tuyên truyền miệng sẽ tiếp tục phát huy thế mạnh “mưa dầm thấm lâu”, đi vào lòng người.",
        ],
        "category": "nghien-cuu-trao-doi",
        "byline": "ThS. Đặng Thị Thu Hiền, Trường Chính trị tỉnh",
        "published": (-22, "07:15"),
        "tags": ["Báo cáo viên", "Tuyên truyền miệng"],
        "picture": ("book", "navy"),
        "caption": "Báo cáo viên cơ sở cần được bồi dưỡng thường xuyên",
        "view_count": 350,
    },
    {
        "slug": "ho-tro-doanh-nghiep-nho-va-vua-doi-moi-cong-nghe",
        "title": "Hỗ trợ doanh nghiệp nhỏ và vừa đổi mới công nghệ",
        "sapo": (
            "Sở Khoa học và Công nghệ đang triển khai chương trình hỗ trợ doanh nghiệp nhỏ và vừa "
            "đánh giá trình độ công nghệ, xây dựng lộ trình đổi mới phù hợp với quy mô và khả năng tài "
            "chính của từng đơn vị."
        ),
        "body": [
            "Theo đồng chí Phạm Thu Hương, Giám đốc Sở Khoa học và Công nghệ, phần lớn doanh nghiệp trên địa bàn có quy mô nhỏ, máy móc đã qua nhiều năm sử dụng, trong khi nguồn vốn để đầu tư mới còn hạn chế. Vì vậy, chương trình không đặt mục tiêu thay đổi toàn bộ dây chuyền mà tập trung vào những khâu tạo ra giá trị gia tăng rõ nhất.",
            "Các chuyên gia đến từng doanh nghiệp khảo sát quy trình sản xuất, chỉ ra những điểm nghẽn về năng suất, chất lượng và tiêu hao năng lượng. Trên cơ sở đó, doanh nghiệp được tư vấn lựa chọn giải pháp: cải tiến thiết bị hiện có, ứng dụng phần mềm quản lý sản xuất, hay nhận chuyển giao công nghệ từ các viện, trường.",
            "Một cơ sở chế biến nông sản sau khi được hỗ trợ đã lắp đặt hệ thống sấy điều khiển nhiệt độ tự động, giảm tỷ lệ sản phẩm hỏng và rút ngắn thời gian sấy. Một doanh nghiệp may mặc ứng dụng phần mềm theo dõi tiến độ từng chuyền, giúp quản lý đơn hàng chính xác hơn.",
            "Chương trình là một trong những việc làm cụ thể hóa Nghị quyết số 57-NQ/TW của Bộ Chính trị, trong đó coi doanh nghiệp là trung tâm của hoạt động đổi mới sáng tạo. Sở Khoa học và Công nghệ sẽ tiếp tục phối hợp với các hiệp hội doanh nghiệp để mở rộng đối tượng hỗ trợ.",
            "Doanh nghiệp quan tâm có thể đăng ký trực tuyến trên trang thông tin của Sở hoặc liên hệ phòng quản lý công nghệ để được hướng dẫn thủ tục.",
        ],
        "category": "khoa-hoc-cong-nghe-chuyen-doi-so",
        "byline": "Văn Hải",
        "published": (-25, "15:20"),
        "tags": ["Khoa học công nghệ", "Đổi mới sáng tạo", "Nghị quyết 57-NQ/TW"],
        "participants": ["pham-thu-huong"],
        "resolutions": [NQ57],
        "picture": ("network", "teal"),
        "caption": "Doanh nghiệp nhỏ và vừa được hỗ trợ đổi mới công nghệ",
        "view_count": 410,
    },
    {
        "slug": "bien-soan-lich-su-dang-bo-xa-can-tu-lieu-chinh-xac-cach-viet-gan-gui",
        "title": "Biên soạn lịch sử đảng bộ xã: cần tư liệu chính xác, cách viết gần gũi",
        "sapo": (
            "Cuốn lịch sử đảng bộ không chỉ là tài liệu lưu trữ mà còn là “sách giáo khoa” về truyền "
            "thống cho cán bộ, đảng viên và Nhân dân địa phương. Muốn vậy, cuốn sách phải chính xác "
            "về tư liệu và hấp dẫn người đọc."
        ),
        "body": [
            ("h2", "Tư liệu là nền móng"),
            "Theo đồng chí Vũ Thị Lan Anh, Trưởng phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy, khó khăn lớn nhất khi biên soạn lịch sử đảng bộ cấp xã là nguồn tư liệu phân tán, nhiều văn bản giai đoạn đầu đã thất lạc, nhân chứng lịch sử tuổi cao, sức yếu.",
            "Vì vậy, ban biên soạn cần sưu tầm tư liệu từ nhiều nguồn: kho lưu trữ của tỉnh, các nghị quyết, báo cáo còn lưu ở xã, hồi ký, gia phả và đặc biệt là ghi âm, ghi hình lời kể của nhân chứng. Mỗi sự kiện, con số đưa vào sách phải được đối chiếu ít nhất hai nguồn độc lập.",
            ("h2", "Viết để người dân muốn đọc"),
            "Bên cạnh độ chính xác, cách viết cũng cần thay đổi. Thay vì liệt kê dày đặc số liệu, ban biên soạn có thể lồng ghép những câu chuyện tiêu biểu, những tấm gương cụ thể của địa phương, kèm theo ảnh tư liệu, bản đồ và phụ lục tra cứu.",
            "Trước khi xuất bản, bản thảo cần được lấy ý kiến rộng rãi của các đồng chí lão thành cách mạng, cán bộ qua các thời kỳ và gửi thẩm định theo quy định. Sau khi xuất bản, cuốn sách nên được giới thiệu trong sinh hoạt chi bộ, trường học và thư viện để thực sự đến với người đọc.",
        ],
        "category": "lich-su-dang-bo",
        "byline": "Lan Anh",
        "published": (-28, "09:10"),
        "tags": ["Lịch sử Đảng bộ"],
        "participants": ["vu-thi-lan-anh"],
        "picture": ("book", "brown"),
        "caption": "Tư liệu là nền móng của cuốn lịch sử đảng bộ",
        "view_count": 270,
    },
    {
        "slug": "phat-huy-gia-tri-di-san-van-hoa-trong-xay-dung-nong-thon-moi",
        "title": "Phát huy giá trị di sản văn hóa trong xây dựng nông thôn mới",
        "sapo": (
            "Hội thảo khoa học do Trường Chính trị tỉnh phối hợp với Ban Tuyên giáo Tỉnh ủy tổ chức "
            "đã nhận được nhiều tham luận về bảo tồn lễ hội truyền thống, di tích và nghề thủ công gắn "
            "với phát triển du lịch cộng đồng."
        ),
        "body": [
            "Đồng chí Hoàng Minh Đức, Hiệu trưởng Trường Chính trị tỉnh, chủ trì hội thảo. Tham dự có các nhà nghiên cứu văn hóa, cán bộ quản lý di tích, đại diện một số xã có di sản tiêu biểu và các nghệ nhân.",
            "Các tham luận khẳng định di sản văn hóa là nguồn lực quan trọng để xây dựng nông thôn mới bền vững. Ở nhiều nơi, việc tu bổ đình, chùa, nhà thờ họ, khôi phục lễ hội đã góp phần gắn kết cộng đồng, tạo sinh kế từ du lịch và làng nghề.",
            "Hội thảo cũng chỉ ra những bất cập: một số di tích được tu bổ chưa đúng nguyên tắc, làm mất yếu tố gốc; lễ hội có nơi bị thương mại hóa; lớp nghệ nhân cao tuổi giảm dần trong khi việc truyền dạy cho thế hệ trẻ còn gặp khó khăn.",
            "Đồng chí Vũ Thị Lan Anh, Trưởng phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy, đề xuất đưa nội dung giáo dục truyền thống, di sản địa phương vào sinh hoạt chi bộ, hoạt động ngoại khóa của trường học và xây dựng cơ sở dữ liệu số về di sản của từng xã.",
            "Ban tổ chức sẽ tổng hợp các ý kiến, kiến nghị gửi cấp có thẩm quyền, làm cơ sở tham mưu chính sách bảo tồn, phát huy giá trị di sản trong thời gian tới.",
        ],
        "category": "van-hoa-van-nghe",
        "byline": "Hồng Nhung",
        "published": (-30, "17:00"),
        "tags": ["Di sản văn hóa", "Nông thôn mới"],
        "events": ["hoi-thao-phat-huy-gia-tri-di-san-van-hoa-trong-xay-dung-nong-thon-moi"],
        "participants": ["hoang-minh-duc", "vu-thi-lan-anh"],
        "picture": ("drum", "red"),
        "caption": "Hoa văn trống đồng, biểu tượng của di sản văn hóa dân tộc",
        "view_count": 380,
    },
    {
        "slug": "dan-van-kheo-tu-nhung-cong-trinh-o-khu-dan-cu",
        "title": "Dân vận khéo từ những công trình ở khu dân cư",
        "sapo": (
            "“Dân vận kém thì việc gì cũng kém. Dân vận khéo thì việc gì cũng thành công” — lời dạy "
            "của Chủ tịch Hồ Chí Minh trong bài báo “Dân vận” đang được nhiều chi bộ vận dụng khi triển "
            "khai các công trình ở thôn, tổ dân phố."
        ),
        "body": [
            "Trong bài báo “Dân vận” đăng trên báo Sự thật ngày 15/10/1949, Chủ tịch Hồ Chí Minh viết: dân vận là vận động tất cả lực lượng của mỗi một người dân không để sót một người dân nào, góp thành lực lượng toàn dân, để thực hành những công việc nên làm. Lời dạy ấy đến nay vẫn nguyên giá trị.",
            "Ở một tổ dân phố, khi cải tạo hệ thống thoát nước, chi bộ không vội họp triển khai mà đi khảo sát cùng người dân, chỉ ra những điểm thường xuyên ngập úng. Phương án thiết kế, mức đóng góp và cách thức giám sát đều được đưa ra bàn bạc công khai tại hội nghị khu dân cư.",
            "Ở một thôn khác, việc lắp đèn chiếu sáng đường làng được thực hiện theo tinh thần “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”. Các hộ kinh doanh ủng hộ vật tư, đoàn viên thanh niên góp ngày công, người cao tuổi nhận nhiệm vụ theo dõi, bảo quản.",
            "Điểm chung của những nơi làm tốt là cán bộ, đảng viên gương mẫu đi trước, minh bạch mọi khoản đóng góp và kiên trì thuyết phục những hộ còn băn khoăn. Khi người dân thấy rõ lợi ích và được tôn trọng ý kiến, sự đồng thuận đến một cách tự nhiên.",
            "Từ những công trình nhỏ ở khu dân cư, niềm tin của Nhân dân đối với cấp ủy, chính quyền được củng cố — đó cũng là cách thiết thực để học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        ],
        "category": "hoc-tap-va-lam-theo-bac",
        "byline": "Quang Minh",
        "published": (-33, "08:00"),
        "tags": ["Dân vận", "Học tập và làm theo Bác"],
        "resolutions": [CT05],
        "view_count": 300,
    },
    {
        "slug": "thu-vien-so-mo-them-canh-cua-tri-thuc-cho-hoc-sinh-nong-thon",
        "title": "Thư viện số mở thêm cánh cửa tri thức cho học sinh vùng nông thôn",
        "sapo": (
            "Từ máy tính và đường truyền internet sẵn có, nhiều trường học ở vùng nông thôn đã xây "
            "dựng thư viện số, giúp học sinh tiếp cận nguồn sách, tài liệu phong phú hơn."
        ),
        "body": [
            "Ở một trường trung học cơ sở, thư viện số được xây dựng trên nền tảng do ngành giáo dục cung cấp, kết hợp với kho sách giáo khoa, sách tham khảo điện tử được cấp phép. Học sinh có thể mượn sách điện tử bằng tài khoản cá nhân, đọc trên máy tính của trường hoặc thiết bị ở nhà.",
            "Cô giáo phụ trách thư viện cho biết, điều khó nhất không phải là thiết bị mà là hình thành thói quen đọc. Vì vậy, nhà trường tổ chức các buổi giới thiệu sách, cuộc thi viết cảm nhận về cuốn sách em yêu thích, câu lạc bộ đọc sách theo khối lớp.",
            "Thư viện số cũng hỗ trợ giáo viên soạn bài, tìm kiếm tư liệu, nhất là các môn lịch sử, địa lý, giáo dục công dân. Một số bài giảng về lịch sử địa phương được số hóa, kèm hình ảnh di tích, hiện vật, giúp tiết học sinh động hơn.",
            "Tuy vậy, đường truyền internet ở một số điểm trường còn chậm, số thiết bị chưa đáp ứng nhu cầu. Ngành giáo dục đang phối hợp với các doanh nghiệp viễn thông và vận động xã hội hóa để từng bước khắc phục.",
            "Thư viện số không thay thế thư viện truyền thống, nhưng mở thêm một cánh cửa để học sinh nông thôn được tiếp cận tri thức bình đẳng hơn với bạn bè ở thành phố.",
        ],
        "category": "van-hoa-xa-hoi",
        "byline": "Thanh Bình",
        "published": (-36, "10:00"),
        "tags": ["Chuyển đổi số", "Nông thôn mới"],
        "picture": ("book", "teal"),
        "caption": "Thư viện số ở trường học vùng nông thôn",
        "view_count": 210,
    },
    {
        "slug": "doan-vien-thanh-nien-huong-dan-nguoi-cao-tuoi-dung-dich-vu-cong-truc-tuyen",
        "title": "Đoàn viên thanh niên hướng dẫn người cao tuổi dùng dịch vụ công trực tuyến",
        "sapo": (
            "Tại bộ phận tiếp nhận và trả kết quả của nhiều xã, phường, các tổ tình nguyện của đoàn "
            "thanh niên đang trở thành “cánh tay nối dài”, giúp người dân làm quen với dịch vụ công "
            "trực tuyến."
        ),
        "body": [
            "Mỗi buổi sáng, hai đến ba đoàn viên có mặt tại bộ phận một cửa, hướng dẫn người dân quét mã, điền tờ khai điện tử, chụp và tải giấy tờ lên hệ thống. Những trường hợp phức tạp được hướng dẫn từng bước cho đến khi hồ sơ được tiếp nhận.",
            "Theo đồng chí Ngô Thị Thanh Tâm, Bí thư Tỉnh đoàn, mô hình không làm thay người dân mà hướng dẫn để lần sau người dân tự làm được. Đoàn viên cũng ghi lại những lỗi thường gặp để phản ánh với cơ quan chuyên môn, góp phần hoàn thiện biểu mẫu.",
            "Nhiều người cao tuổi ban đầu e ngại vì sợ “bấm nhầm”, lo lộ thông tin cá nhân. Các tình nguyện viên kiên trì giải thích cách bảo vệ mật khẩu, không cung cấp mã xác thực cho người lạ — những kỹ năng giúp người dân an toàn hơn trên môi trường mạng.",
            "Bên cạnh làm thủ tục, các tổ tình nguyện còn hướng dẫn cài đặt ứng dụng định danh điện tử, tra cứu thông tin bảo hiểm xã hội, đăng ký khám bệnh trực tuyến.",
            "Cán bộ bộ phận một cửa cho biết, từ khi có tình nguyện viên hỗ trợ, thời gian chờ của người dân giảm rõ rệt, tỷ lệ hồ sơ nộp trực tuyến tăng lên. Mô hình đang được nhân rộng trong toàn tỉnh.",
        ],
        "category": "hoat-dong-co-so",
        "byline": "Thu Trang",
        "published": (-40, "14:30"),
        "tags": ["Thanh niên", "Chuyển đổi số"],
        "participants": ["ngo-thi-thanh-tam"],
        "picture": ("waves", "teal"),
        "caption": "Tình nguyện viên hỗ trợ người dân tại bộ phận một cửa",
        "view_count": 460,
    },
    {
        "slug": "so-ket-viec-thuc-hien-nghi-quyet-57-nq-tw-tren-dia-ban-tinh",
        "title": "Sơ kết việc thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh",
        "sapo": (
            "Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến, đánh giá kết quả thực "
            "hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, "
            "đổi mới sáng tạo và chuyển đổi số quốc gia và kế hoạch thực hiện của Tỉnh ủy."
        ),
        "body": [
            "Đồng chí Bùi Văn Hiệp, Phó Chủ tịch UBND tỉnh, chủ trì hội nghị tại điểm cầu Tỉnh ủy. Tham dự có lãnh đạo các sở, ban, ngành; tại các điểm cầu cơ sở có lãnh đạo đảng ủy, ủy ban nhân dân các xã, phường.",
            "Báo cáo do đồng chí Phạm Thu Hương, Giám đốc Sở Khoa học và Công nghệ, trình bày cho biết: các cấp ủy, chính quyền đã ban hành kế hoạch, chương trình hành động cụ thể; hạ tầng số tiếp tục được đầu tư; nhiều thủ tục hành chính được thực hiện trực tuyến toàn trình; phong trào học tập kỹ năng số được triển khai rộng khắp.",
            "Bên cạnh kết quả đạt được, báo cáo cũng chỉ ra những hạn chế: nguồn nhân lực công nghệ thông tin ở cơ sở còn thiếu; dữ liệu giữa các ngành chưa được kết nối đồng bộ; một số đơn vị còn lúng túng trong lựa chọn nhiệm vụ trọng tâm.",
            ("h2", "Nhiệm vụ thời gian tới"),
            (
                "ul",
                [
                    "Hoàn thiện cơ sở dữ liệu dùng chung, bảo đảm kết nối, chia sẻ giữa các ngành;",
                    "Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, nhất là ở cấp xã;",
                    "Tạo điều kiện để doanh nghiệp tham gia nghiên cứu, ứng dụng và chuyển giao công nghệ;",
                    "Lấy kết quả thực hiện nghị quyết làm tiêu chí đánh giá thi đua, khen thưởng hằng năm.",
                ],
            ),
            "Phát biểu tại hội nghị, đồng chí Nguyễn Văn Thành, Trưởng Ban Tuyên giáo Tỉnh ủy, đề nghị tiếp tục đổi mới công tác tuyên truyền để cán bộ, đảng viên và Nhân dân hiểu rõ vai trò của khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, từ đó chủ động tham gia thực hiện.",
        ],
        "category": "tin-trong-tinh",
        "byline": "Minh Hằng",
        "published": (-45, "16:45"),
        "tags": ["Nghị quyết 57-NQ/TW", "Chuyển đổi số", "Hội nghị trực tuyến"],
        "events": ["hoi-nghi-so-ket-thuc-hien-nghi-quyet-57-tren-dia-ban-tinh"],
        "participants": ["bui-van-hiep", "pham-thu-huong", "nguyen-van-thanh"],
        "resolutions": [NQ57, NQ03_CP, SAMPLE_PLAN],
        "picture": ("rays", "red"),
        "caption": "Hội nghị sơ kết việc thực hiện Nghị quyết số 57-NQ/TW",
        "view_count": 530,
    },
    {
        "slug": "tu-soi-tu-sua-de-giu-vung-pham-chat-nguoi-dang-vien",
        "title": "Tự soi, tự sửa để giữ vững phẩm chất người đảng viên",
        "sapo": (
            "Tự phê bình và phê bình là quy luật phát triển của Đảng. Việc mỗi đảng viên thường xuyên "
            "tự soi, tự sửa là cách phòng ngừa hiệu quả trước nguy cơ suy thoái về tư tưởng chính trị, "
            "đạo đức, lối sống."
        ),
        "body": [
            "Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị đặt ra yêu cầu kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”.",
            "Để thực hiện yêu cầu ấy, trước hết mỗi đảng viên phải đối chiếu bản thân với những biểu hiện suy thoái đã được chỉ rõ, thẳng thắn nhận ra khuyết điểm, dù nhỏ. Tự soi không phải là việc làm một lần trong dịp kiểm điểm cuối năm mà phải trở thành thói quen trong công việc và sinh hoạt hằng ngày.",
            "Ở nhiều chi bộ, việc kiểm điểm đã đi vào thực chất hơn: đảng viên đăng ký việc cần sửa, chi bộ theo dõi và nhận xét kết quả trong các kỳ sinh hoạt sau. Người đứng đầu cơ quan, đơn vị nêu gương trước, tạo không khí dân chủ, thẳng thắn mà vẫn chân thành, giúp nhau cùng tiến bộ.",
            (
                "quote",
                "Tự soi, tự sửa là việc của mỗi người; nhưng để làm thường xuyên thì cần một tập thể chi bộ đủ dân chủ để nói thật và đủ tình đồng chí để giúp nhau sửa.",
            ),
            "Bên cạnh đó, cần phát huy vai trò giám sát của Nhân dân, của Mặt trận Tổ quốc và các đoàn thể. Những phản ánh của người dân về thái độ, tác phong của cán bộ, đảng viên phải được tiếp nhận, xem xét nghiêm túc và trả lời công khai.",
            "Giữ vững phẩm chất người đảng viên không phải là đích đến mà là quá trình rèn luyện liên tục. Mỗi lần tự soi, tự sửa là một lần đảng viên góp phần củng cố niềm tin của Nhân dân đối với Đảng.",
        ],
        "category": "xay-dung-dang",
        "byline": "Đức Anh",
        "published": (-48, "07:00"),
        "tags": ["Sinh hoạt chi bộ"],
        "resolutions": [KL21],
        "picture": ("drum", "maroon"),
        "caption": "Tự phê bình và phê bình là quy luật phát triển của Đảng",
        "view_count": 440,
    },
    {
        "slug": "so-hoa-tu-lieu-lich-su-tai-cac-nha-truyen-thong",
        "title": "Số hóa tư liệu lịch sử tại các nhà truyền thống",
        "sapo": (
            "Nhiều hiện vật, tài liệu quý về lịch sử đảng bộ và phong trào cách mạng ở địa phương đang "
            "được chụp ảnh, quét và lập hồ sơ điện tử, vừa để bảo quản lâu dài, vừa giúp người dân dễ "
            "tiếp cận."
        ),
        "body": [
            "Các nhà truyền thống cấp xã lưu giữ nhiều kỷ vật của các chiến sĩ cách mạng, thư từ thời chiến, bằng khen, ảnh tư liệu. Tuy nhiên, điều kiện bảo quản còn hạn chế, nhiều tài liệu giấy đã ố vàng, mờ chữ.",
            "Việc số hóa được thực hiện theo quy trình: kiểm kê, phân loại hiện vật; chụp ảnh, quét với độ phân giải cao; lập phiếu mô tả gồm nguồn gốc, niên đại, người hiến tặng; lưu trữ dữ liệu tại máy chủ của cơ quan chuyên môn và có bản sao dự phòng.",
            "Theo đồng chí Vũ Thị Lan Anh, Trưởng phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy, tư liệu số hóa sẽ phục vụ biên soạn, tái bản lịch sử đảng bộ các xã, đồng thời được chọn lọc để giới thiệu trên trang thông tin điện tử, phục vụ giáo dục truyền thống cho thế hệ trẻ.",
            "Trong quá trình số hóa, nhiều gia đình đã chủ động mang kỷ vật đến để chụp ảnh, lập hồ sơ, trong khi vẫn giữ lại bản gốc. Nhờ vậy, kho tư liệu được bổ sung thêm nhiều câu chuyện chưa từng được ghi chép.",
            "Cơ quan chuyên môn lưu ý việc công bố tư liệu phải bảo đảm quy định về lưu trữ và quyền của người hiến tặng; thông tin cá nhân của nhân chứng chỉ được sử dụng khi có sự đồng ý.",
        ],
        "category": "lich-su-dang-bo",
        "byline": "Lan Anh",
        "published": (-52, "09:30"),
        "tags": ["Lịch sử Đảng bộ", "Chuyển đổi số"],
        "participants": ["vu-thi-lan-anh"],
        "picture": ("network", "brown"),
        "caption": "Tư liệu lịch sử được số hóa để bảo quản lâu dài",
        "view_count": 190,
    },
    {
        "slug": "vi-sao-can-doi-moi-cach-truyen-dat-nghi-quyet-den-dang-vien",
        "title": "Vì sao cần đổi mới cách truyền đạt nghị quyết đến đảng viên?",
        "sapo": (
            "Nghị quyết chỉ đi vào cuộc sống khi đảng viên hiểu đúng, hiểu đủ và thấy rõ việc mình cần "
            "làm. Cách truyền đạt một chiều, đọc lại nguyên văn văn bản đang bộc lộ nhiều hạn chế."
        ),
        "body": [
            "Thực tế ở không ít nơi, hội nghị học tập nghị quyết kéo dài cả buổi nhưng phần lớn thời gian dành cho việc đọc tài liệu. Người nghe khó ghi nhớ, ít có cơ hội đặt câu hỏi, còn người truyền đạt cũng khó biết nội dung nào người nghe chưa rõ.",
            "Đổi mới cách truyền đạt không có nghĩa là đơn giản hóa nội dung nghị quyết, mà là chọn đúng điểm cốt lõi, gắn với nhiệm vụ cụ thể của từng địa phương, đơn vị. Chẳng hạn, khi quán triệt Nghị quyết số 57-NQ/TW, báo cáo viên ở xã thuần nông nên nhấn mạnh chuyển đổi số trong sản xuất, tiêu thụ nông sản và dịch vụ công, thay vì trình bày dàn trải mọi nội dung.",
            "Một số cách làm đã được kiểm nghiệm:",
            (
                "ul",
                [
                    "Chuẩn bị tài liệu tóm tắt, sơ đồ hóa những nội dung chính;",
                    "Dành thời gian hỏi - đáp, thảo luận nhóm ngay tại hội nghị;",
                    "Sử dụng ví dụ, số liệu của chính địa phương;",
                    "Kết thúc bằng việc mỗi chi bộ, mỗi đảng viên xác định việc cụ thể sẽ làm.",
                ],
            ),
            "Sau hội nghị, việc theo dõi, đánh giá mức độ hiểu và thực hiện của đảng viên cũng cần được coi trọng. Một số nơi đã thử nghiệm bài kiểm tra ngắn, khảo sát trực tuyến để biết nội dung nào cần giải thích thêm.",
            "Khi cách truyền đạt thay đổi, hội nghị học tập nghị quyết sẽ không còn là việc “làm cho đủ thủ tục” mà trở thành diễn đàn để đảng viên hiểu sâu, bàn kỹ và cùng hành động.",
        ],
        "category": "nghien-cuu-trao-doi",
        "byline": "TS. Nguyễn Hữu Phúc",
        "published": (-56, "08:00"),
        "tags": ["Tuyên truyền miệng", "Nghị quyết 57-NQ/TW"],
        "resolutions": [NQ57],
        "view_count": 150,
    },
    {
        "slug": "trao-giai-bao-chi-cua-tinh-ve-xay-dung-dang",
        "title": "Trao Giải báo chí của tỉnh về xây dựng Đảng",
        "sapo": (
            "Ban tổ chức đã trao giải cho các tác phẩm báo chí xuất sắc phản ánh sinh động công tác xây "
            "dựng Đảng và hệ thống chính trị, những gương cán bộ, đảng viên tiêu biểu trên địa bàn tỉnh."
        ),
        "body": [
            "Đồng chí Nguyễn Văn Thành, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy, Trưởng Ban tổ chức giải, chủ trì lễ trao giải. Tham dự có lãnh đạo các cơ quan báo chí, Hội Nhà báo tỉnh và các tác giả đoạt giải.",
            "Năm nay, ban tổ chức nhận được nhiều tác phẩm ở các loại hình báo in, báo điện tử, phát thanh và truyền hình. Các tác phẩm bám sát những vấn đề thời sự của công tác xây dựng Đảng, phản ánh kết quả thực hiện các nghị quyết, chỉ thị của Đảng ở cơ sở, đồng thời mạnh dạn chỉ ra những hạn chế cần khắc phục.",
            "Đồng chí Lê Quang Vinh, Phó Trưởng ban Tuyên giáo Tỉnh ủy, Trưởng ban giám khảo, đánh giá chất lượng tác phẩm được nâng lên rõ rệt; nhiều tác phẩm được đầu tư công phu, sử dụng hiệu quả hình thức báo chí đa phương tiện, đồ họa, dữ liệu.",
            "Phát biểu tại buổi lễ, đồng chí Nguyễn Văn Thành ghi nhận sự đồng hành của đội ngũ người làm báo, đề nghị các cơ quan báo chí tiếp tục phát hiện, cổ vũ nhân tố mới, mô hình hay, đồng thời tích cực tham gia bảo vệ nền tảng tư tưởng của Đảng.",
            "Dịp này, ban tổ chức trao các giải A, B, C và giải khuyến khích cho các tác giả, nhóm tác giả có tác phẩm xuất sắc.",
        ],
        "category": "tin-trong-tinh",
        "byline": "Văn Hải",
        "published": (-60, "17:30"),
        "tags": ["Báo chí", "Bảo vệ nền tảng tư tưởng"],
        "events": ["le-trao-giai-bao-chi-ve-xay-dung-dang"],
        "participants": ["nguyen-van-thanh", "le-quang-vinh"],
        "picture": ("rays", "maroon"),
        "caption": "Lễ trao Giải báo chí của tỉnh về xây dựng Đảng",
        "view_count": 260,
    },
    {
        "slug": "chi-bo-guong-mau-khu-dan-cu-binh-yen",
        "title": "Chi bộ gương mẫu, khu dân cư bình yên",
        "sapo": (
            "Gắn nhiệm vụ xây dựng chi bộ với bảo đảm an ninh trật tự và vệ sinh môi trường, nhiều chi "
            "bộ thôn, tổ dân phố đã tạo được chuyển biến rõ nét ngay tại khu dân cư."
        ),
        "body": [
            "Mô hình đặt ra những tiêu chí cụ thể, dễ kiểm tra: chi bộ sinh hoạt đúng kỳ, có nội dung chuyên đề; mỗi đảng viên phụ trách một nhóm hộ; khu dân cư không có tội phạm nghiêm trọng, không có điểm tụ tập gây mất trật tự; đường làng, ngõ xóm sạch sẽ.",
            "Điểm mới là kết quả thực hiện được công khai tại nhà văn hóa để người dân cùng theo dõi và góp ý. Cuối năm, việc đánh giá chi bộ có tham khảo ý kiến của Ban công tác Mặt trận và các chi hội đoàn thể ở khu dân cư.",
            "Nhiều chi bộ đã linh hoạt trong cách làm: thành lập tổ tự quản camera an ninh; lập nhóm trao đổi trực tuyến của khu dân cư để tiếp nhận phản ánh; vận động các hộ cam kết phân loại rác tại nguồn.",
            "Sau một thời gian triển khai, số vụ việc mất an ninh trật tự ở các khu dân cư tham gia mô hình giảm rõ rệt; các mâu thuẫn nhỏ trong cộng đồng được hòa giải ngay tại cơ sở. Quan trọng hơn, vai trò hạt nhân lãnh đạo của chi bộ được người dân ghi nhận.",
            "Từ kết quả bước đầu, các đảng ủy đang nghiên cứu điều chỉnh tiêu chí cho phù hợp với từng loại hình chi bộ: nông thôn, đô thị, doanh nghiệp.",
        ],
        "category": "xay-dung-dang",
        "byline": "Hồng Nhung",
        "published": (-67, "08:15"),
        "tags": ["Sinh hoạt chi bộ", "Dân vận"],
        "picture": ("fields", "green"),
        "caption": "Khu dân cư bình yên nhờ chi bộ gương mẫu",
        "view_count": 320,
    },
    {
        "slug": "cach-mang-cong-nghiep-lan-thu-tu-va-yeu-cau-doi-voi-can-bo-tuyen-giao",
        "title": "Cách mạng công nghiệp lần thứ tư và yêu cầu đối với cán bộ tuyên giáo",
        "sapo": (
            "Cuộc Cách mạng công nghiệp lần thứ tư làm thay đổi căn bản cách con người tiếp nhận thông "
            "tin. Điều đó đặt ra yêu cầu mới về kiến thức, kỹ năng và phương pháp làm việc của đội ngũ "
            "cán bộ tuyên giáo."
        ),
        "body": [
            "Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư đã chỉ ra cả cơ hội và thách thức mà cuộc cách mạng này mang lại. Đối với công tác tuyên giáo, thách thức rõ nhất là tốc độ lan truyền thông tin và sự đa dạng của các nguồn tin.",
            ("h2", "Từ “người truyền đạt” thành “người dẫn dắt”"),
            "Khi người dân có thể tự tìm kiếm thông tin chỉ trong vài giây, vai trò của cán bộ tuyên giáo không chỉ là truyền đạt mà còn là giúp người dân phân biệt đúng sai, hiểu bản chất vấn đề và định hướng hành động. Điều này đòi hỏi cán bộ phải có kiến thức rộng, thường xuyên cập nhật và có khả năng phân tích.",
            "Cán bộ tuyên giáo cũng cần thành thạo các công cụ số: sản xuất nội dung ngắn, đồ họa thông tin, quản trị kênh thông tin trên mạng xã hội, sử dụng công cụ theo dõi dư luận. Đây không còn là kỹ năng “cộng thêm” mà đã trở thành yêu cầu bắt buộc.",
            ("h2", "Đổi mới đào tạo, bồi dưỡng"),
            "Chương trình bồi dưỡng cán bộ tuyên giáo cần tăng thời lượng thực hành, mời chuyên gia truyền thông, công nghệ tham gia giảng dạy; khuyến khích cán bộ tự học qua các nền tảng trực tuyến. Đồng thời, cần có cơ chế để cán bộ trẻ, thành thạo công nghệ hỗ trợ đồng nghiệp lớn tuổi, giàu kinh nghiệm — và ngược lại.",
            "Chủ động thích ứng với cuộc Cách mạng công nghiệp lần thứ tư là điều kiện để công tác tuyên giáo tiếp tục giữ vai trò “đi trước mở đường”, góp phần tạo sự đồng thuận trong xã hội.",
        ],
        "category": "nghien-cuu-trao-doi",
        "byline": "ThS. Phạm Quốc Khánh",
        "published": (-75, "07:30"),
        "tags": ["Khoa học công nghệ", "Chuyển đổi số"],
        "resolutions": [NQ52],
        "view_count": 130,
    },
    {
        "slug": "lan-toa-nhung-cau-chuyen-dep-ve-hoc-tap-va-lam-theo-bac",
        "title": "Lan tỏa những câu chuyện đẹp về học tập và làm theo Bác",
        "sapo": (
            "Từ người cựu chiến binh vận động bà con hiến đất làm đường đến cô giáo mở lớp đọc sách miễn "
            "phí cho trẻ khó khăn, những câu chuyện bình dị đang làm cho việc học tập và làm theo Bác "
            "trở nên gần gũi, cụ thể."
        ),
        "body": [
            "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, các cấp ủy đảng trong tỉnh chú trọng phát hiện, biểu dương những tập thể, cá nhân tiêu biểu ở mọi lĩnh vực.",
            "Đó là người cựu chiến binh ở một thôn ven sông nhiều năm kiên trì vận động các hộ hiến đất, góp công làm đường giao thông nông thôn. Đó là cô giáo mầm non dành buổi tối mở lớp đọc sách miễn phí cho trẻ em có hoàn cảnh khó khăn. Đó là người thợ cơ khí cải tiến máy tuốt lúa rồi chia sẻ thiết kế cho bà con trong vùng.",
            "Điểm chung của những tấm gương ấy là làm theo Bác bằng việc làm cụ thể, xuất phát từ trách nhiệm với cộng đồng, không chờ đợi điều kiện thuận lợi. Họ không coi việc mình làm là điều lớn lao, nhưng sức lan tỏa thì rất lớn.",
            "Để những câu chuyện đẹp đến được với nhiều người, các cơ quan báo chí, hệ thống truyền thanh cơ sở và trang thông tin điện tử của các cơ quan, đơn vị đã mở chuyên mục giới thiệu gương điển hình. Nhiều chi bộ đưa việc kể chuyện về người tốt, việc tốt vào nội dung sinh hoạt định kỳ.",
            "Việc biểu dương kịp thời, đúng người, đúng việc không chỉ động viên các tập thể, cá nhân mà còn khẳng định: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh không phải là điều xa vời, mà có thể bắt đầu từ những việc làm hằng ngày của mỗi người.",
        ],
        "category": "hoc-tap-va-lam-theo-bac",
        "byline": "Thanh Bình",
        "published": (-85, "08:00"),
        "tags": ["Học tập và làm theo Bác"],
        "resolutions": [CT05],
        "picture": ("rays", "brown"),
        "caption": "Những tấm gương bình dị trong học tập và làm theo Bác",
        "view_count": 240,
    },
]

# Not public, so that the admin shows each side of the rule in Article.objects.public().
NOT_PUBLIC = [
    {
        "slug": "kinh-nghiem-to-chuc-sinh-hoat-chuyen-de-o-chi-bo-nong-thon",
        "title": "Kinh nghiệm tổ chức sinh hoạt chuyên đề ở chi bộ nông thôn",
        "status": Status.DRAFT,
        "sapo": (
            "Sinh hoạt chuyên đề giúp chi bộ đi sâu vào một vấn đề cụ thể của địa phương. Để buổi sinh "
            "hoạt không trở thành hình thức, khâu chuẩn bị có ý nghĩa quyết định."
        ),
        "body": [
            "Chủ đề sinh hoạt nên được chọn từ chính những vấn đề thời sự của thôn, xóm: chuyển đổi cơ cấu cây trồng, giữ gìn vệ sinh môi trường, phòng, chống tệ nạn xã hội trong thanh thiếu niên. Chi ủy giao cho một hoặc hai đảng viên chuẩn bị đề dẫn, có số liệu và đề xuất cụ thể.",
            "Tài liệu đề dẫn nên được gửi trước để đảng viên nghiên cứu. Trong buổi sinh hoạt, người chủ trì cần gợi mở để nhiều đảng viên phát biểu, tránh tình trạng chỉ có bí thư chi bộ và một vài đồng chí nói.",
            "Kết thúc buổi sinh hoạt, chi bộ cần có kết luận rõ ràng, phân công người thực hiện và thời hạn hoàn thành. Kỳ sinh hoạt tiếp theo phải kiểm điểm kết quả thực hiện kết luận ấy.",
            "(Tác giả đang bổ sung ví dụ thực tế từ các chi bộ.)",
        ],
        "category": "nghien-cuu-trao-doi",
        "byline": "Quang Minh",
        "published": None,
        "tags": ["Sinh hoạt chi bộ"],
    },
    {
        "slug": "truyen-thanh-thong-minh-kenh-thong-tin-gan-dan",
        "title": "Truyền thanh thông minh: kênh thông tin gần dân",
        "status": Status.SUBMITTED,
        "sapo": (
            "Hệ thống truyền thanh cơ sở ứng dụng công nghệ thông tin - viễn thông đang thay thế dần "
            "các cụm loa có dây cũ, giúp việc phát tin chủ động, linh hoạt và đúng đối tượng hơn."
        ),
        "body": [
            "Với hệ thống mới, cán bộ văn hóa - thông tin xã có thể soạn và hẹn giờ phát bản tin từ máy tính hoặc điện thoại, chọn phát ở một thôn hay toàn xã tùy nội dung. Khi có tình huống khẩn cấp như mưa bão, hỏa hoạn, thông báo được phát ngay lập tức.",
            "Nội dung phát thanh cũng được đổi mới: bản tin ngắn hơn, giọng đọc gần gũi, xen kẽ những câu chuyện về người tốt, việc tốt ở địa phương và những lưu ý về phòng, chống lừa đảo qua mạng.",
            "Tuy vậy, một số nơi còn phát quá to hoặc vào giờ nghỉ ngơi của người dân. Các xã cần lấy ý kiến Nhân dân để bố trí vị trí loa, thời lượng và khung giờ phát phù hợp.",
            "Dù là phương tiện truyền thống, truyền thanh cơ sở vẫn giữ vai trò quan trọng, nhất là với người cao tuổi và những người ít sử dụng điện thoại thông minh.",
        ],
        "category": "khoa-hoc-cong-nghe-chuyen-doi-so",
        "byline": "Thu Trang",
        "published": None,
        "tags": ["Chuyển đổi số"],
        "picture": ("waves", "navy"),
        "caption": "Cụm loa truyền thanh thông minh ở thôn",
    },
    {
        "slug": "hoi-dap-ve-hoi-thi-bao-cao-vien-gioi-cap-tinh",
        "title": "Hỏi - đáp về Hội thi Báo cáo viên giỏi cấp tỉnh",
        "status": Status.PUBLISHED,
        "sapo": (
            "Để các đơn vị chuẩn bị tốt cho Hội thi Báo cáo viên giỏi cấp tỉnh, ban tổ chức giải đáp "
            "một số câu hỏi thường gặp về đối tượng, thể lệ và cách chấm điểm."
        ),
        "body": [
            ("h2", "Thí sinh có được dùng trình chiếu khi trình bày không?"),
            "Có. Thí sinh được sử dụng trình chiếu, hình ảnh, video minh họa, nhưng tổng thời lượng video không quá ba phút và không thay thế phần trình bày trực tiếp.",
            ("h2", "Báo cáo viên đã đoạt giải ở các hội thi trước có được đăng ký không?"),
            "Được, nếu bài dự thi là bài mới, chưa từng trình bày tại hội thi nào.",
            ("h2", "Phần thi xử lý tình huống được chấm thế nào?"),
            "Ban giám khảo đánh giá cách thí sinh nắm bắt vấn đề, lập luận, thái độ với người nghe và khả năng định hướng tư tưởng, dư luận. Câu trả lời ngắn gọn, đúng trọng tâm được đánh giá cao hơn câu trả lời dài nhưng dàn trải.",
            "Mọi thắc mắc khác, các đơn vị liên hệ Phòng Tuyên truyền - Báo chí - Xuất bản, Ban Tuyên giáo Tỉnh ủy để được hướng dẫn.",
        ],
        "category": "tin-trong-tinh",
        "byline": "Phòng Tuyên truyền - Báo chí - Xuất bản, Ban Tuyên giáo Tỉnh ủy",
        # Scheduled: published, with a time still to come.
        "published": (1, "07:00"),
        "tags": ["Báo cáo viên"],
        "events": ["hoi-thi-bao-cao-vien-gioi-cap-tinh"],
        "picture": ("rays", "navy"),
        "caption": "Hội thi Báo cáo viên giỏi cấp tỉnh",
    },
    {
        "slug": "thong-bao-lich-to-chuc-hoi-thao-nang-cao-chat-luong-sinh-hoat-chi-bo",
        "title": "Thông báo lịch tổ chức Hội thảo “Nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới”",
        # Withdrawn when the seminar was postponed.
        "status": Status.WITHDRAWN,
        "sapo": (
            "Ban Tuyên giáo Tỉnh ủy thông báo lịch tổ chức hội thảo và đề nghị các đơn vị gửi tham luận "
            "đúng thời hạn."
        ),
        "body": [
            "Hội thảo được tổ chức tại Trường Chính trị tỉnh, thành phần gồm đại diện cấp ủy các xã, phường, các chi bộ trực thuộc và một số nhà khoa học.",
            "Các đơn vị gửi tham luận về Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy; tham luận dài không quá sáu trang, tập trung vào kinh nghiệm thực tiễn.",
            "Chương trình chi tiết của hội thảo được gửi tới các đơn vị qua hệ thống văn bản điện tử.",
        ],
        "category": "tin-trong-tinh",
        "byline": "Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy",
        "published": (-15, "10:00"),
        "tags": ["Sinh hoạt chi bộ"],
        "events": ["hoi-thao-nang-cao-chat-luong-sinh-hoat-chi-bo"],
    },
]

SAMPLE_ARTICLES = PUBLISHED + NOT_PUBLIC
