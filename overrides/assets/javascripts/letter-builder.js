/*
 * Letter builders (soan-van-ban/): the difficulty letter of Điều 6 of the
 * cooperation regulation and the denunciation of Luật Tố cáo 2018, Điều 23.
 *
 * Everything happens in this page: the form is checked, the letter is built
 * as DOM with textContent only (never innerHTML: what a user types stays
 * text), printed with the browser's print dialog, copied from a textarea.
 * Limits, holidays, receiving units and channels come from one generated
 * file, du-lieu.json (scripts/contacts/builder_data.py), read once when the
 * page loads, so the builder keeps working offline afterwards. A draft is kept
 * in localStorage only while the user ticks "Lưu bản nháp".
 */
(function () {
  "use strict";

  var DATA_URL = "du-lieu.json";
  var UNIT_WORDS = { "working-days": "ngày làm việc", days: "ngày", "working-hours": "giờ làm việc" };
  var WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

  /* ---- Tax code (mã số thuế): 10 digits, or 13 with a branch suffix. The
     10th digit is 10 - (Σ weight × digit mod 11) over the first nine. ---- */
  function taxCodeProblem(raw) {
    var s = raw.replace(/[\s.]/g, "");
    if (!/^\d{10}(-?\d{3})?$/.test(s)) return "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số (10 chữ số, dấu gạch, 3 chữ số của đơn vị phụ thuộc).";
    var d = s.replace("-", "");
    if (d.slice(2, 9) === "0000000" || (d.length === 13 && d.slice(10) === "000")) return "Mã số thuế không hợp lệ: kiểm tra lại từng chữ số.";
    var sum = 0;
    for (var i = 0; i < 9; i++) sum += WEIGHTS[i] * +d.charAt(i);
    if (10 - (sum % 11) !== +d.charAt(9)) return "Mã số thuế sai chữ số kiểm tra (chữ số thứ 10): kiểm tra lại từng chữ số.";
    return "";
  }

  /* ---- Dates: dd/mm/yyyy in, UTC dates inside, dd/mm/yyyy out. ---- */
  function parseDate(text) {
    var m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text || "");
    if (!m) return null;
    var d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1]));
    return d.getUTCDate() === +m[1] && d.getUTCMonth() === +m[2] - 1 ? d : null;
  }
  function iso(d) { return d.toISOString().slice(0, 10); }
  var pad = KbDate.pad;   // dates.js, earlier in the same bundle
  function vn(d) { return KbDate.format(d, true); }
  var WEEKDAYS = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];
  function vnLong(d) { return WEEKDAYS[d.getUTCDay()] + " " + vn(d); }
  function addDays(d, n) { return new Date(d.getTime() + n * 86400000); }

  /* A calendar of days off built from data/holidays.yaml. */
  function Calendar(holidays) {
    this.off = {}; this.work = {}; this.years = {};
    var self = this;
    holidays.years.forEach(function (y) {
      self.years[y.year] = y;
      y.days_off.forEach(function (p) {
        for (var d = new Date(p.from + "T00:00:00Z"); iso(d) <= p.to; d = addDays(d, 1)) self.off[iso(d)] = p.name;
      });
      (y.work_days || []).forEach(function (w) { self.work[w.date] = w.name; });
    });
  }
  Calendar.prototype.isWorkingDay = function (d) {
    var key = iso(d), day = d.getUTCDay();
    if (this.work[key]) return true;
    if (day === 0 || day === 6) return false;
    return !this.off[key];
  };
  /* N working days after the day of receipt (that day itself not counted). */
  Calendar.prototype.addWorkingDays = function (start, n) {
    var d = start;
    while (n > 0) { d = addDays(d, 1); if (this.isWorkingDay(d)) n--; }
    return d;
  };
  Calendar.prototype.nextWorkingDay = function (d) { return this.addWorkingDays(d, 1); };
  /* Years a period touches whose official schedule is not (yet) read. */
  Calendar.prototype.unannounced = function (from, to) {
    var out = [];
    for (var y = from.getUTCFullYear(); y <= to.getUTCFullYear(); y++) {
      if (!this.years[y] || !this.years[y].announced) out.push(y);
    }
    return out;
  };
  Calendar.prototype.due = function (start, deadline) {
    if (deadline.unit === "working-days") return this.addWorkingDays(start, deadline.value);
    if (deadline.unit === "days") return addDays(start, deadline.value);
    return null;   // working hours: counted on the day, no date to show
  };

  /* ---- DOM helpers: text only. ---- */
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function amount(d) { return pad(d.value) + " " + UNIT_WORDS[d.unit]; }

  function fieldValue(form, name) {
    var f = form.elements[name];
    if (!f) return "";
    return f.type === "checkbox" ? f.checked : String(f.value || "").trim();
  }
  function labelOf(field) {
    var label = field.form.querySelector('label[for="' + field.id + '"]');
    return label ? label.firstChild.textContent.trim() : field.name;
  }

  /* ---- Validation: every problem listed, announced, focus to the first. ---- */
  function validate(form) {
    var problems = [];
    Array.prototype.forEach.call(form.querySelectorAll("input, textarea, select"), function (f) {
      var value = String(f.value || "").trim();
      var required = f.hasAttribute("data-required") ||
        (f.getAttribute("data-required-if") && form.elements[f.getAttribute("data-required-if")].checked);
      var message = "";
      if (required && !value) message = "Chưa điền: " + labelOf(f) + ".";
      else if (value && f.getAttribute("data-kind") === "mst") message = taxCodeProblem(value);
      else if (value && f.getAttribute("data-kind") === "date" && !parseDate(value)) {
        message = labelOf(f) + ": ghi ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2026.";
      }
      setError(f, message);
      if (message) problems.push({ field: f, message: message });
    });
    return problems;
  }
  function setError(field, message) {
    var id = field.id + "-error";
    var box = document.getElementById(id);
    var described = (field.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (message) {
      if (!box) {
        box = el("span", "kb-error");
        box.id = id;
        field.parentNode.appendChild(box);
      }
      box.textContent = message;
      described.push(id);
      field.setAttribute("aria-invalid", "true");
    } else {
      if (box) box.parentNode.removeChild(box);
      field.removeAttribute("aria-invalid");
    }
    if (described.length) field.setAttribute("aria-describedby", described.join(" "));
    else field.removeAttribute("aria-describedby");
  }
  function showErrors(form, problems) {
    var box = form.querySelector("[data-errors]");
    box.textContent = "";
    if (!problems.length) { box.hidden = true; return; }
    box.appendChild(el("p", "kb-builder__errors-title", "Còn thiếu hoặc chưa đúng " + problems.length + " mục; văn bản chưa được tạo:"));
    var list = el("ul");
    problems.forEach(function (p) {
      var item = el("li");
      var link = el("a", null, p.message);
      link.href = "#" + p.field.id;
      link.addEventListener("click", function (e) { e.preventDefault(); p.field.focus(); });
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(list);
    box.hidden = false;
    problems[0].field.focus();
  }

  /* ---- The letter, as lines of text shared by the DOM and the plain copy. ---- */
  function dateLine(place, d) {
    return (place ? place + ", " : "") + "ngày " + pad(d.getUTCDate()) + " tháng " + pad(d.getUTCMonth() + 1) + " năm " + d.getUTCFullYear();
  }
  function lines(text) { return String(text).split(/\r?\n/).map(function (s) { return s.trim(); }).filter(Boolean); }

  function difficultyLetter(form, data, unit) {
    var v = function (n) { return fieldValue(form, n); };
    var sent = parseDate(v("ngay_gui"));
    var main = data.levels[0].deadlines[0];
    var body = [
      ["Kính gửi: " + unit.name + "."],
      ["Doanh nghiệp: " + v("ten_dn") + "; mã số thuế: " + v("mst") + "; địa chỉ: " + v("dia_chi") + "."],
      ["Người phụ trách: " + v("nguoi_lh") + "; liên hệ: " + v("lien_he") + "."]
    ];
    if (v("lo_hang")) {
      body.push(["Vướng mắc gắn với tờ khai số " + v("so_to_khai") + ", làm thủ tục tại " + v("don_vi_hq") + " ngày " + v("thoi_diem") + "."]);
    }
    body.push(["1. Nội dung vướng mắc:"].concat(lines(v("noi_dung"))));
    body.push(["2. Quy định pháp luật có liên quan:"].concat(lines(v("quy_dinh"))));
    body.push(["3. Cách hiểu và đề xuất của doanh nghiệp:"].concat(lines(v("cach_hieu"))));
    var files = lines(v("tai_lieu"));
    body.push(["4. Tài liệu kèm theo: " + (files.length ? "" : "không có.")].concat(files.map(function (f) { return "- " + f; })));
    body.push(["Doanh nghiệp đề nghị " + unit.name + " trả lời bằng văn bản trong thời hạn " + amount(main) +
      " (" + main.basis + ")."]);
    return {
      left: [v("ten_dn").toUpperCase(), "Số: " + (v("so") || "……"), "V/v " + (v("trich_yeu") || "nêu vướng mắc")],
      right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", dateLine(v("noi_viet"), sent)],
      title: "",
      body: body,
      recipients: ["Nơi nhận:", "- Như trên;", "- Lưu: VT."],
      sign: ["ĐẠI DIỆN DOANH NGHIỆP", "(Ký, ghi rõ họ tên, đóng dấu)"]
    };
  }

  function denunciationLetter(form, data, step) {
    var v = function (n) { return fieldValue(form, n); };
    var sent = parseDate(v("ngay_gui"));
    var body = [
      ["Kính gửi: " + step.who + "."],
      ["Tôi là: " + v("ho_ten") + "; địa chỉ: " + v("dia_chi") + "; cách liên hệ: " + v("lien_he") +
        (v("doanh_nghiep") ? "; làm việc tại: " + v("doanh_nghiep") : "") + "."],
      ["Tôi tố cáo người có hành vi vi phạm pháp luật sau đây:"],
      ["1. Người bị tố cáo: " + v("nguoi_bi_to_cao") + "."],
      ["2. Hành vi vi phạm pháp luật bị tố cáo:"].concat(lines(v("hanh_vi")))
    ];
    var other = lines(v("thong_tin_khac"));
    body.push(["3. Thông tin khác có liên quan: " + (other.length ? "" : "không có.")].concat(other));
    var files = lines(v("tai_lieu"));
    body.push(["4. Tài liệu, chứng cứ kèm theo: " + (files.length ? "" : "không có.")].concat(files.map(function (f) { return "- " + f; })));
    body.push(["Tôi đề nghị giữ bí mật họ tên, địa chỉ, bút tích và thông tin cá nhân của tôi theo Luật Tố cáo" +
      (v("bao_ve") ? ", và áp dụng biện pháp bảo vệ người tố cáo." : ".")]);
    body.push(["Tôi cam đoan nội dung tố cáo trên là trung thực và chịu trách nhiệm trước pháp luật về nội dung tố cáo của mình."]);
    return {
      left: [],
      right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", dateLine(v("noi_viet"), sent)],
      title: "ĐƠN TỐ CÁO",
      body: body,
      recipients: [],
      sign: ["NGƯỜI TỐ CÁO", "(Ký, ghi rõ họ tên hoặc điểm chỉ)", "", "", v("ho_ten")]
    };
  }

  function renderLetter(article, letter) {
    article.textContent = "";
    var head = el("div", "kb-letter__head");
    var left = el("div", "kb-letter__org");
    letter.left.forEach(function (t, i) { left.appendChild(el("p", i === 0 ? "kb-letter__strong" : "", t)); });
    var right = el("div", "kb-letter__nation");
    letter.right.forEach(function (t, i) {
      right.appendChild(el("p", ["kb-letter__strong", "kb-letter__motto", "kb-letter__date"][i], t));
    });
    head.appendChild(left);
    head.appendChild(right);
    article.appendChild(head);
    if (letter.title) article.appendChild(el("p", "kb-letter__title", letter.title));
    letter.body.forEach(function (para) {
      para.forEach(function (t, i) { article.appendChild(el("p", i ? "kb-letter__cont" : "kb-letter__para", t)); });
    });
    var foot = el("div", "kb-letter__foot");
    var rec = el("div", "kb-letter__recipients");
    letter.recipients.forEach(function (t, i) { rec.appendChild(el("p", i === 0 ? "kb-letter__strong" : "", t)); });
    var sign = el("div", "kb-letter__sign");
    letter.sign.forEach(function (t, i) { sign.appendChild(el("p", i === 0 ? "kb-letter__strong" : "", t || "\u00a0")); });
    foot.appendChild(rec);
    foot.appendChild(sign);
    article.appendChild(foot);
  }

  function plainText(letter) {
    var out = letter.right.slice(0, 2).concat([""], letter.left, [letter.right[2], ""]);
    if (letter.title) out.push(letter.title, "");
    letter.body.forEach(function (p) { out = out.concat(p); });
    out.push("");
    out = out.concat(letter.recipients, [""], letter.sign.filter(Boolean));
    return out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
  }

  /* ---- Due dates at each level or step, from the same data as /phan-anh/. ---- */
  function deadlineTable(container, cal, items, start, label) {
    container.textContent = "";
    var table = el("table", "kb-deadlines");
    var caption = el("caption", null, "Nếu văn bản được nhận ngày " + vnLong(start) +
      ": mỗi cấp được tính từ ngày làm việc sau hạn của cấp trước, khi chưa có trả lời.");
    table.appendChild(caption);
    var headRow = el("tr");
    ["Cấp", "Gửi tới", "Hạn trả lời", "Căn cứ"].forEach(function (h) {
      var th = el("th", null, h); th.scope = "col"; headRow.appendChild(th);
    });
    var thead = el("thead"); thead.appendChild(headRow); table.appendChild(thead);
    var tbody = el("tbody");
    var when = start, last = start;
    items.forEach(function (item, i) {
      var tr = el("tr");
      var th = el("th", null, label + " " + (item.level || item.step)); th.scope = "row"; tr.appendChild(th);
      tr.appendChild(el("td", null, item.who));
      var main = item.deadlines[0];
      var due = cal.due(when, main);
      var cell = el("td");
      if (due) {
        cell.appendChild(el("strong", null, vnLong(due)));
        cell.appendChild(document.createTextNode(" (" + amount(main) + " kể từ " + vn(when) + ": " + main.what + ")"));
        last = due;
      } else {
        cell.textContent = amount(main) + ": " + main.what;
      }
      var next = items[i + 1];
      if (next && due) {
        cell.appendChild(el("span", "kb-deadlines__next", "Hết ngày " + vn(due) + " chưa có trả lời: gửi " +
          label.toLowerCase() + " " + (next.level || next.step) + " (" + next.who + "), kèm văn bản đã gửi."));
      }
      tr.appendChild(cell);
      tr.appendChild(el("td", null, main.basis));
      tbody.appendChild(tr);
      if (due) when = cal.nextWorkingDay(due);
    });
    table.appendChild(tbody);
    container.appendChild(table);
    var years = cal.unannounced(start, last);
    if (years.length) {
      var warn = el("p", "kb-warning", "Lịch nghỉ lễ, Tết chính thức của năm " + years.join(", ") +
        " chưa được đối chiếu: ngày trên có thể sớm hơn hạn thực tế.");
      container.appendChild(warn);
    }
    Object.keys(cal.years).forEach(function (y) {
      if (+y < start.getUTCFullYear() || +y > last.getUTCFullYear()) return;
      cal.years[y].uncertain.forEach(function (u) { container.appendChild(el("p", "kb-help", u)); });
    });
    container.appendChild(el("p", "kb-help", "Ngày nghỉ: " + cal.basis + "."));
  }

  /* ---- Drafts: only while "Lưu bản nháp" is ticked. ---- */
  function draftKey(form) { return "kb-letter-draft:" + form.getAttribute("data-letter-builder"); }
  function saveDraft(form) {
    if (!form.elements.luu_nhap.checked) return;
    var values = {};
    Array.prototype.forEach.call(form.elements, function (f) {
      if (!f.name || f.hasAttribute("data-nosave")) return;
      values[f.name] = f.type === "checkbox" ? f.checked : f.value;
    });
    try { localStorage.setItem(draftKey(form), JSON.stringify(values)); } catch (e) { /* storage off */ }
  }
  function loadDraft(form) {
    var raw;
    try { raw = localStorage.getItem(draftKey(form)); } catch (e) { return; }
    if (!raw) return;
    var values = JSON.parse(raw);
    Object.keys(values).forEach(function (name) {
      var f = form.elements[name];
      if (!f || !f.name) return;
      if (f.type === "checkbox") f.checked = !!values[name]; else f.value = String(values[name]);
    });
    form.elements.luu_nhap.checked = true;
  }

  function copy(textarea, status) {
    var text = textarea.value;
    var done = function () { status.textContent = "Đã sao chép nội dung văn bản."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { textarea.select(); document.execCommand("copy"); done(); });
    } else {
      textarea.select(); document.execCommand("copy"); done();
    }
  }

  function fillUnits(form, data) {
    var select = form.querySelector("select[data-units]");
    if (!select || select.options.length) return;
    if (select.getAttribute("data-units") === "levels") {
      data.units.forEach(function (u) {
        var o = el("option", null, u.name); o.value = u.id; select.appendChild(o);
      });
    } else {
      data.steps.forEach(function (s) {
        var o = el("option", null, s.when + " → gửi " + s.who); o.value = String(s.step); select.appendChild(o);
      });
    }
  }

  function init(form, data) {
    var cal = new Calendar(data.holidays);
    cal.basis = data.holidays.basis;
    var kind = form.getAttribute("data-letter-builder");
    var root = form.parentNode;
    var output = root.querySelector("[data-output]");
    var status = root.querySelector("[data-status]");
    fillUnits(form, data);
    loadDraft(form);
    if (!form.elements.ngay_gui.value) {
      var now = new Date();
      form.elements.ngay_gui.value = KbDate.format(now, false);
    }
    form.addEventListener("input", function () { saveDraft(form); });
    form.addEventListener("change", function (e) {
      if (e.target.name === "luu_nhap" && !e.target.checked) {
        try { localStorage.removeItem(draftKey(form)); } catch (err) { /* storage off */ }
        status.textContent = "Đã xóa bản nháp khỏi thiết bị này.";
      }
      saveDraft(form);
    });
    form.querySelector('[data-action="clear"]').addEventListener("click", function () {
      try { localStorage.removeItem(draftKey(form)); } catch (err) { /* storage off */ }
      form.reset();
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (f) { setError(f, ""); });
      showErrors(form, []);
      output.hidden = true;
      document.documentElement.classList.remove("kb-letter-ready");
      status.textContent = "Đã xóa nội dung đã nhập và bản nháp trên thiết bị này.";
    });
    output.querySelector('[data-action="print"]').addEventListener("click", function () { window.print(); });
    output.querySelector('[data-action="copy"]').addEventListener("click", function () {
      copy(output.querySelector("[data-plain]"), status);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var problems = validate(form);
      showErrors(form, problems);
      if (problems.length) {
        output.hidden = true;
        document.documentElement.classList.remove("kb-letter-ready");
        status.textContent = "";
        return;
      }
      var start = parseDate(fieldValue(form, "ngay_gui"));
      var letter, items, label, email = "", recipient;
      if (kind === "vuong-mac") {
        recipient = data.units.filter(function (u) { return u.id === form.elements.noi_nhan.value; })[0];
        letter = difficultyLetter(form, data, recipient);
        items = data.levels; label = "Cấp"; email = recipient.email || "";
      } else {
        var n = +form.elements.cap.value;
        var chosen = data.steps.filter(function (s) { return s.step === n; })[0];
        letter = denunciationLetter(form, data, chosen);
        items = data.steps.filter(function (s) { return s.step >= n; }); label = "Bước";
        recipient = { name: chosen.who };
      }
      renderLetter(output.querySelector("[data-letter]"), letter);
      var text = plainText(letter);
      output.querySelector("[data-plain]").value = text;
      var mail = output.querySelector("[data-mailto]");
      var note = output.querySelector("[data-mailto-note]");
      if (email) {
        mail.href = "mailto:" + email + "?subject=" + encodeURIComponent(letter.left[2] || letter.title) +
          "&body=" + encodeURIComponent(text);
        mail.hidden = false;
        note.textContent = "";
      } else {
        mail.hidden = true;
        mail.removeAttribute("href");
        note.textContent = "Chưa có địa chỉ thư điện tử đã xác minh của " + recipient.name +
          ": in văn bản, ký và gửi qua bưu điện hoặc nộp trực tiếp; địa chỉ nhận văn bản hỏi qua kênh đã xác minh ở bảng thời hạn dưới đây.";
      }
      var portal = output.querySelector("[data-portal]");
      portal.textContent = "";
      data.channels.forEach(function (ch) {
        var use = kind === "vuong-mac" ? "escalation" : "misconduct";
        if (ch.uses.indexOf(use) < 0) return;
        var p = el("p", "kb-channel");
        p.appendChild(el("strong", null, ch.name + ": "));
        if (ch.url) {
          var a = el("a", null, ch.url); a.href = ch.url; a.rel = "noopener"; p.appendChild(a);
          if (ch.kind === "portal") p.appendChild(document.createTextNode(" (dán nội dung ở ô trên vào mục nội dung phản ánh)"));
        }
        if (ch.hotline) {
          var shown = ch.hotline.replace(/^\+84(1[89]00)(\d+)$/, "$1 $2");
          var t = el("a", null, shown); t.href = "tel:" + ch.hotline; p.appendChild(t);
        }
        portal.appendChild(p);
      });
      deadlineTable(output.querySelector("[data-deadlines]"), cal, items, start, label);
      output.hidden = false;
      document.documentElement.classList.add("kb-letter-ready");
      status.textContent = "Đã tạo văn bản. Kiểm tra lại trước khi in hoặc gửi.";
      output.querySelector("#kb-output-title").focus();
    });
  }

  function run() {
    var form = document.querySelector("form[data-letter-builder]");
    if (!form || form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    var status = form.parentNode.querySelector("[data-status]");
    var url = new URL(form.getAttribute("data-src") || DATA_URL, window.location.href);
    fetch(url.href, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        window.kbLetter.data = data;
        init(form, data);
        form.setAttribute("data-loaded", "");
      })
      .catch(function () {
        status.textContent = "Không tải được dữ liệu thời hạn và đơn vị nhận: hãy tải lại trang khi có mạng.";
      });
  }

  window.kbLetter = { taxCodeProblem: taxCodeProblem, Calendar: Calendar, parseDate: parseDate };

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
