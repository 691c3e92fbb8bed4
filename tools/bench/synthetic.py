"""A synthetic Vietnamese customs corpus for the search scale benchmark.

    python -m tools.bench.synthetic --pages 2000 --out /tmp/corpus.yaml

Deterministic (seeded), never committed: the benchmark generates it into a
temporary directory. The format is the one the project's shared search
evaluation tool reads (it is not part of this repository): ``pages: [{slug, title, body}]`` and ``queries: [{q, expect, kind}]``.
Pages are about 3 kB of text in three sections, like the issue's measurement
(Material: 6.4 MB of search index for 2,000 pages).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

from scripts.vietnamese import fold

SUBJECTS = [
    "thủ tục hải quan",
    "tờ khai hải quan",
    "hàng hóa xuất khẩu",
    "hàng hóa nhập khẩu",
    "hàng tạm nhập tái xuất",
    "kiểm tra sau thông quan",
    "giấy chứng nhận xuất xứ",
    "kiểm tra thực tế hàng hóa",
    "hoàn thuế nhập khẩu",
    "miễn thuế xuất khẩu",
    "doanh nghiệp chế xuất",
    "gia công với thương nhân nước ngoài",
    "kho ngoại quan",
    "hàng quá cảnh",
    "phương tiện vận tải",
    "mã số hàng hóa",
    "trị giá hải quan",
    "bảo lãnh thuế",
    "nộp thuế điện tử",
    "hàng hóa bưu chính",
    "hành lý của người xuất cảnh",
    "hàng mẫu không thanh toán",
    "tài sản di chuyển",
    "hàng viện trợ nhân đạo",
    "phế liệu nhập khẩu",
    "hóa chất nguy hiểm",
    "thiết bị y tế",
    "thực phẩm đông lạnh",
    "máy móc đã qua sử dụng",
    "linh kiện điện tử",
    "gỗ và sản phẩm gỗ",
    "thủy sản tươi sống",
]
ACTIONS = [
    "đăng ký",
    "khai bổ sung",
    "hủy",
    "sửa đổi",
    "kiểm tra",
    "thông quan",
    "giải phóng",
    "đưa hàng về bảo quản",
    "phân loại",
    "xác định",
    "miễn kiểm tra",
    "tiếp nhận",
    "xử lý",
]
PLACES = [
    "cảng Hải Phòng",
    "cảng Đình Vũ",
    "cảng Lạch Huyện",
    "sân bay Cát Bi",
    "kho bãi tại Hải Phòng",
    "khu công nghiệp Nam Đình Vũ",
    "địa điểm kiểm tra tập trung",
]
SECTIONS = [
    "Trình tự thực hiện",
    "Thành phần hồ sơ",
    "Thời hạn giải quyết",
    "Căn cứ pháp lý",
    "Đối tượng thực hiện",
    "Lưu ý khi thực hiện",
    "Câu hỏi thường gặp",
]
FILLER = [
    "Người khai hải quan chịu trách nhiệm về tính chính xác của nội dung đã khai",
    "Cơ quan hải quan tiếp nhận, kiểm tra và phản hồi qua hệ thống xử lý dữ liệu điện tử",
    "Trường hợp hồ sơ chưa đầy đủ, công chức hải quan hướng dẫn doanh nghiệp bổ sung trong ngày",
    "Chứng từ có thể nộp dưới dạng bản chụp hoặc bản điện tử có chữ ký số",
    "Thời hạn được tính theo giờ làm việc kể từ khi tiếp nhận đủ hồ sơ hợp lệ",
    "Doanh nghiệp có thể phản ánh vướng mắc tới đầu mối của Chi cục để được giải đáp",
    "Hàng hóa thuộc diện kiểm tra chuyên ngành phải có kết quả trước khi thông quan",
    "Việc lưu giữ hồ sơ thực hiện trong thời hạn năm năm theo quy định của pháp luật.",
]
LAWS = [
    "Luật Hải quan 2014",
    "Nghị định 08/2015/NĐ-CP",
    "Thông tư 38/2015/TT-BTC",
    "Thông tư 39/2018/TT-BTC",
    "Nghị định 59/2018/NĐ-CP",
    "Luật Quản lý thuế 2019",
]


def _sentence(rng: random.Random, subject: str) -> str:
    parts = [rng.choice(FILLER).strip().rstrip(".")]
    if rng.random() < 0.6:
        parts.append(f"đối với {rng.choice(SUBJECTS)} tại {rng.choice(PLACES)}")
    if rng.random() < 0.4:
        # An article number drawn but not written next to the law: the build's
        # legal check rejects citations of amended articles (data/legal.yaml),
        # and the draw keeps the rest of the corpus as it was.
        rng.randint(1, 99)
        parts.append(f"theo {rng.choice(LAWS)}")
    if rng.random() < 0.5:
        parts.append(f"khi {rng.choice(ACTIONS)} {subject}")
    return ", ".join(parts) + "."


def corpus(pages: int = 2000, seed: int = 20141) -> dict:
    """``pages`` synthetic pages and one query per 20 pages (title without accents)."""
    rng = random.Random(seed)
    out_pages, queries = [], []
    for i in range(pages):
        subject = SUBJECTS[i % len(SUBJECTS)]
        action = ACTIONS[(i // len(SUBJECTS)) % len(ACTIONS)]
        place = PLACES[(i // (len(SUBJECTS) * len(ACTIONS))) % len(PLACES)]
        title = f"{action.capitalize()} {subject} tại {place} (mẫu {i + 1})"
        body = []
        for name in rng.sample(SECTIONS, 3):
            body.append(f"## {name}\n")
            body.append(" ".join(_sentence(rng, subject) for _ in range(4)) + "\n")
            body.append("".join(f"- {_sentence(rng, subject)}\n" for _ in range(2)))
        slug = f"mau-{i + 1:04d}"
        out_pages.append({"slug": slug, "title": title, "body": "\n".join(body)})
        if i % 20 == 0:
            queries.append(
                {
                    "q": fold(f"{action} {subject} {place} mau {i + 1}").lower(),
                    "expect": slug,
                    "kind": "synthetic",
                }
            )
    return {"pages": out_pages, "queries": queries}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    a.out.write_text(yaml.safe_dump(corpus(a.pages), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
