"""Every URL pattern of the site, walked as every kind of visitor.

The walk reads the resolver itself (through every include), so a page added later is
walked too; each pattern must be classified in ROUTES below (public, auth, staff,
admin), and a pattern nobody classified fails the walk with a message saying so.
Concrete URLs are built from real rows made in the fixture: an article in draft and a
published one, their revisions, a share link, a section, a tag, an event, a person, a
document, the users themselves.

For a staff pattern the table says which permission (or which workflow rule on the
draft) the page needs for GET and for POST; the walk checks that anonymous visitors
are sent to the sign-in page or refused, that each role (and a signed-in user with
no role) gets in exactly when it holds that permission, and that nothing answers
with a server error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import User
from accounts.roles import ADMIN, APPROVER, AUTHOR, EDITOR
from articles.models import Event, Participant, Resolution, Tag
from workflow import rules, services
from workflow.models import ShareLink
from workflow.rules import Action
from workspace import sharing

PASSWORD = "mat-khau-dai-123"
SECRET = "Bản thảo chưa duyệt về quy hoạch"

PUBLIC, AUTH, ADMIN_AREA = "public", "auth", "admin"
VIEW = "articles.view_article"


@dataclass(frozen=True)
class Staff:
    """A workspace pattern: what GET and POST need (None: the view refuses the method).

    A need is a permission ("app.codename"), a workflow Action on the draft (asked of
    workflow.rules), or a tuple of them, all needed. api: answers in JSON, so an
    anonymous caller gets 401 rather than a redirect to the sign-in page."""

    get: object = None
    post: object = None
    api: bool = False


@dataclass(frozen=True)
class Auth:
    """Signing in and passwords: open to anyone, unless login is True."""

    login: bool = False


# Every pattern outside the admin, by its full route. The admin (ADMIN_PREFIX) is one
# include guarded as a whole by AdminSite.admin_view: its patterns are walked all the
# same, with the admin's own rules (see test_the_admin_is_closed_to_all_but_staff).
ROUTES: dict[str, object] = {
    # The public site.
    "": PUBLIC,
    "chuyen-muc/<slug:slug>/": PUBLIC,
    "chuyen-muc/<slug:slug>/rss/": PUBLIC,
    "the/<slug:slug>/": PUBLIC,
    "bai-viet/<slug:slug>/": PUBLIC,
    "luot-xem/<int:pk>/": PUBLIC,
    "su-kien/": PUBLIC,
    "su-kien/lich.ics": PUBLIC,
    "su-kien/<slug:slug>/": PUBLIC,
    "su-kien/<slug:slug>/lich.ics": PUBLIC,
    "nhan-vat/": PUBLIC,
    "nhan-vat/<slug:slug>/": PUBLIC,
    "van-ban/": PUBLIC,
    "van-ban/<slug:slug>/": PUBLIC,
    "tim-kiem/": PUBLIC,
    "rss/": PUBLIC,
    "sitemap.xml": PUBLIC,
    "sitemap-<section>.xml": PUBLIC,
    "robots.txt": PUBLIC,
    "favicon.ico": PUBLIC,
    # A share link opens for anyone holding a valid token (tests/test_draft_doors.py).
    "xem-truoc/<str:token>/": PUBLIC,
    # Signing in.
    "toa-soan/dang-nhap/": Auth(),
    "toa-soan/dang-xuat/": Auth(),
    "toa-soan/doi-mat-khau/": Auth(login=True),
    "toa-soan/doi-mat-khau/xong/": Auth(login=True),
    "toa-soan/quen-mat-khau/": Auth(),
    "toa-soan/quen-mat-khau/da-gui/": Auth(),
    "toa-soan/dat-lai-mat-khau/<uidb64>/<token>/": Auth(),
    "toa-soan/dat-lai-mat-khau/xong/": Auth(),
    # Two-factor sign-in: the second step and its setup, for a signed-in account.
    "toa-soan/ma-xac-thuc/": Auth(login=True),
    "toa-soan/xac-thuc-hai-buoc/": Auth(login=True),
    "toa-soan/xac-thuc-hai-buoc/tat/": Auth(login=True),
    # The workspace.
    "toa-soan/": Staff(get=VIEW),
    "toa-soan/thong-bao/": Staff(get=VIEW),
    "toa-soan/thong-bao/danh-dau-da-doc/": Staff(post=VIEW),
    "toa-soan/bai-viet/": Staff(get=VIEW),
    "toa-soan/bai-viet/moi/": Staff(
        get=(VIEW, "articles.add_article"), post=(VIEW, "articles.add_article")
    ),
    "toa-soan/bai-viet/<int:pk>/": Staff(get=(VIEW, Action.VIEW), post=(VIEW, Action.VIEW)),
    "toa-soan/bai-viet/<int:pk>/chuyen-trang-thai/": Staff(post=(VIEW, Action.VIEW)),
    "toa-soan/bai-viet/<int:pk>/y-kien/": Staff(post=(VIEW, Action.VIEW)),
    "toa-soan/bai-viet/<int:pk>/dinh-chinh/": Staff(post=(VIEW, Action.VIEW)),
    "toa-soan/bai-viet/<int:pk>/chia-se/": Staff(post=(VIEW, Action.SHARE)),
    "toa-soan/bai-viet/<int:pk>/chia-se/<int:link_id>/thu-hoi/": Staff(post=(VIEW, Action.SHARE)),
    "toa-soan/bai-viet/<int:pk>/lich-su/": Staff(get=(VIEW, Action.VIEW)),
    "toa-soan/bai-viet/<int:pk>/so-sanh/": Staff(get=(VIEW, Action.VIEW)),
    "toa-soan/bai-viet/<int:pk>/phien-ban/<int:number>/xem-truoc/": Staff(get=(VIEW, Action.VIEW)),
    "toa-soan/bai-viet/<int:pk>/phien-ban/<int:number>/khoi-phuc/": Staff(
        post=(VIEW, Action.RESTORE)
    ),
    # The trash: what the rules refuse (restoring what is not there, emptying without
    # articles.purge_article) is said in a message on the page it returns to.
    "toa-soan/thung-rac/": Staff(get=VIEW),
    "toa-soan/thung-rac/don-sach/": Staff(post=VIEW),
    "toa-soan/thung-rac/<int:pk>/khoi-phuc/": Staff(post=VIEW),
    "toa-soan/api/the/": Staff(get=VIEW, api=True),
    "toa-soan/api/su-kien/": Staff(get=VIEW, api=True),
    "toa-soan/api/su-kien/tao/": Staff(post=VIEW, api=True),
    "toa-soan/api/nhan-vat/": Staff(get=VIEW, api=True),
    "toa-soan/api/nhan-vat/tao/": Staff(post=VIEW, api=True),
    "toa-soan/api/van-ban/": Staff(get=VIEW, api=True),
    "toa-soan/api/van-ban/tao/": Staff(post=VIEW, api=True),
    # The "Gợi ý liên kết" panel (JSON).
    "toa-soan/goi-y/trich-xuat/": Staff(post="articles.change_article", api=True),
    "toa-soan/goi-y/tao-moi/": Staff(post="articles.change_article", api=True),
    "toa-soan/goi-y/bai-viet/<int:pk>/": Staff(
        get=("articles.change_article", Action.EDIT), api=True
    ),
    "toa-soan/goi-y/bai-viet/<int:pk>/lien-ket/": Staff(
        post=("articles.change_article", Action.EDIT), api=True
    ),
    "toa-soan/goi-y/bai-viet/<int:pk>/tao-moi/": Staff(
        post=("articles.change_article", Action.EDIT), api=True
    ),
    # The same panel as plain HTML beside the editor (extraction/panel_views.py).
    "toa-soan/goi-y/bai-viet/<int:pk>/khung/": Staff(
        get=(VIEW, Action.VIEW), post=(VIEW, Action.VIEW)
    ),
    "toa-soan/goi-y/bai-viet/<int:pk>/khung/lien-ket/": Staff(
        post=(VIEW, "articles.change_article", Action.EDIT)
    ),
    "toa-soan/goi-y/bai-viet/<int:pk>/khung/tao-moi/": Staff(
        get=(VIEW, "articles.change_article", Action.EDIT),
        post=(VIEW, "articles.change_article", Action.EDIT),
    ),
    # CKEditor's image upload (JSON, in the format CKEditor 5 reads).
    "anh/tai-len/": Staff(post="images.add_image", api=True),
}
ADMIN_PREFIX = "quan-tri/"
ADMIN_OPEN = {"quan-tri/login/", "quan-tri/logout/"}


# Walking the resolver --------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    route: str  # the full pattern, as written in the urls modules
    name: str  # "namespace:name", or "" for an unnamed pattern


def _pattern_text(pattern) -> str:
    return str(pattern.pattern)


def all_routes() -> list[Route]:
    found: list[Route] = []

    def walk(patterns, prefix: str, namespaces: tuple[str, ...]):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = (*namespaces, entry.namespace) if entry.namespace else namespaces
                walk(entry.url_patterns, prefix + _pattern_text(entry), ns)
            elif isinstance(entry, URLPattern):
                name = ":".join((*namespaces, entry.name)) if entry.name else ""
                found.append(Route(prefix + _pattern_text(entry), name))

    walk(get_resolver().url_patterns, "", ())
    return found


def test_every_pattern_is_classified():
    unclassified = [
        r.route
        for r in all_routes()
        if not r.route.startswith(ADMIN_PREFIX) and r.route not in ROUTES
    ]
    assert not unclassified, (
        "Các địa chỉ mới chưa được phân loại trong tests/test_access_walk.py ROUTES "
        f"(public / Auth / Staff với quyền cần có): {unclassified}"
    )
    stale = set(ROUTES) - {r.route for r in all_routes()}
    assert not stale, f"ROUTES names patterns that no longer exist: {sorted(stale)}"


# The rows the URLs are built from ---------------------------------------------------------


def _user(username, role=None, **extra):
    user = User.objects.create_user(
        username, f"{username}@example.vn", PASSWORD, full_name=username, **extra
    )
    if role is not None:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(Group.objects.get(name=role.name))
    return user


@pytest.fixture
def world(db, category):
    users = {
        "author": _user("phongvien", AUTHOR),
        "editor": _user("bientap", EDITOR),
        "approver": _user("lanhdao", APPROVER),
        "admin": _user("quantri", ADMIN),
        "nogroup": _user("khach"),
    }
    event = Event.objects.create(
        title="Hội nghị toàn quốc về khoa học công nghệ",
        starts_at=timezone.now() - timedelta(days=30),
    )
    person = Participant.objects.create(full_name="Đinh Thị Lụa", positions="Phó Bí thư")
    document = Resolution.objects.create(
        number="57-NQ/TW", doc_type=Resolution.DocType.RESOLUTION, subject="Về đột phá"
    )
    tag = Tag.objects.create(name="Chuyển đổi số")
    content = {
        "title": "Tin đã xuất bản về chuyển đổi số",
        "sapo": "Đoạn dẫn.",
        "body": "<p>Nội dung công khai.</p>",
        "category": category.pk,
        "tags": [tag.pk],
        "events": [event.pk],
        "participants": [person.pk],
        "resolutions": [document.pk],
    }
    published = services.create_article(users["author"], content)
    services.submit(users["author"], published)
    services.approve(users["editor"], published)
    services.approve(users["approver"], published)
    draft = services.create_article(
        users["author"],
        {**content, "title": SECRET, "body": f"<p>{SECRET}</p>", "tags": [], "events": []},
    )
    link = sharing.create_link(users["author"], draft, lifetime=timedelta(hours=1))
    return SimpleNamespace(
        users=users,
        category=category,
        tag=tag,
        event=event,
        person=person,
        document=document,
        published=published,
        draft=draft,
        link=link,
        token=sharing.token_for(link),
    )


SLUG_OF = {
    "chuyen-muc/": "category",
    "the/": "tag",
    "bai-viet/": "published",
    "su-kien/": "event",
    "nhan-vat/": "person",
    "van-ban/": "document",
}


def _value(route: str, name: str, world) -> str:
    if name == "slug":
        for prefix, attr in SLUG_OF.items():
            if route.startswith(prefix):
                return getattr(world, attr).slug
    if name == "pk":
        # The workspace's and the suggestions' pk is the draft; the public counter's is
        # the published article.
        return str(world.published.pk if route.startswith("luot-xem/") else world.draft.pk)
    if name == "link_id":
        return str(world.link.pk)
    if name == "number":
        return str(world.draft.latest_revision.number)
    if name == "token":
        if "dat-lai-mat-khau" in route:
            return default_token_generator.make_token(world.users["author"])
        return world.token
    if name == "uidb64":
        return urlsafe_base64_encode(force_bytes(world.users["author"].pk))
    if name == "section":
        return "bai-viet"
    raise AssertionError(f"no value for <{name}> in {route}")


CONVERTER = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


def concrete(route: str, world) -> str:
    """The route with every converter filled from the fixture's rows."""
    return "/" + CONVERTER.sub(lambda match: _value(route, match["name"], world), route)


