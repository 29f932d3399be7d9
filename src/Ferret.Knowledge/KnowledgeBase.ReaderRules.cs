using Ferret.Events;
using Ferret.Ingest.Text;
using Ferret.Knowledge.Normalization;

namespace Ferret.Knowledge;

public sealed partial class KnowledgeBase
{
    /// <summary>What the readers ask the knowledge: the apps' index-time rules, and how many fields normalization will add
    /// to an event of a source (what it has learnt so far), so a reader sizes a new event once.</summary>
    private sealed class ReaderRules(IIndexTimeRules indexTime, Normalizer normalizer) : IIndexTimeRules
    {
        public TextBreaking BreakingFor(string source, string sourceType) => indexTime.BreakingFor(source, sourceType);

        public void Apply(Event e) => indexTime.Apply(e);

        public int SearchTimeFieldRoom(string source, string sourceType) => normalizer.RulesFor(source, sourceType).AddedFieldsHint;
    }
}
