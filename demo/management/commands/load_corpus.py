import os
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone
from tqdm import tqdm

from demo.corpus import Corpus, CorpusLoader, Sizes


class Command(BaseCommand):
    help = (
        "Nạp bộ dữ liệu thử tải: mặc định 100.000 bài viết trong mười năm, 5.000 sự kiện, "
        "2.000 nhân vật, 500 văn bản và liên kết giữa chúng. Cùng --seed và --anchor cho "
        "cùng dữ liệu. Dùng cho đo tốc độ (bench/), không dùng cho trang thật."
    )

    def add_arguments(self, parser):
        sizes = Sizes()
        parser.add_argument("--articles", type=int, default=sizes.articles)
        parser.add_argument("--events", type=int, default=sizes.events)
        parser.add_argument("--participants", type=int, default=sizes.participants)
        parser.add_argument("--resolutions", type=int, default=sizes.resolutions)
        parser.add_argument("--images", type=int, default=sizes.images)
        parser.add_argument("--seed", type=int, default=1, help="mặc định 1")
        parser.add_argument(
            "--anchor",
            type=date.fromisoformat,
            default=None,
            help="ngày của bài mới nhất, YYYY-MM-DD (mặc định hôm nay)",
        )
        parser.add_argument(
            "--flush",
            action="store_true",
            help="xóa toàn bộ nội dung (bài, sự kiện, nhân vật, văn bản, ảnh) trước khi nạp",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="số tiến trình sinh bài (mặc định: số nhân CPU trên PostgreSQL, 0 trên SQLite)",
        )
        parser.add_argument(
            "--verify",
            type=int,
            default=20,
            help="so khớp chỉ mục tìm kiếm của N bài với Article.save() (mặc định 20, 0 để bỏ)",
        )

    def handle(self, *args, **options):
        sizes = Sizes(
            articles=options["articles"],
            events=options["events"],
            participants=options["participants"],
            resolutions=options["resolutions"],
            images=options["images"],
        )
        if min(sizes.participants, sizes.resolutions) < 1 and sizes.events:
            raise CommandError("Cần ít nhất một nhân vật và một văn bản khi có sự kiện.")
        anchor = options["anchor"] or timezone.localdate()
        workers = options["workers"]
        if workers is None:
            workers = (os.cpu_count() or 1) if connection.vendor == "postgresql" else 0
        corpus = Corpus(options["seed"], sizes, anchor)
        started = time.monotonic()
        bar = tqdm(
            total=sizes.articles,
            unit=" bài",
            disable=options["verbosity"] < 1,
            file=self.stderr._out,
            mininterval=1,
        )
        loader = CorpusLoader(
            corpus,
            workers=workers,
            progress=bar.update,
            step=lambda name: bar.set_description(STEPS.get(name, name)),
            verify=options["verify"],
        )
        try:
            if options["flush"]:
                loader.flush()
            report = loader.load()
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            bar.close()
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Đã nạp bộ dữ liệu thử tải (seed {corpus.seed}, đến ngày {anchor:%d/%m/%Y}) "
            f"trong {elapsed:.1f} giây."
        )
        for name, seconds in report.seconds.items():
            self.stdout.write(f"  {STEPS.get(name, name)}: {seconds:.1f} giây")
        for name, count in report.counts.items():
            self.stdout.write(f"  {name}: {count:,}".replace(",", "."))


STEPS = {
    "reference": "chuyên mục, thẻ, ảnh, nhân vật, văn bản, sự kiện",
    "articles": "bài viết và liên kết",
    "indexes": "chỉ mục, thống kê",
    "verify": "đối chiếu chỉ mục tìm kiếm",
}
