from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu CSDL PostgreSQL và tệp media vào một thư mục (kèm bảng đối chiếu)."

    def add_arguments(self, parser):
        parser.add_argument("target", type=Path, help="Thư mục chứa bản sao lưu")

    def handle(self, *args, target: Path, **options):
        try:
            manifest = backup(target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        for table, info in manifest["tables"].items():
            self.stdout.write(f"  {table}: {info['rows']} dòng")
        self.stdout.write(f"  media: {manifest['media']['files']} tệp")
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu vào {target}"))