# Asking as each visitor ----------------------------------------------------------------------


def _has(user, need, article) -> bool:
    if user is None:
        return False
    if isinstance(need, tuple):
        return all(_has(user, n, article) for n in need)
    if isinstance(need, Action):
        return rules.can(user, need, article)
    return user.has_perm(need)


LOGIN = "/toa-soan/dang-nhap/?next="
ADMIN_LOGIN = "/quan-tri/login/?next="


def _refused_anonymously(response, method: str, url: str) -> None:
    where = f"{method} {url}"
    assert response.status_code < 500, where
    if response.status_code == 302:
        assert response["Location"].startswith(LOGIN), where
    else:
        # JSON endpoints say 401; a view that never takes the method says 405 first.
        assert response.status_code in (401, 405), (where, response.status_code)
    assert SECRET not in response.content.decode(errors="replace"), where


def _check_signed_in(response, user, need, spec: Staff, method, url, article) -> None:
    where = f"{method} {url} as {user.username}"
    status = response.status_code
    assert status < 500, where
    if status == 302:
        assert not response["Location"].startswith(LOGIN), where
    if need is None:
        # The view does not take this method: refused, whoever asks.
        assert status in (403, 405), (where, status)
        return
    if _has(user, need, article):
        assert status not in (401, 403, 405), (where, status, response.content[:300])
        assert status in (200, 201, 302, 400, 409), (where, status)
    else:
        assert status == 403, (where, status)
        assert SECRET not in response.content.decode(errors="replace"), where
        if spec.api:
            assert response["Content-Type"].startswith("application/json"), where
        else:
            assert "Bạn" in response.content.decode(), where  # a Vietnamese reason


