"""Builds the table fixtures the way users' tools make them, with writers huaide did not
write: openpyxl for .xlsx (date serials, merged header cells), Python's gb18030 codec for
the CSV Excel on Chinese Windows saves. Run from the repository root:

    .venv/bin/python py/scripts/make_table_fixtures.py

It rewrites tests/fixtures/tables/* and examples/huaideyuan/{people.csv,applications.xlsx};
the generated files are committed (openpyxl stamps its own save time, so they are not byte-stable).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "tables"
EXAMPLE = ROOT / "examples" / "huaideyuan"
# openpyxl stamps the workbook with the current time unless told otherwise.
STAMP = dt.datetime(2006, 3, 1, 9, 0, 0)


def save(book: openpyxl.Workbook, path: Path) -> None:
    book.properties.created = STAMP
    book.properties.modified = STAMP
    buffer = io.BytesIO()
    book.save(buffer)
    # Rewrite the zip with fixed entry times, so the bytes do not depend on the clock.
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2006, 3, 1, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    path.write_bytes(out.getvalue())


def gbk_csv(rows: list[list[str]], path: Path) -> None:
    """As Excel writes "CSV (逗号分隔)" on Chinese Windows: GB18030/GBK, CRLF, no BOM."""
    lines = []
    for row in rows:
        cells = ['"' + c.replace('"', '""') + '"' if ("," in c or '"' in c) else c for c in row]
        lines.append(",".join(cells))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))


def people_fixture() -> None:
    rows = [
        ["编号", "姓名", "出生日期", "户号", "居住类型", "标签", "备注"],
        ["r001", "张伟", "1941/5/12", "h01", "本社区", "elderly", ""],
        ["r002", "王芳", "1943年2月3日", "h01", "本社区", "elderly、chorus", "腿脚不便"],
        ["r003", "李娜", "1972-08-30", "h02", "周边社区", "", ""],
        ["r004", "刘洋", "1998/13/40", "h03", "本社区", "", "日期写错了"],
        ["", "", "", "", "", "", ""],
        ["r005", "陈静", "2001/2/29", "h04", "访客", "", "没有这一天"],
        ["r003", "李娜", "1972-08-30", "h02", "周边社区", "", "重复登记"],
        ["r006", "杨磊", "1995/7/1", "h05", "外地", "youth", "居住类型不认识"],
        ["r007", "赵敏", "", "h05", "本社区", "", "没有生日"],
    ]
    gbk_csv(rows, FIXTURES / "people_gbk.csv")


def applications_fixture() -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "报名表"
    ws["A1"] = "懷德苑社區 2006 年学习项目报名表"
    ws.merge_cells("A1:F1")
    for col, text in zip("ABF", ["编号", "姓名", "提交时间"]):
        ws[f"{col}2"] = text
        ws.merge_cells(f"{col}2:{col}3")
    ws["C2"] = "志愿"
    ws.merge_cells("C2:E2")
    for col, text in zip("CDE", ["一", "二", "三"]):
        ws[f"{col}3"] = text
    for row in (2, 3):
        for col in "ABCDEF":
            ws[f"{col}{row}"].font = Font(bold=True)
    data = [
        ["r001", "张伟", "戏曲大家唱", "欢乐家庭网上行", None, dt.datetime(2006, 3, 2, 9, 15)],
        ["r002", "王芳", "opera_singalong", "chorus", None, dt.datetime(2006, 3, 2, 9, 20)],
        ["r003", "李娜", "陶艺培训班", "夜校学习班", "二胡班", dt.datetime(2006, 3, 3, 18, 5)],
        ["r007", "赵敏", "陶艺培训班", "书法班", None, dt.datetime(2006, 3, 4, 10, 0)],
        ["r001", "张伟", "chorus", None, None, dt.datetime(2006, 3, 5, 8, 0)],
        ["r008", "孙丽", "夜校学习班", "夜校学习班", None, "昨天下午"],
    ]
    for r, row in enumerate(data, start=4):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, dt.datetime):
                cell.number_format = "yyyy/m/d h:mm"
    save(book, FIXTURES / "applications.xlsx")


def google_forms_fixture() -> None:
    """A Google Forms ranking grid (rows: works; columns: 1st/2nd/3rd choice) and a
    checkbox question, as "Download responses (.csv)" writes them."""
    q = "请为摄影作品排序 Rank the photographs"
    header = ["Timestamp", "Email Address"] + [f"{q} [{w}]" for w in ("ph-01", "ph-02", "ph-03")]
    header.append("您喜欢哪些书法作品？")
    rows = [
        ["2006/09/20 10:01:02 AM GMT+8", "r001@example.org", "1st choice", "2nd choice", "3rd choice", "ca-01, ca-02"],
        ["2006/09/20 10:05:40 AM GMT+8", "r002@example.org", "2nd choice", "1st choice", "", "ca-02"],
        ["2006/09/20 11:30:00 AM GMT+8", "r003@example.org", "", "", "", ""],
        ["2006/09/21 8:12:09 PM GMT+8", "r002@example.org", "3rd choice", "2nd choice", "1st choice", "ca-01"],
        ["2006/09/22 9:00:00 AM GMT+8", "r004@example.org", "1st choice", "1st choice", "", "ca-03"],
        ["2006/09/22 9:30:00 AM GMT+8", "r005@example.org", "2nd choice", "3rd choice", "1st choice", "ca-01, ca-03"],
    ]
    text = io.StringIO()
    import csv

    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    (FIXTURES / "google_forms.csv").write_text(text.getvalue(), encoding="utf-8")


def wjx_fixture() -> None:
    """问卷星 "按文本" download: metadata columns, then N、question; 排序题 as A→B→C,
    多选题 joined by ┋."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sheet1"
    ws.append(["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
               "1、您的居民编号", "2、请为书画作品排序", "3、您喜欢哪些摄影作品"])
    ws.append([1, "2006/9/20 10:01:02", "35秒", "微信", "N/A", "218.2.1.1(江苏-常州)", "r001",
               "陶艺→二胡→钢琴", "晨光┋古街"])
    ws.append([2, "2006/9/20 11:15:40", "50秒", "手机提交", "直接访问", "218.2.1.2(江苏-常州)", "r002",
               "二胡→陶艺", "古街"])
    ws.append([3, "2006/9/21 09:00:00", "20秒", "微信", "N/A", "218.2.1.3(江苏-常州)", "r001",
               "钢琴→陶艺→二胡", "晨光"])
    ws.append([4, "2006/9/21 12:00:00", "41秒", "微信", "N/A", "218.2.1.4(江苏-常州)", "r003",
               "(跳过)", "晨光┋古街┋红梅公园"])
    save(book, FIXTURES / "wjx.xlsx")


