import io

import pytest

from django.core.management import CommandError, call_command
from django.core.management import base as management_base
from django.core.management.base import OutputWrapper
from django.core.management.color import color_style

from imports.management.commands.import_posts import Command
from imports.progress import ProgressBar

from .conftest import posts


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_exit_code_is_zero_only_without_failures(blog, fixtures, capsys, monkeypatch):
    # run_from_argv is what manage.py calls; it closes the database connections
    # when done, which would end the test's transaction.
    monkeypatch.setattr(management_base.connections, "close_all", lambda: None)
    good = fixtures / "text" / "2020-05-01-fruehling.txt"
    Command().run_from_argv(["manage.py", "import_posts", str(good)])  # no exit
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(
            ["manage.py", "import_posts", str(fixtures / "wxr" / "kaputt.xml")]
        )
    assert exit_info.value.code == 1
    assert "1 Einträge fehlgeschlagen." in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal(blog, fixtures):
    def run(stderr):
        with pytest.raises(CommandError):  # the export has broken entries
            call_command(
                "import_posts",
                str(fixtures / "ghost" / "ghost-export.json"),
                "--dry-run",
                stdout=io.StringIO(),
                stderr=stderr,
            )
        return stderr.getvalue()

    assert run(io.StringIO()) == ""
    output = run(FakeTerminal())
    assert "\r[" in output and "] 10/10" in output and output.endswith("\n")


def test_progress_bar_draws_proportionally():
    terminal = FakeTerminal()
    ProgressBar(terminal)(3, 6, "Titel")
    assert "[###############...............] 3/6 Titel" in terminal.getvalue()


def test_progress_bar_is_not_coloured_like_an_error():
    terminal = FakeTerminal()
    stderr = OutputWrapper(terminal)
    stderr.style_func = color_style(force_color=True).ERROR  # as the command's stderr
    ProgressBar(stderr)(1, 2, "x")
    assert terminal.getvalue().startswith("\r[") and "\x1b" not in terminal.getvalue()


def test_summary_lists_every_outcome_with_reasons(run_import, blog, fixtures):
    result = run_import(fixtures / "wxr" / "export.xml", "--publish")
    out = result.out
    assert "Angelegt: 4" in out and "Aktualisiert: 0" in out
    assert "Übersprungen: 2" in out and "Fehlgeschlagen: 1" in out
    assert "Hinweise:" in out


def test_format_option_overrides_the_extension(run_import, blog, tmp_path):
    source = tmp_path / "notiz.txt"
    source.write_text(
        "---\ntitle: Markdown im Textkleid\ndate: 2022-02-02\n---\n**fett**\n"
    )
    run_import(source, "--format", "markdown")
    page = posts(blog)["markdown-im-textkleid"]
    assert page.body[0].value.source == "<p><b>fett</b></p>"


def test_unknown_or_missing_sources_are_named(run_import, blog, tmp_path):
    odd = tmp_path / "tabelle.csv"
    odd.write_text("a,b")
    assert "tabelle.csv: Format nicht erkannt" in run_import(odd).out
    missing = run_import(tmp_path / "gibtsnicht")
    assert "gibtsnicht: Datei oder Ordner nicht gefunden." in missing.out
    assert missing.failed


def test_index_option(run_import, blog, fixtures):
    with pytest.raises(CommandError, match=r"Keine Blog-Übersicht mit der ID 99999\."):
        call_command(
            "import_posts",
            str(fixtures / "text"),
            "--index",
            "99999",
            stdout=io.StringIO(),
        )
    run_import(fixtures / "text" / "ohne-datum.txt", "--index", blog.pk)
    assert list(posts(blog)) == ["ein-text-ohne-datum"]


def test_without_a_blog_index(db, fixtures):
    with pytest.raises(CommandError, match="keine Blog-Übersicht"):
        call_command("import_posts", str(fixtures / "text"), stdout=io.StringIO())


def test_a_parser_crash_fails_one_file_not_the_run(
    run_import, blog, fixtures, monkeypatch
):
    from imports.sources import markdown

    def explode(path, name, resolver):
        raise RuntimeError("kaputt")
        yield  # pragma: no cover

    monkeypatch.setattr(markdown, "parse", explode)
    (fixtures / "text" / "beitrag.md").write_text("# Titel\n\nText")
    result = run_import(fixtures / "text")
    assert "beitrag.md: Unerwarteter Fehler beim Lesen" in result.out
    assert "ein-text-ohne-datum" in posts(blog)
