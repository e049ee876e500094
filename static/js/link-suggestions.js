// "Gợi ý liên kết": "Quét lại" without leaving the page. Without this file the button is
// a link that reloads the article page, which scans the saved copy; with it, the panel is
// fetched again in place, from the text being typed when there are unsaved changes (then
// read-only: links wait until the article is saved). No inline scripts (CSP).
(function () {
  "use strict";

  var PANEL = "[data-link-suggestions]";

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function isDirty() {
    return !!document.querySelector("[data-dirty-note].is-dirty");
  }

  function bodyHTML() {
    var editable = document.querySelector(".ck-editor__editable");
    if (editable && editable.ckeditorInstance) return editable.ckeditorInstance.getData();
    var textarea = document.getElementById("id_body");
    return textarea ? textarea.value : "";
  }

  function valueOf(id) {
    var field = document.getElementById(id);
    return field ? field.value : "";
  }

  function showError(panel, text) {
    var old = panel.querySelector("[data-panel-error]");
    if (old) old.remove();
    var message = document.createElement("p");
    message.className = "ws-message ws-message--error";
    message.setAttribute("role", "alert");
    message.setAttribute("data-panel-error", "");
    message.textContent = text;
    panel.querySelector(".lsp__head").after(message);
  }

  function rescan(panel, button) {
    var url = panel.getAttribute("data-panel-url");
    var options = { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } };
    if (isDirty()) {
      var data = new FormData();
      data.append("title", valueOf("id_title"));
      data.append("sapo", valueOf("id_sapo"));
      data.append("body", bodyHTML());
      options.method = "POST";
      options.body = data;
      options.headers["X-CSRFToken"] = csrfToken();
    }
    var label = button.textContent;
    button.textContent = "Đang quét…";
    button.setAttribute("aria-disabled", "true");
    fetch(url, options)
      .then(function (response) {
        return response.text().then(function (html) {
          return { ok: response.ok, html: html };
        });
      })
      .then(function (result) {
        var holder = document.createElement("div");
        holder.innerHTML = result.html;
        var fresh = holder.querySelector(PANEL);
        if (!result.ok || !fresh) {
          var error = holder.querySelector("[data-panel-error]");
          throw new Error(error ? error.textContent : "");
        }
        fresh.querySelectorAll("form").forEach(function (form) {
          form.setAttribute("data-swapped", "");
        });
        panel.replaceWith(fresh);
        fresh.focus();
      })
      .catch(function (error) {
        button.textContent = label;
        button.removeAttribute("aria-disabled");
        showError(panel, error.message || "Chưa quét lại được. Hãy thử lại hoặc tải lại trang.");
      });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(PANEL + " [data-rescan]");
    if (!button) return;
    event.preventDefault();
    if (button.getAttribute("aria-disabled") === "true") return;
    rescan(button.closest(PANEL), button);
  });

  // workspace.js asks before a form leaves unsaved changes; forms drawn after it ran
  // (a re-scanned panel) are asked here, in the same words.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches(PANEL + " form[data-swapped]") || !isDirty()) return;
    var go = window.confirm(
      "Bài có thay đổi chưa lưu. Tiếp tục sẽ bỏ các thay đổi đó.\n\n" +
        "Bấm Hủy rồi bấm Lưu nếu muốn giữ chúng."
    );
    if (!go) event.preventDefault();
  });
})();