def microsoft_forms_fixture() -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sheet1"
    ws.append(["ID", "Start time", "Completion time", "Email", "Name", "Rank the programs"])
    ws.append([1, dt.datetime(2006, 3, 2, 9, 0), dt.datetime(2006, 3, 2, 9, 3), "r001@example.org", "张伟",
               "Pottery;Erhu;Piano;"])
    ws.append([2, dt.datetime(2006, 3, 2, 9, 5), dt.datetime(2006, 3, 2, 9, 7), "r002@example.org", "王芳",
               "Piano;Pottery;Erhu;"])
    ws.append([3, dt.datetime(2006, 3, 2, 9, 8), dt.datetime(2006, 3, 2, 9, 9), "r003@example.org", "李娜",
               "Erhu;Piano;Pottery;"])
    for row in ws.iter_rows(min_row=2, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "m/d/yy h:mm:ss"
    save(book, FIXTURES / "microsoft_forms.xlsx")


def tencent_fixture() -> None:
    """腾讯问卷 download (UTF-8 with BOM): metadata, then an 打分题 split into one column
    per option (N.题目:选项)."""
    header = ["编号", "用户类型", "用户标识", "昵称", "开始答题时间", "结束答题时间", "答题时长",
              "1.请为作品打分:晨光", "1.请为作品打分:古街", "1.请为作品打分:红梅公园"]
    rows = [
        ["1", "微信", "oAbc001", "老张", "2006-09-20 10:00:00", "2006-09-20 10:01:00", "60秒", "5", "3", "4"],
        ["2", "微信", "oAbc002", "王阿姨", "2006-09-20 10:02:00", "2006-09-20 10:03:30", "90秒", "4", "4", "2"],
        ["3", "微信", "oAbc003", "小李", "2006-09-20 10:05:00", "2006-09-20 10:06:00", "60秒", "1", "5", "5"],
    ]
    lines = [",".join(header)] + [",".join(r) for r in rows]
    (FIXTURES / "tencent_forms.csv").write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))


