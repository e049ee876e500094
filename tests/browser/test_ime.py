"""Vietnamese typed through an input method (Telex, VNI), as the browser receives it.

An IME does not send key presses: it shows a composition that it keeps rewriting
("Nghi" becomes "Nghị" when the tone key comes) and then commits the word. Chrome's
DevTools Protocol drives exactly that (Input.imeSetComposition, Input.insertText), so
the title input and CKEditor 5 get the same events a reporter's keyboard would send.
Old Windows tools send decomposed (NFD) text; it must be stored composed (NFC).
"""

from __future__ import annotations

import unicodedata

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.models import User
from accounts.roles import AUTHOR
from articles.models import Article, Category
from core.text import fold

# Words with a tone over a modified vowel (ệ, ữ, ằ, ế, ở): the IME rewrites them twice.
TITLE_WORDS = ["Nghị", "quyết", "phát", "triển", "Nghệ", "An:", "những", "việc", "hằng", "năm"]
BODY_WORDS = ["Đảng", "bộ", "tỉnh", "quán", "triệt", "Nghị", "quyết", "ở", "cơ", "sở", "nhanh"]
OLD_TOOL_TEXT = "Thừa Thiên Huế, tiếng Việt đầy đủ dấu."  # sent decomposed


@pytest.fixture
def writer(live_server, settings, tmp_path, page):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.DEBUG = False
    Category.objects.create(name="Thời sự")
    user = User.objects.create_user("phongvien", password="mat-khau-dai-123", full_name="An")
    user.groups.add(Group.objects.get(name=AUTHOR.name))
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(live_server.url + "/toa-soan/bai-viet/moi/")
    page.wait_for_selector(".ck-editor__editable")
    return page


def telex_steps(word: str) -> list[str]:
    """What a Telex IME shows while the word is typed: the letters without marks, one
    by one (keeping case), then the word with its marks once the mark keys come."""
    bare = "".join(
        ch if fold(ch) == "" else (fold(ch).upper() if ch.isupper() else fold(ch))
        for ch in unicodedata.normalize("NFC", word)
    )
    steps = [bare[: i + 1] for i in range(len(bare))]
    if steps[-1] != word:
        steps.append(word)
    return steps


def vni_steps(word: str) -> list[str]:
    """What a VNI IME shows: each mark lands as soon as its digit is typed, so the
    composition is the word with its marks, growing letter by letter ("Việ", "Việt")."""
    word = unicodedata.normalize("NFC", word)
    return [word[: i + 1] for i in range(len(word))]


def compose(cdp, words: list[str], steps=telex_steps) -> None:
    for index, word in enumerate(words):
        if index:
            cdp.send("Input.insertText", {"text": " "})
        letters = word.rstrip(":,.")
        for step in steps(letters):
            cdp.send(
                "Input.imeSetComposition",
                {"text": step, "selectionStart": len(step), "selectionEnd": len(step)},
            )
        cdp.send("Input.insertText", {"text": letters})  # the IME commits the word
        if word != letters:
            cdp.send("Input.insertText", {"text": word[len(letters) :]})


def test_telex_steps_rewrite_the_word_as_an_ime_does():
    assert telex_steps("Nghị") == ["N", "Ng", "Ngh", "Nghi", "Nghị"]
    assert telex_steps("những")[-2:] == ["nhung", "những"]
    assert vni_steps("Việt") == ["V", "Vi", "Việ", "Việt"]


def test_vietnamese_from_an_ime_is_stored_exactly_once_and_composed(writer):
    page = writer
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    cdp = page.context.new_cdp_session(page)
    # Counts the words committed through a composition, to be sure the IME path is used.
    page.evaluate(
        "window.committed = [];"
        "document.addEventListener('compositionend', e => window.committed.push(e.data), true)"
    )

    page.click("#id_title")
    compose(cdp, TITLE_WORDS)
    cdp.send("Input.insertText", {"text": " — " + unicodedata.normalize("NFD", "Huế")})
    expected_title = " ".join(TITLE_WORDS) + " — Huế"
    # The browser holds what the IME committed, no letter doubled or lost.
    assert unicodedata.normalize("NFC", page.input_value("#id_title")) == expected_title
    assert page.evaluate("window.committed.length") == len(TITLE_WORDS)

    page.click(".ck-editor__editable")
    compose(cdp, BODY_WORDS[:5])
    cdp.send("Input.insertText", {"text": " "})
    compose(cdp, BODY_WORDS[5:], steps=vni_steps)
    cdp.send("Input.insertText", {"text": ". "})
    cdp.send("Input.insertText", {"text": unicodedata.normalize("NFD", OLD_TOOL_TEXT)})
    expected_body = " ".join(BODY_WORDS) + ". " + OLD_TOOL_TEXT
    shown = page.inner_text(".ck-editor__editable")
    assert unicodedata.normalize("NFC", shown).strip() == expected_body
    assert page.evaluate("window.committed.length") == len(TITLE_WORDS) + len(BODY_WORDS)

    page.select_option("#id_category", label="Thời sự")
    page.click("button[type=submit]:has-text('Lưu nháp')")
    page.wait_for_selector(".ws-message--success")

    article = Article.objects.get()
    content = article.latest_revision.content
    assert content["title"] == expected_title
    assert unicodedata.is_normalized("NFC", content["title"])
    assert content["body"] == f"<p>{expected_body}</p>"
    assert unicodedata.is_normalized("NFC", content["body"])
    assert article.title == expected_title
    # What the form shows again is the stored text too.
    page.wait_for_selector(".ck-editor__editable")
    assert page.input_value("#id_title") == expected_title
    assert errors == []
