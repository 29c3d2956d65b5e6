import pytest

from goglobal.bulk.cells import parse_int
from goglobal.bulk.reader import read_sheet


@pytest.mark.parametrize(
    ("text", "number"),
    [("2010", 2010), ("007", 7), ("2 010", 2010), ("2010.0", 2010), ("+5", 5), ("-3", -3),
     ("２０１０", 2010)],
)  # fmt: skip
def test_parse_int_reads_whole_numbers(text, number):
    assert parse_int(text) == number


@pytest.mark.parametrize("text", ["", "20.5", "1e3", "twenty", "--1"])
def test_parse_int_refuses_the_rest(text):
    with pytest.raises(ValueError, match="Enter a whole number."):
        parse_int(text)


def test_read_sheet_strips_cells_and_skips_blank_lines():
    data = b" Tax code , Name ,\r\n , \r\n0100109106,  FPT \r\n\r\n=1+1,x\r\n"
    sheet = read_sheet(data)
    assert sheet.headers == ["Tax code", "Name"]
    assert sheet.rows == [(3, ["0100109106", "FPT"]), (5, ["=1+1", "x"])]
    assert sheet.formulas == [(5, 0)]
