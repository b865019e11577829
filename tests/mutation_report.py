"""What `make mutation` prints after mutmut has run: counts, then each surviving mutant as the
lines it changed, then the functions no fast test reaches. Run from the project root:
`python -m tests.mutation_report`. Reads mutmut's own results in mutants/ (mutmut is pinned in
requirements-dev.txt; this leans on its result files and diff helper)."""

from __future__ import annotations

from collections import Counter, defaultdict

from mutmut.mutation.data import SourceFileMutationData
from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

#: results that mean no test noticed the change
UNNOTICED = ("survived", "timeout", "suspicious")


def function_of(mutant: str) -> str:
    """`app.domain.money.xǁMoneyǁ__add____mutmut_3` → `Money.__add__`."""
    name = mutant.rpartition(".")[2].rpartition("__mutmut_")[0]
    return name.removeprefix("x_").removeprefix("xǁ").replace("ǁ", ".")


def changed_lines(diff: str) -> list[str]:
    return [
        line
        for line in diff.splitlines()
        if line[:1] in "-+" and not line.startswith(("---", "+++"))
    ]


def main() -> None:
    totals: Counter = Counter()
    per_file: dict[str, Counter] = defaultdict(Counter)
    unnoticed: list[tuple[str, str, str]] = []
    untested: dict[str, Counter] = defaultdict(Counter)
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for mutant, code in sorted(data.exit_code_by_key.items()):
            status = status_by_exit_code[code]
            if status == "not checked":
                continue
            totals[status] += 1
            per_file[str(path)][status] += 1
            if status in UNNOTICED:
                unnoticed.append((str(path), mutant, status))
            elif status == "no tests":
                untested[str(path)][function_of(mutant)] += 1

    print("\n== Mutants by result")
    for status, count in totals.most_common():
        print(f"{count:7d} {status}")
    print("\n== Per file")
    for path, counts in sorted(per_file.items()):
        print(f"{path}: " + ", ".join(f"{n} {status}" for status, n in counts.most_common()))
    print(f"\n== Mutants no test noticed ({len(unnoticed)})")
    for path, mutant, status in unnoticed:
        print(f"\n{path} {function_of(mutant)} ({mutant.rpartition('.')[2]}: {status})")
        for line in changed_lines(get_diff_for_mutant(mutant, path=path)):
            print(f"    {line}")
    if untested:
        print("\n== Functions no fast test calls (their mutants could not be checked)")
        for path, functions in sorted(untested.items()):
            listed = ", ".join(f"{name} ({n})" for name, n in sorted(functions.items()))
            print(f"{path}: {listed}")


if __name__ == "__main__":
    main()