# ---- the example's roll: 120 residents, in the files a community worker would keep ----

MENUS = {
    "child": [("陶艺培训班", 6), ("钢琴班", 3), ("青少年科普兴趣小组", 2), ("周三歌曲合唱日", 1)],
    "adult": [("陶艺培训班", 5), ("二胡班", 3), ("夜校学习班：家庭心理健康系列讲座", 4), ("周三歌曲合唱日", 3), ("戏曲大家唱", 1),
              ("欢乐家庭网上行", 1)],
    "elder": [("欢乐家庭网上行", 6), ("戏曲大家唱", 5), ("二胡班", 2), ("周三歌曲合唱日", 2), ("夜校学习班：家庭心理健康系列讲座", 1)],
    "outsider": [("周三歌曲合唱日", 4), ("夜校学习班：家庭心理健康系列讲座", 4), ("戏曲大家唱", 2), ("陶艺培训班", 1)],
}
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林高罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"


def example_roll() -> tuple[list[list[object]], list[list[object]]]:
    rng = random.Random("huaideyuan-2006/synthetic-roll")
    as_of = dt.date(2006, 3, 6)
    people: list[list[object]] = []
    apps: list[list[object]] = []
    household = 0
    while len(people) < 120:
        household += 1
        residency = rng.choices(["周边社区", "访客", "本社区"], weights=[2, 1, 17])[0]
        kind = rng.randrange(10)
        if kind <= 3:
            parent = 30 + rng.randrange(16)
            ages = [parent, parent + rng.randrange(4), 6 + rng.randrange(11)]
            if rng.randrange(3) == 0:
                ages.append(60 + rng.randrange(20))
        elif kind <= 6:
            elder = 60 + rng.randrange(22)
            ages = [elder, elder + rng.randrange(5)]
        elif kind <= 8:
            ages = [18 + rng.randrange(42)]
        else:
            ages = [65 + rng.randrange(21)]
        for age in ages:
            if len(people) >= 120:
                break
            n = len(people) + 1
            pid = f"r{n:03d}"
            birth = dt.date(as_of.year - age, 1 + rng.randrange(12), 1 + rng.randrange(28))
            tags = "elderly" if age >= 60 else "youth" if 12 <= age <= 18 else "child" if age < 12 else ""
            name = SURNAMES[rng.randrange(len(SURNAMES))] + GIVEN[rng.randrange(len(GIVEN))]
            people.append([pid, name, f"{birth.year}/{birth.month}/{birth.day}", f"h{household:03d}",
                           residency, tags])
            if rng.randrange(10) < 7:
                profile = "outsider" if residency != "本社区" else (
                    "elder" if age >= 60 else "child" if age < 18 else "adult")
                menu = list(MENUS[profile])
                picks: list[str] = []
                for _ in range(min(len(menu), 1 + rng.randrange(3))):
                    title = rng.choices([m[0] for m in menu], weights=[m[1] for m in menu])[0]
                    menu = [m for m in menu if m[0] != title]
                    picks.append(title)
                minute = rng.randrange(60 * 24 * 4)
                when = dt.datetime(2006, 3, 1, 8, 0) + dt.timedelta(minutes=minute)
                apps.append([pid, name] + picks + [None] * (3 - len(picks)) + [when])
    return people, apps


def example_files() -> None:
    people, apps = example_roll()
    header = ["编号", "姓名", "出生日期", "户号", "居住类型", "标签"]
    gbk_csv([header] + [[str(c) for c in row] for row in people], EXAMPLE / "people.csv")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "报名表"
    ws.append(["懷德苑社區 2006 年学习项目报名表"])
    ws.merge_cells("A1:F1")
    ws.append(["编号", "姓名", "第一志愿", "第二志愿", "第三志愿", "提交时间"])
    for row in apps:
        ws.append(row)
        ws.cell(row=ws.max_row, column=6).number_format = "yyyy/m/d h:mm"
    save(book, EXAMPLE / "applications.xlsx")


def main() -> int:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    people_fixture()
    applications_fixture()
    google_forms_fixture()
    wjx_fixture()
    microsoft_forms_fixture()
    tencent_fixture()
    example_files()
    return 0


if __name__ == "__main__":
    sys.exit(main())