def _routes(kind) -> list[tuple[str, object]]:
    return [(r, spec) for r, spec in ROUTES.items() if isinstance(spec, kind)]


@pytest.mark.parametrize(("route", "spec"), _routes(Staff), ids=lambda v: str(v)[:60])
def test_staff_pages_need_the_permission_they_are_classified_with(world, route, spec):
    url = concrete(route, world)
    anonymous = Client()
    for method in ("get", "post"):
        _refused_anonymously(getattr(anonymous, method)(url), method.upper(), url)
    for user in world.users.values():
        client = Client()
        client.force_login(user)
        for method in ("get", "post"):
            # Rebuilt each time: a POST (a restore, a share) may add a revision.
            world.draft.refresh_from_db()
            url = concrete(route, world)
            response = getattr(client, method)(url)
            _check_signed_in(
                response, user, getattr(spec, method), spec, method.upper(), url, world.draft
            )


def test_refusals_follow_the_state_of_the_article(world):
    """The same page, another article: the share and restore rules are per article."""
    author, other = world.users["author"], _user("congtacvien", AUTHOR)
    client = Client()
    client.force_login(other)
    share = reverse("workspace:share-create", kwargs={"pk": world.draft.pk})
    response = client.post(share, {"expires_in": "24h"})
    assert response.status_code == 403
    assert ShareLink.objects.filter(revision__article=world.draft).count() == 1
    restore = reverse("workspace:article-restore", kwargs={"pk": world.published.pk, "number": 1})
    # Another reporter may not edit (so not restore) the author's published article.
    assert not rules.can(other, Action.RESTORE, world.published)
    assert client.post(restore).status_code == 403
    client.force_login(author)
    assert client.post(restore).status_code == 302


