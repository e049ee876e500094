import json
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import BackupError, media_fingerprint, restore, table_fingerprints


class Command(BaseCommand):
    help = (
        "Khôi phục bản sao lưu vào một CSDL PostgreSQL (đã tạo sẵn) và thư mục media, "
        "rồi đối chiếu từng bảng quan trọng với bảng đối chiếu của bản sao lưu."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="Thư mục bản sao lưu")
        parser.add_argument("--database", required=True, help="Tên CSDL đích")
        parser.add_argument(
            "--media-root", type=Path, default=None, help="Thư mục media đích (mặc định MEDIA_ROOT)"
        )

    def handle(self, *args, source: Path, database: str, media_root: Path | None, **options):
        media_root = Path(media_root or settings.MEDIA_ROOT)
        try:
            restore(source, database=database, media_root=media_root)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        expected = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
        db = connection.settings_dict
        with (
            psycopg.connect(
                host=db.get("HOST") or "localhost",
                port=db.get("PORT") or 5432,
                user=db.get("USER") or "postgres",
                password=db.get("PASSWORD") or None,
                dbname=database,
            ) as restored,
            restored.cursor() as cursor,
        ):
            tables = table_fingerprints(cursor)
        problems = [
            f"{table}: {tables[table]['rows']} dòng, cần {info['rows']}"
            for table, info in expected["tables"].items()
            if tables.get(table) != info
        ]
        if media_fingerprint(media_root) != expected["media"]:
            problems.append("tệp media khác bản sao lưu")
        if problems:
            raise CommandError("Khôi phục không khớp bản sao lưu: " + "; ".join(problems))
        counts = ", ".join(f"{table} {info['rows']} dòng" for table, info in tables.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục và đối chiếu khớp: {counts}, {expected['media']['files']} tệp media."
            )
        )
