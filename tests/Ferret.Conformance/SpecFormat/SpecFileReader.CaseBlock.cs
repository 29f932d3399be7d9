using System.Globalization;

namespace Ferret.Conformance.SpecFormat;

internal static partial class SpecFileReader
{
    /// <summary>The lines of one case, from its <c>case:</c> line up to the next one.</summary>
    private sealed class CaseBlock(string file, string[] lines, int start, int end, string? fileCite)
    {
        private readonly List<string> _problems = [];

        public SpecCase? TryBuild(List<string> problems)
        {
            var name = lines[start]["case:".Length..].Trim();
            var cite = fileCite;
            string? now = null;
            string? exclude = null;
            var ordering = RowOrdering.Exact;
            var exactColumns = false;
            var events = new List<SpecLine>();
            var query = new List<string>();
            var expected = new List<SpecLine>();
            var section = Section.Options;

            if (name.Length == 0)
            {
                Problem(start, "a case needs a name after 'case:'");
            }

            for (var i = start + 1; i < end; i++)
            {
                var line = lines[i];
                var trimmed = line.Trim();
                switch (section)
                {
                    case Section.Options or Section.Events when trimmed == "query:":
                        section = Section.Query;
                        break;
                    case Section.Options when trimmed == "events:":
                        section = Section.Events;
                        break;
                    case Section.Options or Section.Events when line.StartsWith(CiteMarker, StringComparison.Ordinal):
                        cite = line[CiteMarker.Length..].Trim();
                        break;
                    case Section.Options or Section.Events or Section.Expected when trimmed.Length == 0 || trimmed.StartsWith('#'):
                        break;
                    case Section.Options:
                        ReadOption(i, trimmed, ref now, ref exclude, ref ordering, ref exactColumns);
                        break;
                    case Section.Events:
                        events.Add(new SpecLine(i + 1, trimmed));
                        break;
                    case Section.Query when trimmed == "----":
                        section = Section.Expected;
                        break;
                    case Section.Query:
                        query.Add(line);
                        break;
                    default:
                        expected.Add(new SpecLine(i + 1, trimmed));
                        break;
                }
            }

            if (section != Section.Expected)
            {
                Problem(start, $"case '{name}' has no {(section == Section.Query ? "'----' after its query" : "'query:' section")}");
            }

            var queryText = string.Join('\n', query).Trim();
            if (section == Section.Expected && queryText.Length == 0)
            {
                Problem(start, $"case '{name}' has an empty query");
            }

            if (string.IsNullOrEmpty(cite))
            {
                Problem(start, $"case '{name}' cites no documentation page ('# cite: <url>')");
            }

            foreach (var eventLine in events)
            {
                if (EventJson.Validate(eventLine.Text) is { } eventProblem)
                {
                    Problem(eventLine.Number - 1, $"bad event: {eventProblem}");
                }
            }

            var expectation = section == Section.Expected ? ReadExpectation(expected) : null;
            problems.AddRange(_problems);
            return _problems.Count > 0 || expectation is null
                ? null
                : new SpecCase(file, name, start + 1, cite!, now, events, queryText, ordering, exactColumns, exclude, expectation);
        }

        private void ReadOption(int index, string option, ref string? now, ref string? exclude, ref RowOrdering ordering, ref bool exactColumns)
        {
            var colon = option.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? option : option[..colon].Trim();
            var value = colon < 0 ? string.Empty : option[(colon + 1)..].Trim();
            switch (key)
            {
                case "now" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _):
                    now = value;
                    break;
                case "exclude" when value.Length > 0:
                    exclude = value;
                    break;
                case "ordering" when value is "any" or "exact":
                    ordering = value == "any" ? RowOrdering.Any : RowOrdering.Exact;
                    break;
                case "columns" when value == "exact":
                    exactColumns = true;
                    break;
                default:
                    Problem(index, $"unknown or malformed option line: {option}");
                    break;
            }
        }

        private SpecExpectation? ReadExpectation(List<SpecLine> expected)
        {
            if (expected.Count == 0)
            {
                Problem(start, "no expected table or error after '----'");
                return null;
            }

            if (expected[0].Text.StartsWith("error", StringComparison.Ordinal))
            {
                var match = ErrorLine().Match(expected[0].Text);
                if (!match.Success || expected.Count > 1)
                {
                    Problem(expected[0].Number - 1, "an expected error is one line: 'error SPLnnnn' or 'error SPLnnnn at line:col'");
                    return null;
                }

                return new ExpectedError(
                    match.Groups["code"].Value,
                    match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : null,
                    match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : null);
            }

            return ExpectedTableReader.Read(expected, Problem);
        }

        private void Problem(int lineIndex, string message) => _problems.Add($"{file}:{lineIndex + 1}: {message}");

        private enum Section
        {
            Options,
            Events,
            Query,
            Expected,
        }
    }
}
