using Ferret.Events;
using Ferret.Ingest;
using Ferret.Ingest.Windows;
using Ferret.Knowledge.Compilation;
using Ferret.Testing;

namespace Ferret.Knowledge.Tests;

/// <summary>Room in an event's table for what normalization adds is made once, from one number the knowledge learns per
/// source (<see cref="Ingest.Text.IIndexTimeRules.SearchTimeFieldRoom"/>): the Windows reader asks it for each event, so
/// normalizing the event in place does not grow (copy) its table.</summary>
public sealed class EventRoomTests
{
    private const string SecurityFile = "temp_scheduled_task_4698_4699.evtx";

    [Fact]
    public void A_source_no_event_of_which_was_normalized_yet_gets_no_room()
    {
        var knowledge = KnowledgeBase.Load([], new EngineKnowledgeCompiler());

        Assert.Equal(0, knowledge.IndexTime.SearchTimeFieldRoom("XmlWinEventLog:Security", WindowsEventMapper.SourceType));
    }

    [Fact]
    public void Events_read_after_their_source_was_normalized_come_with_room_for_what_normalization_added()
    {
        var file = SharedCorpus.Require(Path.Combine("data", "evtx-attack-samples", "Execution", SecurityFile));
        var knowledge = KnowledgeBase.Load([], new EngineKnowledgeCompiler());
        var options = IngestOptions.Default with { IndexTime = knowledge.IndexTime };
        var added = new List<int>();
        foreach (var e in InputReader.Read([file], options, new ProblemCollector()))
        {
            var before = e.FieldCount;
            var normalized = knowledge.AccelerateOnce([e]).Single();
            added.Add(normalized.FieldCount - before);
        }

        var room = knowledge.IndexTime.SearchTimeFieldRoom("XmlWinEventLog:Security", WindowsEventMapper.SourceType);
        Assert.True(room >= added.Min() && room > 0, $"room {room} for fields added {string.Join(", ", added)}");

        var again = InputReader.Read([file], options, new ProblemCollector()).ToList();
        Assert.NotEmpty(again);
        Assert.All(again, e => Assert.True(e.Room >= room, $"{e.Origin}: room {e.Room}, the knowledge answers {room}"));
    }
}
