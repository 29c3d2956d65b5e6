"""Reading the files that lists and searches download, as a test sees them."""

import csv
import io


def csv_rows(response) -> list[list[str]]:
    """A CSV download's rows, header first; it must be a 200 in UTF-8 with its BOM."""
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))
