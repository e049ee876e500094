import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import number_format

from demo.loader import DemoLoadError, load_demo


class Command(BaseCommand):
    help = (
        "Nạp nội dung mẫu: bài viết gốc về Hội nghị toàn quốc ngày 13/01/2025 cùng các chuyên "
        "mục, bài, sự kiện, nhân vật và văn bản mẫu. Chạy lại nhiều lần không tạo bản ghi trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-accounts",
            action="store_true",
            help=(
                "Tạo thêm tài khoản mẫu phongvien, bientap, lanhdao, quantri với mật khẩu mới "
                "(chỉ khi DEBUG bật)."
            ),
        )

    def handle(self, *args, with_accounts: bool, **options):
        if with_accounts and not settings.DEBUG:
            raise CommandError(
                "Tài khoản mẫu không bao giờ được tạo ngoài môi trường phát triển (DEBUG đang tắt)."
            )
        started = time.monotonic()
        try:
            summary = load_demo(with_accounts=with_accounts)
        except DemoLoadError as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.monotonic() - started

        self.stdout.write(f"Đã nạp nội dung mẫu trong {number_format(elapsed, 1)} giây.")
        for model, tally in summary.tallies.items():
            self.stdout.write(
                f"  {model._meta.verbose_name_plural}: {tally.created} tạo mới, "
                f"{tally.updated} cập nhật, {tally.unchanged} giữ nguyên"
            )
        if not summary.created and not summary.updated:
            self.stdout.write("Nội dung mẫu đã có sẵn, không có gì thay đổi.")
        if summary.accounts:
            self.write_accounts(summary.accounts)

    def write_accounts(self, accounts: list[tuple[str, str, str]]) -> None:
        rows = [("tài khoản", "mật khẩu", "vai trò"), *accounts]
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                "Tài khoản mẫu (mật khẩu mới, chỉ hiện một lần; chỉ dùng khi phát triển):"
            )
        )
        for username, password, role in rows:
            self.stdout.write(f"  {username:<{widths[0]}}  {password:<{widths[1]}}  {role}")