@pytest.mark.parametrize(("route", "spec"), _routes(Auth), ids=lambda v: str(v)[:60])
def test_sign_in_pages_open_to_anyone_or_to_any_signed_in_user(world, route, spec):
    url = concrete(route, world)
    anonymous = Client()
    response = anonymous.get(url)
    if spec.login:
        assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    else:
        # Signing out is a POST only; the reset link moves its token out of the address.
        assert response.status_code in (200, 302, 405), (url, response.status_code)
    signed_in = Client()
    signed_in.force_login(world.users["nogroup"])
    assert signed_in.get(url).status_code in (200, 302, 405), url


@pytest.mark.parametrize("route", [r for r, s in ROUTES.items() if s == PUBLIC])
def test_public_pages_answer_everyone_without_errors(world, route):
    url = concrete(route, world)
    clients = {"anonymous": Client()}
    for key in ("nogroup", "author"):
        clients[key] = Client()
        clients[key].force_login(world.users[key])
    for who, client in clients.items():
        response = client.get(url)
        if route == "luot-xem/<int:pk>/":
            assert response.status_code == 405, who  # POST only, from the page's script
            assert client.post(url).status_code == 204, who
            continue
        assert response.status_code in (200, 301), (who, url, response.status_code)
        # A page readers see never shows the draft, whoever asks on the public site.
        if not route.startswith("xem-truoc/"):
            body = response.content.decode(errors="replace")
            assert SECRET not in body, (who, url)


