"""The approval chain a new installation starts with; admins change it in the admin."""

from accounts.roles import APPROVER, EDITOR

DEFAULT_CHAIN = [(1, "Biên tập", EDITOR.name), (2, "Lãnh đạo Ban phê duyệt", APPROVER.name)]


def ensure_default_chain(apps) -> None:
    """Create the default steps if the chain is empty (migrations, and tests that flush)."""
    Group = apps.get_model("auth", "Group")
    ApprovalStep = apps.get_model("workflow", "ApprovalStep")
    if ApprovalStep.objects.exists():
        return
    for order, name, group_name in DEFAULT_CHAIN:
        group, _ = Group.objects.get_or_create(name=group_name)
        ApprovalStep.objects.create(order=order, name=name, group=group)
