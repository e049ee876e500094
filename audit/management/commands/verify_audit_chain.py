from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from audit.recorder import verify_chain


class Command(BaseCommand):
    help = "Kiểm tra chuỗi băm của nhật ký an ninh và chỉ ra dòng đầu tiên bị sửa, xóa hoặc chèn."

    def handle(self, *args, **options):
        checked, broken = verify_chain()
        if broken is None:
            self.stdout.write(self.style.SUCCESS(f"Chuỗi nhật ký nguyên vẹn: {checked} dòng."))
            return
        when = timezone.localtime(broken.created_at).strftime("%H:%M:%S %d/%m/%Y")
        raise CommandError(
            f"Chuỗi nhật ký bị phá vỡ tại dòng #{broken.pk} ({when}, {broken.get_kind_display()}, "
            f"{broken.actor_username or 'không rõ'}); {checked} dòng trước đó nguyên vẹn."
        )
