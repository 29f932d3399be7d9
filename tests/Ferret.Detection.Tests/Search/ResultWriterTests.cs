using Ferret.Detection.Search;
using Ferret.Events;

namespace Ferret.Detection.Tests.Search;

/// <summary>CSV and table output stream their rows through a spool (memory, then disk) and still print what a writer
/// holding every row would: every column in the header, _time first, widths from every row.</summary>
public sealed class ResultWriterTests
{
    /// <summary>More rows than the spool keeps in memory; the last one alone has a column and the widest cell.</summary>
    private static IEnumerable<Event> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var e = new Event();
            e.Set("n", FieldValue.Of(i));
            if (i == count - 1)
            {
                e.Set("late", FieldValue.Of("a \"quoted\", wide value"));
            }

            e.Time = 0;
            yield return e;
        }
    }

    [Fact]
    public void Csv_of_rows_spilled_to_disk_has_every_column_and_every_row_in_order()
    {
        using var output = new StringWriter();

        ResultWriter.WriteCsv(output, Rows(25_000));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("_time,n,late", lines[0]);
        Assert.Equal(25_001, lines.Count);
        Assert.Equal("0,0,", lines[1]);
        Assert.Equal("0,12345,", lines[12_346]);
        Assert.Equal("0,24999,\"a \"\"quoted\"\", wide value\"", lines[^1]);
    }

    [Fact]
    public void Table_of_rows_spilled_to_disk_is_as_wide_as_its_widest_row()
    {
        using var output = new StringWriter();

        ResultWriter.WriteTable(output, Rows(12_000));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("_time                     n      late", lines[0]);
        Assert.Equal("------------------------  -----  ----------------------", lines[1]);
        Assert.Equal("1970-01-01T00:00:00.000Z  11999  a \"quoted\", wide value", lines[^2]);
        Assert.Equal("(12000 results)", lines[^1]);
    }

    [Fact]
    public void Table_without_rows_says_so()
    {
        using var output = new StringWriter();

        ResultWriter.WriteTable(output, []);

        Assert.Equal("(no results)", output.ToString().Trim());
    }
}
