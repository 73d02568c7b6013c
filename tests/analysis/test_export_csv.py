"""CSV export: formula cells neutralised in every kind of text column, numbers untouched."""
import pandas as pd

from explorer.analysis.export import safe_csv_frame, write_table_csv


def test_text_columns_of_every_dtype_are_neutralised():
    frame = pd.DataFrame({
        "plain": ["=1+1", "ok", None],
        "string": pd.array(["@SUM(A1)", "-x", pd.NA], dtype="string"),
        "category": pd.Categorical(["+cmd", "fine", "\tTab"]),
        "number": [-2.5, 3.0, -1e9],
        "ids": ["-12", "+3.5", "-1e5"],
    })
    out = safe_csv_frame(frame)
    assert list(out["plain"][:2]) == ["'=1+1", "ok"] and pd.isna(out["plain"][2])
    assert list(out["string"][:2]) == ["'@SUM(A1)", "'-x"]
    assert list(out["category"]) == ["'+cmd", "fine", "'\tTab"]
    assert list(out["number"]) == [-2.5, 3.0, -1e9]
    assert list(out["ids"]) == ["-12", "+3.5", "-1e5"]  # plain numbers stay as they are


def test_written_csv_reads_back(tmp_path):
    frame = pd.DataFrame({"name": ["=HYPERLINK(\"x\")", "São Félix"], "ha": [-1.5, 2.0]})
    path = write_table_csv(frame, tmp_path / "t.csv")
    back = pd.read_csv(path, encoding="utf-8")
    assert list(back["name"]) == ["'=HYPERLINK(\"x\")", "São Félix"]
    assert list(back["ha"]) == [-1.5, 2.0]


def test_string_columns_without_formula_cells_are_kept_and_the_others_fixed():
    """A vectorised test lets a string column with no formula cell through unchanged; one
    formula cell anywhere sends the column through the cell-by-cell rule."""
    safe = pd.Series(["a", "b", None] * 1000, dtype="string[pyarrow]")
    risky = safe.copy()
    risky[2999] = "=cmd"
    out = safe_csv_frame(pd.DataFrame({"safe": safe, "risky": risky}))
    assert out["safe"].equals(safe)
    assert out["risky"].iloc[2999] == "'=cmd" and out["risky"].iloc[0] == "a"
    assert pd.isna(out["risky"].iloc[2])
