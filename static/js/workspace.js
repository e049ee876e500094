// Tòa soạn: the editor's conveniences. Every page works without this file; with it,
// pickers search as you type, missing records can be created on the spot, unsaved
// changes are not lost by a stray click, and the schedule field appears when asked for.
// No inline scripts, no inline styles (a Content-Security-Policy forbids them): state
// is shown with the hidden attribute and classes.
(function () {
  "use strict";

  var DEBOUNCE_MS = 200;

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function getJSON(url) {
    return fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  }

  // Unsaved changes ------------------------------------------------------------------

  var dirty = false;
  var editorForm = document.querySelector("[data-editor-form]");

  function markDirty() {
    if (dirty || !editorForm) return;
    dirty = true;
    var note = editorForm.querySelector("[data-dirty-note]");
    if (note) {
      note.textContent = "Có thay đổi chưa lưu.";
      note.classList.add("is-dirty");
    }
    // Unsaved work makes saving the thing to do first.
    editorForm.querySelectorAll("[data-save-button]").forEach(function (button) {
      button.classList.remove("ws-button--secondary");
    });
  }

  function warnBeforeLeaving(event) {
    if (!dirty) return undefined;
    event.preventDefault();
    event.returnValue = "";
    return "";
  }

  if (editorForm) {
    editorForm.addEventListener("input", markDirty);
    editorForm.addEventListener("change", markDirty);
    editorForm.addEventListener("submit", function () {
      dirty = false;
    });
    window.addEventListener("beforeunload", warnBeforeLeaving);
    // CKEditor changes its textarea without input events; it tells its own listeners.
    if (typeof window.ckeditorRegisterCallback === "function") {
      window.ckeditorRegisterCallback("id_body", function (editor) {
        editor.model.document.on("change:data", markDirty);
      });
    }
    // The other forms on the page (transitions, comments, share links) leave the page:
    // ask once, in words, rather than the browser's generic warning.
    document.querySelectorAll("form").forEach(function (form) {
      if (form === editorForm) return;
      form.addEventListener("submit", function (event) {
        if (!dirty) return;
        var go = window.confirm(
          "Bài có thay đổi chưa lưu. Tiếp tục sẽ bỏ các thay đổi đó.\n\n" +
            "Bấm Hủy rồi bấm Lưu nếu muốn giữ chúng."
        );
        if (go) {
          dirty = false;
        } else {
          event.preventDefault();
        }
      });
    });
  }

  // Confirmations for what cannot be undone quietly -----------------------------------

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) return;
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });

  // Publish now or at a time ------------------------------------------------------------

  document.querySelectorAll("[data-publish-choice]").forEach(function (group) {
    var when = group.querySelector("[data-schedule-field]");
    if (!when) return;
    var input = when.querySelector("input");
    function update(focus) {
      var chosen = group.querySelector("input[name=publish_mode]:checked");
      var scheduling = chosen && chosen.value === "schedule";
      when.hidden = !scheduling;
      input.required = scheduling;
      if (scheduling && focus) input.focus();
    }
    group.addEventListener("change", function () {
      update(true);
    });
    update(false);
  });

  // A combobox: a text input with a list of suggestions fetched as the user types -----

  var comboboxCount = 0;

  function Combobox(input, list, options) {
    this.input = input;
    this.list = list;
    this.options = options;
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.requested = "";
    this.prefix = "cb" + ++comboboxCount + "-";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");
    var self = this;
    input.addEventListener("input", function () {
      self.schedule();
    });
    input.addEventListener("keydown", function (event) {
      self.onKey(event);
    });
    input.addEventListener("blur", function () {
      // After a click on an option has been handled.
      window.setTimeout(function () {
        self.close();
      }, 150);
    });
    list.addEventListener("mousedown", function (event) {
      event.preventDefault(); // keep the focus in the input
      var option = event.target.closest("[role=option]");
      if (option) self.choose(Number(option.getAttribute("data-index")));
    });
  }

  Combobox.prototype.schedule = function () {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      self.search();
    }, DEBOUNCE_MS);
  };

  Combobox.prototype.search = function () {
    var self = this;
    var text = this.options.queryOf(this.input).trim();
    this.requested = text;
    if (!text) {
      this.close();
      return;
    }
    getJSON(this.options.url + "?q=" + encodeURIComponent(text))
      .then(function (data) {
        if (self.requested !== text) return; // a later search has been sent
        self.show(data.results || []);
      })
      .catch(function () {
        self.announce("Không tìm được lúc này; hãy thử lại.");
      });
  };

  Combobox.prototype.show = function (items) {
    var self = this;
    this.items = items;
    this.active = -1;
    this.list.textContent = "";
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.setAttribute("role", "option");
      option.setAttribute("id", self.prefix + index);
      option.setAttribute("data-index", String(index));
      option.setAttribute("aria-selected", "false");
      option.className = "combo__option";
      var label = document.createElement("span");
      label.className = "combo__label";
      label.textContent = item.label;
      option.appendChild(label);
      if (item.detail) {
        var detail = document.createElement("span");
        detail.className = "combo__detail";
        detail.textContent = item.detail;
        option.appendChild(detail);
      }
      if (self.options.isChosen && self.options.isChosen(item)) {
        option.classList.add("is-chosen");
        var mark = document.createElement("span");
        mark.className = "combo__detail";
        mark.textContent = "(đã chọn)";
        option.appendChild(mark);
      }
      self.list.appendChild(option);
    });
    if (!items.length) {
      var none = document.createElement("li");
      none.className = "combo__none";
      none.textContent = this.options.emptyText || "Không thấy kết quả nào.";
      this.list.appendChild(none);
    }
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.announce(items.length ? items.length + " kết quả; dùng mũi tên để chọn." : "Không có kết quả.");
  };

  Combobox.prototype.close = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  Combobox.prototype.highlight = function (index) {
    var options = this.list.querySelectorAll("[role=option]");
    if (!options.length) return;
    this.active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === this.active ? "true" : "false");
    }, this);
    var current = options[this.active];
    this.input.setAttribute("aria-activedescendant", current.id);
    current.scrollIntoView({ block: "nearest" });
  };

  Combobox.prototype.onKey = function (event) {
    var open = !this.list.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) this.search();
      else this.highlight(this.active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (open) this.highlight(this.active - 1);
    } else if (event.key === "Enter") {
      // Enter in a picker never submits the article form.
      if (open && this.active >= 0) {
        event.preventDefault();
        this.choose(this.active);
      } else if (this.options.enterKeeps) {
        event.preventDefault();
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        this.close();
      }
    }
  };

  Combobox.prototype.choose = function (index) {
    var item = this.items[index];
    if (!item) return;
    this.close();
    this.options.onChoose(item);
  };

  Combobox.prototype.announce = function (text) {
    if (this.options.status) this.options.status.textContent = text;
  };

  // Pickers: events, people, documents -------------------------------------------------

  function addChip(picker, item) {
    var name = picker.getAttribute("data-name");
    var chosen = picker.querySelector("[data-picker-chosen]");
    var existing = chosen.querySelector("input[value='" + String(Number(item.id)) + "']");
    if (existing) {
      existing.checked = true;
    } else {
      var li = document.createElement("li");
      li.className = "chip";
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = String(item.id);
      box.checked = true;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + item.label));
      li.appendChild(label);
      chosen.appendChild(li);
    }
    var empty = picker.querySelector("[data-picker-empty]");
    if (empty) empty.hidden = true;
    markDirty();
  }

  function isChosenIn(picker) {
    return function (item) {
      var box = picker.querySelector(
        "[data-picker-chosen] input[value='" + String(Number(item.id)) + "']"
      );
      return Boolean(box && box.checked);
    };
  }

  document.querySelectorAll("[data-picker]").forEach(function (picker) {
    var search = picker.querySelector("[data-picker-search]");
    var input = search.querySelector("input");
    var list = search.querySelector("[role=listbox]");
    var status = picker.querySelector("[data-picker-status]");
    search.hidden = false;
    new Combobox(input, list, {
      url: picker.getAttribute("data-search-url"),
      status: status,
      enterKeeps: true,
      queryOf: function (field) {
        return field.value;
      },
      isChosen: isChosenIn(picker),
      emptyText: "Không thấy. Có thể tạo nhanh ở dưới.",
      onChoose: function (item) {
        addChip(picker, item);
        input.value = "";
        status.textContent = "Đã thêm " + item.label + ".";
      },
    });
    setUpQuickCreate(picker);
  });

  // Creating a missing record from the picker ------------------------------------------

  function setUpQuickCreate(picker) {
    var quick = picker.querySelector("[data-quick]");
    var url = picker.getAttribute("data-create-url");
    if (!quick || !url) return;
    quick.hidden = false;
    var fields = quick.querySelector("[data-quick-fields]");
    var button = quick.querySelector("[data-quick-submit]");
    var result = quick.querySelector("[data-quick-result]");

    function send() {
      var body = new FormData();
      fields.querySelectorAll("[data-field]").forEach(function (field) {
        body.append(field.getAttribute("data-field"), field.value);
      });
      button.disabled = true;
      result.textContent = "Đang tạo…";
      fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      })
        .then(function (response) {
          return response.json().then(function (data) {
            return { ok: response.ok, data: data };
          });
        })
        .then(function (answer) {
          button.disabled = false;
          result.textContent = "";
          if (!answer.ok) {
            showErrors(result, answer.data);
            return;
          }
          addChip(picker, answer.data);
          fields.querySelectorAll("input[data-field]").forEach(function (field) {
            field.value = "";
          });
          var done = document.createElement("p");
          done.textContent = "Đã tạo “" + answer.data.label + "” và chọn vào bài. ";
          if (answer.data.admin_url) {
            var link = document.createElement("a");
            link.href = answer.data.admin_url;
            link.target = "_blank";
            link.rel = "noopener";
            link.textContent = "Bổ sung thông tin trong trang quản trị (thẻ mới)";
            done.appendChild(link);
          }
          result.appendChild(done);
        })
        .catch(function () {
          button.disabled = false;
          result.textContent = "Chưa tạo được: mất kết nối hoặc phiên đăng nhập đã hết. Hãy thử lại.";
        });
    }

    button.addEventListener("click", send);
    fields.addEventListener("keydown", function (event) {
      // Enter here means "create", never "submit the article".
      if (event.key === "Enter" && event.target.matches("input")) {
        event.preventDefault();
        send();
      }
    });
  }

  function showErrors(container, data) {
    var message = document.createElement("p");
    message.className = "quick__error";
    message.textContent = (data && data.error) || "Chưa tạo được.";
    container.appendChild(message);
    var errors = (data && data.errors) || {};
    var list = document.createElement("ul");
    list.className = "quick__error";
    Object.keys(errors).forEach(function (name) {
      errors[name].forEach(function (text) {
        var item = document.createElement("li");
        var field = container.parentNode.querySelector("[data-field='" + name + "']");
        var label = field && field.id ? document.querySelector("label[for='" + field.id + "']") : null;
        item.textContent = (label ? label.textContent.replace(/\s*\(bắt buộc\)/, "") + ": " : "") + text;
        list.appendChild(item);
      });
    });
    if (list.children.length) container.appendChild(list);
  }

  // Tags: existing names suggested for the word being typed ----------------------------

  document.querySelectorAll("[data-tag-input]").forEach(function (box) {
    var input = box.querySelector("input");
    var list = box.querySelector("[role=listbox]");
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    box.appendChild(status);
    function lastSegment(field) {
      var parts = field.value.split(",");
      return parts[parts.length - 1];
    }
    new Combobox(input, list, {
      url: box.getAttribute("data-search-url"),
      status: status,
      queryOf: lastSegment,
      emptyText: "Chưa có thẻ này; khi lưu, thẻ mới sẽ được tạo.",
      onChoose: function (item) {
        var parts = input.value.split(",");
        parts[parts.length - 1] = " " + item.label;
        input.value = parts.join(",").replace(/^\s+/, "") + ", ";
        status.textContent = "Đã thêm thẻ " + item.label + ".";
        markDirty();
      },
    });
  });

  // Copying a share link ------------------------------------------------------------------

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(
        function () {
          var label = button.textContent;
          button.textContent = "Đã sao chép";
          window.setTimeout(function () {
            button.textContent = label;
          }, 2000);
        },
        function () {
          source.select();
        }
      );
    });
  });
  document.querySelectorAll("[data-copy-source]").forEach(function (field) {
    field.addEventListener("focus", function () {
      field.select();
    });
  });
})();
