using System.Globalization;
using Ferret.Detection.Hunting;
using Ferret.Events;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>The evidence finder reads a field of its candidates once for all rows (a column), up to a bound, and past it
/// reads the field by name from each candidate as before: the evidence is the same either way.</summary>
public sealed class EvidenceColumnsTests
{
    [Fact]
    public void A_column_is_kept_for_the_next_rows_and_reads_only_the_values_asked_for()
    {
        var columns = new EvidenceColumns(Candidates(10));

        var first = columns.ColumnOf("host");

        Assert.NotNull(first);
        Assert.Same(first, columns.ColumnOf("host"));
        Assert.Equal(0, first.Read);
        Assert.Equal(["host-0", "host-1", "host-2", "host-0"], Enumerable.Range(0, 4).Select(i => first[i].Text));
        Assert.Equal("host-0", first[0].Text);
        Assert.Equal(4, first.Read);
    }

    [Fact]
    public void A_column_that_would_pass_the_bound_is_not_kept()
    {
        var columns = new EvidenceColumns(Candidates((EvidenceColumns.MaxCells / 2) + 1));

        Assert.NotNull(columns.ColumnOf("host"));
        Assert.Null(columns.ColumnOf("n"));
        Assert.NotNull(columns.ColumnOf("host"));
    }

    [Fact]
    public void A_candidate_without_the_field_has_a_null_value_in_its_column()
    {
        var candidates = Candidates(3);
        candidates[1].Remove("host");

        var column = new EvidenceColumns(candidates).ColumnOf("host")!;

        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(i => column[i].IsNull));
    }

    /// <summary>Rows agreeing with candidates on host (case ignored): the second row on reads columns, or past the bound
    /// reads by name; either way each row gets the candidates of its host, in order, up to the limit.</summary>
    [Theory]
    [InlineData(30)]
    [InlineData(EvidenceColumns.MaxCells + 1)]
    public void Every_row_gets_the_candidates_that_agree_with_it_with_or_without_columns(int candidateCount)
    {
        var candidates = Candidates(candidateCount);
        var finder = EvidenceFinder.Over(candidates);

        for (var row = 0; row < 3; row++)
        {
            var evidence = finder.For(Row(("host", $"HOST-{row}"), ("count", "9")), limit: 4, rowNumber: row);

            Assert.Equal(Enumerable.Range(0, 4).Select(k => $"event {(3 * k) + row}"), evidence.Select(e => e.Raw));
        }
    }

    [Fact]
    public void A_row_none_agrees_with_fully_gets_the_candidates_agreeing_on_the_most_fields_from_its_second_row_on_too()
    {
        var finder = EvidenceFinder.Over(Candidates(12));
        var byName = finder.For(Row(("host", "host-1"), ("n", "none")), limit: 10, rowNumber: 0);

        var byColumn = finder.For(Row(("host", "host-1"), ("n", "none")), limit: 10, rowNumber: 1);

        Assert.Equal(["event 1", "event 4", "event 7", "event 10"], byName.Select(e => e.Raw));
        Assert.Equal(byName.Select(e => e.Raw), byColumn.Select(e => e.Raw));
    }

    /// <summary>A text agrees with the same text in another case whatever its length (one longer than the buffer values
    /// are written into is compared as a string), and not with a text one character longer; the same by name (first row)
    /// and by column (second row).</summary>
    [Theory]
    [InlineData(300, "A", true)]
    [InlineData(40, "A", true)]
    [InlineData(40, "AB", false)]
    [InlineData(300, "AB", false)]
    public void A_text_agrees_with_the_same_text_in_another_case_whatever_its_length(int length, string tail, bool agrees)
    {
        var candidate = new Event { Raw = "the candidate" };
        candidate.Set("CommandLine", FieldValue.Of(new string('x', length) + "a"));
        var finder = EvidenceFinder.Over([candidate]);
        var row = Row(("CommandLine", new string('X', length) + tail));

        Assert.Equal(agrees ? 1 : 0, finder.For(row, limit: 5, rowNumber: 0).Count);
        Assert.Equal(agrees ? 1 : 0, finder.For(row, limit: 5, rowNumber: 1).Count);
    }

    [Theory]
    [InlineData("42", true)]
    [InlineData("42.0", false)]
    public void A_number_agrees_with_the_text_splunk_prints_for_it(string text, bool agrees)
    {
        var candidate = new Event { Raw = "the candidate" };
        candidate.Set("pid", FieldValue.Of(Scalar.Of(42.0)));

        var evidence = EvidenceFinder.Over([candidate]).For(Row(("pid", text)), limit: 5, rowNumber: 0);

        Assert.Equal(agrees ? 1 : 0, evidence.Count);
    }

    private static List<Event> Candidates(int count)
    {
        var events = new List<Event>(count);
        for (var i = 0; i < count; i++)
        {
            var e = new Event { Raw = $"event {i}" };
            e.Set("host", FieldValue.Of($"host-{i % 3}"));
            e.Set("n", FieldValue.Of(i.ToString(CultureInfo.InvariantCulture)));
            events.Add(e);
        }

        return events;
    }

    private static Event Row(params (string Name, string Value)[] fields)
    {
        var row = new Event();
        foreach (var (name, value) in fields)
        {
            row.Set(name, FieldValue.Of(value));
        }

        return row;
    }
}
