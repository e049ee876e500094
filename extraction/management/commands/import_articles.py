"""manage.py import_articles PATH… --section SLUG --author USERNAME [--link] [--json]"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Category
from extraction.importing import ImportFileError, import_article, parse

HELP = """Nhập bài viết từ tệp văn bản hoặc JSON thành bài nháp, kèm gợi ý liên kết.

Tệp văn bản (.txt), bố cục như bài mẫu demo/content/ha-nam-hoi-nghi-nq57.txt:
  dòng 1: tiêu đề; các dòng tiếp theo: các đoạn văn, đoạn đầu là sapo; một dòng ngắn
  không có dấu chấm câu ở cuối: chú thích ảnh; dòng cuối cùng: tác giả. Dòng trống bỏ qua.

Tệp JSON (.json, hoặc mọi tệp với --json): một bài là một đối tượng, nhiều bài là một
danh sách các đối tượng:
  {"title": "…",                     bắt buộc
   "sapo": "…",                      đoạn dẫn, không bắt buộc
   "body": "<p>…</p>",               nội dung HTML, hoặc
   "paragraphs": ["…", "…"],         các đoạn văn thuần (chỉ dùng một trong hai)
   "caption": "…",                   chú thích ảnh, không bắt buộc
   "byline": "…"}                    tác giả hiển thị, không bắt buộc

Nhập lại cùng một bài không tạo bài mới. Tệp lỗi được báo kèm tên tệp, số dòng và bị bỏ
qua; các tệp khác vẫn được nhập. --link liên kết các bản ghi đã có chắc chắn khớp và tạo
bản ghi mới cho gợi ý rõ ràng; gợi ý “có thể là” để biên tập viên chọn. Xem docs/IMPORT.md.
"""


class _Unended:
    """tqdm redraws its line with "\\r"; OutputWrapper.write would end each draw with a
    newline and colour it as an error."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, style_func=lambda x: x, ending="")

    def flush(self) -> None:
        self.wrapper.flush()


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="tệp hoặc thư mục cần nhập")
        parser.add_argument("--section", metavar="SLUG", help="đường dẫn của chuyên mục (bắt buộc)")
        parser.add_argument(
            "--author", metavar="USERNAME", help="tên đăng nhập của người viết (bắt buộc)"
        )
        parser.add_argument(
            "--link",
            action="store_true",
            help="liên kết bản ghi khớp chắc chắn và tạo bản ghi cho gợi ý rõ ràng",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="đọc mọi tệp theo dạng JSON, kể cả khi không có đuôi .json",
        )

    def handle(self, *args, **options):
        if not options["section"]:
            raise CommandError("Hãy chọn chuyên mục bằng --section ĐƯỜNG_DẪN.")
        category = Category.objects.filter(slug=options["section"]).first()
        if category is None:
            raise CommandError(f"Không có chuyên mục có đường dẫn “{options['section']}”.")
        if not options["author"]:
            raise CommandError("Hãy chọn người viết bằng --author TÊN_ĐĂNG_NHẬP.")
        author = get_user_model().objects.filter(username=options["author"]).first()
        if author is None:
            raise CommandError(f"Không có người dùng “{options['author']}”.")
        if not author.is_active:
            raise CommandError(f"Tài khoản “{author.username}” đang bị khóa.")
        if not author.has_perm("articles.add_article"):
            raise CommandError(f"Người dùng “{author.username}” không có quyền viết bài.")

        files, failures = self._files(options["paths"])
        created, skipped, linked, made = [], [], 0, 0
        left = []
        progress = tqdm(
            files,
            desc="Nhập bài",
            unit="tệp",
            file=_Unended(self.stderr),
            disable=options["verbosity"] == 0,
        )
        for path in progress:
            try:
                parsed = parse(path, as_json=options["json"])
            except ImportFileError as error:
                failures.append(str(error))
                continue
            except OSError as error:
                failures.append(f"{path.name}: không đọc được tệp ({error.strerror})")
                continue
            for item in parsed:
                try:
                    result = import_article(author, item, category, link=options["link"])
                except (ValidationError, PermissionDenied) as error:
                    reason = "; ".join(getattr(error, "messages", None) or [str(error)])
                    where = f"{item.source}, dòng {item.line}"
                    failures.append(f"{where}: không nhập được ({reason})")
                    continue
                if result.duplicate_of is not None:
                    skipped.append((item, result.duplicate_of))
                    continue
                created.append(result)
                if result.outcome:
                    linked += result.outcome.linked
                    made += result.outcome.created
                    left.extend((item, *entry) for entry in result.outcome.left)
        progress.close()
        self._report(created, skipped, failures, linked, made, left, options["link"])
        if failures:
            raise CommandError(f"{len(failures)} tệp hoặc bài không nhập được (xem ở trên).")

    def _files(self, paths: list[str]) -> tuple[list[Path], list[str]]:
        files, failures = [], []
        for name in paths:
            path = Path(name)
            if path.is_dir():
                found = sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in (".txt", ".json")
                )
                if not found:
                    failures.append(f"{name}: thư mục không có tệp .txt hoặc .json")
                files.extend(found)
            elif path.is_file():
                files.append(path)
            else:
                failures.append(f"{name}: không tìm thấy tệp")
        return files, failures

    def _report(self, created, skipped, failures, linked, made, left, link) -> None:
        write = self.stdout.write
        for result in created:
            counts = result.findings_count
            write(
                f"+ {result.parsed.source}: tạo bài nháp #{result.article.pk} “{result.article.title}” "
                f"— gợi ý: {counts['documents']} văn bản, {counts['persons']} nhân vật, "
                f"{counts['events']} sự kiện"
            )
        for item, article in skipped:
            write(f"= {item.source}: đã nhập trước đây (bài #{article.pk}), bỏ qua")
        for failure in failures:
            write(self.style.ERROR(f"✗ {failure}"))
        for item, kind, label, why in left:
            kinds = {"document": "văn bản", "person": "nhân vật", "event": "sự kiện"}
            write(f"? {item.source}: {kinds[kind]} “{label}” chưa liên kết — {why}")
        write("")
        summary = (
            f"Đã tạo {len(created)} bài, bỏ qua {len(skipped)} bài đã có, lỗi {len(failures)}."
        )
        if link:
            summary += f" Liên kết {linked} bản ghi có sẵn, tạo mới {made} bản ghi."
        style = self.style.WARNING if failures else self.style.SUCCESS
        write(style(summary))