# The admin ---------------------------------------------------------------------------------

ADMIN_ACTIONS = {
    "": ("view", "change"),
    "add/": ("add",),
    "<path:object_id>/change/": ("view", "change"),
    "<path:object_id>/history/": ("view", "change"),
    "<path:object_id>/delete/": ("delete",),
    "<id>/password/": ("change",),
}
MODEL_ROUTE = re.compile(r"^quan-tri/(?P<app>\w+)/(?P<model>\w+)/(?P<rest>.*)$")


def _admin_url(route: str, world) -> tuple[str, tuple[str, str, str] | None]:
    """The concrete URL of an admin pattern, and (app, model, rest) for a model's page."""
    if route.startswith("quan-tri/^(?P<app_label>"):
        return "/quan-tri/articles/", None
    if route == "quan-tri/(?P<url>.*)$":
        return "/quan-tri/khong-co-trang-nay/", None
    if route.startswith("quan-tri/r/"):
        ct = ContentType.objects.get_for_model(world.published)
        return f"/quan-tri/r/{ct.pk}/{world.published.pk}/", None
    match = MODEL_ROUTE.match(route)
    model = None
    if match:
        try:
            model = apps.get_model(match["app"], match["model"])
        except LookupError:
            model = None
    if model is None:
        return "/" + route, None
    obj = model._default_manager.order_by("pk").first()
    pk = str(obj.pk) if obj else "999999"
    url = "/" + CONVERTER.sub(lambda m: pk, route)
    return url, (match["app"], match["model"], match["rest"])


def _admin_routes() -> list[str]:
    return [r.route for r in all_routes() if r.route.startswith(ADMIN_PREFIX)]


def test_the_admin_is_closed_to_all_but_staff(world):
    """Anonymous visitors and signed-in users who are not staff are sent to the admin's
    sign-in page from every admin pattern, GET or POST; the roles get a model's pages
    only with the model's permissions; nothing answers with a server error."""
    routes = _admin_routes()
    assert len(routes) > 50  # the walk did reach the models' pages
    anonymous, outsider = Client(), Client()
    outsider.force_login(world.users["nogroup"])
    roles = {}
    for key in ("author", "editor", "approver", "admin"):
        roles[key] = Client()
        roles[key].force_login(world.users[key])
    checked_models = set()
    for route in routes:
        url, model_page = _admin_url(route, world)
        for who, client in (("anonymous", anonymous), ("nogroup", outsider)):
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                where = f"{method.upper()} {url} as {who}"
                assert response.status_code < 500, where
                if route in ADMIN_OPEN:
                    assert response.status_code in (200, 302), where
                    continue
                assert response.status_code == 302, (where, response.status_code)
                assert response["Location"].startswith(ADMIN_LOGIN), where
        for who, client in roles.items():
            response = client.get(url)
            where = f"GET {url} as {who}"
            assert response.status_code < 500, where
            if model_page is None:
                continue
            app, model, rest = model_page
            rest = "<id>/password/" if rest.endswith("/password/") else rest
            actions = ADMIN_ACTIONS.get(rest)
            if actions is None:
                continue
            user = world.users[who]
            allowed = any(user.has_perm(f"{app}.{a}_{model}") for a in actions)
            if not allowed:
                assert response.status_code != 200, (where, "without the model's permission")
            elif rest == "":
                assert response.status_code == 200, where
                checked_models.add((who, app, model))
    # The administrators' role manages users and sections; the others do not.
    assert ("admin", "accounts", "user") in checked_models
    assert ("admin", "articles", "category") in checked_models
    assert not any(who == "author" and model == "user" for who, _, model in checked_models)


@pytest.mark.parametrize(
    "next_url", ["https://ke-gian.example/", "//ke-gian.example/", "/\\ke-gian.example/"]
)
def test_signing_in_never_sends_anyone_to_another_site(world, next_url):
    response = Client().post(
        reverse("accounts:login") + f"?next={next_url}",
        {"username": "phongvien", "password": PASSWORD, "next": next_url},
    )
    assert response.status_code == 302
    assert "ke-gian" not in response["Location"]
